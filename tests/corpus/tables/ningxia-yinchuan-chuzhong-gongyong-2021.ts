/**
 * 宁夏 银川市第六中学, 2021: 银川市本级部门项目支出绩效自评表 of 初中公用经费 (主管部门 银川市教育局) — the older
 * four-groups form: 一级 项目决策(10分) / 项目管理(25分) / 项目产出(30分) / 项目效益(35分), the 10 execution points on
 * an indicator row (预算执行率 under 项目管理 · 投入管理), a funds block with no 分值/得分 (年初预算数, 调整预算数(A),
 * 全年执行数(B), 执行率(B/A)), 二级 labels carrying weights ("数量指标(10分)"), 参考分值 before 指标值(A), reserved
 * "指标2:" rows, and the self-assessed total written at the top ("自评得分 98") instead of a 总分 row.
 * Its own mistakes kept: the execution row reads 100% (64.8 of 64.8) yet is given 9 of 10, and the stated row scores
 * (10 + 24 + 29 + 21 = 84 before 满意度) cannot reach the 98 written at the top.
 */
import type { CorpusFixture } from '../corpusFixture';

export const fixture: CorpusFixture = {
  source: {
    title: '银川市本级部门项目支出绩效自评表（2021年）— 初中公用经费',
    publisher: '银川市第六中学（文档转载于 优知文库 yzwku.com）',
    province: '宁夏',
    year: 2021,
    url: 'https://m.yzwku.com/doc/476505.html',
    completed:
      'The copy is OCR text of a scanned .docx, cells in reading order. Read back: OCR slips corrected where the reading is ' +
      'certain (预匏→预算, 调整预算将,A、→调整预算数(A), 考值参分→参考分值, 测第→测算, 项Fl/顼目→项目, IO→10, M.8万元→14.8万元 ' +
      '(15 + 35 + 14.8 = 64.8), 行个→有个, 指标L→指标1). The placement of 自评得分/财政审核评分 in the header rows is ' +
      'reconstructed. The 年度总体目标完成情况 text is unreadable ("公,4") and left empty. The copy is cut off inside the last ' +
      'row, "服务对象满意度指标(10分) 学生和老…": that row is completed only as far as shown (二级 label with its 10 points, ' +
      'the name 学生和老师满意度, 参考分值 10 from the group label); its 指标值, 全年实际值 and 得分 are left empty rather ' +
      'than guessed, and nothing after it (a 总分 row, signatures) is added.',
  },
  classes: ['four-groups', 'nested-weights', 'column-markers'],
  sheets: [
    {
      name: '自评表',
      rows: [
        ['银川市本级部门项目支出绩效自评表', null, null, null, null, null, null, null],
        ['(2021年)'],
        ['项目名称', '初中公用经费'],
        ['主管部门', '银川市教育局', null, null, '实施单位', '银川市第六中学'],
        ['自评得分', 98, null, null, '财政审核评分'],
        ['项目资金(万元)', null, '年初预算数', '调整预算数(A)', '全年执行数(B)', '执行率(B/A)'],
        [null, '年度资金总额', 64.8, 64.8, 64.8, '100%'],
        ['年度总体目标', '年初设定目标', null, null, '年度总体目标完成情况'],
        [null, '保障学校正常工作运行'],
        ['一级指标', '二级指标', '三级指标', '参考分值', '指标值(A)', '全年实际值(B)', '得分', '未完成原因分析及改进措施'],
        ['项目决策(10分)', '项目目标', '完整性', 4, '—', '目标明确、内容细化、目标量化', 4],
        [null, '项目立项', '相关性', 2, '—', '按照学校管理标准对学校进行管理', 2],
        [null, null, '可行性', 2, null, '实际工作需求', 2],
        [null, null, '适当性', 2, null, '有资金测算标准', 2],
        ['项目管理(25分)', '投入管理', '预算执行率', 10, '—', '100%', 9],
        [null, '财务管理', '财务管理制度有效性', 7, '—', '财务制度健全,严格执行制度,会计核算规范', 7],
        [null, '项目实施', '绩效监控有效性', 2, '—', '持续有效', 2],
        [null, null, '管理制度有效性', 6, '-', '严格执行相关管理制度', 6],
        ['项目产出(30分)', '数量指标(10分)', '保障人数', 10, '2370人', '2370人', 10],
        [null, null, '指标2:'],
        [null, '质量指标(5分)', '公用经费标准', 5, '符合相关文件要求', '符合相关文件要求', 5],
        [null, null, '指标2:'],
        [null, '时效指标(5分)', '公用经费完成时间', 5, '2021年12月完成', '2021年12月完成', 4],
        [null, null, '指标2:'],
        [null, '成本指标(10分)', '办公所需成本', 4, '15万元', '15万元', 4],
        [null, null, '维修(维护)所需成本', 3, '35万元', '35万元', 3],
        [null, null, '绿化、水电费等成本', 3, '14.8万元', '14.8万元', 3],
        ['项目效益(35分)', '经济效益指标', '指标1:'],
        [null, null, '指标2:'],
        [null, '社会效益指标', '效果显著', 15, '改善学校的办学条件', '改善学校的办学条件', 13],
        [null, '生态效益指标', '指标1:'],
        [null, null, '指标2:'],
        [null, '可持续影响指标', '使学生和老师有个更好的学习和工作环境,做到', 10, '社会认可的办学环境.', '社会认可的办学环境.', 8],
        [null, null, '指标2:'],
        [null, '服务对象满意度指标(10分)', '学生和老师满意度', 10],
      ],
      merges: [
        'A1:H1', 'A2:H2', 'B3:H3', 'B4:D4', 'F4:H4', 'B5:D5', 'F5:H5',
        'A6:B6', 'F7:H7', 'A8:A9', 'B8:D8', 'E8:H8', 'B9:D9', 'E9:H9',
        'A11:A14', 'B12:B14', 'A15:A18', 'B17:B18',
        'A19:A27', 'B19:B20', 'B21:B22', 'B23:B24', 'B25:B27',
        'A28:A35', 'B28:B29', 'B31:B32', 'B33:B34',
      ],
    },
  ],
  expected: [
    {
      sheet: '自评表',
      projectName: '初中公用经费',
      // A = 调整预算数(A) 64.8, B = 64.8 → rate 1. The funds block has no 分值: the execution points are on the
      // 预算执行率 row, so none is demanded here.
      funds: { budget: 64.8, executed: 64.8, rate: 1, weight: null },
      indicators: [
        // Execution counted once, on its row: min(64.8 ÷ 64.8, 1) × 10 = 10 (stated 9 → SCORE_MISMATCH).
        { name: '预算执行率', weight: 10, score: 10 },
        // 2370人 of 2370人 → met → 10.
        { name: '保障人数', weight: 10, score: 10 },
        // Qualitative, actual equals target → 达成; stated 5 of 5 in the 80–100% tier → kept.
        { name: '公用经费标准', weight: 5, score: 5 },
        // Qualitative, actual equals target → 达成; stated 4 of 5 = 80% is still in the top tier → kept.
        { name: '公用经费完成时间', weight: 5, score: 4 },
        // 成本指标 with a plain amount is 反向: 15万元 ≤ 15万元 met → 4; likewise 35 → 3 and 14.8 → 3.
        { name: '办公所需成本', weight: 4, score: 4 },
        { name: '维修(维护)所需成本', weight: 3, score: 3 },
        { name: '绿化、水电费等成本', weight: 3, score: 3 },
        // Qualitative 达成: stated 13 of 15 (86.7%) and 8 of 10 (80%) lie in the top tier → kept.
        { name: '效果显著', weight: 15, score: 13 },
        { name: '使学生和老师有个更好的学习和工作环境,做到', weight: 10, score: 8 },
        // Cut off in the copy: weight 10, nothing to score.
        { name: '学生和老师满意度', weight: 10, score: null },
      ],
      // Weights 10 + 25 + 30 + 35 = 100 (every group's declared weight matches its rows); no total while the
      // 满意度 row has no values.
      totals: { weight: 100, score: null },
      grade: null,
      issues: [
        { code: 'SCORE_MISMATCH', cell: 'G15', severity: 'warning' },
        // Below full marks with an empty 未完成原因 cell: 公用经费完成时间 4/5, 效果显著 13/15, the 可持续 row 8/10.
        { code: 'DEVIATION_UNEXPLAINED', cell: 'H23' },
        { code: 'DEVIATION_UNEXPLAINED', cell: 'H30' },
        { code: 'DEVIATION_UNEXPLAINED', cell: 'H33' },
        // No 总分 row (the total is written at the top as 自评得分).
        { code: 'MISSING_VALUE', cell: 'A35', severity: 'warning' },
        { code: 'MISSING_VALUE', cell: 'E35', severity: 'error' },
        { code: 'MISSING_VALUE', cell: 'F35', severity: 'error' },
      ],
      absentCodes: ['WEIGHT_SUM', 'LEVEL1_WEIGHT', 'RATE_MISMATCH', 'BUDGET_ADJUSTED', 'TABLE_NOT_FOUND'],
    },
  ],
};
