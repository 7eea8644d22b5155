/**
 * 云南省丽江市古城区自然资源局, 2020: 项目支出绩效自评表 of 省级自然资源卫片执法补助经费 (republished by a
 * WeChat account). The 云南 form: a two-row indicator header with 指标性质/指标值/度量单位, "﹦" (U+FE66) natures,
 * the 数量 target in 元 (72890) beside funds in 万元 (7.29). Its own mistakes kept: the 项目名称 cell repeats
 * "…支出绩效自评表", and every indicator met its target yet each stated 得分 is below its 分值 (9/10, 19/20, 27/30).
 */
import type { CorpusFixture } from '../corpusFixture';
import { pct, fixed } from '../../core/helpers';


export const fixture: CorpusFixture = {
  source: {
    title: '2020年度项目支出绩效自评表（2020年省级自然资源卫片执法补助经费）',
    publisher: '丽江市古城区自然资源局（转载：微信公众号 yn2553，2021-06-28）',
    province: '云南',
    year: 2020,
    url: 'http://m.jjiadianqingjie.com.cn/changyong/13241.html',
    completed:
      'The republished copy shows the table in traditional characters (the site converts pages); transcribed back into ' +
      'the simplified characters of the original form. The copy is cut off after the 满意度 row\'s 分值 (10.00): that ' +
      'row\'s 得分 and the whole 总分 row could not be read and are left empty here rather than guessed.',
  },
  classes: ['yunnan', 'amounts-yuan'],
  sheets: [
    {
      name: '自评表',
      rows: [
        ['2020年度项目支出绩效自评表'],
        ['项目名称', '2020年省级自然资源卫片执法补助经费支出绩效自评表'],
        ['主管部门', '丽江市自然资源和规划局', null, null, null, '实施单位', '丽江市古城区自然资源局'],
        ['项目资金\n（万元）', null, null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        [null, '年度资金总额', null, 7.29, 7.29, 7.29, fixed(10), pct(1), fixed(10)],
        [null, '其中：当年财政拨款', null, 7.29, 7.29, 7.29, null, pct(1)],
        [null, '上年结转资金'],
        [null, '其他资金'],
        ['年度\n总体\n目标', '预期目标', null, null, null, '实际完成情况'],
        [null, '自然资源卫片执法补助经费', null, null, null, '自然资源卫片执法补助经费'],
        ['绩效指标', null, null, '年度指标值', null, null, '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
        ['一级 指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位'],
        ['产出指标', '数量指标', '卫片执法补助经费', '﹦', 72890, '元', 72890, fixed(10), fixed(9)],
        [null, '质量指标', '项目验收合格率', '﹦', 100, '%', 100, 20, 19],
        [null, '时效指标', '项目完成及时率', '﹦', 100, '%', 100, fixed(20), fixed(19)],
        ['效益指标', '社会效益指标', '违法行为责停率', '≥', 95, '%', 95, fixed(30), fixed(27)],
        ['满意度指标', '服务对象满意度指标', '满意度', '≥', 95, '%', 95, fixed(10)],
        ['总分'],
      ],
      merges: [
        'A1:J1', 'B2:J2', 'A4:A8', 'B5:C5', 'B6:C6', 'B7:C7', 'B8:C8',
        'A9:A10', 'B9:E9', 'F9:J9', 'B10:E10', 'F10:J10',
        'A11:C11', 'D11:F11', 'G11:G12', 'H11:H12', 'I11:I12', 'J11:J12',
        'A13:A15', 'A18:G18',
      ],
    },
  ],
  expected: [
    {
      sheet: '自评表',
      // 7.29 ÷ 7.29 = 1 → 10.
      funds: { budget: 7.29, executed: 7.29, rate: 1, weight: 10, score: 10 },
      indicators: [
        // "﹦" 72890 元, actual 72890: equal behaves as 正向, met → full 10 (stated 9.00 → SCORE_MISMATCH).
        { name: '卫片执法补助经费', weight: 10, score: 10 },
        // = 100 %, actual 100 → 20 (stated 19).
        { name: '项目验收合格率', weight: 20, score: 20 },
        { name: '项目完成及时率', weight: 20, score: 20 },
        // ≥ 95 %, actual 95 → met → 30 (stated 27).
        { name: '违法行为责停率', weight: 30, score: 30 },
        // ≥ 95 %, actual 95 → 10 (its stated 得分 is cut off in the copy).
        { name: '满意度', weight: 10, score: 10 },
      ],
      // 10 + 10 + 20 + 20 + 30 + 10 = 100 weights; scores 10 + 90 = 100 → 优.
      totals: { weight: 100, score: 100 },
      grade: '优',
      issues: [
        { code: 'SCORE_MISMATCH', cell: 'I13', severity: 'warning' },
        { code: 'SCORE_MISMATCH', cell: 'I14', severity: 'warning' },
        { code: 'SCORE_MISMATCH', cell: 'I15', severity: 'warning' },
        { code: 'SCORE_MISMATCH', cell: 'I16', severity: 'warning' },
      ],
      absentCodes: ['WEIGHT_SUM', 'UNIT_MISMATCH', 'MISSING_SCORE', 'RATE_MISMATCH'],
    },
  ],
};
