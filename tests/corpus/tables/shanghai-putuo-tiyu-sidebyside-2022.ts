/**
 * 上海市普陀区体育事业管理中心, the two 财政项目支出绩效自评表 (2022 年度) of its published 《2022年度项目自评价》:
 * page 1 普陀体育中心与委托运营方结算费用 (fully readable) and page 2 援滇对口支援及结对帮扶经费 (its funds block
 * readable, its indicator values cut off in the stored copy). Put side by side on one sheet, columns apart, as
 * a unit keeping several projects on one sheet does: each must be read as its own table.
 */
import type { CellInput } from '../../../src/core/grid';
import type { CorpusFixture } from '../corpusFixture';
import { fixed, place, type Built } from '../../core/helpers';
import { JIESUAN } from './shanghai-putuo-tiyujiesuan-2022';

/** Page 2 as far as the copy goes: amounts in 元, execution "9,034" typed with a separator. */
const YUANDIAN: Built = {
  merges: ['A1:I1', 'A2:I2', 'A3:B3', 'C3:I3', 'A4:B4', 'C4:E4', 'F4:G4', 'H4:I4', 'A5:B9', 'A10:A11', 'B10:E10', 'F10:I10', 'B11:E11', 'F11:I11', 'A12:A17', 'B13:B15', 'A18:F18'],
  rows: [
    ['财政项目支出绩效自评表'],
    ['（2022 年度）'],
    ['项目名称', null, '援滇对口支援及结对帮扶经费'],
    ['主管部门', null, '上海市普陀区体育局', null, null, '实施单位', null, '上海市普陀区体育\n事业管理中心'],
    ['项目资金\n（元）', null, null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, null, '年度资金总额', fixed(20000), fixed(20000), '9,034', 10, '45.17%', 4.52],
    [null, null, '其中:当年财政拨款', null, 0, 0, '—'],
    [null, null, '上年结转资金', null, 0, 0, '—'],
    [null, null, '其他资金', null, 0, 0, '—'],
    ['年度\n总体\n目标', '预期目标', null, null, null, '实际完成情况'],
    [null, null, null, null, null, '已完成援滇人员相关经费支付。'],
    ['绩\n效\n指\n标', '一级指标', '二级指标', '三级指标', '年度\n指标值', '实际\n完成值', '分值', '得分', '偏差原因分析及\n改进措施'],
    [null, '产出指标', '数量指标', '经费使用率'],
    [null, null, '质量指标', '经费完成情况'],
    [null, null, '时效指标', '经费完成进度'],
    [null, '效益指标', '社会效益指标', '经费使用完成情况'],
    [null, '满意度指标', '服务对象满意度指标', '满意度'],
    ['总分'],
  ],
};

/** Two built tables on one sheet: the second starts at `at` (same first row), merges moved with it. */
function sideBySide(left: Built, right: Built, at: string): Built {
  const moved = place(right, at);
  const rows: CellInput[][] = [];
  for (let i = 0; i < Math.max(left.rows.length, moved.rows.length); i++) {
    const row: CellInput[] = [...(left.rows[i] ?? [])];
    (moved.rows[i] ?? []).forEach((c, j) => {
      if (c !== undefined) row[j] = c;
    });
    rows.push(Array.from(row, (c) => c ?? null));
  }
  return { rows, merges: [...left.merges, ...moved.merges] };
}

const sheet = sideBySide(JIESUAN, YUANDIAN, 'L1'); // columns J and K left empty between the two tables

export const fixture: CorpusFixture = {
  source: {
    title: '上海市普陀区体育事业管理中心2022年度项目自评价 — 财政项目支出绩效自评表（两表：结算费用；援滇对口支援及结对帮扶经费）',
    publisher: '上海市普陀区体育事业管理中心',
    province: '上海',
    year: 2022,
    url: 'https://pdf.chddh.cn/archives/48n5zg2zkkjxn27q6rjv.html',
    completed:
      'Placing the two tables side by side (A1 and L1, two empty columns between) is ours; the PDF has them on ' +
      'pages 1 and 2. Page 1 as in the single-table fixture. Page 2, from scrambled PDF text: the total row reads ' +
      '20000.00 / 20000.00 / "9,034" / 10 / 45.17% / 4.52; the three source rows each read "0 0 —" and are put like ' +
      'page 1\'s (年初 blank, 全年预算数 0, 全年执行数 0, "—" under 分值) — so as published they do not add up to the ' +
      'total. The copy is cut off after page 2\'s indicator names: their 指标值, 实际完成值, 分值, 得分 and the 总分 ' +
      'values are not in the copy and are left empty; only page 2\'s funds block is asserted.',
  },
  classes: ['side-by-side', 'amounts-yuan', 'national'],
  sheets: [{ name: '项目自评', rows: sheet.rows, merges: sheet.merges }],
  expected: [
    {
      sheet: '项目自评',
      topLeft: 'A1',
      projectName: '普陀体育中心与委托运营方结\n算费用',
      funds: { budget: 250000, executed: 215457.6, rate: 215457.6 / 250000, weight: 10, score: 8.618304 }, // as in the single-table fixture
      indicators: [
        { name: '与委托运营方结算完成\n率', weight: 10, score: 10 },
        { name: '合同结算条款完成率', weight: 20, score: 20 },
        { name: '费用结算及时性', weight: 20, score: 20 },
        { name: '与委托运营方合同完成\n率', weight: 30, score: 30 },
        { name: '场馆开放满意度', weight: 10, score: 10 },
      ],
      totals: { weight: 100, score: 98.618304 }, // 8.618304 + 90
      grade: '优',
      issues: [{ code: 'RATE_MISMATCH', cell: 'H6', severity: 'warning' }], // 86.19% stated, 86.18% computed
      absentCodes: ['WEIGHT_SUM', 'TOTAL_MISMATCH', 'FUNDS_SUM', 'MISSING_SCORE'],
    },
    {
      sheet: '项目自评',
      topLeft: 'L1',
      projectName: '援滇对口支援及结对帮扶经费',
      funds: {
        budget: 20000, // 20000.00 元
        executed: 9034, // "9,034"
        rate: 9034 / 20000, // = 0.4517, as stated (45.17%)
        weight: 10,
        score: 4.517, // 0.4517 × 10 → 4.52 as stated
      },
      grade: null, // the indicator values are cut off in the copy (left empty), so no total can stand
    },
  ],
};
