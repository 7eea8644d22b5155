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
import { columnLetters } from '../../core/grid';
import type { FakeAnnotation, FakeSheet, FakeValidation } from './fakeWorkbook';

/** Old 0-based row → new 0-based row, or null when the row is gone. */
type RowMap = (row: number) => number | null;

interface EditedWorkbook {
  sheets: FakeSheet[];
  notes: FakeAnnotation[];
  comments: FakeAnnotation[];
}

const key = (r: number, c: number) => `${r},${c}`;

function remapKeys<V>(map: Map<string, V>, rows: RowMap): Map<string, V> {
  const out = new Map<string, V>();
  for (const [k, v] of map) {
    const [r, c] = k.split(',').map(Number);
    const n = rows(r);
    if (n !== null) out.set(key(n, c), v);
  }
  return out;
}

function remapRowKeys<V>(map: Map<number, V>, rows: RowMap): Map<number, V> {
  const out = new Map<number, V>();
  for (const [r, v] of map) {
    const n = rows(r);
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

/**
 * Follows cells that moved (insert/delete): references to `sheetName` (unqualified on that sheet) are mapped,
 * absolute or not, since a reference tracks the cell it names.
 */
function followMovedRows(formula: string, onEditedSheet: boolean, sheetName: string, rows: RowMap, deleted: (r: number) => boolean): string {
  return rewriteRefs(formula, (m) => {
    const [whole, prefix, d1, c1, d2, r1, d3, c2, d4, r2] = m as unknown as string[];
    const target = prefix ? unquote(prefix) === sheetName : onEditedSheet;
    if (!target) return whole;
    const a = Number(r1) - 1;
    if (r2 === undefined) {
      const n = rows(a);
      return n === null ? '#REF!' : `${prefix ?? ''}${d1}${c1}${d2}${n + 1}`;
    }
    let top = a;
    let bottom = Number(r2) - 1;
    // A range loses its deleted rows: its ends move to the nearest surviving rows inside it.
    while (top <= bottom && deleted(top)) top++;
    while (bottom >= top && deleted(bottom)) bottom--;
    if (top > bottom) return '#REF!';
    return `${prefix ?? ''}${d1}${c1}${d2}${rows(top)! + 1}:${d3}${c2}${d4}${rows(bottom)! + 1}`;
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

function rectRows<T extends Merge>(rect: T, top: number | null, bottom: number | null): T | null {
  if (top === null || bottom === null || top > bottom) return null;
  return { ...rect, top, bottom };
}

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

function checkRows(row: number, count: number): void {
  if (!Number.isInteger(row) || row < 1 || !Number.isInteger(count) || count < 1) throw new Error(`bad rows: ${row}, ${count}`);
}

/** Moves the cells, formats, notes and heights of a sheet's rows. */
function moveRows(wb: EditedWorkbook, s: FakeSheet, rows: RowMap): void {
  s.cells = remapKeys(s.cells, rows);
  s.formulaMemory = remapKeys(s.formulaMemory, rows);
  s.formats = remapKeys(s.formats, rows);
  s.rowHeights = remapRowKeys(s.rowHeights, rows);
  for (const list of [wb.notes, wb.comments]) {
    for (let i = list.length - 1; i >= 0; i--) {
      const n = list[i];
      if (n.sheetId !== s.id) continue;
      const r = rows(n.row);
      if (r === null) list.splice(i, 1);
      else n.row = r;
    }
  }
}

/** insertRows(sheet, row, count): `count` empty rows before Excel row `row`. */
export function insertRows(wb: EditedWorkbook, sheet: string, row: number, count: number): void {
  checkRows(row, count);
  const s = mustSheet(wb, sheet);
  const at = row - 1;
  const rows: RowMap = (r) => (r >= at ? r + count : r);
  moveRows(wb, s, rows);
  // A merged area or validation range the new rows cut through (top above, bottom at or below) grows.
  const grow = <T extends Merge>(m: T): T => ({ ...m, top: rows(m.top)!, bottom: m.bottom >= at ? m.bottom + count : m.bottom });
  s.merges = s.merges.map(grow);
  s.validations = s.validations.map((v) => validationRect(v, grow(v.rect)));
  for (const x of wb.sheets) {
    for (const c of x.cells.values()) if (c.formula) c.formula = followMovedRows(c.formula, x === s, s.name, rows, () => false);
  }
}

/** deleteRows(sheet, row, count): Excel rows `row` … `row + count - 1` removed, rows below move up. */
export function deleteRows(wb: EditedWorkbook, sheet: string, row: number, count: number): void {
  checkRows(row, count);
  const s = mustSheet(wb, sheet);
  const at = row - 1;
  const deleted = (r: number) => r >= at && r < at + count;
  const rows: RowMap = (r) => (deleted(r) ? null : r >= at + count ? r - count : r);
  moveRows(wb, s, rows);
  const shrink = <T extends Merge>(m: T): T | null => {
    let top = m.top;
    let bottom = m.bottom;
    while (top <= bottom && deleted(top)) top++;
    while (bottom >= top && deleted(bottom)) bottom--;
    return top > bottom ? null : rectRows(m, rows(top), rows(bottom));
  };
  s.merges = s.merges.map(shrink).filter((m): m is Merge => !!m && (m.bottom > m.top || m.right > m.left));
  s.validations = s.validations.flatMap((v) => {
    const r = shrink(v.rect);
    return r ? [validationRect(v, r)] : [];
  });
  for (const x of wb.sheets) {
    for (const c of x.cells.values()) if (c.formula) c.formula = followMovedRows(c.formula, x === s, s.name, rows, deleted);
  }
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
  const rows: RowMap = (r) => newRowOf.get(r) ?? r;
  moveRows(wb, s, rows);
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
