/**
 * Reads the workbook into the engine's Grids, bounded by the tables rather than by the workbook:
 *   sync 1: the sheet list (name, visibility, protection), workbook read-only/structure protection,
 *           whether the backup and settings sheets exist, the notes and comments collections;
 *   sync 2: per visible sheet, where its values are (used range, values only) and its merged areas
 *           (ExcelApi 1.13), note locations, the backup sheet's content and the saved profile (_jixiao_settings!A1);
 *   then:   a small workbook's cells whole in one sync (values, text, formulas, formats, fills with ExcelApi 1.9
 *           when asked); a big one's values alone first, to find the tables, then text, formulas, formats and
 *           fills for the table areas only. Every cell read goes through boundedRead.ts: row chunks under a
 *           per-sync byte budget well under Excel on the web's 5 MB limit, retried smaller when refused.
 * Tables of any length are read whole; what could not be read is reported in `messages` rather than failing.
 */
import type { Cell, Grid, Merge, RawValue } from '../core/grid';
import { toRangeA1 } from '../core/grid';
import { cellKey, rectOf, splitAddress, splitAreas, type Rect } from '../core/address';
import { BACKUP_SHEET, type AnnotationKind } from '../core/backup';
import { readBounded, SYNC_BYTE_BUDGET, type CellProperty, type ChunkRequest, type ChunkResult } from './boundedRead';
import { detectTables } from '../core/detect';
import { ourPartStart } from '../core/noteText';
import type { Session } from './session';
import { SETTINGS_CELL, SETTINGS_SHEET } from '../core/savedProfile';
import { assertBaseline, supports } from './session';

export { BACKUP_SHEET };

export type { AnnotationKind };

/**
 * The kind of annotation a mark is written as on a cell that has none yet: notes (ExcelApi 1.18) like the CLI,
 * else threaded comments (1.10), else none (fills alone). A cell that already carries one keeps its kind
 * (queueChanges.ts): Excel gives a cell a note or a threaded comment, never both.
 */
export function annotationKind(): AnnotationKind | null {
  if (supports('ExcelApi', '1.18')) return 'notes';
  if (supports('ExcelApi', '1.10')) return 'comments';
  return null;
}

/**
 * The kinds this host can read: legacy notes only through the NoteCollection of ExcelApi 1.18 (Microsoft Learn,
 * "Excel.NoteCollection class"), threaded comments through the CommentCollection of 1.10 ("Excel.CommentCollection
 * class"). Below 1.18 a cell's note exists but cannot be seen.
 */
export function readableAnnotationKinds(): AnnotationKind[] {
  const kinds: AnnotationKind[] = [];
  if (supports('ExcelApi', '1.18')) kinds.push('notes');
  if (supports('ExcelApi', '1.10')) kinds.push('comments');
  return kinds;
}

export interface ReadOptions {
  /** Read fills of the regions (for the backup and for idempotence); needs ExcelApi 1.9. */
  fills?: boolean;
  /**
   * Read the notes and comments (every kind the host can read) and where they sit; the kind given is the one
   * a mark takes on a cell with neither (annotationKind()); null or absent: none read.
   */
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
  /** Worksheet.id: stays the same when the sheet is renamed or moved. */
  id: string;
  visibility: string;
  protected: boolean;
}

export interface Annotation {
  sheet: string;
  /** A1 without sheet. */
  address: string;
  content: string;
  /** A legacy note or a threaded comment: a change to it goes through the same kind. */
  kind: AnnotationKind;
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
  /** Notes and comments by cellKey (each with its kind); null when the host has no annotation API. */
  annotations: Map<string, Annotation> | null;
  /** The kind a mark takes on a cell with no annotation. */
  annotationKind: AnnotationKind | null;
  /** The kinds read: without 'notes' (below ExcelApi 1.18) a cell may hold a note nobody could see. */
  annotationsRead: AnnotationKind[];
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
  id: string;
  used: Excel.Range;
  merges?: Excel.RangeAreas;
}

