/**
 * 山西省运城市稷山县翟店镇卫生院, 2021: 稷山县项目支出绩效自评表 of 国家基本公共卫生服务 (主管部门 稷山县卫生健康和
 * 体育局), published as an .xlsx — the national form without a 偏差原因 column, 25 数量指标 rows counted in 人/种/次/例,
 * most of them short of target and scored by the filer in tenths (1.9, 1.8, 1.4 …) rather than by actual ÷ target.
 * Its own mistakes kept: the 年初预算数 is 0 while 207.4538 was budgeted and spent; 居民健康档案 37442 of 38508 is
 * given the full 3; several stated scores are above what actual ÷ target gives (0-36月龄中医药规范管理数 770 of 1228
 * → 1.25, stated 1.8) and others below it; "新生入访视数" and "不少于12 种" typed as published.
 */
import type { CorpusFixture } from '../corpusFixture';

const GOAL = '国家基本公共卫生服务';
// [name, target, actual, weight, stated score]
const ROWS: [string, string, string, number, number][] = [
  ['指标1:居民健康档案', '38508人', '37442人', 3, 3],
  ['指标2:发放健康教育资料', '不少于12 种', '14种', 1, 1],
  ['', '不少于6 种', '28种', 1, 1],
  ['', '116次', '150次', 1, 1],
  ['指标5:举办健康教育知识讲座', '6次', '150次', 1, 1],
  ['指标6:举办健康教育宣传咨询活动', '12次', '96次', 1, 1],
  ['指标7:建立预防接种证', '221人', '221人', 2, 2],
  ['指标8:适龄儿童疫苗接种率', '100.00%', '97.30%', 2, 1.9],
  ['指标9:0-6岁儿童健康管理数', '2089人', '2089人', 2, 2],
  ['指标10:0-6岁儿童眼保健操覆盖数', '2089人', '2089人', 2, 2],
  ['指标11:新生入访视数', '214人', '214人', 2, 2],
  ['指标12:孕产妇7天访视数', '214人', '203人', 2, 1.8],
  ['指标13:孕产妇42天访视数', '214人', '203人', 2, 1.8],
  ['指标14:早孕建册数', '120人', '69人', 2, 1],
  ['指标15:老年人体检数', '5662人', '4044人', 2, 1.4],
  ['指标16:高血压规范管理数', '3807人', '3224人', 2, 1.9],
  ['指标17:高血压随访控制数', '3807人', '3220人', 2, 1.8],
  ['指标18:糖尿病规范管理数', '863人', '695人', 2, 1.8],
  ['指标19:糖尿病随访控制数', '863人', '683人', 2, 1.7],
  ['指标20:严重精神障碍患者管理数', '212人', '209人', 2, 1.8],
  ['指标21:肺结核健康规范管理数', '8例', '8例', 2, 2],
  ['指标22:老年人中医药规范管理数', '5662人', '4044人', 2, 1.4],
  ['指标23:0-36月龄中医药规范管理数', '1228人', '770人', 2, 1.8],
  ['指标24:传染病及突发公共卫生事件报告数', '14例', '14例', 2, 2],
  ['指标25:家庭医生签约率', '24694人', '22584人', 2, 1.7],
];
const FIRST = 13; // Excel row of 指标1 (the indicator header is row 12)

