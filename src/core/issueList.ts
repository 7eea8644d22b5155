/**
 * The issues one table's evaluation raises, in the order its checks find them, and the amount reader the
 * checks share: a number cell read, with its text or its negative value reported at the cell.
 */
import { readAmount } from './cellValue';
import { cellAt, toA1, type Cell, type Grid } from './grid';
import { messages } from './messages';
import type { Issue, IssueCode, Severity } from './result';

export class IssueList {
  readonly items: Issue[] = [];
  constructor(private readonly sheet: string) {}
  add(code: IssueCode, severity: Severity, cell: string | null, message: string): void {
    this.items.push({ code, severity, cell, message, sheet: this.sheet });
  }
  errorsAt(cells: (string | null)[]): boolean {
    return this.items.some((i) => i.severity === 'error' && cells.includes(i.cell));
  }
  hasErrors(): boolean {
    return this.items.some((i) => i.severity === 'error');
  }
  /** Drops the issues a later check says better at the same cell. */
  removeWhere(drop: (i: Issue) => boolean): void {
    for (let i = this.items.length - 1; i >= 0; i--) if (drop(this.items[i])) this.items.splice(i, 1);
  }
}

export interface AmountRead {
  /** The amount; null when the cell is absent, empty or not a number. */
  value: number | null;
  /** The cell holds text or an error where a number belongs (NOT_A_NUMBER reported). */
  invalid: boolean;
  cell: Cell;
  /** The unit written with the amount ("万元" in "97.9万元"), null for a bare number. */
  unit: string | null;
}

/** Reads the amount at a 0-based row and column; `what` names it in the user's message. */
export type AmountReader = (row: number, col: number | undefined, what: string) => AmountRead;

/** The amount reader of a sheet: text reported as NOT_A_NUMBER, a value below zero as NEGATIVE_VALUE. */
export function amountReader(grid: Grid, issues: IssueList): AmountReader {
  return (row, col, what) => {
    if (col === undefined) return { value: null, invalid: false, cell: { value: null, text: '' }, unit: null };
    const cell = cellAt(grid, row, col);
    const r = readAmount(cell);
    // The address only where an issue names it: most amounts read are fine.
    if (r.invalid) {
      const at = toA1(row, col);
      issues.add('NOT_A_NUMBER', 'error', at, messages.notANumber(at, what, r.parsed.text, r.parsed.problem));
      return { value: null, invalid: true, cell, unit: r.parsed.unit };
    }
    if (r.value !== null && r.value < 0) {
      const at = toA1(row, col);
      issues.add('NEGATIVE_VALUE', 'error', at, messages.negative(at, what, r.value));
    }
    return { value: r.value, invalid: false, cell, unit: r.parsed.unit };
  };
}
