/**
 * Reads a WPS 表格 workbook into the engine's Grids through the ET object model (etApi.ts).
 * WPS calls are synchronous and cost one round trip each, so whole blocks are read at once
 * (Range.Value2 and Range.Formula of a sheet's used range are one call each) and per-cell calls are
 * kept to the cells that need them: number formats only where a column mixes formats, merged areas
 * only for text cells with an empty neighbour (a merged label's neighbours are the merged blanks).
 * Displayed text is rendered from value + number format by core's renderer, as the CLI does.
 */
import type { Cell, Grid, Merge, RawValue } from '../core/grid';
import { toA1, toRangeA1 } from '../core/grid';
import { formatNumberText, type NumfmtModule } from '../core/numberText';
import { XL_NONE, XL_SHEET_HIDDEN, XL_SHEET_VERY_HIDDEN, type EtApplication, type EtBlock, type EtRange, type EtScalar, type EtWorkbook, type EtWorksheet } from './etApi';

export const BACKUP_SHEET = '_jixiao_backup';
export const SETTINGS_SHEET = '_jixiao_settings';

/** Columns and rows read from the used range's top-left corner: a table is 9–13 columns wide. */
const MAX_COLUMNS = 40;
const MAX_ROWS = 20_000;

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface EtSheetInfo {
  name: string;
  visibility: Visibility;
  protected: boolean;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface EtSnapshot {
  grids: Grid[];
  sheets: EtSheetInfo[];
  readOnly: boolean;
  structureProtected: boolean;
  /** The rectangle read on each visible sheet (0-based). */
  regions: Map<string, Rect>;
  /** Raw rows of the backup sheet's column A; null when there is none. */
  backupRows: string[] | null;
  /** The saved profile's JSON (settings sheet A1), null when none. */
  settingsJson: string | null;
  /** Degradations worth telling the user (Chinese). */
  messages: string[];
  /** The host's sheet objects by name, so writes need not walk the collection again. */
  sheetObjects: Map<string, EtWorksheet>;
}

export function workbookOf(app: EtApplication): EtWorkbook {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new Error('没有打开的工作簿。请先打开或新建一个工作簿。');
  return wb;
}

const visibilityOf = (v: number): Visibility => (v === XL_SHEET_VERY_HIDDEN ? 'VeryHidden' : v === XL_SHEET_HIDDEN ? 'Hidden' : 'Visible');

/** Every sheet with its name, visibility and protection: three calls a sheet. */
export function listSheets(wb: EtWorkbook): { sheet: EtWorksheet; info: EtSheetInfo }[] {
  const sheets = wb.Worksheets;
  const n = sheets.Count;
  const out: { sheet: EtWorksheet; info: EtSheetInfo }[] = [];
  for (let i = 1; i <= n; i++) {
    const sheet = sheets.Item(i);
    out.push({ sheet, info: { name: sheet.Name, visibility: visibilityOf(sheet.Visible), protected: !!sheet.ProtectContents } });
  }
  return out;
}

const asBlock = (v: EtScalar | EtBlock): EtBlock => (Array.isArray(v) ? v : [[v]]);

/** A Value2 scalar to the engine's RawValue (errors come as "#N/A"-style strings). */
function toRaw(v: EtScalar): RawValue {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'string') return /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!)$/.test(v) ? { error: v } : v;
  return v;
}

/**
 * How numfmt is loaded is the host page's business (a static import in the WPS bundle; Node's module
 * paths in tests and benches), so it is passed in; without it only the simple formats core renders
 * itself are shown as Excel would, and anything else as General.
 */
export type NumfmtLoader = () => NumfmtModule;
const GENERAL_ONLY: NumfmtLoader = () => ({ format: (_p: string, v: unknown) => String(v), isDateFormat: () => false });

/** The 0-based rectangle of a range: four calls. */
export function rectOfRange(r: EtRange): Rect {
  const top = r.Row - 1;
  const left = r.Column - 1;
  return { top, left, bottom: top + r.Rows.Count - 1, right: left + r.Columns.Count - 1 };
}

/** One sheet's used range (capped) as a Grid. */
export function readSheetGrid(sheet: EtWorksheet, name: string, messages: string[], loadNumfmt: NumfmtLoader = GENERAL_ONLY): { grid: Grid; rect: Rect } {
  const used = rectOfRange(sheet.UsedRange);
  const rect = { top: used.top, left: used.left, bottom: Math.min(used.bottom, used.top + MAX_ROWS - 1), right: Math.min(used.right, used.left + MAX_COLUMNS - 1) };
  if (rect.bottom < used.bottom || rect.right < used.right) {
    messages.push(`工作表“${name}”的内容范围很大，只检查了 ${toRangeA1(rect.top, rect.left, rect.bottom, rect.right)}。若自评表不在此范围内，请将其移到单独的工作表中。`);
  }
  const a1 = toRangeA1(rect.top, rect.left, rect.bottom, rect.right);
  const block = sheet.Range(a1);
  const values = asBlock(block.Value2);
  const formulas = asBlock(block.Formula);
  const formats = numberFormats(sheet, rect, values);

  const cells: (Cell | undefined)[][] = [];
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      const f = formulas[r]?.[c];
      const isFormula = typeof f === 'string' && f.startsWith('=') && f.length > 1;
      const value = toRaw(v);
      if (value === null && !isFormula) return;
      const numberFormat = formats(r, c);
      const text = typeof value === 'number' ? formatNumberText(loadNumfmt, value, numberFormat) : value === null ? '' : typeof value === 'object' ? value.error : typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : value;
      const cell: Cell = { value, text, numberFormat };
      if (isFormula) cell.formula = (f as string).slice(1);
      (cells[rect.top + r] ??= [])[rect.left + c] = cell;
    }),
  );
  return { grid: { name, cells, merges: mergedAreas(sheet, rect, values) }, rect };
}