export const fixture: CorpusFixture = {
  source: {
    title: '稷山县项目支出绩效自评表（2021年度）— 国家基本公共卫生服务（基本公共卫生服务项目支出绩效自评表.xlsx）',
    publisher: '稷山县翟店镇卫生院（文档转载于 keke.chddh.cn）',
    province: '山西',
    year: 2021,
    url: 'https://keke.chddh.cn/archives/p4q58rogpx4emom7ewb9.html',
    completed:
      'The copy is text extracted from the .xlsx, cells partly out of order; the grid is reconstructed. Funds: the ten values ' +
      'after the header are read as 年度资金总额 0 | 207.4538 | 207.4538 | 10 | 100% | 10 and 其中:当年财政拨款 0 | 207.4538 | ' +
      '207.4538 | — | 100% | —. The copy shows no 一级/二级 label before the 25 rows (merged cells whose text the extraction ' +
      'dropped); they are given 产出指标/数量指标, since 质量指标 follows them. Rows 3 and 4 have no name in the copy: they are ' +
      'read as covered by the 指标2 cell (a merged cell, whose text an extraction emits once). The 指标5 target is read as 6次 ' +
      '(the text lists the targets 不少于12 种, 不少于6 种, 116次, 6次 before 指标5). The copy is cut off at the first 质量指标 ' +
      'row ("指标1:提升国家基本…"): nothing after 指标25 is added — no 质量/时效/成本/效益/满意度 rows, no 总分.',
  },
  classes: ['national'],
  sheets: [
    {
      name: 'Sheet1',
      rows: [
        ['稷山县项目支出绩效自评表'],
        ['(2021年度)'],
        ['项目名称', null, '国家基本公共卫生服务'],
        ['主管部门', null, '稷山县卫生健康和体育局', null, null, '实施单位', null, '稷山县翟店镇卫生院'],
        ['项目资金\n(万元)', null, null, '年初预算\n数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        [null, null, '年度资金总额', 0, 207.4538, 207.4538, 10, '100%', 10],
        [null, null, '其中:当年财政拨款', 0, 207.4538, 207.4538, '—', '100%', '—'],
        [null, null, '上年结转资金'],
        [null, null, '其他资金'],
        ['年度\n总体\n目标', '预期目标', null, null, null, '实际完成情况'],
        [null, GOAL, null, null, null, GOAL],
        ['绩效指标', '一级\n指标', '二级指标', '三级指标', '年度\n指标值', '实际\n完成值', '分值', '得分'],
        ...ROWS.map(([name, target, actual, w, s], i) => [null, i === 0 ? '产出指标' : null, i === 0 ? '数量指标' : null, name || null, target, actual, w, s]),
      ],
      merges: [
        'A1:I1', 'A2:I2', 'A3:B3', 'C3:I3', 'A4:B4', 'C4:E4', 'F4:G4', 'H4:I4', 'A5:B9',
        'A10:A11', 'B10:E10', 'F10:I10', 'B11:E11', 'F11:I11',
        `A${FIRST - 1}:A${FIRST + ROWS.length - 1}`, `B${FIRST}:B${FIRST + ROWS.length - 1}`, `C${FIRST}:C${FIRST + ROWS.length - 1}`,
        `D${FIRST + 1}:D${FIRST + 3}`,
      ],
    },
  ],
  expected: [
    {
      sheet: 'Sheet1',
      projectName: '国家基本公共卫生服务',
      // 207.4538 ÷ 207.4538 = 1 → 10; 年初预算数 0 ≠ 207.4538 → the budget was adjusted (info).
      funds: { budget: 207.4538, executed: 207.4538, rate: 1, weight: 10, score: 10 },
      indicators: [
        // 正向, not met → actual ÷ target × 分值; met → full.
        { name: '居民健康档案', weight: 3, score: (37442 / 38508) * 3 }, // 2.917, stated 3
        { name: '举办健康教育知识讲座', weight: 1, score: 1 }, // 150 ≥ 6
        { name: '举办健康教育宣传咨询活动', weight: 1, score: 1 }, // 96 ≥ 12
        { name: '建立预防接种证', weight: 2, score: 2 },
        { name: '适龄儿童疫苗接种率', weight: 2, score: 0.973 * 2 }, // 1.946 → 1.95, stated 1.9
        { name: '孕产妇7天访视数', weight: 2, score: (203 / 214) * 2 }, // 1.897 → 1.90, stated 1.8
        { name: '孕产妇42天访视数', weight: 2, score: (203 / 214) * 2 },
        { name: '早孕建册数', weight: 2, score: (69 / 120) * 2 }, // 1.15, stated 1
        { name: '老年人体检数', weight: 2, score: (4044 / 5662) * 2 }, // 1.428 → 1.43, stated 1.4
        { name: '高血压规范管理数', weight: 2, score: (3224 / 3807) * 2 }, // 1.694 → 1.69, stated 1.9
        { name: '高血压随访控制数', weight: 2, score: (3220 / 3807) * 2 }, // 1.692 → 1.69, stated 1.8
        { name: '糖尿病规范管理数', weight: 2, score: (695 / 863) * 2 }, // 1.611 → 1.61, stated 1.8
        { name: '糖尿病随访控制数', weight: 2, score: (683 / 863) * 2 }, // 1.583 → 1.58, stated 1.7
        { name: '严重精神障碍患者管理数', weight: 2, score: (209 / 212) * 2 }, // 1.972 → 1.97, stated 1.8
        { name: '肺结核健康规范管理数', weight: 2, score: 2 },
        { name: '老年人中医药规范管理数', weight: 2, score: (4044 / 5662) * 2 },
        { name: '0-36月龄中医药规范管理数', weight: 2, score: (770 / 1228) * 2 }, // 1.254 → 1.25, stated 1.8
        { name: '传染病及突发公共卫生事件报告数', weight: 2, score: 2 },
        { name: '家庭医生签约率', weight: 2, score: (22584 / 24694) * 2 }, // 1.829 → 1.83, stated 1.7
      ],
      // Only what the copy shows: 10 + 3 + 5 × 1 + 19 × 2 = 56 (the cut-off rows carry the other 44), so WEIGHT_SUM
      // here is the cut's, and no grade while that error stands.
      totals: { weight: 56 },
      grade: null,
      issues: [
        { code: 'BUDGET_ADJUSTED', cell: 'E6', severity: 'info' },
        // Stated scores that are not actual ÷ target × 分值 (rounded to 2 decimals):
        ...[13, 20, 24, 25, 26, 27, 28, 29, 30, 31, 32, 34, 35, 37].map((r) => ({ code: 'SCORE_MISMATCH' as const, cell: `H${r}`, severity: 'warning' as const })),
        // Far above target (≥ 130%): 28 of 6 种, 150 of 6 次, 96 of 12 次 (150 of 116 次 is 129%: not flagged).
        { code: 'OVER_ACHIEVED', cell: 'F15', severity: 'info' },
        { code: 'OVER_ACHIEVED', cell: 'F17', severity: 'info' },
        { code: 'OVER_ACHIEVED', cell: 'F18', severity: 'info' },
        // No 总分 row in the copy.
        { code: 'MISSING_VALUE', cell: 'A37', severity: 'warning' },
        { code: 'WEIGHT_SUM', severity: 'error' },
      ],
      absentCodes: ['RATE_MISMATCH', 'UNIT_MISMATCH', 'NOT_A_NUMBER', 'MISSING_SCORE', 'FUNDS_SUM'],
    },
  ],
};
