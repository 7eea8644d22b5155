/**
 * What a user's structural edits do to a sheet, modelled on the Excel double as Excel does them:
 *
 * - Rows inserted (Range.insert with InsertShiftDirection.down: "adds new empty cells to the worksheet and
 *   shifts existing cells to make room … Formulas with cell references automatically adjust after insertion",
 *   https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-insert): every cell at or below
 *   the row moves down with its value, formula, number format, fill, other formats, note and row height; the
 *   new rows are empty; a merged area or validation range the insertion cuts through grows; references to
 *   moved cells (on this sheet or qualified with its name elsewhere) follow them.
 * - Rows deleted (Range.delete with DeleteShiftDirection.up, "Deletes the cells associated with the range",
 *   https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-delete-member(1)): the rows'
 *   cells and notes go, rows below move up, merged areas and validation ranges shrink (and vanish when wholly
 *   deleted), a reference to a deleted cell becomes #REF!, a range reference shrinks.
 * - Columns inserted and deleted: the same with the axis turned, as Range.insert with
 *   InsertShiftDirection.right ("Right": existing cells shift right,
 *   https://learn.microsoft.com/javascript/api/excel/excel.insertshiftdirection; the insert guide above: "You
 *   must specify which direction to shift the existing cells: down or right") and Range.delete with
 *   DeleteShiftDirection.left ("Left", https://learn.microsoft.com/javascript/api/excel/excel.deleteshiftdirection)
 *   on whole columns: cells move right (left) with their value, formula, formats, fill, note and column width;
 *   the new columns are empty and default-width; merges and validations cut through grow (or shrink, and
 *   vanish when wholly deleted); references follow the columns, a reference to a deleted column is #REF!.
 * - Rows sorted (RangeSort.apply on rows, https://learn.microsoft.com/javascript/api/excel/excel.rangesort):
 *   whole rows move with their cells' values, formats, fills and notes; a moved formula's relative row
 *   references shift with it as on a copy (absolute ones stay); references elsewhere are not rewritten. Excel
 *   refuses to sort across merged cells of different sizes ("all the merged cells need to be the same size"),
 *   so a merge spanning several rows that meets the sorted rows makes the sort fail.
 * - Sheet renamed (Worksheet.name) and moved (Worksheet.position, "The zero-based position of the worksheet
 *   within the workbook"): Worksheet.id "remains the same even when the worksheet is renamed or moved"
 *   (https://learn.microsoft.com/javascript/api/excel/excel.worksheet); formulas naming the sheet follow a rename.
 */
import type { Merge } from '../../core/grid';
import { MAX_COL, MAX_ROW, columnLetters, fromA1 } from '../../core/grid';
import type { FakeAnnotation, FakeSheet, FakeValidation } from './fakeWorkbook';

/** Old 0-based row (or column) → new one, or null when it is gone. */
type IndexMap = (i: number) => number | null;

/** Which coordinate an insertion or deletion moves: rows (shift down/up) or columns (shift right/left). */
type Axis = 'row' | 'col';

interface EditedWorkbook {
  sheets: FakeSheet[];
  notes: FakeAnnotation[];
  comments: FakeAnnotation[];
}

const key = (r: number, c: number) => `${r},${c}`;

function remapKeys<V>(map: Map<string, V>, axis: Axis, lines: IndexMap): Map<string, V> {
  const out = new Map<string, V>();
  for (const [k, v] of map) {
    const [r, c] = k.split(',').map(Number);
    const n = lines(axis === 'row' ? r : c);
    if (n !== null) out.set(axis === 'row' ? key(n, c) : key(r, n), v);
  }
  return out;
}

function remapIndexKeys<V>(map: Map<number, V>, lines: IndexMap): Map<number, V> {
  const out = new Map<number, V>();
  for (const [i, v] of map) {
    const n = lines(i);
    if (n !== null) out.set(n, v);
  }
  return out;
}

