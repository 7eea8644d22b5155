/**
 * 天长市水利局 (安徽), 项目支出绩效自评表 (2022年度): 水旱灾害防御经费, published on the city's site as
 * "天长市水利局水旱灾害防御股项目支出绩效自评" (2023-12-05). The national form with column markers
 * (全年预算数(A)/全年执行数(B)/执行率(B/A)), 一级 weights inside the labels, an empty 执行率 cell, "-" for
 * none, and most rows with no 指标值/实际完成值 at all, only a stated 10 — one target typed into the name
 * ("年度资金支付完成率100%").
 */
import type { CorpusFixture } from '../corpusFixture';

const reserved = (): (string | null)[][] => [
  [null, null, null, '指标2：'],
  [null, null, null, '……'],
];

export const fixture: CorpusFixture = {
  source: {
    title: '天长市水利局水旱灾害防御股项目支出绩效自评 — 项目支出绩效自评表（2022年度）水旱灾害防御经费',
    publisher: '天长市水利局',
    province: '安徽',
    year: 2022,
    url: 'https://www.tianchang.gov.cn/',
    completed:
      'The stored copy (an HTML table, cells in reading order) has no page address: the publisher\'s site is ' +
      'given instead. The 一级 cells of the first two groups show four empty lines above "(50分)" and "(30分)" ' +
      '(vertical text lost in the copy); they are completed as 产出指标 and 效益指标, the names the form\'s own note ' +
      'gives those weights. The 执行率 cell of 年度资金总额 is empty in the copy and left empty; 主管部门 is empty ' +
      'as published.',
  },
  classes: ['national', 'column-markers', 'nested-weights'],
  sheets: [
    {
      name: '自评表',
      merges: [
        'A1:I1', 'A2:I2', 'A3:B3', 'C3:I3', 'A4:B4', 'C4:E4', 'F4:G4', 'H4:I4', 'A5:B9', 'A10:A11', 'B10:E10', 'F10:I10',
        'B11:E11', 'F11:I11', 'A12:A39', 'B13:B24', 'C13:C15', 'C16:C18', 'C19:C21', 'C22:C24', 'B25:B36', 'C25:C27',
        'C28:C30', 'C31:C33', 'C34:C36', 'B37:B39', 'C37:C39', 'A40:F40',
      ],
      rows: [
        ['项目支出绩效自评表'],
        ['（2022年度）'],
        ['项目名称', null, '水旱灾害防御经费'],
        ['主管部门', null, null, null, null, '实施单位', null, '天长市水利局'],
        ['项目资金\n（万元）', null, null, '年初预算数', '全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分'],
        [null, null, '年度资金总额：', 880, 880, 880, 10, null, 10],
        [null, null, ' 其中：本年财政拨款', 880, 880, 880, '-', null, '-'],
        [null, null, '    上年结转资金', null, null, null, '-', null, '-'],
        [null, null, '       其他资金', null, null, null, '-', null, '-'],
        ['年度总体目标完成情况', '预期目标', null, null, null, '实际完成情况'],
        [null, ' 完成年度防汛工作，完成中型灌区节水改造项目和农业综合水价改革项目。', null, null, null, ' 完成年度目标。'],
        ['年度绩效指标完成情况', '一级\n指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
        [null, '产\n出\n指\n标\n（50分）', '数量指标', '指标1：完成中型灌区节水改造项目数量', 1, 1, 10, 10],
        [null, null, null, '指标2：完成农业综合水价改革项目', 1, 1, 10, 10],
        [null, null, null, '……'],
        [null, null, '质量指标', '指标1：工程质量合格', null, null, 10, 10],
        ...reserved(),
        [null, null, '时效指标', '指标1：年度资金支付完成率100%', null, null, 10, 10],
        ...reserved(),
        [null, null, '成本指标', '指标1：资金执行在预算范围内', null, null, 10, 10],
        ...reserved(),
        [null, '效\n益\n指\n标\n（30分）', '经济效益\n指标', '指标1：全市安全度汛', null, null, 10, 10],
        ...reserved(),
        [null, null, '社会效益\n指标', '指标1：保护全市人口财产不受损失', null, null, 10, 10],
        ...reserved(),
        [null, null, '生态效益\n指标', '指标1：/', '/', '/'],
        ...reserved(),
        [null, null, '可持续影\n响指标', '指标1：已建工程良性运行', null, null, 10, 10],
        ...reserved(),
        [null, '满意度指标\n（10分）', '服务对象\n满意度指标', '指标1：服务对象满意度', '90%', '100%', 10, 10],
        ...reserved(),
        ['总分', null, null, null, null, null, 100, 100],
      ],
    },
  ],
  expected: [
    {
      sheet: '自评表',
      projectName: '水旱灾害防御经费',
      funds: { budget: 880, executed: 880, rate: 1, weight: 10, score: 10 }, // 880 ÷ 880 = 100% → 1 × 10
      indicators: [
        { name: '完成中型灌区节水改造项目数量', weight: 10, score: 10 }, // 1 vs 1: met
        { name: '完成农业综合水价改革项目', weight: 10, score: 10 }, // 1 vs 1: met
        { name: '工程质量合格', weight: 10, score: 10 }, // no target, no actual: the stated 10 is kept
        { name: '年度资金支付完成率100%', weight: 10, score: 10 }, // likewise
        { name: '资金执行在预算范围内', weight: 10, score: 10 },
        { name: '全市安全度汛', weight: 10, score: 10 },
        { name: '保护全市人口财产不受损失', weight: 10, score: 10 },
        { name: '已建工程良性运行', weight: 10, score: 10 },
        { name: '服务对象满意度', weight: 10, score: 10 }, // 90% vs 100%: met (100 ÷ 90 = 1.11 < 1.3)
      ],
      totals: { weight: 100, score: 100 }, // 10 + 50 + 30 + 10; 10 + 9 × 10 = 100, as stated
      grade: '优', // 100 ≥ 90; the missing actuals are warnings beside kept scores, not errors
      issues: [
        { code: 'MISSING_VALUE', cell: 'F16', severity: 'warning' }, // 工程质量合格 has no 实际完成值
      ],
      absentCodes: ['WEIGHT_SUM', 'LEVEL1_WEIGHT', 'TOTAL_MISMATCH', 'SCORE_MISMATCH', 'RATE_MISMATCH', 'FUNDS_SUM', 'MISSING_SCORE'],
    },
  ],
};