/** Reads the workbook into a snapshot (Grids and what scoring and undo need; see the module comment): 3 syncs for a small workbook, more for a big one. */
export async function readSnapshot(session: Session, options: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const { context } = session;
  const wb = context.workbook;
  const kind = options.annotations ?? null;
  const messages: string[] = [];
  assertBaseline('读取工作簿');

  // ── sync 1 ──
  const sheets = wb.worksheets.load('items/name,items/id,items/visibility,items/protection/protected');
  const canReadOnly = supports('ExcelApi', '1.8');
  if (canReadOnly) wb.load('readOnly');
  const canStructure = supports('ExcelApi', '1.7');
  if (canStructure) wb.protection.load('protected');
  const backupSheet = wb.worksheets.getItemOrNullObject(BACKUP_SHEET);
  backupSheet.load('name');
  // The saved rule profile rides along (CONTRACT.md: _jixiao_settings!A1), so no operation needs a sync of its own.
  const settingsSheet = wb.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  settingsSheet.load('name');
  const kindsRead = kind ? readableAnnotationKinds() : [];
  const annotationItems = kindsRead.map((k) => ({ kind: k, items: (k === 'notes' ? wb.notes : wb.comments).load('items/content') }));
  await session.sync();

  const infos: SheetInfo[] = sheets.items.map((s) => ({ name: s.name, id: s.id, visibility: String(s.visibility), protected: s.protection.protected }));
  const candidates = options.skipGrids ? [] : infos.filter((s) => s.visibility === 'Visible' && s.name !== BACKUP_SHEET);

  // ── sync 2: where each sheet's values are, its merges, notes, backup and saved profile ──
  const maxColumns = options.maxColumns ?? 26;
  const withMerges = supports('ExcelApi', '1.13');
  const withFills = !!options.fills && supports('ExcelApi', '1.9');
  const pending: PendingSheet[] = candidates.map((info) => {
    // valuesOnly: a sheet formatted to row 10 000 is not a sheet with 10 000 rows of table.
    const used = wb.worksheets.getItem(info.name).getUsedRange(true);
    used.load('address');
    const p: PendingSheet = { name: info.name, id: info.id, used };
    if (withMerges) p.merges = used.getMergedAreasOrNullObject().load('address');
    return p;
  });
  const locations = annotationItems.flatMap(({ kind: k, items }) =>
    (items.items as (Excel.Note | Excel.Comment)[]).map((item) => ({ kind: k, item, location: item.getLocation().load('address') })),
  );
  // Synced above through session.sync(), which the lint rule does not recognise as context.sync().
  // eslint-disable-next-line office-addins/call-sync-before-read
  const backupExists = !backupSheet.isNullObject;
  const backupRange = backupExists && options.backup ? backupSheet.getUsedRangeOrNullObject(true).load('values') : null;
  // eslint-disable-next-line office-addins/call-sync-before-read
  const settingsCell = settingsSheet.isNullObject ? null : settingsSheet.getRange(SETTINGS_CELL).load('values');
  await session.sync();

  // ── then the cells, under a per-sync byte budget (boundedRead.ts) ──
  // Every used range whole, rows without limit (a 5,000-indicator table is read to its end), two spare rows
  // and columns (the grade cell may sit just outside what holds values today), columns from the left edge.
  const sheetsRead = pending.map((p) => {
    const used = rectOf(p.used.address);
    const rect = { top: used.top, left: used.left, bottom: used.bottom + 2, right: Math.min(used.right + 2, used.left + maxColumns - 1) };
    if (used.right > rect.right) {
      messages.push(`工作表“${p.name}”的内容有 ${used.right - used.left + 1} 列，只检查了左起 ${maxColumns} 列（${toRangeA1(rect.top, rect.left, rect.bottom, rect.right)}）。若自评表在更右边，请将其移到工作表左侧或单独的工作表中。`);
    }
    const merges: Merge[] = p.merges && !p.merges.isNullObject ? splitAreas(p.merges.address).map((a) => rectOf(a)) : [];
    return { name: p.name, id: p.id, rect, merges };
  });
  const totalCells = sheetsRead.reduce((n, r) => n + (r.rect.bottom - r.rect.top + 1) * (r.rect.right - r.rect.left + 1), 0);
  const detail: CellProperty[] = ['text', 'formulas', 'numberFormat'];
  const fullCellBytes = withFills ? FULL_CELL_BYTES + FILL_CELL_BYTES : FULL_CELL_BYTES;
  let chunks: ChunkResult[];
  const regionRects = new Map<string, Rect>();
  if (totalCells * fullCellBytes <= SYNC_BYTE_BUDGET) {
    // Small workbook: everything in one sync, as before.
    const all = await readBounded(session, sheetsRead.map((r) => ({ sheet: r.name, rect: r.rect })), { properties: ['values', ...detail], fills: withFills, initialCellBytes: fullCellBytes });
    messages.push(...all.messages);
    chunks = all.chunks;
    for (const r of sheetsRead) regionRects.set(r.name, r.rect);
  } else {
    // A cheap first read, values only, finds the tables; text, formulas, formats and fills follow for their areas only.
    const values = await readBounded(session, sheetsRead.map((r) => ({ sheet: r.name, rect: r.rect })), { properties: ['values'], initialCellBytes: VALUE_CELL_BYTES });
    messages.push(...values.messages);
    const cheap = new Map(sheetsRead.map((r) => [r.name, { name: r.name, cells: [] as (Cell | undefined)[][], merges: r.merges } as Grid]));
    for (const c of values.chunks) fillCells(cheap.get(c.sheet)!, c);
    const wanted: ChunkRequest[] = [];
    for (const r of sheetsRead) {
      const tables = detectTables(cheap.get(r.name)!);
      if (!tables.length) continue;
      const area = {
        top: Math.max(r.rect.top, Math.min(...tables.map((t) => t.top)) - 2),
        left: Math.max(r.rect.left, Math.min(...tables.map((t) => t.left))),
        bottom: Math.min(r.rect.bottom, Math.max(...tables.map((t) => t.bottom)) + 2),
        right: Math.min(r.rect.right, Math.max(...tables.map((t) => t.right)) + 2),
      };
      regionRects.set(r.name, area);
      wanted.push({ sheet: r.name, rect: area });
    }
    const details = await readBounded(session, wanted, { properties: detail, fills: withFills, initialCellBytes: fullCellBytes });
    messages.push(...details.messages);
    chunks = [...values.chunks, ...details.chunks];
  }

  const grids: Grid[] = [];
  const regions = new Map<string, Rect>();
  const fills = withFills ? new Map<string, string | null>() : null;
  const bySheet = new Map<string, ChunkResult[]>();
  for (const c of chunks) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  for (const r of sheetsRead) {
    const grid: Grid = { name: r.name, id: r.id, cells: [], merges: r.merges };
    for (const c of bySheet.get(r.name) ?? []) fillCells(grid, c);
    grids.push(grid);
    const region = regionRects.get(r.name);
    if (region) regions.set(r.name, region);
    if (fills) {
      for (const c of bySheet.get(r.name) ?? []) {
        c.fills?.forEach((row, i) => row.forEach((fill, j) => fills.set(cellKey(r.name, toRangeA1(c.rect.top + i, c.rect.left + j, c.rect.top + i, c.rect.left + j)), fill)));
      }
    }
  }
  let annotations: Map<string, Annotation> | null = null;
  if (kind) {
    annotations = new Map();
    for (const { kind: k, item, location } of locations) {
      const { sheet, a1 } = splitAddress(location.address);
      const address = a1.split(':')[0].replace(/\$/g, '');
      const key = cellKey(sheet, address);
      // Excel never lets a cell hold both; a file made elsewhere might. The one carrying our mark counts, else the note.
      const other = annotations.get(key);
      if (other && (ourPartStart(other.content) >= 0 || ourPartStart(item.content) < 0)) continue;
      annotations.set(key, { sheet, address, content: item.content, kind: k });
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
    annotationsRead: kindsRead,
    backupRows,
    backupExists,
    savedProfile: settingsCell ? (settingsCell.values[0]?.[0] ?? null) : undefined,
    messages,
  };
}

/** Bytes per cell assumed before measuring: values alone, and values with text, formula and format. */
const VALUE_CELL_BYTES = 48;
const FULL_CELL_BYTES = 96;
const FILL_CELL_BYTES = 64;

/**
 * Merges one chunk into a grid. A chunk of values alone makes cells whose text is the value as written;
 * a chunk with text, formulas and formats completes the cells of its area.
 */
function fillCells(grid: Grid, c: ChunkResult): void {
  const { values, text, formulas, numberFormat } = c.data;
  const rows = (values ?? text ?? formulas ?? []).length;
  for (let r = 0; r < rows; r++) {
    const width = (values ?? text ?? formulas)![r].length;
    for (let col = 0; col < width; col++) {
      const row = (grid.cells[c.rect.top + r] ??= []);
      const at = c.rect.left + col;
      const formula = formulas?.[r][col];
      const isFormula = typeof formula === 'string' && formula.startsWith('=') && formula.length > 1;
      const existing = row[at];
      const value = values ? toRawValue(values[r][col]) : (existing?.value ?? null);
      if (value === null && !isFormula && !existing) continue;
      const cell: Cell = existing ? { ...existing, value } : { value, text: value === null || typeof value === 'object' ? '' : String(value), numberFormat: 'General' };
      if (text) cell.text = String(text[r][col] ?? '');
      if (numberFormat) cell.numberFormat = String(numberFormat[r][col] ?? 'General');
      if (isFormula) cell.formula = (formula as string).slice(1);
      if (cell.value === null && !cell.formula) {
        row[at] = undefined;
        continue;
      }
      row[at] = cell;
    }
  }
}
