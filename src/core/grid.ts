/**
 * A sheet as the engine sees it: plain data, no host objects.
 * Coordinates are 0-based and absolute on the sheet (row 0 = Excel row 1, col 0 = column A),
 * so that a Grid read from a used range that starts at C5 keeps C5's address.
 */

/** An Excel error value such as #N/A or #DIV/0!. */
export interface ErrorValue {
  error: string;
}

/** Raw cell value; for formulas, the cached result. Dates arrive as their serial number. */
export type RawValue = string | number | boolean | ErrorValue | null;

export interface Cell {
  /** Raw value (a formula's cached result). */
  value: RawValue;
  /** Text as Excel displays it ("66%" for 0.66 under format 0%). */
  text: string;
  /** Number format code, e.g. "0%", "General". */
  numberFormat?: string;
  /** Formula without the leading "=", when the cell holds one. */
  formula?: string;
}

/** A merged area, inclusive, absolute 0-based coordinates. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** Sheet name. */
  name: string;
  /** Cells by absolute row then column; missing entries are empty cells. */
  cells: (Cell | undefined)[][];
  merges: Merge[];
  /** Hidden sheets (our backup sheet, for one) are not searched for tables. */
  hidden?: boolean;
  /** The sheet's stable id where the host has one (Office.js worksheet.id): it survives a rename or move. */
  id?: string;
}

export interface CellRef {
  row: number;
  col: number;
}

export const EMPTY_CELL: Cell = Object.freeze({ value: null, text: '' }) as Cell;

/** Column index (0-based) to letters: 0 → A, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Column letters by index, filled as columns are named (16,384 columns at most, as in Excel). */
const COLUMN_NAMES: string[] = [];

/** 0-based row/col to an A1 address. */
export function toA1(row: number, col: number): string {
  // Every issue, score cell and write names its cell: spell each column once.
  let letters = COLUMN_NAMES[col];
  if (letters === undefined) {
    letters = columnLetters(col);
    if (Number.isInteger(col) && col >= 0 && col < 16384) COLUMN_NAMES[col] = letters;
  }
  return `${letters}${row + 1}`;
}

/** A1 address ("$B$7" allowed) to 0-based row/col; throws on malformed input. */
export function fromA1(address: string): CellRef {
  // Every issue's cell is read back once per evaluation: plain "H12" by char codes, anything else by the pattern.
  const plain = plainA1(address);
  if (plain) return plain;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`bad A1 address: ${address}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** "H12" (1–3 capital letters, then digits without a leading zero) → its cell; null for any other spelling. */
function plainA1(address: string): CellRef | null {
  let i = 0;
  let col = 0;
  for (; i < address.length && i < 3; i++) {
    const c = address.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === 0 || i === address.length || address.charCodeAt(i) === 48) return null;
  let row = 0;
  for (let j = i; j < address.length; j++) {
    const c = address.charCodeAt(j);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  return { row: row - 1, col: col - 1 };
}

/** Excel's last row and column, 0-based (1 048 576 rows, 16 384 columns). */
export const MAX_ROW = 1048575;
export const MAX_COL = 16383;

/**
 * The one A1 range parser: "A1", "A1:B2", "$A$1:$B$2", whole columns "A:C" and whole rows "3:5" (no sheet
 * prefix; see address.ts for sheet-qualified addresses) → inclusive 0-based rectangle. Throws on malformed input.
 */
export function rectFromA1(a1: string): Merge {
  const [a, b = a] = a1.trim().split(':');
  const colOnly = /^\$?([A-Za-z]{1,3})$/;
  const rowOnly = /^\$?(\d+)$/;
  let p: CellRef;
  let q: CellRef;
  if (colOnly.test(a) && colOnly.test(b)) {
    p = { row: 0, col: fromA1(`${a.replace('$', '')}1`).col };
    q = { row: MAX_ROW, col: fromA1(`${b.replace('$', '')}1`).col };
  } else if (rowOnly.test(a) && rowOnly.test(b)) {
    p = { row: Number(a.replace('$', '')) - 1, col: 0 };
    q = { row: Number(b.replace('$', '')) - 1, col: MAX_COL };
  } else {
    p = fromA1(a);
    q = fromA1(b);
  }
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** A1 range ("A1:I21"), or a single address for a one-cell range. */
export function toRangeA1(top: number, left: number, bottom: number, right: number): string {
  const a = toA1(top, left);
  const b = toA1(bottom, right);
  return a === b ? a : `${a}:${b}`;
}

/** The cell at row/col, merged areas resolved to their top-left cell. */
export function cellAt(grid: Grid, row: number, col: number): Cell {
  return grid.cells[row]?.[col] ?? EMPTY_CELL;
}

/** The merge containing row/col, if any. */
export function mergeAt(grid: Grid, row: number, col: number): Merge | undefined {
  // A plain loop: this runs for many cells of every table, mostly before the JIT has warmed up.
  const merges = grid.merges;
  for (let i = 0; i < merges.length; i++) {
    const m = merges[i];
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
  }
  return undefined;
}

/**
 * Cell value with merges resolved: a cell inside a merged area reads as the area's top-left cell.
 * Hosts differ here (exceljs repeats the master value, Office.js leaves the others empty).
 */
export function resolvedCell(grid: Grid, row: number, col: number): Cell {
  const m = mergeAt(grid, row, col);
  if (m && (m.top !== row || m.left !== col)) return cellAt(grid, m.top, m.left);
  return cellAt(grid, row, col);
}

/** Number of rows that may hold cells. */
export function rowCount(grid: Grid): number {
  return grid.cells.length;
}

/** Widest row length. */
export function colCount(grid: Grid): number {
  let n = 0;
  for (const r of grid.cells) if (r && r.length > n) n = r.length;
  return n;
}

/** Literal cell content for building grids in tests and templates. */
export type CellInput = string | number | boolean | null | undefined | Partial<Cell>;

/**
 * Builds a Grid from a 2D array, the way hyperformula's tests build sheets.
 * Numbers display as their JS string unless a numberFormat is given with a `text`.
 * `at` places the array's top-left at an address other than A1.
 */
export function gridFromArrays(
  name: string,
  rows: CellInput[][],
  options: { merges?: string[]; at?: string; hidden?: boolean } = {},
): Grid {
  const origin = options.at ? fromA1(options.at) : { row: 0, col: 0 };
  const cells: (Cell | undefined)[][] = [];
  rows.forEach((row, r) => {
    const out: (Cell | undefined)[] = [];
    row.forEach((input, c) => {
      const cell = toCell(input);
      if (cell) out[origin.col + c] = cell;
    });
    cells[origin.row + r] = out;
  });
  const merges = (options.merges ?? []).map(rectFromA1);
  return { name, cells, merges, hidden: options.hidden };
}

function toCell(input: CellInput): Cell | undefined {
  if (input === undefined || input === null || input === '') return undefined;
  if (typeof input === 'object') {
    const value = input.value ?? null;
    return { value, text: input.text ?? displayText(value), numberFormat: input.numberFormat, formula: input.formula };
  }
  return { value: input, text: displayText(input) };
}

function displayText(value: RawValue): string {
  if (value === null) return '';
  if (typeof value === 'object') return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}
