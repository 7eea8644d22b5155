/**
 * Reads the workbook into the engine's Grids in two context.sync() calls, whatever the number of sheets:
 *   sync 1: the sheet list (name, visibility, protection), workbook read-only/structure protection,
 *           whether the backup and settings sheets exist, the notes (or comments) collection;
 *   sync 2: per visible sheet, a capped candidate region of the used range (values, text, formulas,
 *           number formats; merged areas with ExcelApi 1.13; fills with ExcelApi 1.9 when asked),
 *           note locations, the backup sheet's content and the saved profile (_jixiao_settings!A1).
 * Regions are capped so that one response stays well under Excel on the web's 5 MB limit; what was cut
 * is reported in `messages` rather than failing.
 */
import type { Cell, Grid, Merge, RawValue } from '../core/grid';
import { toRangeA1 } from '../core/grid';
import { cellKey, rectOf, splitAddress, splitAreas, type Rect } from './address';
import type { Session } from './session';
import { SETTINGS_CELL, SETTINGS_SHEET } from '../core/savedProfile';
import { assertBaseline, supports } from './session';

export const BACKUP_SHEET = '_jixiao_backup';

export type AnnotationKind = 'notes' | 'comments';

/** Which annotation API this host offers: notes (ExcelApi 1.18) like the CLI, else comments (1.10), else none. */
export function annotationKind(): AnnotationKind | null {
  if (supports('ExcelApi', '1.18')) return 'notes';
  if (supports('ExcelApi', '1.10')) return 'comments';
  return null;
}

export interface ReadOptions {
  /** Read fills of the regions (for the backup and for idempotence); needs ExcelApi 1.9. */
  fills?: boolean;
  /** Read notes/comments and where they sit. */
  annotations?: AnnotationKind | null;
  /** Read the backup sheet's content. */
  backup?: boolean;
  /** Read no cell data at all (undo needs only the backup, protection and notes). */
  skipGrids?: boolean;
  /** Total cells read across all sheets (default 40 000, about 2.5 MB with fills). */
  cellBudget?: number;
  /** Columns read from the used range's left edge (default 26, A–Z: tables are 9–13 columns wide, often after a few columns of notes). */
  maxColumns?: number;
}

export interface SheetInfo {
  name: string;
  visibility: string;
  protected: boolean;
}

export interface Annotation {
  sheet: string;
  /** A1 without sheet. */
  address: string;
  content: string;
}

export interface WorkbookSnapshot {
  grids: Grid[];
  sheets: SheetInfo[];
  readOnly: boolean;
  structureProtected: boolean;
  /** The rectangle read on each sheet (cells outside it are unknown, except that they hold no value). */
  regions: Map<string, Rect>;
  /** Fill by cellKey for read cells, null for no fill; absent when fills were not read. */
  fills: Map<string, string | null> | null;
  /** Notes (or comments) by cellKey; null when the host has no annotation API. */
  annotations: Map<string, Annotation> | null;
  annotationKind: AnnotationKind | null;
  /** Raw rows of the backup sheet's first column; null when there is no backup sheet. */
  backupRows: string[] | null;
  backupExists: boolean;
  /** A1 of the `_jixiao_settings` sheet (the saved profile's JSON); undefined when there is no such sheet. */
  savedProfile: unknown;
  /** Degradations worth telling the user (Chinese). */
  messages: string[];
}

const ERROR_TEXT = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** An Office cell value (errors arrive as "#N/A" strings) to the engine's RawValue. */
export function toRawValue(v: unknown): RawValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string') return ERROR_TEXT.test(v) ? { error: v } : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

