/**
 * Every issue code in one place: its severities, where it applies, a short Chinese title, and how the
 * report treats it. A Record over IssueCode, so a code added to the contract fails compilation here (and
 * in every consumer that switches over codes exhaustively) until it is described. The full messages are
 * built in messages.ts, one builder per situation.
 */
import type { IssueCode, Severity } from './result';

/**
 * How the report uses an issue: `problem` — named among the filing problems (问题及原因); `fact` — the
 * report states the fact itself from the Result (budget adjusted, over-achieved…), not as a filing
 * problem; `none` — not a report matter (file-level codes, hints for the filer only).
 */
export type ReportSlot = 'problem' | 'fact' | 'none';

export interface IssueCodeSpec {
  /** The severities the engine raises it with (MISSING_VALUE: error when it blocks the total, else warning). */
  severities: readonly Severity[];
  /** file: about the file (no table); table: about a cell or part of a table. */
  scope: 'file' | 'table';
  /** Short Chinese title, for lists and headings. */
  title: string;
  report: ReportSlot;
}

export const ISSUE_CODES: Record<IssueCode, IssueCodeSpec> = {
  TABLE_NOT_FOUND: { severities: ['error'], scope: 'file', title: '未找到自评表', report: 'none' },
  UNREADABLE_FILE: { severities: ['error'], scope: 'file', title: '文件无法读取', report: 'none' },
  MISSING_VALUE: { severities: ['error', 'warning'], scope: 'table', title: '缺少数据', report: 'problem' },
  NOT_A_NUMBER: { severities: ['error'], scope: 'table', title: '不是数字', report: 'problem' },
  NEGATIVE_VALUE: { severities: ['error'], scope: 'table', title: '数值为负', report: 'problem' },
  EXECUTION_OVER_BUDGET: { severities: ['warning'], scope: 'table', title: '执行数超过预算数', report: 'problem' },
  BUDGET_ADJUSTED: { severities: ['info'], scope: 'table', title: '预算做过调整', report: 'fact' },
  FUNDS_SUM: { severities: ['error'], scope: 'table', title: '资金合计不符', report: 'problem' },
  RATE_MISMATCH: { severities: ['warning'], scope: 'table', title: '执行率不符', report: 'problem' },
  SCORE_MISMATCH: { severities: ['warning'], scope: 'table', title: '得分不符', report: 'problem' },
  SCORE_OVER_WEIGHT: { severities: ['error'], scope: 'table', title: '得分超过分值', report: 'problem' },
  WEIGHT_SUM: { severities: ['error'], scope: 'table', title: '分值合计不符', report: 'problem' },
  LEVEL1_WEIGHT: { severities: ['warning'], scope: 'table', title: '一级指标分值不符', report: 'problem' },
  WEIGHT_PROFILE: { severities: ['info'], scope: 'table', title: '分值与评分规则不同', report: 'none' },
  TOTAL_MISMATCH: { severities: ['warning'], scope: 'table', title: '总分不符', report: 'problem' },
  DEVIATION_UNEXPLAINED: { severities: ['warning'], scope: 'table', title: '偏差原因未填写', report: 'problem' },
  UNIT_MISMATCH: { severities: ['warning'], scope: 'table', title: '计量单位不一致', report: 'problem' },
  VAGUE_ACTUAL: { severities: ['warning'], scope: 'table', title: '实际完成值不具体', report: 'problem' },
  QUALITATIVE_OUT_OF_TIER: { severities: ['warning'], scope: 'table', title: '定性得分不在档次内', report: 'problem' },
  MANUAL_SCORE: { severities: ['info'], scope: 'table', title: '需人工评分', report: 'none' },
  OVER_ACHIEVED: { severities: ['info'], scope: 'table', title: '大幅超额完成', report: 'fact' },
  MISSING_SCORE: { severities: ['error'], scope: 'table', title: '无法得出得分', report: 'problem' },
};

/** Every code, in the registry's order. */
export const ALL_ISSUE_CODES = Object.keys(ISSUE_CODES) as IssueCode[];
