/**
 * From a table's result to the cells to write: 执行率, the execution score, each computed
 * indicator score, 总分 and 评价等级 — never over an input cell, never moving rows — and a mark
 * (fill + note) on every cell with an issue.
 */
import { roundTo, sameAt } from './decimal';
import { cellAt, fromA1, toA1, type Grid } from './grid';
import type { RuleProfile } from './profile';
import type { Severity, TableResult } from './result';
import { NOTE_PREFIX, SEVERITY_FILL, type CellMark, type CellWrite, type WritePlan, type WriteRole } from './writePlan';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export const GRADE_LABEL = '评价等级';
export const NO_GRADE = '未评级';

/**
 * "0.00" for 2 decimals, "0" for none. A whole score is shown whole ("10", not "10.00"), as
 * published tables do, so written scores look like the ones the filer typed beside them.
 */
export function scoreFormat(decimals: number, value?: number): string {
  return decimals > 0 && !(value !== undefined && Number.isInteger(value)) ? `0.${'0'.repeat(decimals)}` : '0';
}

/** 执行率 is written as a percent with the profile's decimals. */
export function rateFormat(decimals: number): string {
  return decimals > 0 ? `0.${'0'.repeat(decimals)}%` : '0%';
}

export function planTableWrites(table: TableResult, grid: Grid, profile: RuleProfile): WritePlan {
  const writes: CellWrite[] = [];
  const d = profile.decimals;
  const round = (x: number, places = d) => roundTo(x, places, profile.rounding);
  const add = (address: string | null | undefined, role: WriteRole, value: number | string, numberFormat?: string) => {
    if (!address) return;
    const { row, col } = fromA1(address);
    const cell = cellAt(grid, row, col);
    const previous = { value: cell.value, formula: cell.formula, numberFormat: cell.numberFormat };
    // A user formula that already yields the value stays.
    const keepFormula =
      !!cell.formula && typeof cell.value === 'number' && typeof value === 'number' && sameAt(cell.value, value, role === 'rate' ? d + 2 : d);
    writes.push({ sheet: grid.name, address, row, col, role, value, numberFormat, previous, ...(keepFormula ? { keepFormula } : {}) });
  };

  const f = table.funds;
  if (f.rate !== null) add(f.rateCell, 'rate', round(f.rate, d + 2), rateFormat(d));
  if (f.score !== null) add(f.scoreCell, 'executionScore', round(f.score), scoreFormat(d, round(f.score)));
  // Source rows keep a rate only where the filer wrote one; "—" rows stay as they are.
  for (const s of f.sources) if (s.rate != null && s.statedRate != null) add(s.rateCell, 'rate', round(s.rate, d + 2), rateFormat(d));
  for (const ind of table.indicators) {
    if (ind.scoreSource === 'computed' && ind.score !== null) add(ind.scoreCell, 'indicatorScore', round(ind.score), scoreFormat(d, round(ind.score)));
  }
  if (table.totals.score !== null) add(table.totals.scoreCell, 'totalScore', round(table.totals.score), scoreFormat(d, round(table.totals.score)));

  // 评价等级: beside the total, in a labelled cell; the label is found again on the next run.
  const slot = gradeSlot(table, grid);
  if (slot) {
    if (slot.writeLabel) add(slot.label, 'gradeLabel', GRADE_LABEL);
    add(slot.grade, 'grade', table.grade ?? NO_GRADE);
  }

  return { writes, marks: planMarks(table) };
}

function gradeSlot(table: TableResult, grid: Grid): { label: string; grade: string; writeLabel: boolean } | null {
  const t = table.totals;
  if (t.gradeLabelCell && t.gradeCell) return { label: t.gradeLabelCell, grade: t.gradeCell, writeLabel: false };
  if (!t.scoreCell) return null;
  const { row, col } = fromA1(t.scoreCell);
  const right = fromA1(table.range.split(':')[1] ?? table.range).col;
  let labelCol = right + 1;
  for (let c = col + 1; c <= right; c++) {
    if (cellAt(grid, row, c).text.trim() === '' && cellAt(grid, row, c + 1).text.trim() === '') {
      labelCol = c;
      break;
    }
  }
  return { label: toA1(row, labelCol), grade: toA1(row, labelCol + 1), writeLabel: true };
}

/** One mark per cell: the most serious severity's fill and every message, one per line. */
export function planMarks(table: TableResult): CellMark[] {
  const byCell = new Map<string, { severity: Severity; lines: string[] }>();
  for (const issue of table.issues) {
    if (!issue.cell) continue;
    const m = byCell.get(issue.cell) ?? { severity: issue.severity, lines: [] };
    if (RANK[issue.severity] > RANK[m.severity]) m.severity = issue.severity;
    m.lines.push(issue.message);
    byCell.set(issue.cell, m);
  }
  return [...byCell].map(([address, m]) => {
    const { row, col } = fromA1(address);
    return { sheet: table.sheet, address, row, col, severity: m.severity, fill: SEVERITY_FILL[m.severity], note: `${NOTE_PREFIX}\n${m.lines.join('\n')}` };
  });
}

