/** Whole-table states the front ends show instead of a list of errors. */
import type { FundsResult, TableResult, WorkbookResult } from './result';

/** No amount at all in the funds block (or no funds block): nothing filled in there yet. */
export function noAmounts(f: FundsResult): boolean {
  return f.budget === null && f.executed === null && f.initialBudget === null;
}

/**
 * A table nobody has filled in yet (a freshly inserted template): no amounts and no 实际完成值. It shows
 * 待填写 rather than errors, and scoring it has nothing to write.
 */
export function isBlankTable(t: TableResult): boolean {
  return noAmounts(t.funds) && t.indicators.every((i) => i.actual.trim() === '' && i.statedScore === null);
}

/** Tables found, and every one still to fill in: 一键评分 has nothing to write (the pane, the ribbon and the CLI alike). */
export function nothingToScore(result: WorkbookResult): boolean {
  return result.tables.length > 0 && result.tables.every(isBlankTable);
}

/** What 一键评分 says of a workbook whose tables are all still to fill in (the pane and the ribbon alike). */
export const NOTHING_TO_SCORE = '表格尚未填写：请先填写项目资金和各指标的年度指标值、实际完成值，再点“一键评分”。未写入任何内容。';
