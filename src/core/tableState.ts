/** Whole-table states the front ends show instead of a list of errors. */
import type { FundsResult, TableResult } from './result';

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
