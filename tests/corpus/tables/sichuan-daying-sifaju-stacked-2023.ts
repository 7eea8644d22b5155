/**
 * 四川省遂宁市大英县司法局, 2023: page 21 of the county's 2023 决算 as published on the county media site, read
 * as the page gives it — two 部门预算项目支出绩效自评表 one below the other. The page opens with the tail of the
 * previous project's table (its 绩效指标 block: one row 成本控制数 ≤ 30 万元 with the actual typed as the word
 * "完成", 权重 90 and 得分 90, then 合计 100, 评价结论, 存在问题, 改进措施 and the signatures), and the next table
 * (2023年全县安可替代补助资金项目) starts directly under the signature row with no blank row between.
 * The tail has no title, 项目名称 or funds block of its own: those are on page 20. The question this page asks is
 * whether the second table is read as its own table, with nothing of the tail above it folded into it.
 */
import type { CellInput } from '../../../src/core/grid';
import type { CorpusFixture } from '../corpusFixture';
import { place } from '../../core/helpers';
import { ANKE, fixture as single } from './sichuan-daying-anke-2023';

/** The tail of the previous table, as the page's first seven rows (same 11-column grid as the 四川 form). */
const TAIL: CellInput[][] = [
  ['绩效指标(90分)', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '未完成原因分析'],
  [null, '产出指标', '经济成本指标', '成本控制数', '≤', 30, '万元', '完成', 90, 90],
  ['合计', null, null, null, null, null, null, null, 100],
  ['评价结论', '根据财政局资金下达的管理办法,将资金支付给项目施工方。'],
  ['存在问题', '无'],
  ['改进措施', '无'],
  ['项目负责人:查小兵', null, null, null, null, '财务负责人:唐勇'],
];
const TAIL_MERGES = ['A1:A2', 'A3:H3', 'B4:K4', 'B5:K5', 'B6:K6', 'A7:E7', 'F7:K7'];

const next = place(ANKE, `A${TAIL.length + 1}`); // the 安可 table's title lands on row 8

export const fixture: CorpusFixture = {
  source: {
    ...single.source, // same page, publisher, year and address
    title: '大英县2023年度部门决算公开（大英县司法局）第21页 — 部门预算项目支出绩效自评表（2023年度）：上一项目表尾；2023年全县安可替代补助资金项目',
    completed:
      'The page as the stored copy gives it, an HTML table read cell by cell; nothing was completed by hand. Rows 1–7 are ' +
      'the tail of the previous project\'s table (its head — title, 项目名称, funds — is on page 20 and not in the copy). ' +
      'Rows 8 onward are the 安可替代 table exactly as in the single-table fixture of this page, and the copy ends inside ' +
      'its first indicator row after 指标值 100: the rest of that table is on page 22. Merges inferred from the rows that ' +
      'have fewer cells under a merged label, as in the other 四川 fixtures.',
  },
  classes: ['stacked', 'sichuan'],
  profile: { deviationBelowRate: 0.9 },
  sheets: [{ name: '自评表', rows: [...TAIL, ...next.rows.slice(TAIL.length)], merges: [...TAIL_MERGES, ...next.merges] }],
  // Two tables, in reading order. The tail is what is left of a project self-evaluation table (its 绩效指标 block
  // with 权重/得分 and a 合计): like a form with no 分值 columns it is still a table, and a reviewer reports what is
  // missing (name, funds) rather than passing over it or folding it into the table below.
  expected: [
    {
      sheet: '自评表',
      topLeft: 'A1',
      projectName: null, // on page 20
      funds: { budget: null, executed: null, rate: null, weight: null, score: null }, // on page 20
      indicators: [
        // ≤ 30 万元 with the actual typed as "完成": no number to compare, so nothing can be computed; "完成" reads as
        // met, and the stated 90 is the row's full weight, so 90 stands.
        { name: '成本控制数', weight: 90, score: 90 },
      ],
      // Visible weights 90; the 合计 row states 100 because the 10 execution points sit in the funds block on
      // page 20. No total score while the execution score is missing, and no grade while errors stand.
      totals: { weight: 90, score: null },
      grade: null,
      issues: [
        { code: 'MISSING_VALUE', cell: 'A1', severity: 'warning' }, // no 项目名称
        { code: 'MISSING_VALUE', cell: 'A1', severity: 'error' }, // no 项目资金 block: no execution rate
        { code: 'VAGUE_ACTUAL', cell: 'H2' }, // "完成" where an amount in 万元 is due
        { code: 'WEIGHT_SUM', severity: 'error' }, // 90 ≠ 100
      ],
      absentCodes: ['SCORE_MISMATCH', 'SCORE_OVER_WEIGHT', 'FUNDS_SUM', 'RATE_MISMATCH'],
    },
    {
      sheet: '自评表',
      topLeft: 'A8', // its title row, directly under the tail's signature row
      projectName: '51092324T000010263357-2023年全县安可替代补助资金项目',
      // As in the single-table fixture: A = 调整后预算数 3.36, B = 3.36 → rate 1 → 1 × 10 = 10 (stated 10).
      funds: { budget: 3.36, executed: 3.36, rate: 1, weight: 10, score: 10 },
      indicators: [
        // Cut off after its 指标值: no 权重, 完成值 or 得分 on this page.
        { name: '完成安可产品购买并按要求支付资金', weight: null, score: null },
      ],
      grade: null,
      issues: [
        { code: 'BUDGET_ADJUSTED', cell: 'D15', severity: 'info' }, // 年初 0.00 ≠ 调整后 3.36
        { code: 'MISSING_VALUE', cell: 'I21', severity: 'error' }, // the cut-off row's 权重, as the sheet stands
      ],
      absentCodes: ['RATE_MISMATCH', 'FUNDS_SUM', 'SCORE_MISMATCH', 'VAGUE_ACTUAL'],
    },
  ],
};
