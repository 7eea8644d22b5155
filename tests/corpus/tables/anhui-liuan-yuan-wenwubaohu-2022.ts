/**
 * 六安市裕安区文化和旅游局 (安徽), 市级文物保护专项经费绩效自评表 (2022年度), published on the district's site
 * on 2023-05-22. The national form as an HTML table, with the filer's own slips kept: the execution 分值 typed
 * as 9 (not 10) and repeated, with its 执行率 0.958 and 得分 8, on the 其中 row; the rate written as a bare
 * decimal cut to three places (27.8 ÷ 29 = 0.95862…, so 0.958 rather than 0.959); a stated 8 where
 * 0.9586 × 9 = 8.63; 验收通过率 95% of 100% given 5 of 6 (95% × 6 = 5.7); a qualitative row equal to its
 * target given 5 of 6 with no reason written.
 */
import type { CorpusFixture } from '../corpusFixture';

const REPAIRS =
  '完成六安市六安市罗氏宗祠、李氏宗祠、英布墓日常维护,指挥部旧址报病虫害防治测绘、国保省保矢量数据测绘、龙盘石刻护栏制装';

export const fixture: CorpusFixture = {
  source: {
    title: '市级文物保护专项经费绩效自评表(2022年度)',
    publisher: '裕安区文化和旅游局（六安市裕安区人民政府网站，信息来源：裕安区文旅局）',
    province: '安徽',
    year: 2022,
    url: 'https://www.yuan.gov.cn/public/6596881/25080505.html',
    completed:
      'The stored copy is the page text of an HTML table, cells in reading order. The page heading is put in row 1 as ' +
      'the table\'s title; 项目资金 / (万元) and 年度 / 指标值, 实际 / 完成值, which the copy splits over two lines, are ' +
      'joined as one label each. The copy ends inside the 效益指标 block: after the 社会效益指标 row it shows only ' +
      '"可" (the start of the next 二级 label, presumably 可持续影响指标). Nothing after that row is added — no ' +
      '可持续影响/满意度 rows, no 总分 — so only what the copy shows is asserted: the funds, the ten indicator rows, ' +
      'and no total or grade.',
  },
  classes: ['national'],
  sheets: [
    {
      name: '自评表',
      merges: [
        'A1:I1', 'A2:B2', 'C2:I2', 'A3:B3', 'C3:E3', 'F3:G3', 'H3:I3', 'A4:B8', 'A9:A10', 'B9:E9', 'F9:I9',
        'B10:E10', 'F10:I10', 'A11:A20', 'B12:B19', 'C12:C14', 'C15:C17',
      ],
      rows: [
        ['市级文物保护专项经费绩效自评表(2022年度)'],
        ['项目名称', null, '市级文物保护专项经费'],
        ['主管部门', null, '裕安区文化和旅游局', null, null, '实施单位', null, '裕安区文化和旅游局'],
        ['项目资金\n(万元)', null, null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        [null, null, '年度资金总额', 29, 29, 27.8, 9, 0.958, 8],
        [null, null, '其中:当年财政拨款', 29, 29, 27.8, 9, 0.958, 8],
        [null, null, '      上年结转资金'],
        [null, null, '  其他资金'],
        ['年度总体目标', '预期目标', null, null, null, '实际完成情况'],
        [
          null,
          '通过项目实施,完成六安市罗氏宗祠、李氏宗祠、英布墓日常维护,赤卫军指挥部旧址报病虫害防治测绘、国保省保矢量数据测绘、龙盘石刻护栏制装,加大文物保护力度,发挥文物的宣传教育价值。',
          null, null, null, '基本完成年度目标。',
        ],
        ['绩效指标', '一级指标', '二级指标', '三级指标', '年度\n指标值', '实际\n完成值', '分值', '得分', '偏差原因分析及改进措施'],
        [null, '产出指标', '数量指标', '指标1:修缮建筑数量', REPAIRS, REPAIRS, 7, 7],
        [null, null, null, '指标2:修缮建筑面积', '6000平方米', '6000平方米', 7, 7],
        [null, null, null, '指标3:修缮级别', '市级保护单位', '市级保护单位', 7, 7],
        [null, null, '质量指标', '指标1:验收通过率', '100%', '95%', 6, 5],
        [null, null, null, '指标2:工程质量管理', '≥95%', '98%', 6, 6],
        [null, null, null, '指标3:文明施工', '≥95%', '97%', 6, 6],
        [null, null, '时效指标', '项目设计、招标、施工', '完成时间为2022年12月30日', '完成时间为2022年12月30日', 6, 5],
        [null, null, '成本指标', '项目成本控制在预算内', '本着节约的原则,控制在预算中。', '100%', 5, 5],
        [null, '效益指标', '社会效益指标', '文物本体安全、体现文物价值,提升知名度', '加大文物保护,展示文物价值', '程度较高', 15, 15],
      ],
    },
  ],
  expected: [
    {
      sheet: '自评表',
      projectName: '市级文物保护专项经费',
      funds: {
        budget: 29, // 全年预算数 (= 年初预算数: no adjustment)
        executed: 27.8,
        rate: 27.8 / 29, // 0.958620… (stated 0.958)
        weight: 9, // the 分值 as typed: RULES.md takes the execution 分值 from the table ("usually 10")
        score: (27.8 / 29) * 9, // 8.627586… → 8.63 (stated 8)
      },
      indicators: [
        // Qualitative, actual text equal to the target → 达成; stated 7 of 7 kept.
        { name: '修缮建筑数量', weight: 7, score: 7 },
        // 6000平方米 of 6000平方米 → met.
        { name: '修缮建筑面积', weight: 7, score: 7 },
        // Text equal to the target → 达成, 7 of 7.
        { name: '修缮级别', weight: 7, score: 7 },
        // Plain number target = 正向: 95 ÷ 100 × 6 = 5.7 (stated 5).
        { name: '验收通过率', weight: 6, score: 5.7 },
        // ≥95%: 98% and 97% → met.
        { name: '工程质量管理', weight: 6, score: 6 },
        { name: '文明施工', weight: 6, score: 6 },
        // Qualitative, actual equal to target → 达成; the stated 5 of 6 (83%) lies in the 80–100% tier → kept.
        { name: '项目设计、招标、施工', weight: 6, score: 5 },
        // Qualitative target, actual "100%" → 达成 (RULES.md); stated 5 of 5 kept.
        { name: '项目成本控制在预算内', weight: 5, score: 5 },
        // Qualitative ("程度较高" against a text target): the tier is the filer's judgment; the stated full 15 stands.
        { name: '文物本体安全、体现文物价值,提升知名度', weight: 15, score: 15 },
      ],
      // The total of what the copy shows: 8.627586 + 7 + 7 + 7 + 5.7 + 6 + 6 + 5 + 5 + 15 = 72.327586 over weights
      // 9 + 50 + 15 = 74. (My first expectation was no total at all because the copy is cut; RULES.md only withholds
      // the grade while an error stands, and every visible row has a score, so the sum stands as computed.)
      totals: { weight: 74, score: (27.8 / 29) * 9 + 63.7 },
      // No grade: the weights do not reach 100 (an error), partly the filer's 9 for the execution points and
      // partly the cut (the missing 可持续影响/满意度 rows).
      grade: null,
      issues: [
        // 0.958 shown to three places; 27.8 ÷ 29 = 0.9586 → 0.959. The 其中 row repeats the same rate.
        { code: 'RATE_MISMATCH', cell: 'H5', severity: 'warning' },
        { code: 'RATE_MISMATCH', cell: 'H6', severity: 'warning' },
        // Stated 8, computed 8.63.
        { code: 'SCORE_MISMATCH', cell: 'I5', severity: 'warning' },
        // Stated 5, computed 5.7.
        { code: 'SCORE_MISMATCH', cell: 'H15', severity: 'warning' },
        // Below full marks with nothing in 偏差原因分析及改进措施: 验收通过率 and 项目设计、招标、施工.
        { code: 'DEVIATION_UNEXPLAINED', cell: 'I15' },
        { code: 'DEVIATION_UNEXPLAINED', cell: 'I18' },
        // The execution 分值 9 where the national rules give it 10 (the filer's own slip, not the cut).
        { code: 'WEIGHT_SUM', cell: 'G5', severity: 'error' },
        // A text target against "程度较高": the score is the filer's judgment, kept and said so.
        { code: 'MANUAL_SCORE', cell: 'H20', severity: 'info' },
      ],
      // 29 = 29 (no adjustment); the 其中 row equals the total (no FUNDS_SUM); the stated scores stay within 分值.
      absentCodes: ['BUDGET_ADJUSTED', 'FUNDS_SUM', 'SCORE_OVER_WEIGHT', 'TABLE_NOT_FOUND', 'QUALITATIVE_OUT_OF_TIER'],
    },
  ],
};
