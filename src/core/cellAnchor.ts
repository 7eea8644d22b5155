/**
 * What a backed-up cell belongs to, so undo can find it after the user edits the sheet's structure:
 * the table (its project name and ordinal), the row's identity (the funds row, a source row by label,
 * an indicator by name and target, the total row, or the text of a label row) and the column's role
 * (a role column of the row's block and the offset from it). Addresses move when rows are inserted,
 * deleted or sorted; these do not. A cell whose thing is missing or ambiguous is not placed.
 */
import { detectTables, type DetectedTable } from './detect';
import { cellAt, resolvedCell, type Grid } from './grid';

export type RowAnchor =
  | { kind: 'funds' }
  | { kind: 'source'; label: string }
  | { kind: 'indicator'; name: string; target: string }
  | { kind: 'total' }
  /** Any other row of the table (header fields, column headers): the texts of its other cells. */
  | { kind: 'text'; text: string };

export interface CellAnchor {
  /** The table: its project name (or title), and which of the sheet's tables of that name. */
  table: { key: string; ordinal: number };
  row: RowAnchor;
  /**
   * The nearest role column at or left of the cell, and the offset from it: a role of the row's block
   * ("score"), for a label row one of either block ("ind:level2", "funds:budget"), or '@left', the
   * table's left edge, where no role column is left of the cell.
   */
  col: { role: string; delta: number };
}

/**
 * A place found again, or why not (Chinese, for the user). `tableRight` is the table's right edge now:
 * a cell right of it (the grade beside the total row) has no column of the table to follow.
 */
export type Placement = { row: number; col: number; tableRight: number } | { reason: string };

export function tableKey(t: DetectedTable): string {
  return (t.projectName?.text ?? t.title ?? '').trim();
}

/** The tables of every searched sheet, by sheet name. */
export function tablesBySheet(grids: Grid[]): Map<string, DetectedTable[]> {
  const out = new Map<string, DetectedTable[]>();
  // Only project tables are scored, so only they hold our output (as evaluateTables decides).
  for (const g of grids) if (!g.hidden) out.set(g.name, detectTables(g).filter((t) => t.kind === 'project'));
  return out;
}

/** The table a cell belongs to: its rows hold the row, the nearest whose left edge is at or left of the column. */
function tableOf(tables: DetectedTable[], row: number, col: number): DetectedTable | undefined {
  let best: DetectedTable | undefined;
  for (const t of tables) {
    if (row < t.top || row > t.bottom || col < t.left) continue;
    if (!best || t.left > best.left) best = t;
  }
  return best;
}

function rowSignature(grid: Grid, t: DetectedTable, row: number, exceptCol: number): string {
  const parts: string[] = [];
  for (let c = t.left; c <= t.right; c++) {
    if (c === exceptCol) continue;
    const text = cellAt(grid, row, c).text.trim();
    if (text) parts.push(text);
  }
  return parts.join('|');
}

function targetText(t: DetectedTable, row: number): string {
  const c = t.indicators.cols.target;
  return c === undefined ? '' : resolvedCell(t.grid, row, c).text.trim();
}

function rowAnchor(t: DetectedTable, row: number, col: number): RowAnchor {
  const f = t.funds?.rows.find((r) => r.row === row);
  if (f) return f.isTotal ? { kind: 'funds' } : { kind: 'source', label: f.label };
  const ind = t.indicators.rows.find((r) => r.row === row);
  if (ind) return { kind: 'indicator', name: ind.name, target: targetText(t, row) };
  if (t.total?.row === row) return { kind: 'total' };
  return { kind: 'text', text: rowSignature(t.grid, t, row, col) };
}

/**
 * The role columns a row's cells are placed by. A label row (header fields, column headers) has none of
 * its own: it takes both blocks' role columns, named with their block ("ind:level2", "funds:budget"), so
 * that a column inserted or deleted inside the table moves its cells as it moves the role columns.
 */
