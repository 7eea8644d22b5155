/**
 * 廊坊市食品工程学校, 项目支出绩效自评表 (2019年度): 办公宿舍楼、食堂及餐厅暖通改造经费 ("绩效自评表（修改）",
 * published on the school's site). The 10号 national form with its reserved "指标2"/"……" rows left in, "指标1"
 * prefixes on every name, the amounts typed as the 年度总体目标, a reason written beside the one unmet
 * indicator, "0" in deviation cells, and stated scores rounded up to 9.
 */
import type { CorpusFixture } from '../corpusFixture';

const reserved = (): (string | null)[][] => [
  [null, null, null, '指标2'],
  [null, null, null, '……'],
];

export const fixture: CorpusFixture = {
  source: {
    title: '办公宿舍楼、食堂及餐厅暖通改造经费 绩效自评表(修改) — 项目支出绩效自评表（2019年度）',
    publisher: '廊坊市食品工程学校',
    province: '河北',
    year: 2019,
    url: 'http://www.lfsp.cn/newsinfo/1158053.html',
    completed:
      'Transcribed from the HTML table in reading order (cells not scrambled). The copy stops after the 满意度 ' +
      '"指标2" row: its "……" row and the 总分 row are not in the copy and are not added (no stated total). The ' +
      'copy has no "绩效指标" group label left of the indicator header (left empty as published).',
  },
  classes: ['national', 'reasons-written'],
  sheets: [
    {
      name: '自评表',
      merges: ['A2:I2', 'A3:I3', 'A4:B4', 'C4:I4', 'A5:B5', 'C5:E5', 'F5:G5', 'H5:I5', 'A6:B10', 'A11:A12', 'B11:E11', 'F11:I11', 'B12:E12', 'F12:I12', 'B14:B25', 'C14:C16', 'C17:C19', 'C20:C22', 'C23:C25', 'B26:B34', 'C26:C28', 'C29:C31', 'C32:C34', 'C35:C37', 'C38:C39'],
      rows: [
        ['附件1'],
        ['项目支出绩效自评表'],
        ['2019年度）'],
        ['项目名称', null, '办公宿舍楼、食堂及餐厅暖通改造经费'],
        ['主管部门', null, '廊坊市发改委', null, null, '实施单位', null, '廊坊市食品工程学校'],
        ['项目资金\n（万元）', null, null, '年初\n预算数', '全年\n预算数', '全年\n执行数', '分值', '执行率', '得分'],
        [null, null, '年度资金总额', 43.2, 43.2, 37.24, 10, '86%', 9],
        [null, null, '其中：当年财政拨款', 43.2, 43.2, 37.24],
        [null, null, '      上年结转资金'],
        [null, null, '  其他资金'],
        ['年度总体目标', '预期目标', null, null, null, '实际完成情况'],
        [null, 43.2, null, null, null, 37.24],
        [null, '一级指标', '二级指标', '三级指标', '年度\n指标值', '实际\n完成值', '分值', '得分', '偏差原因分析及改进措施'],
        [null, '产出指标', '数量指标', '指标1工程资金金额', 43.2, 37.24, 10, 9, '已完工，剩余3%尾款未付，且最高限价低于预算金额。提高预算准确度。'],
        ...reserved(),
        [null, null, '质量指标', '指标1工程完工率', 100, 100, 10, 10],
        [null, null, null, '指标2工程验收合格率', 100, 100, 10, 10],
        [null, null, null, '……'],
        [null, null, '时效指标', '指标1项目完成及时率', 100, 100, 10, 10],
        ...reserved(),
        [null, null, '成本指标', '指标1成本控制率', 100, 100, 10, 10],
        ...reserved(),
        [null, '效益指标', '经济效益\n指标', '指标1安全率', 100, 100, 10, 10, 0],
        ...reserved(),
        [null, null, '社会效益\n指标', '指标1学校发展能力', 100, 100, 10, 10, 0],
        ...reserved(),
        [null, null, '生态效益\n指标', '指标1'],
        ...reserved(),
        [null, '效益指标', '可持续影响\n指标', '指标1长期使用性', 100, 100, 10, 10],
        ...reserved(),
        [null, '满意度\n指标', '服务对象满意度指标', '指标1学生满意度', 100, 100, 10, 10, 0],
        [null, null, null, '指标2'],
      ],
    },
  ],
  expected: [
    {
      sheet: '自评表',
      projectName: '办公宿舍楼、食堂及餐厅暖通改造经费',
      funds: {
        budget: 43.2,
        executed: 37.24,
        rate: 37.24 / 43.2, // = 0.862037… ("86%" as shown: consistent at 0 decimals)
        weight: 10,
        score: (37.24 / 43.2) * 10, // = 8.62037…, the sheet says 9
      },
      indicators: [
        { name: '工程资金金额', weight: 10, score: (37.24 / 43.2) * 10 }, // plain number under 数量指标 → 正向, unmet: 37.24 ÷ 43.2 × 10 = 8.62
        { name: '工程完工率', weight: 10, score: 10 }, // 100 vs 100 met
        { name: '工程验收合格率', weight: 10, score: 10 },
        { name: '项目完成及时率', weight: 10, score: 10 },
        { name: '成本控制率', weight: 10, score: 10 }, // 成本指标, plain amount → 反向: 100 ≤ 100 met
        { name: '安全率', weight: 10, score: 10 },
        { name: '学校发展能力', weight: 10, score: 10 },
        { name: '长期使用性', weight: 10, score: 10 },
        { name: '学生满意度', weight: 10, score: 10 },
      ],
      totals: {
        weight: 100, // execution 10 + nine indicators × 10
        score: 2 * (37.24 / 43.2) * 10 + 80, // 8.62037 + 8.62037 + 8 × 10 = 97.24
      },
      grade: '优', // 97.24 ≥ 90, no error
      issues: [
        { code: 'SCORE_MISMATCH', cell: 'I7', severity: 'warning' }, // execution: stated 9 ≠ 8.62
        { code: 'SCORE_MISMATCH', cell: 'H14', severity: 'warning' }, // 工程资金金额: stated 9 ≠ 8.62
      ],
      // The unmet row (I14) carries its written reason and "0" beside full marks is "nothing to explain"; the
      // execution rate (86%) also calls for a reason, which this form has no cell for, so that code is not
      // asserted either way. "86%" agrees with 86.20% at the precision it is shown with.
      absentCodes: ['WEIGHT_SUM', 'RATE_MISMATCH', 'FUNDS_SUM', 'MISSING_SCORE'],
    },
  ],
};