/**
 * Number formats of the numeric cells: the whole block's format when all cells share one (one call),
 * else each column's when the column shares one, else cell by cell — numeric cells only, since text is
 * shown as typed whatever its format.
 */
function numberFormats(sheet: EtWorksheet, rect: Rect, values: EtBlock): (r: number, c: number) => string {
  const whole = sheet.Range(toRangeA1(rect.top, rect.left, rect.bottom, rect.right)).NumberFormat;
  if (whole !== null) return () => whole;
  const byColumn: (string | null)[] = [];
  const byCell = new Map<string, string>();
  for (let c = 0; c <= rect.right - rect.left; c++) {
    const rows = values.map((row, r) => (typeof row[c] === 'number' ? r : -1)).filter((r) => r >= 0);
    if (!rows.length) {
      byColumn.push('General');
      continue;
    }
    const col = sheet.Range(toRangeA1(rect.top, rect.left + c, rect.bottom, rect.left + c)).NumberFormat;
    byColumn.push(col);
    if (col !== null) continue;
    for (const r of rows) byCell.set(`${r},${c}`, sheet.Range(toA1(rect.top + r, rect.left + c)).NumberFormat ?? 'General');
  }
  return (r, c) => byColumn[c] ?? byCell.get(`${r},${c}`) ?? 'General';
}

/**
 * Merged areas that matter for detection: those holding a label. A sheet without merges costs one call;
 * otherwise each text cell with an empty cell to its right or below is asked for its MergeArea.
 */
function mergedAreas(sheet: EtWorksheet, rect: Rect, values: EtBlock): Merge[] {
  const all = sheet.Range(toRangeA1(rect.top, rect.left, rect.bottom, rect.right)).MergeCells;
  if (all === false) return [];
  const merges: Merge[] = [];
  const seen = new Set<string>();
  const empty = (r: number, c: number) => r >= values.length || c >= (values[r]?.length ?? 0) || toRaw(values[r][c]) === null;
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (toRaw(v) === null || (!empty(r, c + 1) && !empty(r + 1, c))) return;
      const cell = sheet.Range(toA1(rect.top + r, rect.left + c));
      if (!cell.MergeCells) return;
      const m = rectOfRange(cell.MergeArea);
      const key = `${m.top},${m.left}`;
      if (m.bottom === m.top && m.right === m.left) return;
      if (!seen.has(key)) {
        seen.add(key);
        merges.push(m);
      }
    }),
  );
  return merges;
}

/** Column A of a helper sheet (backup, settings) as text rows. */
function columnA(sheet: EtWorksheet): string[] {
  const used = rectOfRange(sheet.UsedRange);
  if (used.left > 0) return [];
  const block = asBlock(sheet.Range(`A1:A${used.bottom + 1}`).Value2);
  return block.map((row) => (row[0] === undefined || row[0] === null ? '' : String(row[0])));
}

/** Reads the workbook: sheet list, visible sheets as Grids, the backup and the saved profile. */
export function readEtWorkbook(app: EtApplication, options: { skipGrids?: boolean; numfmt?: NumfmtLoader } = {}): EtSnapshot {
  const wb = workbookOf(app);
  const messages: string[] = [];
  const listed = listSheets(wb);
  const grids: Grid[] = [];
  const regions = new Map<string, Rect>();
  let backupRows: string[] | null = null;
  let settingsJson: string | null = null;
  for (const { sheet, info } of listed) {
    if (info.name === BACKUP_SHEET) backupRows = columnA(sheet);
    else if (info.name === SETTINGS_SHEET) settingsJson = columnA(sheet)[0] || null;
    else if (info.visibility === 'Visible' && !options.skipGrids) {
      const { grid, rect } = readSheetGrid(sheet, info.name, messages, options.numfmt);
      grids.push(grid);
      regions.set(info.name, rect);
    }
  }
  const sheetObjects = new Map(listed.map((l) => [l.info.name, l.sheet]));
  return { grids, sheets: listed.map((l) => l.info), readOnly: !!wb.ReadOnly, structureProtected: !!wb.ProtectStructure, regions, backupRows, settingsJson, messages, sheetObjects };
}

/** A fill as #RRGGBB, null for none: Pattern first, since a cell without fill reads Color white [VBA-Interior]. */
export function fillOf(range: EtRange): string | null {
  const interior = range.Interior;
  if (interior.Pattern === XL_NONE) return null;
  const bgr = interior.Color;
  if (bgr === null) return null;
  const hex = ((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff);
  return `#${hex.toString(16).padStart(6, '0').toUpperCase()}`;
}

/** #RRGGBB → BGR, as RGB(r, g, b) makes it [VBA-Interior]. */
export function bgrOf(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  return ((n >> 16) & 0xff) + (((n >> 8) & 0xff) << 8) + ((n & 0xff) << 16);
}

/** Every comment of a sheet by A1 address: the legacy comments WPS writes (there are no "notes" apart). */
export function readComments(sheet: EtWorksheet): Map<string, string> {
  const out = new Map<string, string>();
  const comments = sheet.Comments;
  const n = comments.Count;
  for (let i = 1; i <= n; i++) {
    const c = comments.Item(i);
    const at = c.Parent;
    out.set(toA1(at.Row - 1, at.Column - 1), c.Text());
  }
  return out;
}
