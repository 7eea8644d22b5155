/**
 * Legacy workbooks (.xls BIFF5/BIFF8, WPS .et) → the same Grids as an .xlsx, through SheetJS
 * (@e965/xlsx: the SheetJS Community Edition build republished on npm, pinned in package.json; the
 * `xlsx` package on npm stopped at 0.18.5, which carries CVE-2023-30533 and CVE-2024-22363).
 * A .xls holds at most 65,536 × 256 cells, so reading it whole stays bounded.
 */
import type { Cell, Grid, Merge, RawValue } from '../core/grid';
import { formatNumber } from './numberFormat';

type SheetJS = typeof import('@e965/xlsx');
type SheetCell = import('@e965/xlsx').CellObject;

let sheetjs: SheetJS | undefined;

/** Loaded on the first legacy file only: plain .xlsx batches never pay for it. */
export function loadSheetJS(): SheetJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  sheetjs ??= require('@e965/xlsx') as SheetJS;
  return sheetjs;
}

export interface LegacyRead {
  grids: Grid[];
  /** The workbook as SheetJS holds it, for writing an .xlsx copy. */
  workbook: import('@e965/xlsx').WorkBook;
}

/** Parses a legacy workbook; throws (the caller words the message) when SheetJS cannot read it. */
export function readLegacyWorkbook(bytes: Buffer): LegacyRead {
  const X = loadSheetJS();
  const wb = X.read(bytes, { type: 'buffer', cellFormula: true, cellNF: true, cellText: false, dense: true });
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const grids: Grid[] = [];
  wb.SheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name] as import('@e965/xlsx').WorkSheet & { '!data'?: (SheetCell | undefined)[][] };
    if (!ws || ws['!type'] === 'chart') return;
    const cells: (Cell | undefined)[][] = [];
    (ws['!data'] ?? []).forEach((line, r) => {
      if (!line) return;
      line.forEach((c, col) => {
        const cell = c ? toGridCell(c, date1904) : undefined;
        if (cell) (cells[r] ??= [])[col] = cell;
      });
    });
    const merges: Merge[] = (ws['!merges'] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
    // As Office.js reads it: a merged area's content sits in its top-left cell only.
    for (const m of merges) {
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if ((r !== m.top || c !== m.left) && cells[r]?.[c]) cells[r][c] = undefined;
    }
    const grid: Grid = { name, cells, merges };
    if (wb.Workbook?.Sheets?.[i]?.Hidden) grid.hidden = true;
    grids.push(grid);
  });
  return { grids, workbook: wb };
}

function toGridCell(c: SheetCell, date1904: boolean): Cell | undefined {
  const numberFormat = typeof c.z === 'string' && c.z !== 'General' ? c.z : undefined;
  const formula = c.f ? c.f.replace(/^=/, '') : undefined;
  let value: RawValue = null;
  let text = '';
  switch (c.t) {
    case 'n':
      if (typeof c.v === 'number') {
        value = c.v;
        text = Number.isFinite(c.v) ? formatNumber(c.v, numberFormat, date1904) : String(c.v);
      }
      break;
    case 's':
      value = text = c.v === undefined || c.v === null ? '' : String(c.v);
      break;
    case 'b':
      value = Boolean(c.v);
      text = value ? 'TRUE' : 'FALSE';
      break;
    case 'e':
      text = c.w ?? '#N/A';
      value = { error: text };
      break;
    case 'd':
      if (c.v instanceof Date) {
        value = Math.round((c.v.getTime() / 86400000 + 25569 - (date1904 ? 1462 : 0)) * 1e9) / 1e9;
        text = formatNumber(value, numberFormat ?? 'yyyy-mm-dd', date1904);
      }
      break;
    default:
      break;
  }
  if ((value === null || value === '') && formula === undefined) return undefined;
  const cell: Cell = { value, text };
  if (numberFormat) cell.numberFormat = numberFormat;
  if (formula !== undefined) cell.formula = formula;
  return cell;
}

/** The legacy workbook as .xlsx bytes (values, formulas, number formats and merges; SheetJS CE writes no fonts or borders). */
export function legacyToXlsx(workbook: import('@e965/xlsx').WorkBook): Buffer {
  return loadSheetJS().write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}
