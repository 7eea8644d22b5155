/**
 * The 自评表 as an attachment to the report: the table's cells as the sheet shows them, over the
 * table's own range, with its merged cells, so a renderer (Word) can lay it out as a real table.
 */
import { cellAt, fromA1, type Grid } from '../grid';
import { displayWidth, typeset } from './format';
import type { AttachedTable } from './model';

/** Narrowest and widest column, in half-width characters. */
const MIN_WIDTH = 8;
const MAX_WIDTH = 20;

export function attachedTable(grid: Grid, range: string): AttachedTable {
  const [a, b] = range.split(':');
  const from = fromA1(a);
  const to = fromA1(b ?? a);
  const rows: string[][] = [];
  for (let r = from.row; r <= to.row; r++) {
    const row: string[] = [];
    // A label broken over lines in its cell ("年度\n总体\n目标") reads as one word in a table cell.
    for (let c = from.col; c <= to.col; c++) row.push(typeset(cellAt(grid, r, c).text ?? '').replace(/([\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g, '$1'));
    rows.push(row);
  }
  const merges = grid.merges
    .filter((m) => m.top >= from.row && m.left >= from.col && m.bottom <= to.row && m.right <= to.col && (m.bottom > m.top || m.right > m.left))
    .map((m) => ({ top: m.top - from.row, left: m.left - from.col, bottom: m.bottom - from.row, right: m.right - from.col }));
  const covered = (r: number, c: number) => merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (m.right > m.left));
  const widths = rows[0]?.map((_, c) =>
    Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, ...rows.map((row, r) => (covered(r, c) ? 0 : displayWidth(row[c]))))),
  ) ?? [];
  return { rows, merges, widths };
}
