/** Whole-table states the front ends show instead of a list of errors. */
import type { TableResult } from './result';

/**
 * A table nobody has filled in yet (a freshly inserted template): no amounts and no 实际完成值. It shows
 * 待填写 rather than errors, and scoring it has nothing to write.
 */
export function isBlankTable(t: TableResult): boolean {
  const f = t.funds;
  const noFunds = f.budget === null && f.executed === null && f.initialBudget === null;
  return noFunds && t.indicators.every((i) => i.actual.trim() === '' && i.statedScore === null);
}