/** A reference, a range of two, with optional sheet prefix; not a function name ("LOG10(") nor inside a word. */
const REF = /(?<![\w.$'\u4e00-\u9fff])((?:'(?:[^']|'')+'|[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?::(\$?)([A-Za-z]{1,3})(\$?)(\d+))?(?![\w(])/g;

const unquote = (prefix: string) => {
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
};

/** Rewrites a formula's references outside string literals. */
function rewriteRefs(formula: string, rewrite: (m: RegExpExecArray) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(REF, (...args) => rewrite(args.slice(0, 10) as unknown as RegExpExecArray))))
    .join('');
}

const colIndex = (letters: string) => fromA1(`${letters}1`).col;

/** One end of a reference: its column and row, each with its "$". */
interface RefEnd {
  colAbs: string;
  col: number;
  rowAbs: string;
  row: number;
}

const endText = (e: RefEnd) => `${e.colAbs}${columnLetters(e.col)}${e.rowAbs}${e.row + 1}`;

/**
 * Follows cells that moved (insert/delete of rows or columns): references to `sheetName` (unqualified on
 * that sheet) are mapped, absolute or not, since a reference tracks the cell it names.
 */
function followMoved(formula: string, onEditedSheet: boolean, sheetName: string, axis: Axis, lines: IndexMap, deleted: (i: number) => boolean): string {
  return rewriteRefs(formula, (m) => {
    const [whole, prefix, d1, c1, d2, r1, d3, c2, d4, r2] = m as unknown as string[];
    const target = prefix ? unquote(prefix) === sheetName : onEditedSheet;
    if (!target) return whole;
    const at = (e: RefEnd) => (axis === 'row' ? e.row : e.col);
    const moved = (e: RefEnd, to: number): RefEnd => (axis === 'row' ? { ...e, row: to } : { ...e, col: to });
    const a: RefEnd = { colAbs: d1, col: colIndex(c1), rowAbs: d2, row: Number(r1) - 1 };
    if (r2 === undefined) {
      const n = lines(at(a));
      return n === null ? '#REF!' : `${prefix ?? ''}${endText(moved(a, n))}`;
    }
    const b: RefEnd = { colAbs: d3, col: colIndex(c2), rowAbs: d4, row: Number(r2) - 1 };
    let first = at(a);
    let last = at(b);
    // A range loses its deleted rows or columns: its ends move to the nearest surviving ones inside it.
    while (first <= last && deleted(first)) first++;
    while (last >= first && deleted(last)) last--;
    if (first > last) return '#REF!';
    return `${prefix ?? ''}${endText(moved(a, lines(first)!))}:${endText(moved(b, lines(last)!))}`;
  });
}

/** A formula copied `by` rows down (a sort moving its row): relative row references shift, absolute ones stay. */
function shiftRelative(formula: string, by: number): string {
  if (!by) return formula;
  return rewriteRefs(formula, (m) => {
    const [, prefix, d1, c1, d2, r1, d3, c2, d4, r2] = m as unknown as string[];
    const row = (d: string, r: string) => (d ? Number(r) : Math.max(1, Number(r) + by));
    const one = `${prefix ?? ''}${d1}${c1}${d2}${row(d2, r1)}`;
    return r2 === undefined ? one : `${one}:${d3}${c2}${d4}${row(d4, r2)}`;
  });
}

/** The first and last row (or column) of a rectangle along an axis, and the rectangle with new ones. */
const span = (m: Merge, axis: Axis): [number, number] => (axis === 'row' ? [m.top, m.bottom] : [m.left, m.right]);
const withSpan = <T extends Merge>(m: T, axis: Axis, first: number, last: number): T =>
  axis === 'row' ? { ...m, top: first, bottom: last } : { ...m, left: first, right: last };

function validationRect(v: FakeValidation, rect: Merge): FakeValidation {
  const a = `${columnLetters(rect.left)}${rect.top + 1}`;
  const b = `${columnLetters(rect.right)}${rect.bottom + 1}`;
  return { ...v, rect, range: a === b ? a : `${a}:${b}` };
}

function mustSheet(wb: EditedWorkbook, name: string): FakeSheet {
  const s = wb.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!s) throw new Error(`no sheet named ${name}`);
  return s;
}

function checkLines(axis: Axis, first: number, count: number): void {
  if (!Number.isInteger(first) || first < 1 || !Number.isInteger(count) || count < 1) throw new Error(`bad ${axis === 'row' ? 'rows' : 'columns'}: ${first}, ${count}`);
}

/** Moves the cells, formats, notes and heights (rows) or widths (columns) of a sheet's rows or columns. */
function moveLines(wb: EditedWorkbook, s: FakeSheet, axis: Axis, lines: IndexMap): void {
  s.cells = remapKeys(s.cells, axis, lines);
  s.formulaMemory = remapKeys(s.formulaMemory, axis, lines);
  s.formats = remapKeys(s.formats, axis, lines);
  if (axis === 'row') s.rowHeights = remapIndexKeys(s.rowHeights, lines);
  else s.columnWidths = remapIndexKeys(s.columnWidths, lines);
  for (const list of [wb.notes, wb.comments]) {
    for (let i = list.length - 1; i >= 0; i--) {
      const n = list[i];
      if (n.sheetId !== s.id) continue;
      const to = lines(axis === 'row' ? n.row : n.col);
      if (to === null) list.splice(i, 1);
      else if (axis === 'row') n.row = to;
      else n.col = to;
    }
  }
}

function followEverywhere(wb: EditedWorkbook, s: FakeSheet, axis: Axis, lines: IndexMap, deleted: (i: number) => boolean): void {
  for (const x of wb.sheets) {
    for (const c of x.cells.values()) if (c.formula) c.formula = followMoved(c.formula, x === s, s.name, axis, lines, deleted);
  }
}

/** `count` empty rows or columns before the 0-based `at`: everything at or beyond it moves on. */
function insertLines(wb: EditedWorkbook, s: FakeSheet, axis: Axis, at: number, count: number): void {
  const lines: IndexMap = (i) => (i >= at ? i + count : i);
  moveLines(wb, s, axis, lines);
  // A merged area or validation range the new lines cut through (starting before, ending at or after) grows.
  const grow = <T extends Merge>(m: T): T => {
    const [first, last] = span(m, axis);
    return withSpan(m, axis, lines(first)!, last >= at ? last + count : last);
  };
  s.merges = s.merges.map(grow);
  s.validations = s.validations.map((v) => validationRect(v, grow(v.rect)));
  followEverywhere(wb, s, axis, lines, () => false);
}

/** The 0-based rows or columns `at` … `at + count - 1` removed: those beyond move back. */
function deleteLines(wb: EditedWorkbook, s: FakeSheet, axis: Axis, at: number, count: number): void {
  const deleted = (i: number) => i >= at && i < at + count;
  const lines: IndexMap = (i) => (deleted(i) ? null : i >= at + count ? i - count : i);
  moveLines(wb, s, axis, lines);
  const shrink = <T extends Merge>(m: T): T | null => {
    let [first, last] = span(m, axis);
    while (first <= last && deleted(first)) first++;
    while (last >= first && deleted(last)) last--;
    return first > last ? null : withSpan(m, axis, lines(first)!, lines(last)!);
  };
  // A merge shrunk to one cell is no merge.
  s.merges = s.merges.map(shrink).filter((m): m is Merge => !!m && (m.bottom > m.top || m.right > m.left));
  s.validations = s.validations.flatMap((v) => {
    const r = shrink(v.rect);
    return r ? [validationRect(v, r)] : [];
  });
  followEverywhere(wb, s, axis, lines, deleted);
}

/** A helper taking `count` rows or columns from the 1-based `first` (column 1 = A), as the tests call it. */
const lineEdit =
  (edit: typeof insertLines, axis: Axis) =>
  (wb: EditedWorkbook, sheet: string, first: number, count: number): void => {
    checkLines(axis, first, count);
    edit(wb, mustSheet(wb, sheet), axis, first - 1, count);
  };

/** insertRows(sheet, row, count): `count` empty rows before Excel row `row`. */
export const insertRows = lineEdit(insertLines, 'row');
/** deleteRows(sheet, row, count): Excel rows `row` … `row + count - 1` removed, rows below move up. */
export const deleteRows = lineEdit(deleteLines, 'row');
/** insertColumns(sheet, column, count): `count` empty columns before Excel column `column` (1 = A). */
export const insertColumns = lineEdit(insertLines, 'col');
/** deleteColumns(sheet, column, count): Excel columns `column` … `column + count - 1` removed, columns right of them move left. */
export const deleteColumns = lineEdit(deleteLines, 'col');

/**
 * Range.insert(shift) and Range.delete(shift) on a range of whole rows ("3:5", shifted Down/Up) or whole
 * columns ("C:D", shifted Right/Left): the edits above. On a partial range Excel shifts only the cells
 * beside it; the double does not model that and fails loudly rather than pretend.
 */
export function shiftWholeLines(wb: EditedWorkbook, s: FakeSheet, rect: Merge, op: 'insert' | 'delete', shift: string): void {
  const rows = rect.left === 0 && rect.right === MAX_COL;
  const cols = rect.top === 0 && rect.bottom === MAX_ROW;
  const axis: Axis | null = rows && shift === (op === 'insert' ? 'Down' : 'Up') ? 'row' : cols && shift === (op === 'insert' ? 'Right' : 'Left') ? 'col' : null;
  if (!axis) throw new Error(`the double models Range.${op} on whole rows (Down/Up) or whole columns (Right/Left) only, not ${op}(${shift}) here`);
  const [first, last] = span(rect, axis);
  (op === 'insert' ? insertLines : deleteLines)(wb, s, axis, first, last - first + 1);
}

/** sortRows(sheet, firstRow, lastRow, order): Excel rows firstRow…lastRow rearranged; `order` lists the old rows in their new order. */
export function sortRows(wb: EditedWorkbook, sheet: string, firstRow: number, lastRow: number, order: number[]): void {
  const s = mustSheet(wb, sheet);
  const n = lastRow - firstRow + 1;
  const sorted = [...order].sort((a, b) => a - b);
  if (n < 1 || order.length !== n || sorted.some((r, i) => r !== firstRow + i)) throw new Error(`order must list rows ${firstRow}…${lastRow} once each`);
  const top = firstRow - 1;
  const bottom = lastRow - 1;
  for (const m of s.merges) {
    if (m.bottom > m.top && m.top <= bottom && m.bottom >= top) {
      throw new Error('若要执行此操作，所有合并单元格需大小相同。(To do this, all the merged cells need to be the same size.)');
    }
  }
  const newRowOf = new Map(order.map((old, i) => [old - 1, top + i]));
  const rows: IndexMap = (r) => newRowOf.get(r) ?? r;
  moveLines(wb, s, 'row', rows);
  for (const [k, c] of s.cells) {
    const r = Number(k.split(',')[0]);
    const old = order[r - top] - 1;
    if (c.formula && r >= top && r <= bottom) c.formula = shiftRelative(c.formula, r - old);
  }
  // One-row merges and validations move with their row.
  const move = <T extends Merge>(m: T): T => (m.top === m.bottom && m.top >= top && m.top <= bottom ? { ...m, top: rows(m.top)!, bottom: rows(m.top)! } : m);
  s.merges = s.merges.map(move);
  s.validations = s.validations.map((v) => validationRect(v, move(v.rect)));
}

function quoteName(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

/** renameSheet(oldName, newName): Worksheet.name set; the id stays; formulas naming the sheet follow. */
export function renameSheet(wb: EditedWorkbook, oldName: string, newName: string): void {
  const s = mustSheet(wb, oldName);
  if (!newName || newName.length > 31 || /[\\/?*[\]:]/.test(newName) || /^'|'$/.test(newName)) throw new Error(`invalid sheet name: ${newName}`);
  if (wb.sheets.some((x) => x !== s && x.name.toLowerCase() === newName.toLowerCase())) throw new Error(`sheet exists: ${newName}`);
  for (const x of wb.sheets) {
    for (const c of x.cells.values()) {
      if (c.formula) c.formula = rewriteRefs(c.formula, (m) => {
        const whole = (m as unknown as string[])[0];
        const prefix = (m as unknown as (string | undefined)[])[1];
        return prefix && unquote(prefix) === s.name ? quoteName(newName) + whole.slice(prefix.length) : whole;
      });
    }
  }
  s.name = newName;
}

/** moveSheet(name, index): Worksheet.position set (0-based); the id stays. */
export function moveSheet(wb: EditedWorkbook, name: string, index: number): void {
  const s = mustSheet(wb, name);
  if (!Number.isInteger(index) || index < 0 || index >= wb.sheets.length) throw new Error(`bad position: ${index}`);
  wb.sheets.splice(wb.sheets.indexOf(s), 1);
  wb.sheets.splice(index, 0, s);
}
