/**
 * From a table's result to the cells to write: 执行率, the execution score, each computed
 * indicator score, 总分 and 评价等级 — never over an input cell, never moving rows, never outside the
 * table — and a mark (fill + note) on every cell with an issue. While an error stands, neither the total
 * nor a grade is written: the total cell is marked with the reason instead.
 */
import { roundTo, sameAt } from './decimal';
import { cellAt, fromA1, toA1, type Grid } from './grid';
import { messageWithoutCell } from './messages';
import { normalizeLabel } from './text';
import type { RuleProfile } from './profile';
import type { Severity, TableResult } from './result';
import { CORRECTED_FILL, NOTE_PREFIX, SEVERITY_FILL, type CellMark, type CellWrite, type WritePlan, type WriteRole } from './writePlan';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export const GRADE_LABEL = '评价等级';
export const NO_GRADE = '未评级';

/** The grade as written into one cell of the total row: "评价等级：优". */
export function gradeText(grade: string): string {
  return `${GRADE_LABEL}：${grade}`;
}

/** Why the total and the grade were not written, for the total cell's note and the front ends. */
export function totalWithheldReason(table: TableResult): string | null {
  const errors = table.issues.filter((i) => i.severity === 'error').length;
  if (errors > 0) return `还有 ${errors} 个错误，总分和评价等级未写入。请先改正标为红色的单元格，再点“一键评分”。`;
  if (table.totals.score === null) return '有指标无法得出得分，总分和评价等级未写入。';
  if (table.totals.weight !== null && table.totals.score > table.totals.weight + 1e-9) return '计算出的总分超过了分值合计，未写入。请核对各指标分值。';
  return null;
}

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
    const previous = { value: cell.value, formula: cell.formula, numberFormat: cell.numberFormat, text: cell.text };
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
  const withheld = totalWithheldReason(table);
  const slot = gradeSlot(table, grid);
  if (!withheld && table.totals.score !== null) {
    add(table.totals.scoreCell, 'totalScore', round(table.totals.score), scoreFormat(d, round(table.totals.score)));
    // 评价等级: the template's own cell, else one empty cell of the total row inside the table, as "评价等级：优".
    if (slot && table.grade) add(slot.cell, 'grade', slot.combined ? gradeText(table.grade) : table.grade);
  }

  const marks = planMarks(table, new Set(writes.map((w) => w.address)));
  const at = table.totals.scoreCell ?? slot?.cell ?? null;
  if (withheld && at) {
    const { row, col } = fromA1(at);
    const line = `总分未写入：${withheld}`;
    const m = marks.find((x) => x.address === at);
    if (m) {
      m.severity = 'error';
      m.fill = SEVERITY_FILL.error;
      m.note = `${m.note}\n${line}`;
    } else marks.push({ sheet: table.sheet, address: at, row, col, severity: 'error', fill: SEVERITY_FILL.error, note: `${NOTE_PREFIX}\n${line}` });
  }
  return { writes, marks };
}

/**
 * Where the grade goes: the template's 评价等级 cell (label beside it), a "评价等级：…" cell an earlier
 * run wrote, or the first empty cell right of the total inside the table (the 偏差原因 column of the total
 * row). Never a new column outside the table: with no room, the grade is shown but not written.
 */
export function gradeSlot(table: TableResult, grid: Grid): { cell: string; combined: boolean } | null {
  const t = table.totals;
  if (t.gradeLabelCell) {
    const { row, col } = fromA1(t.gradeLabelCell);
    const label = normalizeLabel(cellAt(grid, row, col).text);
    // NFKC has turned the full-width colon into ":".
    if (label.startsWith(`${GRADE_LABEL}:`)) return { cell: t.gradeLabelCell, combined: true };
    if (t.gradeCell && inside(table, t.gradeCell)) return { cell: t.gradeCell, combined: false };
  }
  if (!t.scoreCell) return null;
  const { row, col } = fromA1(t.scoreCell);
  const right = fromA1(table.range.split(':')[1] ?? table.range).col;
  for (let c = col + 1; c <= right; c++) {
    if (normalizeLabel(cellAt(grid, row, c).text).startsWith(`${GRADE_LABEL}:`)) return { cell: toA1(row, c), combined: true };
  }
  for (let c = col + 1; c <= right; c++) {
    if (cellAt(grid, row, c).text.trim() === '' && !cellAt(grid, row, c).formula) return { cell: toA1(row, c), combined: true };
  }
  return null;
}

function inside(table: TableResult, address: string): boolean {
  const [a, b] = table.range.split(':');
  const lo = fromA1(a);
  const hi = fromA1(b ?? a);
  const { row, col } = fromA1(address);
  return row >= lo.row && row <= hi.row && col >= lo.col && col <= hi.col;
}

/**
 * One mark per cell: the most serious severity's fill and every message, one per line. A cell this plan
 * writes (`written`) has its issue resolved by the write: green, its note saying what was corrected.
 */
export function planMarks(table: TableResult, written: Set<string> = new Set()): CellMark[] {
  const byCell = new Map<string, { severity: Severity; lines: string[] }>();
  for (const issue of table.issues) {
    if (!issue.cell) continue;
    const m = byCell.get(issue.cell) ?? { severity: issue.severity, lines: [] };
    if (RANK[issue.severity] > RANK[m.severity]) m.severity = issue.severity;
    // The note sits on the cell itself: its address inside the text would only repeat it.
    m.lines.push(messageWithoutCell(issue.message, issue.cell));
    byCell.set(issue.cell, m);
  }
  return [...byCell].map(([address, m]) => {
    const { row, col } = fromA1(address);
    if (written.has(address)) {
      return { sheet: table.sheet, address, row, col, severity: m.severity, corrected: true, fill: CORRECTED_FILL, note: `${NOTE_PREFIX}\n已自动更正：${m.lines.join('\n')}` };
    }
    return { sheet: table.sheet, address, row, col, severity: m.severity, fill: SEVERITY_FILL[m.severity], note: `${NOTE_PREFIX}\n${m.lines.join('\n')}` };
  });
}