function blockCols(t: DetectedTable, row: RowAnchor): Record<string, number | undefined> {
  if (row.kind === 'funds' || row.kind === 'source') return t.funds?.cols ?? {};
  if (row.kind === 'indicator' || row.kind === 'total') return t.indicators.cols;
  const out: Record<string, number | undefined> = {};
  for (const [role, c] of Object.entries(t.indicators.cols)) out[`ind:${role}`] = c;
  for (const [role, c] of Object.entries(t.funds?.cols ?? {})) out[`funds:${role}`] = c;
  return out;
}

/** The column of an anchor's role in a table now (undefined: the role column is gone). */
function roleCol(t: DetectedTable, row: RowAnchor, col: CellAnchor['col']): number | undefined {
  // '@left': the table's left edge (every anchor of a label row made before label rows had roles).
  const at = col.role === '@left' ? t.left : blockCols(t, row)[col.role];
  return at === undefined ? undefined : at + col.delta;
}

function colAnchor(t: DetectedTable, row: RowAnchor, col: number): CellAnchor['col'] {
  let role = '@left';
  let at = t.left;
  for (const [r, c] of Object.entries(blockCols(t, row))) {
    if (c === undefined || c > col || c < at || (c === at && role !== '@left')) continue;
    role = r;
    at = c;
  }
  return { role, delta: col - at };
}

/** The anchor of a cell on a sheet, or undefined when the cell lies outside every table. */
export function anchorOf(tables: DetectedTable[], row: number, col: number): CellAnchor | undefined {
  const t = tableOf(tables, row, col);
  if (!t) return undefined;
  const key = tableKey(t);
  const ordinal = tables.filter((x) => tableKey(x) === key).indexOf(t);
  const r = rowAnchor(t, row, col);
  return { table: { key, ordinal }, row: r, col: colAnchor(t, r, col) };
}

function describeRow(r: RowAnchor): string {
  switch (r.kind) {
    case 'funds':
      return '年度资金总额行';
    case 'source':
      return `资金来源“${r.label}”行`;
    case 'indicator':
      return `指标“${r.name}”${r.target ? `（指标值 ${r.target}）` : ''}所在行`;
    case 'total':
      return '总分行';
    case 'text':
      return `内容为“${r.text.slice(0, 30)}”的行`;
  }
}

/** Where the anchored cell is now among the sheet's tables, or why it cannot be placed unambiguously. */
export function placeAnchor(tables: DetectedTable[], a: CellAnchor): Placement {
  const same = tables.filter((t) => tableKey(t) === a.table.key);
  const t = same[a.table.ordinal] ?? (same.length === 1 ? same[0] : undefined);
  if (!t) return { reason: a.table.key ? `找不到项目“${a.table.key}”的自评表` : '找不到原来的自评表' };
  const rows: number[] = [];
  const r = a.row;
  const col = roleCol(t, r, a.col);
  if (r.kind === 'funds') t.funds?.rows.forEach((x) => x.isTotal && rows.push(x.row));
  else if (r.kind === 'source') t.funds?.rows.forEach((x) => !x.isTotal && x.label === r.label && rows.push(x.row));
  else if (r.kind === 'indicator') t.indicators.rows.forEach((x) => x.name === r.name && targetText(t, x.row) === r.target && rows.push(x.row));
  else if (r.kind === 'total') {
    if (t.total) rows.push(t.total.row);
  } else if (col !== undefined) {
    // A label row is known by its other cells' texts, so the cell's own column is found first.
    for (let row = t.top; row <= t.bottom; row++) if (rowSignature(t.grid, t, row, col) === r.text) rows.push(row);
  }
  if (col === undefined || col < 0) return { reason: `${describeRow(r)}中原来的列已不存在` };
  if (rows.length === 0) return { reason: `${describeRow(r)}已不存在（被删除或改动）` };
  if (rows.length > 1) return { reason: `有 ${rows.length} 处${describeRow(r)}，无法确定原来是哪一行` };
  return { row: rows[0], col, tableRight: t.right };
}
