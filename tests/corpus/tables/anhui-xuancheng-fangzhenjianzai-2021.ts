/**
 * 安徽省宣城市地震局, 2021: 防震减灾项目支出绩效自评表 of 防震减灾综合保障, published on the city's open-government
 * site (2022-05-10) — the 安徽 national form: column markers 全年预算数(A)/全年执行数(B)/执行率(B/A), "-" for none,
 * the 一级 label reduced to its weight "(50分)" in the copy, numbered names ("指标1:"), and actuals typed as
 * approximations ("200余人", "600余人") and months ("11月底前" against "10月").
 */
import type { CorpusFixture } from '../corpusFixture';

export const fixture: CorpusFixture = {
  source: {
    title: '宣城市地震局2021年度防震减灾项目支出绩效自评表（附件1 防震减灾项目支出绩效自评表（2021年度））',
    publisher: '宣城市地震局（宣城市人民政府信息公开网）',
    province: '安徽',
    year: 2021,
    url: 'https://www.xuancheng.gov.cn/OpennessContent/show/2594005.html',
    completed:
      'Read from the page text (an HTML table flattened to lines), cells placed on the national grid as in the 天长 2022 ' +
      'table of the same form. The 一级 cell of the first group shows only "(50分)" (its vertical text lost in the copy); it ' +
      'is completed as 产出指标(50分), the name the form gives that weight. The copy is cut off at the 成本指标 row ("指…"): ' +
      'nothing from there on is added (成本/效益/满意度 rows, 总分), so the weights shown sum to 10 + 50 = 60.',
  },
  classes: ['national', 'column-markers', 'nested-weights'],
  sheets: [
    {
      name: 'Sheet1',
      rows: [
        ['防震减灾项目支出绩效自评表'],
        ['(2021年度)'],
        ['项目名称', null, '防震减灾综合保障'],
        ['主管部门', null, '宣城市地震局', null, null, '实施单位', null, '宣城市地震局'],
        ['项目资金\n(万元)', null, null, '年初预算数', '全年预算数(A)', '全年执行数(B)', '分值', '执行率(B/A)', '得分'],
        [null, null, '年度资金总额:', 55, 55, 55, 10, '100%', 10],
        [null, null, ' 其中:本年财政拨款', 55, 55, 55, '-', '100%', '-'],
        [null, null, '    上年结转资金', 0, 0, 0, '-', null, '-'],
        [null, null, '       其他资金', 0, 0, 0, '-', null, '-'],
        ['年度总体目标完成情况', '预期目标', null, null, null, '实际完成情况'],
        [null, '目标1:省政府对市政府防震减灾目标管理绩效考核第一名。\n目标2:全省市级防震减灾综合考核先进单位。', null, null, null, '1.省政府对市政府防震减灾目标管理绩效考核第一名。\n2.全省市级防震减灾综合考核先进单位。'],
        ['年度绩效指标完成情况', '一级\n指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
        [null, '产\n出\n指\n标\n(50分)', '数量指标', '指标1:接受业务培训人数', 200, '200余人', 10, 10],
        [null, null, null, '指标2:科普馆参观人数', 500, '600余人', 10, 10],
        [null, null, '质量指标', '指标1:台站正常运行', '100%', '100%', 10, 10],
        [null, null, null, '指标2:台网运行率', '≥95%', '99.12%', 10, 10],
        [null, null, '时效指标', '指标1:业务培训时限', '11月底前', '10月', 5, 5],
        [null, null, null, '指标2:科普宣传时限', '11月底前', '10月', 5, 5],
      ],
      merges: [
        'A1:I1', 'A2:I2', 'A3:B3', 'C3:I3', 'A4:B4', 'C4:E4', 'F4:G4', 'H4:I4', 'A5:B9', 'A10:A11', 'B10:E10', 'F10:I10',
        'B11:E11', 'F11:I11', 'A12:A18', 'B13:B18', 'C13:C14', 'C15:C16', 'C17:C18',
      ],
    },
  ],
  expected: [
    {
      sheet: 'Sheet1',
      projectName: '防震减灾综合保障',
      // 55 ÷ 55 = 1 → 10.
      funds: { budget: 55, executed: 55, rate: 1, weight: 10, score: 10 },
      indicators: [
        // "200余人" is "over 200": at least the target 200 → met → 10; "600余人" ≥ 500 → 10 (120%, not far above).
        { name: '接受业务培训人数', weight: 10, score: 10 },
        { name: '科普馆参观人数', weight: 10, score: 10 },
        { name: '台站正常运行', weight: 10, score: 10 },
        // 99.12% ≥ 95% → 10.
        { name: '台网运行率', weight: 10, score: 10 },
        // A deadline: "11月底前" is 11月 or earlier; done in 10月 → met → 5 (no unit mismatch: both in 月).
        { name: '业务培训时限', weight: 5, score: 5 },
        { name: '科普宣传时限', weight: 5, score: 5 },
      ],
      // What the copy shows: 10 + 50 = 60 (the rest is cut off) → WEIGHT_SUM, no grade; every score is full.
      totals: { weight: 60, score: 60 },
      grade: null,
      issues: [
        { code: 'WEIGHT_SUM', severity: 'error' },
        // No 总分 row in the copy.
        { code: 'MISSING_VALUE', cell: 'A18', severity: 'warning' },
      ],
      absentCodes: ['UNIT_MISMATCH', 'SCORE_MISMATCH', 'LEVEL1_WEIGHT', 'RATE_MISMATCH', 'OVER_ACHIEVED'],
    },
  ],
};
