/**
 * 上海市普陀区体育事业管理中心, 财政项目支出绩效自评表 (2022 年度), first table of the unit's published
 * 《2022年度项目自评价》: 普陀体育中心与委托运营方结算费用. Amounts in 元 (项目资金（元）), as Shanghai's
 * district form has them; the total row's execution typed "215,457.6" beside "215457.6" in the 其中 row.
 */
import type { CorpusFixture } from '../corpusFixture';
import { fixed, type Built } from '../../core/helpers';

/** The table as published (page 1 of the unit's PDF); the side-by-side fixture reuses it. */
export const JIESUAN: Built = {
  merges: [
    'A1:I1',
    'A2:I2',
    'A3:B3',
    'C3:I3',
    'A4:B4',
    'C4:E4',
    'F4:G4',
    'H4:I4',
    'A5:B9',
    'A10:A11',
    'B10:E10',
    'F10:I10',
    'B11:E11',
    'F11:I11',
    'A12:A17',
    'B13:B15',
    'A18:F18',
  ],
  rows: [
    ['财政项目支出绩效自评表'],
    ['（2022 年度）'],
    ['项目名称', null, '普陀体育中心与委托运营方结\n算费用'],
    ['主管部门', null, '上海市普陀区体育局', null, null, '实施单位', null, '上海市普陀区体育\n事业管理中心'],
    ['项目资金\n（元）', null, null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, null, '年度资金总额', fixed(250000), fixed(250000), '215,457.6', 10, '86.19%', 8.62],
    [null, null, '其中:当年财政拨款', fixed(250000), fixed(250000), 215457.6, '—'],
    [null, null, '上年结转资金', null, 0, 0, '—'],
    [null, null, '其他资金', null, 0, 0, '—'],
    ['年度\n总体\n目标', '预期目标', null, null, null, '实际完成情况'],
    [null, null, null, null, null, '已完成普陀体育中心与委托运营方费用结算。'],
    ['绩\n效\n指\n标', '一级指标', '二级指标', '三级指标', '年度\n指标值', '实际\n完成值', '分值', '得分', '偏差原因分析及\n改进措施'],
    [null, '产出指标', '数量指标', '与委托运营方结算完成\n率', '=100%', '100%', 10, 10],
    [null, null, '质量指标', '合同结算条款完成率', '=100%', '100%', 20, 20],
    [null, null, '时效指标', '费用结算及时性', '及时', '及时', 20, 20],
    [null, '效益指标', '社会效益指标', '与委托运营方合同完成\n率', '=100%', '100%', 30, 30],
    [null, '满意度指标', '服务对象满意度指标', '场馆开放满意度', '>=90%', '100%', 10, 10],
    ['总分', null, null, null, null, null, 100, 98.62],
  ],
};

export const fixture: CorpusFixture = {
  source: {
    title: '上海市普陀区体育事业管理中心2022年度项目自评价 — 财政项目支出绩效自评表（普陀体育中心与委托运营方结算费用）',
    publisher: '上海市普陀区体育事业管理中心',
    province: '上海',
    year: 2022,
    url: 'https://pdf.chddh.cn/archives/48n5zg2zkkjxn27q6rjv.html',
    completed:
      'Text extracted from the PDF, cells out of order; grid reconstructed by the national form. Rows 6–8: the ' +
      '"—" of the source rows put under 分值 (the copy shows one dash per row, its column is not recoverable); ' +
      '上年结转资金/其他资金 read "0 0 —": put as 全年预算数 0, 全年执行数 0 with 年初预算数 blank. The 预期目标 ' +
      "text is not in the copy (left empty). The unit's second table on page 2 (援滇对口支援及结对帮扶经费) is cut " +
      'off in the copy after its labels and is not transcribed.',
  },
  classes: ['national', 'amounts-yuan'],
  sheets: [
    {
      name: '自评表',
      ...JIESUAN,
    },
  ],
  expected: [
    {
      sheet: '自评表',
      projectName: '普陀体育中心与委托运营方结\n算费用',
      funds: {
        budget: 250000, // 全年预算数 250000.00 元
        executed: 215457.6, // "215,457.6" typed with a thousands separator
        rate: 215457.6 / 250000, // = 0.8618304 (86.18%), the sheet says 86.19%
        weight: 10,
        score: 8.618304, // min(0.8618304, 1) × 10
      },
      indicators: [
        { name: '与委托运营方结算完成\n率', weight: 10, score: 10 }, // "=100%" vs 100%: met → full
        { name: '合同结算条款完成率', weight: 20, score: 20 }, // =100% met
        { name: '费用结算及时性', weight: 20, score: 20 }, // qualitative, actual = target → 达成 tier 80–100%: stated 20 kept
        { name: '与委托运营方合同完成\n率', weight: 30, score: 30 }, // =100% met
        { name: '场馆开放满意度', weight: 10, score: 10 }, // >=90% vs 100% met (100/90 = 1.11 < 1.3: not far above)
      ],
      totals: {
        weight: 100, // 10 + 10 + 20 + 20 + 30 + 10
        score: 98.618304, // 8.618304 + 90 → 98.62 as stated
      },
      grade: '优', // 98.62 ≥ 90
      issues: [
        { code: 'RATE_MISMATCH', cell: 'H6', severity: 'warning' }, // stated 86.19% ≠ 215457.6 ÷ 250000 = 86.18%
      ],
      absentCodes: ['SCORE_MISMATCH', 'TOTAL_MISMATCH', 'WEIGHT_SUM', 'FUNDS_SUM', 'NOT_A_NUMBER', 'MISSING_SCORE'],
    },
  ],
};
