/**
 * 云南省临沧市永德县明朗中学, 2022: 项目支出绩效自评表 of 义务教育营养改善计划专项资金, published by the county
 * as 公开14表 of the school's 决算 — the 云南 form with 指标性质/指标值/度量单位 and its funds block in 元
 * ("项目资金（元）"). Its own typing kept: "≧" (U+2267) and "═" (U+2550, a box-drawing line) typed for ≥ and =,
 * "—" in the 分值/得分 cells of the 其中 row; a 说明 row ("其他需要说明事项 | 无") sharing its row with 总分.
 * Its own mistakes kept: 资金到位及时率 met its target (100% ≥ 100) yet is given 7 of 10, 政策知晓率 98% of 100
 * is given 9 (98 ÷ 100 × 10 = 9.8), so the stated 总分 96 is 0.2 + 3 short of the rules' 99.8.
 */
import type { CorpusFixture } from '../corpusFixture';

const GOAL = '确保每一个学生都能享受到国家政策福利,改善学生体质';

export const fixture: CorpusFixture = {
  source: {
    title: '2022年度项目支出绩效自评表（义务教育营养改善计划专项资金，公开14表）',
    publisher: '临沧市永德县明朗中学（永德县人民政府网站）',
    province: '云南',
    year: 2022,
    url: 'https://www.yongde.gov.cn/info/3003/116104.htm',
    completed:
      'Complete as published (an HTML table read cell by cell; its columns are placed as on the 云南 form). The 年度资金总额 ' +
      'row shows two amounts, 387664.62 twice, with 执行率 100%: they are 全年预算数 and 全年执行数 (年初预算数 empty). ' +
      'Empty 指标性质/度量单位 cells of the qualitative row and the empty 生态效益指标 row are the publisher\'s.',
  },
  classes: ['yunnan', 'amounts-yuan'],
  sheets: [
    {
      name: '公开14表',
      rows: [
        ['2022年度项目支出绩效自评表'],
        ['部门:临沧市永德县明朗中学', null, null, null, null, null, null, null, null, '公开14表'],
        ['项目名称', '义务教育营养改善计划专项资金'],
        ['主管部门', '永德县教育体育局', null, null, null, '实施单位', '永德县明朗中学'],
        ['项目资金 (元)', null, null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        [null, '年度资金总额', null, null, 387664.62, 387664.62, 10, '100%', 10],
        [null, '其中:当年财政 拨款', null, null, 387664.62, 387664.62, '—', null, '—'],
        [null, '上年结转 资金', null, null, null, null, '—', null, '—'],
        [null, '其他资金', null, '—', '—', '—', '—', null, '—'],
        ['年度 总体 目标', '预期目标', null, null, null, '实际完成情况'],
        [null, GOAL, null, null, null, GOAL],
        ['绩效指标', null, null, '年度指标值', null, null, '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
        ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位'],
        ['产出指标', '数量指标', '学生受资助人数', '≧', 735, '人次', 735, 10, 10],
        [null, '质量指标', '营养改善计划覆盖率', '≧', 100, '%', '100%', 10, 10],
        [null, '时效指标', '资金到位及时率', '≧', 100, '%', '100%', 10, 7],
        [null, '成本指标', '生均补助标准达标率', '═', 100, '%', '100%', 10, 10],
        ['效益指标', '经济效益 指标', '减轻贫困学生家庭经济负担', null, '有效', null, '有效', 10, 10],
        [null, '社会效益 指标', '政策知晓率', '═', 100, '%', '98%', 10, 9],
        [null, '生态效益 指标'],
        [null, '可持续影响 指标', '促进学校教育事业健康发展', '≧', 100, '%', '100%', 10, 10],
        ['满意度指标', '服务对象满意度指标等', '学生满意度', '≧', 95, '%', '100%', 10, 10],
        [null, null, '家长满意度', '≧', 95, '%', '100%', 10, 10],
        ['其他需要说明事项', '无', null, null, null, null, '总分', 100, 96, '优'],
      ],
      merges: [
        'A1:J1', 'A2:I2', 'B3:J3', 'B4:E4', 'G4:J4',
        'A5:A9', 'B6:C6', 'B7:C7', 'B8:C8', 'B9:C9',
        'A10:A11', 'B10:E10', 'F10:J10', 'B11:E11', 'F11:J11',
        'A12:C12', 'D12:F12', 'G12:G13', 'H12:H13', 'I12:I13', 'J12:J13',
        'A14:A17', 'A18:A21', 'A22:A23', 'B22:B23', 'B24:F24',
      ],
    },
  ],
  expected: [
    {
      sheet: '公开14表',
      projectName: '义务教育营养改善计划专项资金',
      // 387664.62 ÷ 387664.62 = 1 → 1 × 10 = 10 (amounts stay in the block's own unit, 元).
      funds: { budget: 387664.62, executed: 387664.62, rate: 1, weight: 10, score: 10 },
      indicators: [
        // ≧ 735 人次, actual 735: met → 10.
        { name: '学生受资助人数', weight: 10, score: 10 },
        // ≧ 100 %, actual 100%: met → full 10 (stated 7 → SCORE_MISMATCH).
        { name: '资金到位及时率', weight: 10, score: 10 },
        // "═" 100 %, actual 100% → 10.
        { name: '生均补助标准达标率', weight: 10, score: 10 },
        // Qualitative: actual 有效 equals the target 有效 → 达成; stated 10 lies in the 80–100% tier → kept.
        { name: '减轻贫困学生家庭经济负担', weight: 10, score: 10 },
        // "═" 100 %, actual 98%: 正向 not met → 98 ÷ 100 × 10 = 9.8 (stated 9 → SCORE_MISMATCH).
        { name: '政策知晓率', weight: 10, score: 9.8 },
        { name: '家长满意度', weight: 10, score: 10 },
      ],
      // Weights 10 + 9 × 10 = 100; scores 10 + 8 × 10 + 9.8 = 99.8 (stated 96 → TOTAL_MISMATCH) → 优.
      totals: { weight: 100, score: 99.8 },
      grade: '优',
      issues: [
        { code: 'SCORE_MISMATCH', cell: 'I16', severity: 'warning' },
        { code: 'SCORE_MISMATCH', cell: 'I19', severity: 'warning' },
        // 9.8 < 10 and the 偏差原因 cell is empty.
        { code: 'DEVIATION_UNEXPLAINED', cell: 'J19' },
        { code: 'TOTAL_MISMATCH', cell: 'I24', severity: 'warning' },
      ],
      absentCodes: ['WEIGHT_SUM', 'UNIT_MISMATCH', 'MISSING_SCORE', 'RATE_MISMATCH', 'MISSING_VALUE', 'FUNDS_SUM'],
    },
  ],
};