interface PendingSheet {
  name: string;
  used: Excel.Range;
  region: Excel.Range;
  merges?: Excel.RangeAreas;
  fills?: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

/** Reads the workbook in two syncs (see the module comment). */
export async function readWorkbook(session: Session, options: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const { context } = session;
  const wb = context.workbook;
  const kind = options.annotations ?? null;
  const messages: string[] = [];
  assertBaseline('读取工作簿');

  // ── sync 1 ──
  const sheets = wb.worksheets.load('items/name,items/visibility,items/protection/protected');
  const canReadOnly = supports('ExcelApi', '1.8');
  if (canReadOnly) wb.load('readOnly');
  const canStructure = supports('ExcelApi', '1.7');
  if (canStructure) wb.protection.load('protected');
  const backupSheet = wb.worksheets.getItemOrNullObject(BACKUP_SHEET);
  backupSheet.load('name');
  // The saved rule profile rides along (CONTRACT.md: _jixiao_settings!A1), so no operation needs a sync of its own.
  const settingsSheet = wb.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  settingsSheet.load('name');
  const annotationItems = kind ? (kind === 'notes' ? wb.notes : wb.comments).load('items/content') : null;
  await session.sync();

  const infos: SheetInfo[] = sheets.items.map((s) => ({ name: s.name, visibility: String(s.visibility), protected: s.protection.protected }));
  const candidates = options.skipGrids ? [] : infos.filter((s) => s.visibility === 'Visible' && s.name !== BACKUP_SHEET);

  // ── sync 2 ──
  const maxColumns = options.maxColumns ?? 26;
  const budget = options.cellBudget ?? 40_000;
  const maxRows = Math.max(50, Math.min(1000, Math.floor(budget / Math.max(1, candidates.length) / maxColumns)));
  const withMerges = supports('ExcelApi', '1.13');
  const withFills = !!options.fills && supports('ExcelApi', '1.9');
  const pending: PendingSheet[] = candidates.map((info) => {
    const ws = wb.worksheets.getItem(info.name);
    // valuesOnly: a sheet formatted to row 10 000 is not a sheet with 10 000 rows of table.
    const used = ws.getUsedRange(true);
    used.load('address');
    // Two spare rows and columns: the grade cell may sit just outside what holds values today.
    const region = used.getResizedRange(2, 2).getIntersection(used.getCell(0, 0).getResizedRange(maxRows - 1, maxColumns - 1));
    region.load('address,values,text,formulas,numberFormat');
    const p: PendingSheet = { name: info.name, used, region };
    if (withMerges) p.merges = region.getMergedAreasOrNullObject().load('address');
    if (withFills) p.fills = region.getCellProperties({ format: { fill: { color: true, pattern: true } } });
    return p;
  });
  const locations = annotationItems ? annotationItems.items.map((item) => ({ item, location: item.getLocation().load('address') })) : [];
  // Synced above through session.sync(), which the lint rule does not recognise as context.sync().
  // eslint-disable-next-line office-addins/call-sync-before-read
  const backupExists = !backupSheet.isNullObject;
  const backupRange = backupExists && options.backup ? backupSheet.getUsedRangeOrNullObject(true).load('values') : null;
  // eslint-disable-next-line office-addins/call-sync-before-read
  const settingsCell = settingsSheet.isNullObject ? null : settingsSheet.getRange(SETTINGS_CELL).load('values');
  await session.sync();

  const grids: Grid[] = [];
  const regions = new Map<string, Rect>();
  const fills = withFills ? new Map<string, string | null>() : null;
  for (const p of pending) {
    const rect = rectOf(p.region.address);
    regions.set(p.name, rect);
    grids.push(toGrid(p, rect));
    const usedRect = rectOf(p.used.address);
    if (usedRect.bottom > rect.bottom || usedRect.right > rect.right) {
      messages.push(
        `工作表“${p.name}”的内容范围较大（${splitAddress(p.used.address).a1}），为避免超出 Excel 传输上限，只检查了 ${toRangeA1(rect.top, rect.left, rect.bottom, rect.right)}。若自评表不在此范围内，请将其移到工作表左上角或单独的工作表中。`,
      );
    }
    if (fills && p.fills) {
      p.fills.value.forEach((row, r) =>
        row.forEach((props, c) => {
          const fill = props.format?.fill;
          const solid = fill && fill.pattern !== 'None' && typeof fill.color === 'string';
          fills.set(cellKey(p.name, toRangeA1(rect.top + r, rect.left + c, rect.top + r, rect.left + c)), solid ? fill.color!.toUpperCase() : null);
        }),
      );
    }
  }
  let annotations: Map<string, Annotation> | null = null;
  if (kind) {
    annotations = new Map();
    for (const { item, location } of locations) {
      const { sheet, a1 } = splitAddress(location.address);
      const address = a1.split(':')[0].replace(/\$/g, '');
      annotations.set(cellKey(sheet, address), { sheet, address, content: item.content });
    }
  }
  let backupRows: string[] | null = null;
  if (backupRange && !backupRange.isNullObject) backupRows = backupRange.values.map((row) => String(row[0] ?? ''));
  else if (backupExists && options.backup) backupRows = [];

  return {
    grids,
    sheets: infos,
    readOnly: canReadOnly ? wb.readOnly : false,
    structureProtected: canStructure ? wb.protection.protected : false,
    regions,
    fills,
    annotations,
    annotationKind: kind,
    backupRows,
    backupExists,
    savedProfile: settingsCell ? (settingsCell.values[0]?.[0] ?? null) : undefined,
    messages,
  };
}

function toGrid(p: PendingSheet, rect: Rect): Grid {
  const { values, text, formulas, numberFormat } = p.region;
  const cells: (Cell | undefined)[][] = [];
  for (let r = 0; r < values.length; r++) {
    for (let c = 0; c < values[r].length; c++) {
      const formula = formulas[r][c];
      const isFormula = typeof formula === 'string' && formula.startsWith('=') && formula.length > 1;
      const value = toRawValue(values[r][c]);
      if (value === null && !isFormula) continue;
      const cell: Cell = { value, text: String(text[r][c] ?? ''), numberFormat: String(numberFormat[r][c] ?? 'General') };
      if (isFormula) cell.formula = (formula as string).slice(1);
      (cells[rect.top + r] ??= [])[rect.left + c] = cell;
    }
  }
  const merges: Merge[] = [];
  if (p.merges && !p.merges.isNullObject) {
    for (const area of splitAreas(p.merges.address)) merges.push(rectOf(area));
  }
  return { name: p.name, cells, merges };
}
