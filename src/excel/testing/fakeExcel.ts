/**
 * An in-memory test double of the subset of the Excel JavaScript API that jixiao uses.
 * Browser-safe (no Node APIs): the pane's demo page and the e2e tests inject it as window.Excel/Office.
 *
 * Supported surface (anything else is absent, so a call to it fails loudly):
 *
 *   Excel.run(batch), Excel.run(objectOrContext, batch)   a final sync runs queued operations
 *   context.sync()                        executes the queue in order, then makes loaded properties readable
 *   context.workbook
 *     .readOnly, .protection.protected    (load)
 *     .worksheets                          getItem(nameOrId), getItemOrNullObject, add(name), load('items/…'),
 *                                          .items, getActiveWorksheet(), onActivated.add(handler) → { remove() },
 *                                          onChanged.add(handler) (1.9) → { remove() }: raised for the user's edits
 *                                          (userEdits) and for values/formulas an add-in writes, after the sync
 *     .notes   (ExcelApi 1.18)             add(cellAddress, content), getItem/getItemOrNullObject(address),
 *                                          load('items/content'), .items; Note: content, delete(), getLocation()
 *     .comments (ExcelApi 1.10)            the same shape as notes (Comment: content, delete(), getLocation());
 *                                          getItemByCell(address)
 *   Worksheet: name, id, visibility (Visible | Hidden | VeryHidden, settable), position, protection.protected,
 *              getRange(address?), getCell(r, c), getUsedRange(valuesOnly?), getUsedRangeOrNullObject(valuesOnly?),
 *              activate(), delete()
 *   Range: address, rowIndex, columnIndex, rowCount, columnCount, values, text, formulas, numberFormat
 *          (load; values/formulas/numberFormat settable with a 2D array or one scalar), isNullObject,
 *          getCell, getResizedRange, getIntersection, getIntersectionOrNullObject, getMergedAreasOrNullObject (RangeAreas:
 *          address, areaCount), getCellProperties({ format: { fill: { color, pattern } } }), select(), clear(),
 *          format.fill.color (set/load), format.fill.clear(),
 *          format.columnWidth / rowHeight (points) / wrapText / horizontalAlignment / verticalAlignment (set/load),
 *          format.font.bold/italic/size/name/color (set/load; null when mixed), format.borders.getItem(edge)
 *          .style/.weight/.color, format.protection.locked (1.2), merge(across?), unmerge(),
 *          dataValidation.rule/prompt/errorAlert/ignoreBlanks/clear() (1.8; Excel's text-length limits)
 *   Worksheet (more): getRangeByIndexes (1.7), freezePanes.freezeRows/freezeColumns/freezeAt/unfreeze (1.7),
 *          pageLayout.paperSize/orientation/*Margin/zoom (1.9), tabColor (1.7), charts.add(type, range, seriesBy)
 *          → Chart: title.text, setPosition(start, end), delete(); notes (1.18) add("A1" | Range, content)
 *   Inspection (no sync): wb.mergesList(sheet), wb.formatOf(sheet, a1), wb.validationAt(sheet, a1), and on
 *          wb.sheet(name): formats, columnWidths, rowHeights, validations, freeze, pageLayout, charts, tabColor.
 *   OfficeExtension.Error (code, message, debugInfo), Office.onReady, Office.context.requirements.isSetSupported,
 *   Office.context.officeTheme, Office.context.document.settings (get/set/remove/saveAsync),
 *   Office.actions.associate, Office.addin.showAsTaskpane/hide/onVisibilityModeChanged (paneMode),
 *   Office.context.ui.displayDialogAsync; Excel.run(options, batch) with delayForCellEdit (ExcelApi 1.11).
 *
 * Semantics kept from Office: reading a property that was not loaded and synced throws PropertyNotLoaded;
 * *OrNullObject results expose isNullObject after the sync that resolved them (no load needed); a 2D array
 * whose size differs from the range's is refused with InvalidArgument (a single scalar is applied to every
 * cell; the fake also refuses a 1×1 array on a larger range, which recent hosts broadcast but the reference
 * does not promise); the APIs of newer requirement sets fail with ApiNotFound when the set is not supported; a failing operation rejects sync() and the
 * operations queued before it stay applied (no rollback). Counters: syncCount, bytesRead (response),
 * bytesWritten (request), bytesTransferred (both), per-sync payload limits (5 MB by default).
 * Failures: injectFailure({ onSync, code, afterOps }), cellEditMode, readOnly, protected sheets (AccessDenied).
 * Formulas are not evaluated: a written formula takes the value given by `evaluator`, or the value the cell
 * last had under that formula.
 */
import type { Cell, CellInput, Grid, Merge, RawValue } from '../../core/grid';
import { columnLetters, fromA1, gridFromArrays, toA1 } from '../../core/grid';

export type Scalar = string | number | boolean | null;

export interface FakeCell {
  value: Scalar;
  formula?: string;
  numberFormat?: string;
  /** Display text as given (from a Grid); recomputed after any write. */
  text?: string;
  /** #RRGGBB, null/undefined for no fill. */
  fill?: string | null;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  cells: Map<string, FakeCell>;
  merges: Merge[];
  /** Last value seen under a formula, by cell key, so a restored formula shows its old result. */
  formulaMemory: Map<string, { formula: string; value: Scalar }>;
  /** Cell formats other than fill and number format (font, alignment, wrap, borders, locking), by cell key. */
  formats: Map<string, FakeCellFormat>;
  /** Widths and heights that were set, in points, by 0-based column / row. */
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  /** Data validation, one record per range a rule (or prompt) was set on. */
  validations: FakeValidation[];
  /** Frozen top rows and left columns; null when nothing is frozen. */
  freeze: { rows: number; columns: number } | null;
  pageLayout: FakePageLayout;
  charts: FakeChart[];
  /** #RRGGBB, or '' for none. */
  tabColor: string;
}

export type BorderSide = 'top' | 'bottom' | 'left' | 'right';

export interface FakeBorder {
  style: string;
  weight: string;
  color: string;
}

export interface FakeCellFormat {
  font?: { bold?: boolean; italic?: boolean; size?: number; name?: string; color?: string };
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  /** Excel's default is locked. */
  locked?: boolean;
  borders?: Partial<Record<BorderSide, FakeBorder>>;
}

export interface FakeValidation {
  /** A1 range the rule was set on. */
  range: string;
  rect: Merge;
  /** Excel.DataValidationType: 'List', 'Decimal', … or 'None' for a prompt without a rule. */
  type: string;
  /** The rule as given, e.g. { list: { inCellDropDown: true, source: 'a,b' } }. */
  rule: { type: string; criteria: Record<string, unknown> } | null;
  prompt: { showPrompt: boolean; title: string; message: string } | null;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string } | null;
  ignoreBlanks: boolean;
}

export interface FakePageLayout {
  paperSize: string;
  orientation: string;
  /** Margins in points. */
  topMargin: number;
  bottomMargin: number;
  leftMargin: number;
  rightMargin: number;
  headerMargin: number;
  footerMargin: number;
  zoom: { scale?: number | null; horizontalFitToPages?: number | null; verticalFitToPages?: number | null };
}

export interface FakeChart {
  id: string;
  name: string;
  /** Excel.ChartType, e.g. 'ColumnClustered'. */
  type: string;
  /** Sheet-qualified A1 range of the source data. */
  source: string;
  seriesBy: string;
  title: string | null;
  /** Top-left and bottom-right cells from setPosition. */
  from: string | null;
  to: string | null;
}

/** Excel's defaults for a new sheet (Normal margins, 100 %). */
export const DEFAULT_PAGE_LAYOUT: FakePageLayout = Object.freeze({
  paperSize: 'Letter',
  orientation: 'Portrait',
  topMargin: 54,
  bottomMargin: 54,
  leftMargin: 50.4,
  rightMargin: 50.4,
  headerMargin: 21.6,
  footerMargin: 21.6,
  zoom: { scale: 100, horizontalFitToPages: null, verticalFitToPages: null },
}) as FakePageLayout;

export interface FakeAnnotation {
  id: string;
  sheetId: string;
  row: number;
  col: number;
  content: string;
}

export interface InjectedFailure {
  /** The absolute sync number (1-based, compared with syncCount) that fails. */
  onSync: number;
  code: string;
  message?: string;
  /** Operations of that sync applied before the failure. */
  afterOps?: number;
}

/** The fields of Excel.WorksheetChangedEventArgs the double provides. */
export interface FakeChangedEventArgs {
  worksheetId: string;
  address: string;
  changeType: 'RangeEdited';
  source: 'Local';
  type: 'WorksheetChanged';
  /** ExcelApi 1.14: whether this add-in's own write raised it. */
  triggerSource: 'ThisLocalAddin' | 'Others';
}

export interface WriteRecord {
  sheet: string;
  address: string;
  what: string;
}

let idSeq = 0;
const newId = (prefix: string) => `{${prefix}-${(++idSeq).toString(16).padStart(8, '0')}}`;
const key = (r: number, c: number) => `${r},${c}`;

/** The error class Office.js throws (OfficeExtension.Error), reduced to what callers inspect. */
export class FakeOfficeError extends Error {
  code: string;
  debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

const utf8Length = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
};
const sizeOf = (v: unknown): number => utf8Length(JSON.stringify(v ?? null));

/** Sheet-qualified address as Excel prints it: quotes names that are not plain words. */
export function qualify(sheet: string, a1: string): string {
  const plain = /^[\p{L}\p{N}_.]+$/u.test(sheet) && !/^\d/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${a1}`;
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function rectA1(r: Rect): string {
  const a = `${columnLetters(r.left)}${r.top + 1}`;
  const b = `${columnLetters(r.right)}${r.bottom + 1}`;
  return a === b ? a : `${a}:${b}`;
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

/** Parses "A1", "A1:B2", "$A$1", "A:C", "3:5", with an optional sheet prefix (ignored here). */
function parseRect(address: string): Rect {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b = a] = bare.split(':');
  const colOnly = /^\$?([A-Za-z]{1,3})$/;
  const rowOnly = /^\$?(\d+)$/;
  if (colOnly.test(a) && colOnly.test(b)) {
    const l = fromA1(`${a.replace('$', '')}1`).col;
    const r = fromA1(`${b.replace('$', '')}1`).col;
    return { top: 0, bottom: MAX_ROW, left: Math.min(l, r), right: Math.max(l, r) };
  }
  if (rowOnly.test(a) && rowOnly.test(b)) {
    const t = Number(a.replace('$', '')) - 1;
    const u = Number(b.replace('$', '')) - 1;
    return { top: Math.min(t, u), bottom: Math.max(t, u), left: 0, right: MAX_COL };
  }
  let p: { row: number; col: number };
  let q: { row: number; col: number };
  try {
    p = fromA1(a);
    q = fromA1(b);
  } catch {
    throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing: ${address}`);
  }
  return { top: Math.min(p.row, q.row), bottom: Math.max(p.row, q.row), left: Math.min(p.col, q.col), right: Math.max(p.col, q.col) };
}

function intersect(a: Rect, b: Rect): Rect | null {
  const r = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

/** Excel-like display of a value under a number format; covers the formats jixiao writes and General. */
export function formatText(value: Scalar, numberFormat = 'General'): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const fmt = numberFormat.trim();
  if (fmt === '@') return String(value);
  const m = /^0(?:\.(0+))?(%?)$/.exec(fmt);
  if (m) {
    const decimals = m[1]?.length ?? 0;
    const v = m[2] ? value * 100 : value;
    return `${roundHalfUp(v, decimals).toFixed(decimals)}${m[2]}`;
  }
  // General: up to 11 significant characters, like Excel's default column.
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}

function roundHalfUp(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round((v + Math.sign(v) * Number.EPSILON * Math.abs(v)) * f) / f;
}

// ───────────────────────────── the model ─────────────────────────────

export interface FakeWorkbookOptions {
  /** Requirement sets and their highest version, e.g. { ExcelApi: '1.18', SharedRuntime: '1.1' }. */
  supportedSets?: Record<string, string>;
  /** Per-sync request/response limit in bytes (Excel on the web: 5 MB). */
  payloadLimit?: number;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  notes: FakeAnnotation[] = [];
  comments: FakeAnnotation[] = [];
  settings: Record<string, unknown> = {};
  readOnly = false;
  structureProtected = false;
  /**
   * While true, every sync fails with InvalidOperationInCellEditMode, except in a batch run with
   * Excel.run({ delayForCellEdit: true }) on ExcelApi 1.11+, which waits until the edit ends (Microsoft Learn,
   * "Excel.RunOptions interface": delayed until the user exits cell edit mode; without the option the batch fails).
   */
  get cellEditMode(): boolean {
    return this.editing;
  }
  set cellEditMode(on: boolean) {
    this.editing = on;
    if (!on) for (const resume of this.editWaiters.splice(0)) resume();
  }
  private editing = false;
  private editWaiters: (() => void)[] = [];
  /** Syncs that waited for the user to leave cell edit mode. */
  delayedSyncs = 0;
  /** Resolves when the user leaves cell edit mode. */
  cellEditEnded(): Promise<void> {
    return this.editing ? new Promise((resolve) => this.editWaiters.push(resolve)) : Promise.resolve();
  }
  /**
   * The task pane as Office.addin sees it (SharedRuntime 1.1): showAsTaskpane/hide change it, and every change
   * calls the onVisibilityModeChanged handlers with { visibilityMode: "Taskpane" | "Hidden" }.
   */
  paneMode: 'Taskpane' | 'Hidden' = 'Hidden';
  visibilityHandlers = new Set<(message: { visibilityMode: string }) => void>();
  /** Shows or hides the pane as the user would (the ribbon's 打开面板, the pane's close button). */
  setPaneMode(mode: 'Taskpane' | 'Hidden'): void {
    if (this.paneMode === mode) return;
    this.paneMode = mode;
    for (const h of [...this.visibilityHandlers]) h({ visibilityMode: mode });
  }
  supportedSets: Record<string, string>;
  payloadLimit: number;
  activeSheetId: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  evaluator?: (sheet: string, formula: string) => Scalar;

  syncCount = 0;
  bytesRead = 0;
  /** The largest response of one sync (bytes), to compare with the 5 MB limit. */
  largestSyncRead = 0;
  bytesWritten = 0;
  /** Every cell-level write applied, for "zero writes" assertions. */
  writes: WriteRecord[] = [];
  failures: InjectedFailure[] = [];
  activatedHandlers = new Set<(args: { worksheetId: string; type: string; source: string }) => unknown>();
  changedHandlers = new Set<(args: FakeChangedEventArgs) => unknown>();
  /** Calls made to Office.* by the code under test. */
  officeCalls: { showAsTaskpane: number; hide: number; dialogs: string[]; settingsSaves: number } = {
    showAsTaskpane: 0,
    hide: 0,
    dialogs: [],
    settingsSaves: 0,
  };
  actions = new Map<string, (event: unknown) => unknown>();

  constructor(options: FakeWorkbookOptions = {}) {
    this.supportedSets = options.supportedSets ?? { ExcelApi: '1.18', SharedRuntime: '1.1', DialogApi: '1.2' };
    this.payloadLimit = options.payloadLimit ?? 5 * 1024 * 1024;
  }

  get bytesTransferred(): number {
    return this.bytesRead + this.bytesWritten;
  }

  /** Resets the counters (not the content). */
  resetCounters(): void {
    this.syncCount = 0;
    this.bytesRead = 0;
    this.largestSyncRead = 0;
    this.bytesWritten = 0;
    this.writes = [];
  }

  isSetSupported(name: string, minVersion?: string): boolean {
    const have = this.supportedSets[name];
    if (have === undefined) return false;
    if (!minVersion) return true;
    const [a1, a2 = 0] = have.split('.').map(Number);
    const [b1, b2 = 0] = minVersion.split('.').map(Number);
    return a1 > b1 || (a1 === b1 && a2 >= b2);
  }

  addSheet(name: string, options: { visibility?: FakeSheet['visibility']; protected?: boolean } = {}): FakeSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`sheet exists: ${name}`);
    const sheet: FakeSheet = {
      id: newId('sheet'),
      name,
      visibility: options.visibility ?? 'Visible',
      protected: options.protected ?? false,
      cells: new Map(),
      merges: [],
      formulaMemory: new Map(),
      formats: new Map(),
      columnWidths: new Map(),
      rowHeights: new Map(),
      validations: [],
      freeze: null,
      pageLayout: { ...DEFAULT_PAGE_LAYOUT, zoom: { ...DEFAULT_PAGE_LAYOUT.zoom } },
      charts: [],
      tabColor: '',
    };
    this.sheets.push(sheet);
    if (!this.activeSheetId && sheet.visibility === 'Visible') this.activeSheetId = sheet.id;
    return sheet;
  }

  sheet(nameOrId: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === nameOrId) ?? this.sheets.find((s) => s.name.toLowerCase() === nameOrId.toLowerCase());
  }

  /** Direct model access for assertions and setup (no sync, no counters). */
  cell(sheet: string, address: string): FakeCell & { note: string | null; comment: string | null } {
    const s = this.mustSheet(sheet);
    const { row, col } = fromA1(address);
    const c = s.cells.get(key(row, col)) ?? { value: null };
    return {
      ...c,
      text: this.textOf(c),
      note: this.notes.find((n) => n.sheetId === s.id && n.row === row && n.col === col)?.content ?? null,
      comment: this.comments.find((n) => n.sheetId === s.id && n.row === row && n.col === col)?.content ?? null,
    };
  }

  /** The sheet's merged areas as A1 ranges ("A1:I1"), in the order they were made. */
  mergesList(sheet: string): string[] {
    return this.mustSheet(sheet).merges.map((m) => rectA1(m));
  }

  /** A cell's format with Excel's defaults filled in (font Calibri 11, General/Bottom, locked). */
  formatOf(sheet: string, address: string): {
    bold: boolean;
    italic: boolean;
    fontSize: number;
    fontName: string;
    fontColor: string;
    fill: string | null;
    numberFormat: string;
    wrapText: boolean;
    horizontalAlignment: string;
    verticalAlignment: string;
    locked: boolean;
    borders: Partial<Record<BorderSide, FakeBorder>>;
  } {
    const s = this.mustSheet(sheet);
    const { row, col } = fromA1(address);
    const f = s.formats.get(key(row, col)) ?? {};
    const c = s.cells.get(key(row, col));
    return {
      bold: f.font?.bold ?? false,
      italic: f.font?.italic ?? false,
      fontSize: f.font?.size ?? 11,
      fontName: f.font?.name ?? 'Calibri',
      fontColor: f.font?.color ?? '#000000',
      fill: c?.fill ?? null,
      numberFormat: c?.numberFormat ?? 'General',
      wrapText: f.wrapText ?? false,
      horizontalAlignment: f.horizontalAlignment ?? 'General',
      verticalAlignment: f.verticalAlignment ?? 'Bottom',
      locked: f.locked ?? true,
      borders: { ...(f.borders ?? {}) },
    };
  }

  /** The validation covering a cell, or null. */
  validationAt(sheet: string, address: string): FakeValidation | null {
    const { row, col } = fromA1(address);
    return this.mustSheet(sheet).validations.find((v) => row >= v.rect.top && row <= v.rect.bottom && col >= v.rect.left && col <= v.rect.right) ?? null;
  }

  /** Column width in points (Excel's default 8.43 characters = 48 pt when never set). */
  columnWidthOf(s: FakeSheet, col: number): number {
    return s.columnWidths.get(col) ?? 48;
  }

  /** Row height in points (15 when never set). */
  rowHeightOf(s: FakeSheet, row: number): number {
    return s.rowHeights.get(row) ?? 15;
  }

  /** Sets a cell directly (setup), without counting as a write. */
  setCell(sheet: string, address: string, cell: Partial<FakeCell> & { note?: string | null }): void {
    const s = this.mustSheet(sheet);
    const { row, col } = fromA1(address);
    const { note, ...rest } = cell;
    const prev = s.cells.get(key(row, col)) ?? { value: null };
    s.cells.set(key(row, col), { ...prev, ...rest });
    if (note !== undefined) this.setAnnotation(this.notes, s, row, col, note);
  }

  /** Value changes of the running sync, raised as onChanged events once it completes. */
  pendingChanges: { sheet: FakeSheet; address: string }[] = [];

  /**
   * The user types a value into a cell, as in Excel: the cell changes, then WorksheetCollection.onChanged
   * handlers run with changeType RangeEdited and source Local (Excel.WorksheetChangedEventArgs:
   * https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs). Events are
   * delivered asynchronously, as Office queues them.
   */
  userEdits(sheet: string, address: string, value: Scalar, text?: string): void {
    const s = this.mustSheet(sheet);
    const { row, col } = fromA1(address);
    const prev = s.cells.get(key(row, col)) ?? { value: null };
    s.cells.set(key(row, col), { ...prev, value, formula: undefined, text: text ?? (value === null ? '' : String(value)) });
    this.raiseChanged(s, address.replace(/\$/g, '').toUpperCase(), 'Others');
  }

  /** Runs the onChanged handlers for one change (after the current task, as Office delivers events). */
  raiseChanged(s: FakeSheet, address: string, triggerSource: 'ThisLocalAddin' | 'Others'): void {
    const args: FakeChangedEventArgs = { worksheetId: s.id, address, changeType: 'RangeEdited', source: 'Local', type: 'WorksheetChanged', triggerSource };
    for (const h of [...this.changedHandlers]) setTimeout(() => void h(args), 0);
  }

  /** Makes a sheet active as the user would, firing onActivated handlers. */
  userActivates(name: string): void {
    const s = this.mustSheet(name);
    this.activeSheetId = s.id;
    for (const h of this.activatedHandlers) void h({ worksheetId: s.id, type: 'WorksheetActivated', source: 'Local' });
  }

  injectFailure(f: InjectedFailure): void {
    this.failures.push(f);
  }

  /** The workbook as Grids, read straight from the model (for comparisons in tests). */
  toGrids(): Grid[] {
    return this.sheets.map((s) => {
      const cells: (Cell | undefined)[][] = [];
      for (const [k, c] of s.cells) {
        const [r, col] = k.split(',').map(Number);
        if (c.value === null && !c.formula) continue;
        (cells[r] ??= [])[col] = { value: toRaw(c.value), text: this.textOf(c), numberFormat: c.numberFormat ?? 'General', formula: c.formula };
      }
      return { name: s.name, cells, merges: s.merges.map((m) => ({ ...m })), hidden: s.visibility !== 'Visible' };
    });
  }

  // ── internals used by the proxies ──

  mustSheet(nameOrId: string): FakeSheet {
    const s = this.sheet(nameOrId);
    if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: ${nameOrId}`);
    return s;
  }

  textOf(c: FakeCell): string {
    if (c.text !== undefined) return c.text;
    return formatText(c.value, c.numberFormat);
  }

  usedRect(s: FakeSheet, valuesOnly: boolean): Rect | null {
    let r: Rect | null = null;
    for (const [k, c] of s.cells) {
      const has = c.value !== null || !!c.formula || (!valuesOnly && (!!c.fill || (!!c.numberFormat && c.numberFormat !== 'General')));
      if (!has) continue;
      const [row, col] = k.split(',').map(Number);
      r = r
        ? { top: Math.min(r.top, row), left: Math.min(r.left, col), bottom: Math.max(r.bottom, row), right: Math.max(r.right, col) }
        : { top: row, left: col, bottom: row, right: col };
    }
    return r;
  }

  checkWritable(s: FakeSheet, what: string): void {
    if (this.readOnly) throw new FakeOfficeError('AccessDenied', 'The workbook is read-only.');
    if (s.protected) throw new FakeOfficeError('AccessDenied', `The sheet ${s.name} is protected (${what}).`);
  }

  recordWrite(s: FakeSheet, rect: Rect, what: string): void {
    this.writes.push({ sheet: s.name, address: rectA1(rect), what });
    if (what === 'values' || what === 'formulas') this.pendingChanges.push({ sheet: s, address: rectA1(rect) });
  }

  writeValue(s: FakeSheet, row: number, col: number, input: unknown, asFormula: boolean): void {
    const k = key(row, col);
    const prev = s.cells.get(k) ?? { value: null };
    const next: FakeCell = { ...prev };
    delete next.text;
    if (prev.formula) s.formulaMemory.set(k, { formula: prev.formula, value: prev.value });
    delete next.formula;
    // A cell formatted as text ("@") keeps "=…" written through values as text, as Excel does.
    if (typeof input === 'string' && input.startsWith('=') && input.length > 1 && (asFormula || (next.numberFormat ?? 'General') !== '@')) {
      next.formula = input.slice(1);
      const mem = s.formulaMemory.get(k);
      next.value = this.evaluator ? this.evaluator(s.name, next.formula) : mem && mem.formula === next.formula ? mem.value : null;
    } else if (typeof input === 'string') {
      if (input.startsWith("'")) next.value = input.slice(1);
      else if (input === '') next.value = null;
      else if (!asFormula && (next.numberFormat ?? 'General') !== '@' && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?%?$/.test(input.trim())) {
        // Excel converts number-like text typed or written through `values`.
        const t = input.trim();
        next.value = t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t);
      } else if (/^(true|false)$/i.test(input)) next.value = input.toLowerCase() === 'true';
      else next.value = input;
    } else if (typeof input === 'number' || typeof input === 'boolean') next.value = input;
    else if (input === null || input === undefined) next.value = null;
    else throw new FakeOfficeError('InvalidArgument', `Unsupported cell value: ${JSON.stringify(input)}`);
    s.cells.set(k, next);
  }

  setAnnotation(list: FakeAnnotation[], s: FakeSheet, row: number, col: number, content: string | null): void {
    const i = list.findIndex((n) => n.sheetId === s.id && n.row === row && n.col === col);
    if (content === null) {
      if (i >= 0) list.splice(i, 1);
    } else if (i >= 0) list[i].content = content;
    else list.push({ id: newId('note'), sheetId: s.id, row, col, content });
  }
}

function toRaw(v: Scalar): RawValue {
  if (typeof v === 'string' && /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/.test(v)) return { error: v };
  return v;
}

// ───────────────────────────── the request context and proxies ─────────────────────────────

type Op = { run: () => void; request: number; label: string };

class FakeRequestContext {
  readonly workbook: WorkbookProxy;
  queue: Op[] = [];
  /** Load ops record the bytes they return here during a sync. */
  responseBytes = 0;
  trackedObjects = { add: () => undefined, remove: () => undefined };
  /** Excel.run({ delayForCellEdit: true }) on a host with ExcelApi 1.11. */
  delayForCellEdit = false;

  constructor(readonly wb: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(label: string, run: () => void, payload?: unknown): void {
    this.queue.push({ run, label, request: 40 + (payload === undefined ? 0 : sizeOf(payload)) });
  }

  async sync<T>(passThrough?: T): Promise<T | undefined> {
    const wb = this.wb;
    wb.syncCount++;
    const ops = this.queue;
    this.queue = [];
    this.responseBytes = 0;
    if (wb.cellEditMode) {
      if (!this.delayForCellEdit) throw new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
      wb.delayedSyncs++;
      await wb.cellEditEnded();
    }
    const request = ops.reduce((n, o) => n + o.request, 0);
    if (request > wb.payloadLimit) throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    wb.bytesWritten += request;
    const failure = wb.failures.find((f) => f.onSync === wb.syncCount);
    for (let i = 0; i < ops.length; i++) {
      if (failure && i === (failure.afterOps ?? 0)) {
        wb.failures.splice(wb.failures.indexOf(failure), 1);
        throw new FakeOfficeError(failure.code, failure.message ?? `Injected failure ${failure.code}`, ops[i].label);
      }
      try {
        ops[i].run();
      } catch (e) {
        if (e instanceof FakeOfficeError && !e.debugInfo.errorLocation) e.debugInfo.errorLocation = ops[i].label;
        throw e;
      }
    }
    if (failure && (failure.afterOps ?? 0) >= ops.length) {
      wb.failures.splice(wb.failures.indexOf(failure), 1);
      throw new FakeOfficeError(failure.code, failure.message ?? `Injected failure ${failure.code}`);
    }
    // An add-in's own value writes raise onChanged too (WorksheetCollection.onChanged: "any worksheet in the
    // workbook is changed"), once the batch has run.
    const changed = wb.pendingChanges.splice(0);
    for (const c of changed) wb.raiseChanged(c.sheet, c.address, 'ThisLocalAddin');
    wb.bytesRead += this.responseBytes;
    wb.largestSyncRead = Math.max(wb.largestSyncRead, this.responseBytes);
    if (this.responseBytes > wb.payloadLimit) throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    return passThrough;
  }
}

/** Normalizes load() arguments to property paths. */
function loadPaths(arg?: string | string[] | { select?: string }): string[] {
  if (arg === undefined) return ['$all'];
  const s = Array.isArray(arg) ? arg.join(',') : typeof arg === 'string' ? arg : (arg.select ?? '$all');
  return s
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

abstract class ProxyBase<T> {
  protected target: T | null | undefined = undefined; // undefined: not resolved yet; null: null object
  protected loaded: Record<string, unknown> | undefined;

  constructor(
    readonly context: FakeRequestContext,
    resolve?: () => T | null,
    label = 'resolve',
  ) {
    if (resolve) context.enqueue(label, () => (this.target = resolve()));
  }

  /** Resolved target during a sync; a null object fails any operation but load. */
  protected t(): T {
    if (this.target === undefined) throw new FakeOfficeError('GeneralException', 'Object used before it was resolved.');
    if (this.target === null) throw new FakeOfficeError('ItemNotFound', 'The requested resource does not exist (null object).');
    return this.target;
  }

  protected bind(target: T | null): this {
    this.target = target;
    return this;
  }

  /** Office.js: readable once a sync has resolved the proxy, with or without a load. */
  get isNullObject(): boolean {
    if (this.loaded === undefined && this.target === undefined) throw notLoaded('isNullObject');
    return this.target === null;
  }

  protected prop<V>(name: string): V {
    if (!this.loaded || !(name in this.loaded)) throw notLoaded(name);
    return this.loaded[name] as V;
  }

  /** Property readers for load(); navigation properties are handled by subclasses. */
  protected abstract readers(): Record<string, (t: T) => unknown>;
  protected nav(_name: string): ProxyBase<unknown> | undefined {
    return undefined;
  }

  load(arg?: string | string[] | { select?: string }): this {
    const paths = loadPaths(arg);
    const own: string[] = [];
    for (const p of paths) {
      const [head, ...rest] = p.split('/');
      const child = rest.length ? this.nav(head) : undefined;
      if (child) child.load(rest.join('/'));
      else own.push(head);
    }
    this.context.enqueue('load', () => {
      const out: Record<string, unknown> = { ...(this.loaded ?? {}) };
      if (this.target === null) {
        this.loaded = out;
        return;
      }
      const t = this.t();
      const readers = this.readers();
      const names = own.includes('$all') ? Object.keys(readers) : own;
      for (const n of names) {
        const r = readers[n];
        if (!r) throw new FakeOfficeError('PropertyNotLoaded', `Unknown property in load(): ${n}`);
        out[n] = r(t);
      }
      this.context.responseBytes += sizeOf(names.map((n) => out[n]));
      this.loaded = out;
    });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return { ...(this.loaded ?? {}) };
  }
}

function notLoaded(name: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

class WorkbookProxy extends ProxyBase<FakeWorkbook> {
  readonly worksheets: WorksheetCollectionProxy;
  readonly protection: WorkbookProtectionProxy;
  private notesProxy?: AnnotationCollectionProxy;
  private commentsProxy?: AnnotationCollectionProxy;

  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.bind(ctx.wb);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.protection = new WorkbookProtectionProxy(ctx);
  }
  protected readers() {
    return {
      readOnly: (w: FakeWorkbook) => {
        if (!w.isSetSupported('ExcelApi', '1.8')) throw new FakeOfficeError('ApiNotFound', 'Workbook.readOnly needs ExcelApi 1.8.');
        return w.readOnly;
      },
      name: () => 'Book1.xlsx',
    };
  }
  protected override nav(name: string): ProxyBase<unknown> | undefined {
    return name === 'protection' ? (this.protection as ProxyBase<unknown>) : undefined;
  }
  get readOnly(): boolean {
    return this.prop('readOnly');
  }
  get notes(): AnnotationCollectionProxy {
    return (this.notesProxy ??= new AnnotationCollectionProxy(this.context, 'notes', ['ExcelApi', '1.18']));
  }
  get comments(): AnnotationCollectionProxy {
    return (this.commentsProxy ??= new AnnotationCollectionProxy(this.context, 'comments', ['ExcelApi', '1.10']));
  }
}

class WorkbookProtectionProxy extends ProxyBase<FakeWorkbook> {
  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.bind(ctx.wb);
  }
  protected readers() {
    return {
      protected: (w: FakeWorkbook) => {
        if (!w.isSetSupported('ExcelApi', '1.7')) throw new FakeOfficeError('ApiNotFound', 'Workbook.protection needs ExcelApi 1.7.');
        return w.structureProtected;
      },
    };
  }
  get protected(): boolean {
    return this.prop('protected');
  }
}

class WorksheetCollectionProxy extends ProxyBase<FakeWorkbook> {
  private itemsLoaded: WorksheetProxy[] | undefined;
  readonly onActivated: { add: (h: (args: { worksheetId: string; type: string; source: string }) => unknown) => { remove: () => void; context: FakeRequestContext } };
  readonly onChanged: { add: (h: (args: FakeChangedEventArgs) => unknown) => { remove: () => void; context: FakeRequestContext } };

  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.bind(ctx.wb);
    this.onActivated = {
      add: (handler) => {
        ctx.enqueue('onActivated.add', () => {
          if (!ctx.wb.isSetSupported('ExcelApi', '1.7')) throw new FakeOfficeError('ApiNotFound', 'worksheets.onActivated needs ExcelApi 1.7.');
          ctx.wb.activatedHandlers.add(handler);
        });
        return {
          context: ctx,
          remove: () => ctx.enqueue('onActivated.remove', () => ctx.wb.activatedHandlers.delete(handler)),
        };
      },
    };
    // WorksheetCollection.onChanged is ExcelApi 1.9 (https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-onchanged-member).
    this.onChanged = {
      add: (handler) => {
        ctx.enqueue('onChanged.add', () => {
          if (!ctx.wb.isSetSupported('ExcelApi', '1.9')) throw new FakeOfficeError('ApiNotFound', 'worksheets.onChanged needs ExcelApi 1.9.');
          ctx.wb.changedHandlers.add(handler);
        });
        return {
          context: ctx,
          remove: () => ctx.enqueue('onChanged.remove', () => ctx.wb.changedHandlers.delete(handler)),
        };
      },
    };
  }
  protected readers() {
    return { count: (w: FakeWorkbook) => w.sheets.length };
  }
  override load(arg?: string | string[] | { select?: string }): this {
    const paths = loadPaths(arg).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue('worksheets.load', () => {
      const wb = this.context.wb;
      this.itemsLoaded = wb.sheets.map((s) => new WorksheetProxy(this.context).bindSheet(s));
      this.loaded = {};
    });
    // Each item loads its own properties, after the collection has listed them.
    this.context.enqueue('worksheets.load items', () => {
      const inner = new FakeRequestContext(this.context.wb);
      for (const item of this.itemsLoaded ?? []) item.loadNow(inner, paths.includes('$all') ? ['name', 'id', 'visibility', 'position'] : paths);
      this.context.responseBytes += inner.responseBytes;
    });
    return this;
  }
  get items(): WorksheetProxy[] {
    if (!this.itemsLoaded) throw notLoaded('items');
    return this.itemsLoaded;
  }
  getActiveWorksheet(): WorksheetProxy {
    const wb = this.context.wb;
    return new WorksheetProxy(this.context, () => wb.mustSheet(wb.activeSheetId ?? wb.sheets[0].id), 'getActiveWorksheet');
  }
  getItem(nameOrId: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.wb.mustSheet(nameOrId), `worksheets.getItem(${nameOrId})`);
  }
  /** ExcelApi 1.4. */
  getItemOrNullObject(nameOrId: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      if (!this.context.wb.isSetSupported('ExcelApi', '1.4')) throw new FakeOfficeError('ApiNotFound', 'getItemOrNullObject needs ExcelApi 1.4.');
      return this.context.wb.sheet(nameOrId) ?? null;
    }, `worksheets.getItemOrNullObject(${nameOrId})`);
  }
  add(name?: string): WorksheetProxy {
    const wb = this.context.wb;
    return new WorksheetProxy(
      this.context,
      () => {
        if (wb.readOnly || wb.structureProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected or read-only.');
        const n = name ?? `Sheet${wb.sheets.length + 1}`;
        if (wb.sheet(n)) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${n} already exists.`);
        return wb.addSheet(n);
      },
      `worksheets.add(${name})`,
    );
  }
}

class WorksheetProxy extends ProxyBase<FakeSheet> {
  readonly protection: WorksheetProtectionProxy;

  constructor(ctx: FakeRequestContext, resolve?: () => FakeSheet | null, label?: string) {
    super(ctx, resolve, label);
    this.protection = new WorksheetProtectionProxy(ctx, this);
  }
  bindSheet(s: FakeSheet): this {
    return this.bind(s);
  }
  /** Loads properties immediately (inside a running sync), for collection items. */
  loadNow(inner: FakeRequestContext, paths: string[]): void {
    const out: Record<string, unknown> = { ...(this.loaded ?? {}) };
    const r: Record<string, (s: FakeSheet) => unknown> = this.readers();
    const t = this.t();
    for (const p of paths) {
      if (p === 'protection/protected') {
        if (!inner.wb.isSetSupported('ExcelApi', '1.2')) throw new FakeOfficeError('ApiNotFound', 'Worksheet.protection needs ExcelApi 1.2.');
        this.protection.setLoaded(t.protected);
        inner.responseBytes += 6;
        continue;
      }
      const fn = r[p];
      if (!fn) throw new FakeOfficeError('PropertyNotLoaded', `Unknown property in load(): ${p}`);
      out[p] = fn(t);
      inner.responseBytes += sizeOf(out[p]);
    }
    this.loaded = out;
  }
  sheetTarget(): FakeSheet {
    return this.t();
  }
  protected readers() {
    const wb = this.context.wb;
    return {
      name: (s: FakeSheet) => s.name,
      id: (s: FakeSheet) => s.id,
      visibility: (s: FakeSheet) => s.visibility,
      position: (s: FakeSheet) => wb.sheets.indexOf(s),
      tabColor: (s: FakeSheet) => s.tabColor,
    };
  }
  protected override nav(name: string): ProxyBase<unknown> | undefined {
    return name === 'protection' ? (this.protection as ProxyBase<unknown>) : undefined;
  }
  get name(): string {
    return this.prop('name');
  }
  get id(): string {
    return this.prop('id');
  }
  get position(): number {
    return this.prop('position');
  }
  get visibility(): FakeSheet['visibility'] {
    return this.prop('visibility');
  }
  set visibility(v: FakeSheet['visibility']) {
    this.context.enqueue(
      'visibility',
      () => {
        const wb = this.context.wb;
        // Documented: reading visibility is ExcelApi 1.1, setting it 1.2.
        if (!wb.isSetSupported('ExcelApi', '1.2')) throw new FakeOfficeError('ApiNotFound', 'Setting Worksheet.visibility needs ExcelApi 1.2.');
        if (wb.readOnly || wb.structureProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected or read-only.');
        const s = this.t();
        if (v !== 'Visible' && wb.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) {
          throw new FakeOfficeError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
        }
        s.visibility = v;
        if (v !== 'Visible' && wb.activeSheetId === s.id) wb.activeSheetId = wb.sheets.find((x) => x.visibility === 'Visible')?.id ?? null;
      },
      v,
    );
  }
  activate(): void {
    this.context.enqueue('activate', () => {
      const s = this.t();
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'Cannot activate a hidden sheet.');
      this.context.wb.activeSheetId = s.id;
    });
  }
  delete(): void {
    this.context.enqueue('delete', () => {
      const wb = this.context.wb;
      if (wb.readOnly || wb.structureProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected or read-only.');
      const s = this.t();
      // Documented (Worksheet.delete, office-js#365): a very hidden sheet must be made hidden or visible first.
      if (s.visibility === 'VeryHidden') throw new FakeOfficeError('InvalidOperation', 'A very hidden worksheet cannot be deleted; change its visibility first.');
      if (s.visibility === 'Visible' && !wb.sheets.some((x) => x !== s && x.visibility === 'Visible')) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
      }
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      wb.notes = wb.notes.filter((n) => n.sheetId !== s.id);
      wb.comments = wb.comments.filter((n) => n.sheetId !== s.id);
      if (wb.activeSheetId === s.id) wb.activeSheetId = wb.sheets.find((x) => x.visibility === 'Visible')?.id ?? null;
    });
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const s = this.t();
      const rect = address ? parseRect(address) : { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL };
      return { sheet: s, rect };
    }, `getRange(${address ?? ''})`);
  }
  getCell(row: number, col: number): RangeProxy {
    return new RangeProxy(this.context, () => ({ sheet: this.t(), rect: { top: row, left: col, bottom: row, right: col } }), 'getCell');
  }
  /** ExcelApi 1.7: rowCount × columnCount cells from (startRow, startColumn), 0-based. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      if (!this.context.wb.isSetSupported('ExcelApi', '1.7')) throw new FakeOfficeError('ApiNotFound', 'getRangeByIndexes needs ExcelApi 1.7.');
      const ok = (n: number, min: number) => Number.isInteger(n) && n >= min;
      if (!ok(startRow, 0) || !ok(startColumn, 0) || !ok(rowCount, 1) || !ok(columnCount, 1) || startRow + rowCount - 1 > MAX_ROW || startColumn + columnCount - 1 > MAX_COL) {
        throw new FakeOfficeError('InvalidArgument', `Bad indexes ${startRow}, ${startColumn}, ${rowCount}, ${columnCount}.`);
      }
      return { sheet: this.t(), rect: { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 } };
    }, 'getRangeByIndexes');
  }
  private freezeProxy?: FreezePanesProxy;
  private pageLayoutProxy?: PageLayoutProxy;
  private chartsProxy?: ChartCollectionProxy;
  private notesProxy?: AnnotationCollectionProxy;
  get freezePanes(): FreezePanesProxy {
    return (this.freezeProxy ??= new FreezePanesProxy(this.context, this));
  }
  get pageLayout(): PageLayoutProxy {
    return (this.pageLayoutProxy ??= new PageLayoutProxy(this.context, this));
  }
  get charts(): ChartCollectionProxy {
    return (this.chartsProxy ??= new ChartCollectionProxy(this.context, this));
  }
  /** Worksheet.notes (ExcelApi 1.18): add(cell, content) with "A1" or a Range of this sheet. */
  get notes(): AnnotationCollectionProxy {
    return (this.notesProxy ??= new AnnotationCollectionProxy(this.context, 'notes', ['ExcelApi', '1.18'], () => this.t()));
  }
  get tabColor(): string {
    return this.prop('tabColor');
  }
  /** ExcelApi 1.7: "#RRGGBB", or "" for no colour. */
  set tabColor(v: string) {
    this.context.enqueue(
      'tabColor',
      () => {
        const wb = this.context.wb;
        if (!wb.isSetSupported('ExcelApi', '1.7')) throw new FakeOfficeError('ApiNotFound', 'tabColor needs ExcelApi 1.7.');
        if (wb.readOnly || wb.structureProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected or read-only.');
        if (v !== '' && !isHex(v)) throw new FakeOfficeError('InvalidArgument', `Bad tab colour ${String(v)}`);
        this.t().tabColor = v === '' ? '' : v.toUpperCase();
      },
      v,
    );
  }
  /** Blank sheet: A1, no error (documented). The valuesOnly argument is ExcelApi 1.2. */
  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, () => {
      if (valuesOnly && !this.context.wb.isSetSupported('ExcelApi', '1.2')) throw new FakeOfficeError('ApiNotFound', 'getUsedRange(valuesOnly) needs ExcelApi 1.2.');
      const s = this.t();
      return { sheet: s, rect: this.context.wb.usedRect(s, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    }, 'getUsedRange');
  }
  /** ExcelApi 1.4. */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, () => {
      if (!this.context.wb.isSetSupported('ExcelApi', '1.4')) throw new FakeOfficeError('ApiNotFound', 'getUsedRangeOrNullObject needs ExcelApi 1.4.');
      if (this.target === null) return null;
      const s = this.t();
      const rect = this.context.wb.usedRect(s, valuesOnly);
      return rect ? { sheet: s, rect } : null;
    }, 'getUsedRangeOrNullObject');
  }
}

class WorksheetProtectionProxy extends ProxyBase<FakeSheet> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheetProxy: WorksheetProxy,
  ) {
    super(ctx);
  }
  setLoaded(v: boolean): void {
    this.loaded = { ...(this.loaded ?? {}), protected: v };
  }
  override load(arg?: string | string[] | { select?: string }): this {
    const paths = loadPaths(arg);
    this.context.enqueue('protection.load', () => {
      if (!this.context.wb.isSetSupported('ExcelApi', '1.2')) throw new FakeOfficeError('ApiNotFound', 'Worksheet.protection needs ExcelApi 1.2.');
      const s = this.sheetProxy.sheetTarget();
      const out: Record<string, unknown> = { ...(this.loaded ?? {}) };
      if (paths.includes('$all') || paths.includes('protected')) out.protected = s.protected;
      this.context.responseBytes += 6;
      this.loaded = out;
    });
    return this;
  }
  protected readers() {
    return { protected: (s: FakeSheet) => s.protected };
  }
  get protected(): boolean {
    return this.prop('protected');
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

class RangeProxy extends ProxyBase<RangeTarget> {
  readonly format: RangeFormatProxy;
  private dataValidationProxy?: DataValidationProxy;

  constructor(ctx: FakeRequestContext, resolve?: () => RangeTarget | null, label?: string) {
    super(ctx, resolve, label);
    this.format = new RangeFormatProxy(ctx, this);
  }
  get dataValidation(): DataValidationProxy {
    return (this.dataValidationProxy ??= new DataValidationProxy(this.context, this));
  }
  /**
   * Merges the range (each row apart when `across`). As in Excel, only the top-left value stays;
   * merged areas inside the range are absorbed; one that sticks out is refused by the fake.
   */
  merge(across = false): void {
    this.context.enqueue('merge', () => {
      const t = this.t();
      const wb = this.context.wb;
      wb.checkWritable(t.sheet, 'merge');
      if (cellsIn(t.rect) > FORMAT_CELL_LIMIT) throw new FakeOfficeError('NotImplemented', 'The fake does not merge whole rows or columns.');
      const areas = across ? Array.from({ length: t.rect.bottom - t.rect.top + 1 }, (_, i) => ({ ...t.rect, top: t.rect.top + i, bottom: t.rect.top + i })) : [{ ...t.rect }];
      for (const a of areas) {
        if (a.top === a.bottom && a.left === a.right) continue;
        for (const m of [...t.sheet.merges]) {
          const hit = intersect(m, a);
          if (!hit) continue;
          if (hit.top !== m.top || hit.left !== m.left || hit.bottom !== m.bottom || hit.right !== m.right) {
            throw new FakeOfficeError('NotImplemented', `The fake cannot merge ${rectA1(a)} across the merged area ${rectA1(m)}.`);
          }
          t.sheet.merges.splice(t.sheet.merges.indexOf(m), 1);
        }
        for (let r = a.top; r <= a.bottom; r++) {
          for (let c = a.left; c <= a.right; c++) {
            if (r === a.top && c === a.left) continue;
            const k = key(r, c);
            const prev = t.sheet.cells.get(k);
            if (prev && (prev.value !== null || prev.formula)) {
              const next: FakeCell = { ...prev, value: null };
              delete next.formula;
              delete next.text;
              t.sheet.cells.set(k, next);
            }
          }
        }
        t.sheet.merges.push({ top: a.top, left: a.left, bottom: a.bottom, right: a.right });
      }
      wb.recordWrite(t.sheet, t.rect, 'merge');
    });
  }
  unmerge(): void {
    this.context.enqueue('unmerge', () => {
      const t = this.t();
      this.context.wb.checkWritable(t.sheet, 'unmerge');
      t.sheet.merges = t.sheet.merges.filter((m) => !intersect(m, t.rect));
    });
  }
  rangeTarget(): RangeTarget {
    return this.t();
  }
  protected readers() {
    const wb = this.context.wb;
    const each = <V>(t: RangeTarget, f: (c: FakeCell) => V): V[][] => {
      const rows: V[][] = [];
      for (let r = t.rect.top; r <= t.rect.bottom; r++) {
        const row: V[] = [];
        for (let c = t.rect.left; c <= t.rect.right; c++) row.push(f(t.sheet.cells.get(key(r, c)) ?? { value: null }));
        rows.push(row);
      }
      return rows;
    };
    const guard = (t: RangeTarget) => {
      const n = (t.rect.bottom - t.rect.top + 1) * (t.rect.right - t.rect.left + 1);
      if (n > 5_000_000) throw new FakeOfficeError('RangeExceedsLimit', 'The range is too large to load.');
      return t;
    };
    return {
      address: (t: RangeTarget) => qualify(t.sheet.name, rectA1(t.rect)),
      rowIndex: (t: RangeTarget) => t.rect.top,
      columnIndex: (t: RangeTarget) => t.rect.left,
      rowCount: (t: RangeTarget) => t.rect.bottom - t.rect.top + 1,
      columnCount: (t: RangeTarget) => t.rect.right - t.rect.left + 1,
      cellCount: (t: RangeTarget) => (t.rect.bottom - t.rect.top + 1) * (t.rect.right - t.rect.left + 1),
      values: (t: RangeTarget) => each(guard(t), (c) => (c.value === null ? '' : c.value)),
      text: (t: RangeTarget) => each(guard(t), (c) => wb.textOf(c)),
      formulas: (t: RangeTarget) => each(guard(t), (c) => (c.formula ? `=${c.formula}` : c.value === null ? '' : c.value)),
      numberFormat: (t: RangeTarget) => each(guard(t), (c) => c.numberFormat ?? 'General'),
    };
  }
  get address(): string {
    return this.prop('address');
  }
  get rowIndex(): number {
    return this.prop('rowIndex');
  }
  get columnIndex(): number {
    return this.prop('columnIndex');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }
  get cellCount(): number {
    return this.prop('cellCount');
  }
  get values(): Scalar[][] {
    return this.prop('values');
  }
  set values(v: unknown) {
    this.setCells('values', v, false);
  }
  get text(): string[][] {
    return this.prop('text');
  }
  get formulas(): Scalar[][] {
    return this.prop('formulas');
  }
  set formulas(v: unknown) {
    this.setCells('formulas', v, true);
  }
  get numberFormat(): string[][] {
    return this.prop('numberFormat');
  }
  set numberFormat(v: unknown) {
    this.context.enqueue(
      'numberFormat',
      () => {
        const t = this.t();
        this.context.wb.checkWritable(t.sheet, 'numberFormat');
        this.forEachInput(t, v, (r, c, x) => {
          const k = key(r, c);
          const prev = t.sheet.cells.get(k) ?? { value: null };
          const next = { ...prev, numberFormat: String(x) };
          delete next.text;
          t.sheet.cells.set(k, next);
        });
        this.context.wb.recordWrite(t.sheet, t.rect, 'numberFormat');
      },
      v,
    );
  }
  private forEachInput(t: RangeTarget, v: unknown, f: (r: number, c: number, x: unknown) => void): void {
    const rows = t.rect.bottom - t.rect.top + 1;
    const cols = t.rect.right - t.rect.left + 1;
    if (Array.isArray(v)) {
      if (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`);
      }
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) f(t.rect.top + r, t.rect.left + c, (v as unknown[][])[r][c]);
    } else {
      if (rows * cols > 1_000_000) throw new FakeOfficeError('RangeExceedsLimit', 'Too many cells.');
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) f(t.rect.top + r, t.rect.left + c, v);
    }
  }
  private setCells(what: 'values' | 'formulas', v: unknown, asFormula: boolean): void {
    this.context.enqueue(
      what,
      () => {
        const t = this.t();
        const wb = this.context.wb;
        wb.checkWritable(t.sheet, what);
        this.forEachInput(t, v, (r, c, x) => wb.writeValue(t.sheet, r, c, x, asFormula));
        wb.recordWrite(t.sheet, t.rect, what);
      },
      v,
    );
  }
  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.context.enqueue('clear', () => {
      const t = this.t();
      const wb = this.context.wb;
      wb.checkWritable(t.sheet, 'clear');
      for (const [k, c] of [...t.sheet.cells]) {
        const [r, col] = k.split(',').map(Number);
        if (r < t.rect.top || r > t.rect.bottom || col < t.rect.left || col > t.rect.right) continue;
        if (applyTo === 'All') t.sheet.cells.delete(k);
        else if (applyTo === 'Contents') t.sheet.cells.set(k, { numberFormat: c.numberFormat, fill: c.fill, value: null });
        else t.sheet.cells.set(k, { value: c.value, formula: c.formula });
      }
      if (applyTo !== 'Contents') {
        for (const k of [...t.sheet.formats.keys()]) {
          const [r, col] = k.split(',').map(Number);
          if (r >= t.rect.top && r <= t.rect.bottom && col >= t.rect.left && col <= t.rect.right) t.sheet.formats.delete(k);
        }
      }
      wb.recordWrite(t.sheet, t.rect, `clear ${applyTo}`);
    });
  }
  select(): void {
    this.context.enqueue('select', () => {
      const t = this.t();
      if (t.sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidSelection', 'Cannot select on a hidden sheet.');
      this.context.wb.activeSheetId = t.sheet.id;
      this.context.wb.selection = { sheet: t.sheet.name, address: rectA1(t.rect) };
    });
  }
  getCell(row: number, col: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.t();
      return { sheet: t.sheet, rect: { top: t.rect.top + row, left: t.rect.left + col, bottom: t.rect.top + row, right: t.rect.left + col } };
    }, 'getCell');
  }
  /** ExcelApi 1.2. Past the grid edge the fake clamps; what Excel does there is not documented. */
  getResizedRange(deltaRows: number, deltaCols: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      if (!this.context.wb.isSetSupported('ExcelApi', '1.2')) throw new FakeOfficeError('ApiNotFound', 'getResizedRange needs ExcelApi 1.2.');
      const t = this.t();
      const rect = { ...t.rect, bottom: Math.min(MAX_ROW, t.rect.bottom + deltaRows), right: Math.min(MAX_COL, t.rect.right + deltaCols) };
      if (rect.bottom < rect.top || rect.right < rect.left) throw new FakeOfficeError('InvalidArgument', 'Resize below one cell.');
      return { sheet: t.sheet, rect };
    }, 'getResizedRange');
  }
  getIntersectionOrNullObject(other: RangeProxy | string): RangeProxy {
    return new RangeProxy(this.context, () => {
      if (this.target === null) return null;
      const t = this.t();
      const o = typeof other === 'string' ? parseRect(other) : other.rangeTarget().rect;
      const r = intersect(t.rect, o);
      return r ? { sheet: t.sheet, rect: r } : null;
    }, 'getIntersectionOrNullObject');
  }
  getIntersection(other: RangeProxy | string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.t();
      const o = typeof other === 'string' ? parseRect(other) : other.rangeTarget().rect;
      const r = intersect(t.rect, o);
      if (!r) throw new FakeOfficeError('InvalidArgument', 'The ranges do not intersect.');
      return { sheet: t.sheet, rect: r };
    }, 'getIntersection');
  }
  getMergedAreasOrNullObject(): RangeAreasProxy {
    const wb = this.context.wb;
    return new RangeAreasProxy(this.context, () => {
      if (!wb.isSetSupported('ExcelApi', '1.13')) throw new FakeOfficeError('ApiNotFound', 'getMergedAreasOrNullObject needs ExcelApi 1.13.');
      if (this.target === null) return null;
      const t = this.t();
      // As Excel does (office-js#3611, desktop and web): only merged areas whose top-left cell is in the range.
      const inside = (r: number, c: number) => r >= t.rect.top && r <= t.rect.bottom && c >= t.rect.left && c <= t.rect.right;
      const areas = t.sheet.merges.filter((m) => inside(m.top, m.left));
      return areas.length ? { sheet: t.sheet, rects: areas.map((m) => ({ ...m })) } : null;
    });
  }
  getCellProperties(options: { format?: { fill?: { color?: boolean; pattern?: boolean } }; address?: boolean }): ClientResult<unknown[][]> {
    const result = new ClientResult<unknown[][]>();
    const wb = this.context.wb;
    this.context.enqueue('getCellProperties', () => {
      if (!wb.isSetSupported('ExcelApi', '1.9')) throw new FakeOfficeError('ApiNotFound', 'getCellProperties needs ExcelApi 1.9.');
      const t = this.t();
      const rows: unknown[][] = [];
      for (let r = t.rect.top; r <= t.rect.bottom; r++) {
        const row: unknown[] = [];
        for (let c = t.rect.left; c <= t.rect.right; c++) {
          const cell = t.sheet.cells.get(key(r, c));
          const p: Record<string, unknown> = {};
          if (options.address) p.address = qualify(t.sheet.name, `${columnLetters(c)}${r + 1}`);
          if (options.format?.fill) {
            const fill: Record<string, unknown> = {};
            if (options.format.fill.color) fill.color = cell?.fill ?? '#FFFFFF';
            if (options.format.fill.pattern) fill.pattern = cell?.fill ? 'Solid' : 'None';
            p.format = { fill };
          }
          row.push(p);
        }
        rows.push(row);
      }
      this.context.responseBytes += sizeOf(rows);
      result.set(rows);
    });
    return result;
  }
}

class RangeFillProxy extends ProxyBase<RangeTarget> {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
  }
  protected readers() {
    return {};
  }
  override load(): this {
    this.context.enqueue('fill.load', () => {
      const t = this.range.rangeTarget();
      const fills = new Set<string | null>();
      for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) fills.add(t.sheet.cells.get(key(r, c))?.fill ?? null);
      const only = fills.size === 1 ? [...fills][0] : undefined;
      this.loaded = { color: only === undefined ? null : (only ?? '#FFFFFF') };
      this.context.responseBytes += 10;
    });
    return this;
  }
  get color(): string | null {
    return this.prop('color');
  }
  set color(v: string | null) {
    this.context.enqueue(
      'fill.color',
      () => {
        const t = this.range.rangeTarget();
        const wb = this.context.wb;
        wb.checkWritable(t.sheet, 'fill');
        if (typeof v !== 'string' || !/^#[0-9A-Fa-f]{6}$/.test(v)) throw new FakeOfficeError('InvalidArgument', `Bad colour ${v}`);
        this.setFill(t, v.toUpperCase());
        wb.recordWrite(t.sheet, t.rect, 'fill');
      },
      v,
    );
  }
  clear(): void {
    this.context.enqueue('fill.clear', () => {
      const t = this.range.rangeTarget();
      const wb = this.context.wb;
      wb.checkWritable(t.sheet, 'fill');
      this.setFill(t, null);
      wb.recordWrite(t.sheet, t.rect, 'fill.clear');
    });
  }
  private setFill(t: RangeTarget, fill: string | null): void {
    for (let r = t.rect.top; r <= t.rect.bottom; r++) {
      for (let c = t.rect.left; c <= t.rect.right; c++) {
        const k = key(r, c);
        const prev = t.sheet.cells.get(k) ?? { value: null };
        t.sheet.cells.set(k, { ...prev, fill });
      }
    }
  }
}

// ───────────── formats, merges, data validation, sheet view, print setup, charts ─────────────

const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
const BORDER_INDEX = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];
const BORDER_STYLE = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
const BORDER_WEIGHT = ['Hairline', 'Thin', 'Medium', 'Thick'];
const PAPER_TYPES = ['Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5', 'Folio', 'Quatro', 'Note'];
const CHART_TYPES = ['ColumnClustered', 'ColumnStacked', 'ColumnStacked100', 'BarClustered', 'BarStacked', 'BarStacked100', 'Line', 'LineMarkers', 'Pie', 'Doughnut', 'Area', 'XYScatter', 'Radar'];
const VALIDATION_OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];
const VALIDATION_RULE_KINDS: Record<string, string> = {
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  list: 'List',
  date: 'Date',
  time: 'Time',
  textLength: 'TextLength',
  custom: 'Custom',
};
/** Excel's limits on data-validation texts (MS-XLSB DValStrings, MS-OI29500 dataValidation). */
const DV_LIMITS = { promptTitle: 32, prompt: 255, errorTitle: 32, error: 225, listSource: 255 };
/** Cells a single format assignment may touch in the fake (an unbounded row or column is refused loudly). */
const FORMAT_CELL_LIMIT = 200_000;

const isHex = (v: unknown): v is string => typeof v === 'string' && /^#[0-9A-Fa-f]{6}$/.test(v);
const oneOf = (name: string, v: unknown, allowed: string[]): string => {
  if (typeof v !== 'string' || !allowed.includes(v)) throw new FakeOfficeError('InvalidArgument', `Bad ${name}: ${String(v)}`);
  return v;
};
const rectOf = (t: RangeTarget): Merge => ({ ...t.rect });
const cellsIn = (r: Rect): number => (r.bottom - r.top + 1) * (r.right - r.left + 1);

function eachCell(t: RangeTarget, f: (row: number, col: number) => void): void {
  if (cellsIn(t.rect) > FORMAT_CELL_LIMIT) throw new FakeOfficeError('NotImplemented', 'The fake does not format whole rows or columns cell by cell.');
  for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) f(r, c);
}

function updateFormat(s: FakeSheet, row: number, col: number, f: (fmt: FakeCellFormat) => void): void {
  const k = key(row, col);
  const fmt = s.formats.get(k) ?? {};
  f(fmt);
  s.formats.set(k, fmt);
}

/** The one value all cells share, or null when they differ (Office's answer for mixed formats). */
function uniform<V>(t: RangeTarget, read: (fmt: FakeCellFormat, cell: FakeCell | undefined) => V): V | null {
  let first = true;
  let out: V | null = null;
  eachCell(t, (r, c) => {
    const v = read(t.sheet.formats.get(key(r, c)) ?? {}, t.sheet.cells.get(key(r, c)));
    if (first) {
      out = v;
      first = false;
    } else if (out !== v) out = null;
  });
  return out;
}

/** f(i) when it is the same for every i in from..to, else null. */
function sameAll(from: number, to: number, f: (i: number) => number): number | null {
  const v = f(from);
  for (let i = from + 1; i <= Math.min(to, from + 20_000); i++) if (f(i) !== v) return null;
  return v;
}

const DEFAULT_FONT = { bold: false, italic: false, size: 11, name: 'Calibri', color: '#000000' };

/** Range.format: widths, heights, alignment, wrap, and the font/fill/borders/protection children. */
class RangeFormatProxy extends ProxyBase<RangeTarget> {
  readonly fill: RangeFillProxy;
  readonly font: RangeFontProxy;
  readonly borders: RangeBorderCollectionProxy;
  readonly protection: RangeFormatProtectionProxy;

  constructor(
    ctx: FakeRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
    this.fill = new RangeFillProxy(ctx, range);
    this.font = new RangeFontProxy(ctx, range);
    this.borders = new RangeBorderCollectionProxy(ctx, range);
    this.protection = new RangeFormatProtectionProxy(ctx, range);
  }
  protected readers() {
    return {};
  }
  protected override nav(name: string): ProxyBase<unknown> | undefined {
    const children: Record<string, ProxyBase<unknown>> = { fill: this.fill, font: this.font, protection: this.protection } as unknown as Record<string, ProxyBase<unknown>>;
    return children[name];
  }
  override load(arg?: string | string[] | { select?: string }): this {
    const own: string[] = [];
    for (const p of loadPaths(arg)) {
      const [head, ...rest] = p.split('/');
      const child = rest.length ? this.nav(head) : undefined;
      if (child) child.load(rest.join('/'));
      else own.push(head);
    }
    this.context.enqueue('format.load', () => {
      const t = this.range.rangeTarget();
      const s = t.sheet;
      const all: Record<string, () => unknown> = {
        columnWidth: () => sameAll(t.rect.left, t.rect.right, (c) => this.context.wb.columnWidthOf(s, c)),
        rowHeight: () => sameAll(t.rect.top, t.rect.bottom, (r) => this.context.wb.rowHeightOf(s, r)),
        wrapText: () => uniform(t, (f) => f.wrapText ?? false),
        horizontalAlignment: () => uniform(t, (f) => f.horizontalAlignment ?? 'General'),
        verticalAlignment: () => uniform(t, (f) => f.verticalAlignment ?? 'Bottom'),
      };
      const names = own.includes('$all') ? Object.keys(all) : own;
      const out: Record<string, unknown> = { ...(this.loaded ?? {}) };
      for (const n of names) {
        if (!all[n]) throw new FakeOfficeError('PropertyNotLoaded', `Unknown property in load(): ${n}`);
        out[n] = all[n]();
      }
      this.context.responseBytes += sizeOf(out);
      this.loaded = out;
    });
    return this;
  }
  private set(label: string, v: unknown, apply: (t: RangeTarget) => void): void {
    this.context.enqueue(
      `format.${label}`,
      () => {
        const t = this.range.rangeTarget();
        this.context.wb.checkWritable(t.sheet, `format.${label}`);
        apply(t);
        this.context.wb.recordWrite(t.sheet, t.rect, `format.${label}`);
      },
      v,
    );
  }
  get columnWidth(): number {
    return this.prop('columnWidth');
  }
  /** In points, for every column of the range. */
  set columnWidth(v: number) {
    this.set('columnWidth', v, (t) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new FakeOfficeError('InvalidArgument', `Bad column width ${String(v)}`);
      for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(c, v);
    });
  }
  get rowHeight(): number {
    return this.prop('rowHeight');
  }
  /** In points (Excel's maximum is 409), for every row of the range. */
  set rowHeight(v: number) {
    this.set('rowHeight', v, (t) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 409) throw new FakeOfficeError('InvalidArgument', `Bad row height ${String(v)}`);
      for (let r = t.rect.top; r <= t.rect.bottom; r++) t.sheet.rowHeights.set(r, v);
    });
  }
  get wrapText(): boolean {
    return this.prop('wrapText');
  }
  set wrapText(v: boolean) {
    this.set('wrapText', v, (t) => {
      if (typeof v !== 'boolean') throw new FakeOfficeError('InvalidArgument', `Bad wrapText ${String(v)}`);
      eachCell(t, (r, c) => updateFormat(t.sheet, r, c, (f) => (f.wrapText = v)));
    });
  }
  get horizontalAlignment(): string {
    return this.prop('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    this.set('horizontalAlignment', v, (t) => {
      const a = oneOf('horizontalAlignment', v, H_ALIGN);
      eachCell(t, (r, c) => updateFormat(t.sheet, r, c, (f) => (f.horizontalAlignment = a)));
    });
  }
  get verticalAlignment(): string {
    return this.prop('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    this.set('verticalAlignment', v, (t) => {
      const a = oneOf('verticalAlignment', v, V_ALIGN);
      eachCell(t, (r, c) => updateFormat(t.sheet, r, c, (f) => (f.verticalAlignment = a)));
    });
  }
}

class RangeFontProxy extends ProxyBase<RangeTarget> {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
  }
  protected readers() {
    return {};
  }
  override load(arg?: string | string[] | { select?: string }): this {
    const paths = loadPaths(arg);
    this.context.enqueue('font.load', () => {
      const t = this.range.rangeTarget();
      const names = paths.includes('$all') ? Object.keys(DEFAULT_FONT) : paths;
      const out: Record<string, unknown> = { ...(this.loaded ?? {}) };
      for (const n of names) {
        if (!(n in DEFAULT_FONT)) throw new FakeOfficeError('PropertyNotLoaded', `Unknown property in load(): ${n}`);
        const k = n as keyof typeof DEFAULT_FONT;
        out[n] = uniform(t, (f) => f.font?.[k] ?? DEFAULT_FONT[k]);
      }
      this.context.responseBytes += sizeOf(out);
      this.loaded = out;
    });
    return this;
  }
  private set<K extends keyof typeof DEFAULT_FONT>(name: K, v: unknown, check: (v: unknown) => boolean): void {
    this.context.enqueue(
      `font.${name}`,
      () => {
        const t = this.range.rangeTarget();
        this.context.wb.checkWritable(t.sheet, `font.${name}`);
        if (!check(v)) throw new FakeOfficeError('InvalidArgument', `Bad font ${name}: ${String(v)}`);
        const value = (name === 'color' ? String(v).toUpperCase() : v) as (typeof DEFAULT_FONT)[K];
        eachCell(t, (r, c) => updateFormat(t.sheet, r, c, (f) => (f.font = { ...f.font, [name]: value })));
        this.context.wb.recordWrite(t.sheet, t.rect, `font.${name}`);
      },
      v,
    );
  }
  get bold(): boolean {
    return this.prop('bold');
  }
  set bold(v: boolean) {
    this.set('bold', v, (x) => typeof x === 'boolean');
  }
  get italic(): boolean {
    return this.prop('italic');
  }
  set italic(v: boolean) {
    this.set('italic', v, (x) => typeof x === 'boolean');
  }
  get size(): number {
    return this.prop('size');
  }
  set size(v: number) {
    this.set('size', v, (x) => typeof x === 'number' && x >= 1 && x <= 409);
  }
  get name(): string {
    return this.prop('name');
  }
  set name(v: string) {
    this.set('name', v, (x) => typeof x === 'string' && x.length > 0 && x.length <= 31);
  }
  get color(): string {
    return this.prop('color');
  }
  set color(v: string) {
    this.set('color', v, isHex);
  }
}

class RangeBorderCollectionProxy extends ProxyBase<RangeTarget> {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
  }
  protected readers() {
    return {};
  }
  getItem(index: string): RangeBorderProxy {
    return new RangeBorderProxy(this.context, this.range, oneOf('border index', index, BORDER_INDEX));
  }
}

/**
 * One border of a range, stored per cell side: the Edge* borders on the outer cells, the Inside*
 * borders between cells (none inside a single row/column, as in Excel). Diagonals are accepted, not drawn.
 */
class RangeBorderProxy extends ProxyBase<RangeTarget> {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: RangeProxy,
    private readonly index: string,
  ) {
    super(ctx);
  }
  protected readers() {
    return {};
  }
  private sides(t: RangeTarget, r: number, c: number): BorderSide[] {
    const { top, bottom, left, right } = t.rect;
    switch (this.index) {
      case 'EdgeTop':
        return r === top ? ['top'] : [];
      case 'EdgeBottom':
        return r === bottom ? ['bottom'] : [];
      case 'EdgeLeft':
        return c === left ? ['left'] : [];
      case 'EdgeRight':
        return c === right ? ['right'] : [];
      case 'InsideHorizontal':
        return [...(r > top ? (['top'] as const) : []), ...(r < bottom ? (['bottom'] as const) : [])];
      case 'InsideVertical':
        return [...(c > left ? (['left'] as const) : []), ...(c < right ? (['right'] as const) : [])];
      default:
        return [];
    }
  }
  private set(prop: keyof FakeBorder, v: unknown, check: (x: unknown) => boolean): void {
    this.context.enqueue(
      `border.${prop}`,
      () => {
        const t = this.range.rangeTarget();
        this.context.wb.checkWritable(t.sheet, 'borders');
        if (!check(v)) throw new FakeOfficeError('InvalidArgument', `Bad border ${prop}: ${String(v)}`);
        const value = prop === 'color' ? String(v).toUpperCase() : String(v);
        eachCell(t, (r, c) => {
          for (const side of this.sides(t, r, c)) {
            updateFormat(t.sheet, r, c, (f) => {
              const prev = f.borders?.[side] ?? { style: 'None', weight: 'Thin', color: '#000000' };
              f.borders = { ...f.borders, [side]: { ...prev, [prop]: value } };
            });
          }
        });
        this.context.wb.recordWrite(t.sheet, t.rect, `border.${this.index}.${prop}`);
      },
      v,
    );
  }
  set style(v: string) {
    this.set('style', v, (x) => BORDER_STYLE.includes(x as string));
  }
  set weight(v: string) {
    this.set('weight', v, (x) => BORDER_WEIGHT.includes(x as string));
  }
  set color(v: string) {
    this.set('color', v, isHex);
  }
}

/** Range.format.protection (ExcelApi 1.2): whether cells stay editable once the sheet is protected. */
class RangeFormatProtectionProxy extends ProxyBase<RangeTarget> {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
  }
  protected readers() {
    return {};
  }
  override load(): this {
    this.context.enqueue('protection.load', () => {
      const t = this.range.rangeTarget();
      this.loaded = { locked: uniform(t, (f) => f.locked ?? true) };
    });
    return this;
  }
  get locked(): boolean {
    return this.prop('locked');
  }
  set locked(v: boolean) {
    this.context.enqueue(
      'protection.locked',
      () => {
        const wb = this.context.wb;
        if (!wb.isSetSupported('ExcelApi', '1.2')) throw new FakeOfficeError('ApiNotFound', 'format.protection needs ExcelApi 1.2.');
        const t = this.range.rangeTarget();
        // Excel refuses to change locking on a protected sheet.
        wb.checkWritable(t.sheet, 'protection.locked');
        if (typeof v !== 'boolean') throw new FakeOfficeError('InvalidArgument', `Bad locked ${String(v)}`);
        eachCell(t, (r, c) => updateFormat(t.sheet, r, c, (f) => (f.locked = v)));
      },
      v,
    );
  }
}

/** Range.dataValidation (ExcelApi 1.8): rule, prompt, errorAlert, ignoreBlanks, clear(). */
class DataValidationProxy extends ProxyBase<RangeTarget> {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
  }
  protected readers() {
    return {};
  }
  private target2(): RangeTarget {
    if (!this.context.wb.isSetSupported('ExcelApi', '1.8')) throw new FakeOfficeError('ApiNotFound', 'dataValidation needs ExcelApi 1.8.');
    return this.range.rangeTarget();
  }
  /** The record set on exactly this range, made when absent (Excel: "any value" with a prompt). */
  private record(t: RangeTarget): FakeValidation {
    const found = t.sheet.validations.find((v) => v.rect.top === t.rect.top && v.rect.left === t.rect.left && v.rect.bottom === t.rect.bottom && v.rect.right === t.rect.right);
    if (found) return found;
    return this.replace(t, null);
  }
  private replace(t: RangeTarget, rule: FakeValidation['rule']): FakeValidation {
    const s = t.sheet;
    for (const v of [...s.validations]) {
      const hit = intersect(v.rect, t.rect);
      if (!hit) continue;
      const inside = hit.top === v.rect.top && hit.left === v.rect.left && hit.bottom === v.rect.bottom && hit.right === v.rect.right;
      if (!inside) throw new FakeOfficeError('NotImplemented', `The fake cannot split the validation on ${v.range} for ${rectA1(t.rect)}.`);
      s.validations.splice(s.validations.indexOf(v), 1);
    }
    const rec: FakeValidation = { range: rectA1(t.rect), rect: rectOf(t), type: rule ? rule.type : 'None', rule, prompt: null, errorAlert: null, ignoreBlanks: true };
    s.validations.push(rec);
    return rec;
  }
  override load(): this {
    this.context.enqueue('dataValidation.load', () => {
      const t = this.target2();
      const hits = t.sheet.validations.filter((v) => intersect(v.rect, t.rect));
      const one = hits.length === 1 && hits[0].rect.top <= t.rect.top && hits[0].rect.bottom >= t.rect.bottom && hits[0].rect.left <= t.rect.left && hits[0].rect.right >= t.rect.right ? hits[0] : null;
      this.loaded = {
        type: hits.length === 0 ? 'None' : one ? one.type : 'Inconsistent',
        rule: one?.rule?.criteria ?? {},
        prompt: one?.prompt ?? { showPrompt: false, title: '', message: '' },
        errorAlert: one?.errorAlert ?? { showAlert: true, style: 'Stop', title: '', message: '' },
        ignoreBlanks: one?.ignoreBlanks ?? true,
        valid: true,
      };
    });
    return this;
  }
  get type(): string {
    return this.prop('type');
  }
  get rule(): Record<string, unknown> {
    return this.prop('rule');
  }
  set rule(v: Record<string, unknown>) {
    this.context.enqueue(
      'dataValidation.rule',
      () => {
        const t = this.target2();
        this.context.wb.checkWritable(t.sheet, 'dataValidation');
        const checked = checkRule(v);
        // A new rule replaces the old one on those cells, prompt and alert included.
        this.replace(t, checked);
        this.context.wb.recordWrite(t.sheet, t.rect, 'dataValidation.rule');
      },
      v,
    );
  }
  get prompt(): FakeValidation['prompt'] {
    return this.prop('prompt');
  }
  set prompt(v: { showPrompt?: boolean; title?: string; message?: string }) {
    this.context.enqueue(
      'dataValidation.prompt',
      () => {
        const t = this.target2();
        this.context.wb.checkWritable(t.sheet, 'dataValidation');
        const title = v.title ?? '';
        const message = v.message ?? '';
        if (title.length > DV_LIMITS.promptTitle || message.length > DV_LIMITS.prompt) {
          throw new FakeOfficeError('InvalidArgument', `Prompt too long (title ${title.length}/${DV_LIMITS.promptTitle}, message ${message.length}/${DV_LIMITS.prompt}).`);
        }
        this.record(t).prompt = { showPrompt: v.showPrompt ?? true, title, message };
      },
      v,
    );
  }
  get errorAlert(): FakeValidation['errorAlert'] {
    return this.prop('errorAlert');
  }
  set errorAlert(v: { showAlert?: boolean; style?: string; title?: string; message?: string }) {
    this.context.enqueue(
      'dataValidation.errorAlert',
      () => {
        const t = this.target2();
        this.context.wb.checkWritable(t.sheet, 'dataValidation');
        const title = v.title ?? '';
        const message = v.message ?? '';
        if (title.length > DV_LIMITS.errorTitle || message.length > DV_LIMITS.error) {
          throw new FakeOfficeError('InvalidArgument', `Error alert too long (title ${title.length}/${DV_LIMITS.errorTitle}, message ${message.length}/${DV_LIMITS.error}).`);
        }
        const style = oneOf('alert style', v.style ?? 'Stop', ['Stop', 'Warning', 'Information']);
        this.record(t).errorAlert = { showAlert: v.showAlert ?? true, style, title, message };
      },
      v,
    );
  }
  get ignoreBlanks(): boolean {
    return this.prop('ignoreBlanks');
  }
  set ignoreBlanks(v: boolean) {
    this.context.enqueue('dataValidation.ignoreBlanks', () => {
      const t = this.target2();
      this.record(t).ignoreBlanks = Boolean(v);
    });
  }
  clear(): void {
    this.context.enqueue('dataValidation.clear', () => {
      const t = this.target2();
      this.context.wb.checkWritable(t.sheet, 'dataValidation');
      t.sheet.validations = t.sheet.validations.filter((v) => !intersect(v.rect, t.rect));
    });
  }
}

/** Checks a DataValidationRule the way Excel does: exactly one criterion, well-formed. */
function checkRule(v: unknown): NonNullable<FakeValidation['rule']> {
  if (!v || typeof v !== 'object') throw new FakeOfficeError('InvalidArgument', 'A data validation rule is required.');
  const kinds = Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
  if (kinds.length !== 1 || !VALIDATION_RULE_KINDS[kinds[0]]) throw new FakeOfficeError('InvalidArgument', `A rule holds exactly one criterion, got ${kinds.join(', ') || 'none'}.`);
  const kind = kinds[0];
  const c = (v as Record<string, Record<string, unknown>>)[kind];
  if (!c || typeof c !== 'object') throw new FakeOfficeError('InvalidArgument', `Bad ${kind} criterion.`);
  if (kind === 'list') {
    if (typeof c.source !== 'string' || c.source === '') throw new FakeOfficeError('InvalidArgument', 'A list rule needs a source.');
    if (!c.source.startsWith('=') && c.source.length > DV_LIMITS.listSource) throw new FakeOfficeError('InvalidArgument', `List source longer than ${DV_LIMITS.listSource} characters.`);
  } else if (kind === 'custom') {
    if (typeof c.formula !== 'string' || c.formula === '') throw new FakeOfficeError('InvalidArgument', 'A custom rule needs a formula.');
  } else {
    const op = oneOf('validation operator', c.operator, VALIDATION_OPERATORS);
    const isOperand = (x: unknown) => (typeof x === 'number' && Number.isFinite(x)) || (typeof x === 'string' && x !== '') || x instanceof Date;
    if (!isOperand(c.formula1)) throw new FakeOfficeError('InvalidArgument', `${kind} rule needs formula1.`);
    const needs2 = op === 'Between' || op === 'NotBetween';
    if (needs2 && !isOperand(c.formula2)) throw new FakeOfficeError('InvalidArgument', `${op} needs formula2.`);
    if (needs2 && typeof c.formula1 === 'number' && typeof c.formula2 === 'number' && c.formula1 > c.formula2) {
      throw new FakeOfficeError('InvalidArgument', 'The maximum must be greater than or equal to the minimum.');
    }
  }
  return { type: VALIDATION_RULE_KINDS[kind], criteria: { [kind]: { ...c } } };
}

/** Worksheet.freezePanes (ExcelApi 1.7). */
class FreezePanesProxy extends ProxyBase<FakeSheet> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheetProxy: WorksheetProxy,
  ) {
    super(ctx);
  }
  protected readers() {
    return {};
  }
  private apply(label: string, f: (s: FakeSheet) => FakeSheet['freeze']): void {
    this.context.enqueue(`freezePanes.${label}`, () => {
      if (!this.context.wb.isSetSupported('ExcelApi', '1.7')) throw new FakeOfficeError('ApiNotFound', 'freezePanes needs ExcelApi 1.7.');
      const s = this.sheetProxy.sheetTarget();
      s.freeze = f(s);
    });
  }
  private count(n: unknown): number {
    const v = n === undefined ? 1 : n;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new FakeOfficeError('InvalidArgument', `Bad freeze count ${String(n)}`);
    return v;
  }
  /** Freezes the top rows only (zero unfreezes). */
  freezeRows(count?: number): void {
    this.apply('freezeRows', () => {
      const n = this.count(count);
      return n ? { rows: n, columns: 0 } : null;
    });
  }
  freezeColumns(count?: number): void {
    this.apply('freezeColumns', () => {
      const n = this.count(count);
      return n ? { rows: 0, columns: n } : null;
    });
  }
  /** The given range's cells form the frozen top-left pane. */
  freezeAt(frozenRange: RangeProxy | string): void {
    this.apply('freezeAt', (s) => {
      const rect = typeof frozenRange === 'string' ? parseRect(frozenRange) : frozenRange.rangeTarget().rect;
      if (typeof frozenRange !== 'string' && frozenRange.rangeTarget().sheet !== s) throw new FakeOfficeError('InvalidArgument', 'The range is on another sheet.');
      return { rows: rect.bottom + 1, columns: rect.right + 1 };
    });
  }
  unfreeze(): void {
    this.apply('unfreeze', () => null);
  }
}

/** Worksheet.pageLayout (ExcelApi 1.9): paper, orientation, margins (points), zoom. */
class PageLayoutProxy extends ProxyBase<FakeSheet> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheetProxy: WorksheetProxy,
  ) {
    super(ctx);
  }
  protected readers() {
    return {};
  }
  override load(arg?: string | string[] | { select?: string }): this {
    const paths = loadPaths(arg);
    this.context.enqueue('pageLayout.load', () => {
      const p = this.layout();
      const out: Record<string, unknown> = { ...(this.loaded ?? {}) };
      for (const n of paths.includes('$all') ? Object.keys(p) : paths) {
        if (!(n in p)) throw new FakeOfficeError('PropertyNotLoaded', `Unknown property in load(): ${n}`);
        out[n] = structuredCloneSafe((p as unknown as Record<string, unknown>)[n]);
      }
      this.loaded = out;
    });
    return this;
  }
  private layout(): FakePageLayout {
    if (!this.context.wb.isSetSupported('ExcelApi', '1.9')) throw new FakeOfficeError('ApiNotFound', 'pageLayout needs ExcelApi 1.9.');
    return this.sheetProxy.sheetTarget().pageLayout;
  }
  private set<K extends keyof FakePageLayout>(name: K, v: unknown, check: (x: unknown) => FakePageLayout[K]): void {
    this.context.enqueue(
      `pageLayout.${name}`,
      () => {
        const p = this.layout();
        this.context.wb.checkWritable(this.sheetProxy.sheetTarget(), 'pageLayout');
        p[name] = check(v);
      },
      v,
    );
  }
  private margin(name: 'topMargin' | 'bottomMargin' | 'leftMargin' | 'rightMargin' | 'headerMargin' | 'footerMargin', v: unknown): void {
    this.set(name, v, (x) => {
      if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || x > 1584) throw new FakeOfficeError('InvalidArgument', `Bad ${name} ${String(x)}`);
      return x;
    });
  }
  get paperSize(): string {
    return this.prop('paperSize');
  }
  set paperSize(v: string) {
    this.set('paperSize', v, (x) => oneOf('paperSize', x, PAPER_TYPES));
  }
  get orientation(): string {
    return this.prop('orientation');
  }
  set orientation(v: string) {
    this.set('orientation', v, (x) => oneOf('orientation', x, ['Portrait', 'Landscape']));
  }
  get topMargin(): number {
    return this.prop('topMargin');
  }
  set topMargin(v: number) {
    this.margin('topMargin', v);
  }
  get bottomMargin(): number {
    return this.prop('bottomMargin');
  }
  set bottomMargin(v: number) {
    this.margin('bottomMargin', v);
  }
  get leftMargin(): number {
    return this.prop('leftMargin');
  }
  set leftMargin(v: number) {
    this.margin('leftMargin', v);
  }
  get rightMargin(): number {
    return this.prop('rightMargin');
  }
  set rightMargin(v: number) {
    this.margin('rightMargin', v);
  }
  get headerMargin(): number {
    return this.prop('headerMargin');
  }
  set headerMargin(v: number) {
    this.margin('headerMargin', v);
  }
  get footerMargin(): number {
    return this.prop('footerMargin');
  }
  set footerMargin(v: number) {
    this.margin('footerMargin', v);
  }
  get zoom(): FakePageLayout['zoom'] {
    return this.prop('zoom');
  }
  /** scale 10–400, or fit to N pages wide/tall (0: automatic, as fitToHeight="0" in the file). */
  set zoom(v: FakePageLayout['zoom']) {
    this.set('zoom', v, (x) => {
      const z = (x ?? {}) as FakePageLayout['zoom'];
      const pages = (n: unknown) => n === undefined || n === null || (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 32767);
      if (z.scale !== undefined && z.scale !== null && !(typeof z.scale === 'number' && Number.isInteger(z.scale) && z.scale >= 10 && z.scale <= 400)) {
        throw new FakeOfficeError('InvalidArgument', `Bad zoom scale ${String(z.scale)}`);
      }
      if (!pages(z.horizontalFitToPages) || !pages(z.verticalFitToPages)) throw new FakeOfficeError('InvalidArgument', 'Bad fit-to-pages count.');
      const fit = z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined;
      return fit
        ? { horizontalFitToPages: z.horizontalFitToPages ?? null, verticalFitToPages: z.verticalFitToPages ?? null, scale: null }
        : { scale: z.scale ?? 100, horizontalFitToPages: null, verticalFitToPages: null };
    });
  }
}

function structuredCloneSafe<V>(v: V): V {
  return v === null || typeof v !== 'object' ? v : (JSON.parse(JSON.stringify(v)) as V);
}

/** Worksheet.charts (ExcelApi 1.1): add(type, sourceData, seriesBy). */
class ChartCollectionProxy extends ProxyBase<FakeSheet> {
  private itemsLoaded: ChartProxy[] | undefined;
  constructor(
    ctx: FakeRequestContext,
    private readonly sheetProxy: WorksheetProxy,
  ) {
    super(ctx);
  }
  protected readers() {
    return {};
  }
  override load(): this {
    this.context.enqueue('charts.load', () => {
      const s = this.sheetProxy.sheetTarget();
      this.itemsLoaded = s.charts.map((c) => {
        const p = new ChartProxy(this.context).bindChart(c);
        p.setLoaded();
        return p;
      });
      this.loaded = { count: s.charts.length };
    });
    return this;
  }
  get count(): number {
    return this.prop('count');
  }
  get items(): ChartProxy[] {
    if (!this.itemsLoaded) throw notLoaded('items');
    return this.itemsLoaded;
  }
  add(type: string, sourceData: RangeProxy, seriesBy: string = 'Auto'): ChartProxy {
    return new ChartProxy(this.context, () => {
      const s = this.sheetProxy.sheetTarget();
      this.context.wb.checkWritable(s, 'charts.add');
      const t = oneOf('chart type', type, CHART_TYPES);
      const by = oneOf('seriesBy', seriesBy, ['Auto', 'Columns', 'Rows']);
      const src = sourceData.rangeTarget();
      const chart: FakeChart = { id: newId('chart'), name: `Chart ${s.charts.length + 1}`, type: t, source: qualify(src.sheet.name, rectA1(src.rect)), seriesBy: by, title: null, from: null, to: null };
      s.charts.push(chart);
      return chart;
    }, `charts.add(${type})`);
  }
}

class ChartTitleProxy {
  constructor(private readonly chart: ChartProxy) {}
  get text(): string {
    return this.chart.titleText();
  }
  set text(v: string) {
    this.chart.setTitleText(v);
  }
}

class ChartProxy extends ProxyBase<FakeChart> {
  readonly title: ChartTitleProxy;
  constructor(ctx: FakeRequestContext, resolve?: () => FakeChart | null, label?: string) {
    super(ctx, resolve, label);
    this.title = new ChartTitleProxy(this);
  }
  titleText(): string {
    return this.prop<{ text: string | null }>('title').text ?? '';
  }
  setTitleText(v: string): void {
    this.context.enqueue('chart.title.text', () => (this.t().title = String(v)), v);
  }
  bindChart(c: FakeChart): this {
    return this.bind(c);
  }
  setLoaded(): void {
    const c = this.t();
    this.loaded = { name: c.name, id: c.id, title: { text: c.title } };
  }
  protected readers() {
    return { name: (c: FakeChart) => c.name, id: (c: FakeChart) => c.id };
  }
  get name(): string {
    return this.prop('name');
  }
  /** Places the chart over start..end (cells or single-cell ranges). */
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    this.context.enqueue('chart.setPosition', () => {
      const cellOf = (x: RangeProxy | string) => (typeof x === 'string' ? parseRect(x) : x.rangeTarget().rect);
      const a = cellOf(startCell);
      const b = endCell === undefined ? a : cellOf(endCell);
      if (b.bottom < a.top || b.right < a.left) throw new FakeOfficeError('InvalidArgument', 'The end cell is above or left of the start cell.');
      const c = this.t();
      c.from = `${columnLetters(a.left)}${a.top + 1}`;
      c.to = `${columnLetters(b.right)}${b.bottom + 1}`;
    });
  }
  delete(): void {
    this.context.enqueue('chart.delete', () => {
      const c = this.t();
      for (const s of this.context.wb.sheets) {
        const i = s.charts.indexOf(c);
        if (i >= 0) s.charts.splice(i, 1);
      }
    });
  }
}

class RangeAreasProxy extends ProxyBase<{ sheet: FakeSheet; rects: Rect[] }> {
  protected readers() {
    return {
      address: (t: { sheet: FakeSheet; rects: Rect[] }) => t.rects.map((r) => qualify(t.sheet.name, rectA1(r))).join(', '),
      areaCount: (t: { sheet: FakeSheet; rects: Rect[] }) => t.rects.length,
    };
  }
  get address(): string {
    return this.prop('address');
  }
  get areaCount(): number {
    return this.prop('areaCount');
  }
}

/** OfficeExtension.ClientResult: value readable after sync. */
class ClientResult<T> {
  private v: T | undefined;
  private ready = false;
  set(v: T): void {
    this.v = v;
    this.ready = true;
  }
  get value(): T {
    if (!this.ready) throw notLoaded('value');
    return this.v as T;
  }
}

type AnnotationKind = 'notes' | 'comments';

class AnnotationCollectionProxy extends ProxyBase<FakeAnnotation[]> {
  private itemsLoaded: AnnotationProxy[] | undefined;

  constructor(
    ctx: FakeRequestContext,
    private readonly kind: AnnotationKind,
    private readonly requirement: [string, string],
    /** Worksheet-level collection: its sheet (unqualified addresses, items of that sheet only). */
    private readonly scope?: () => FakeSheet,
  ) {
    super(ctx);
  }
  private list(): FakeAnnotation[] {
    const wb = this.context.wb;
    if (!wb.isSetSupported(this.requirement[0], this.requirement[1])) {
      throw new FakeOfficeError('ApiNotFound', `${this.kind} needs ${this.requirement[0]} ${this.requirement[1]}.`);
    }
    return this.kind === 'notes' ? wb.notes : wb.comments;
  }
  protected readers() {
    return {};
  }
  override load(arg?: string | string[] | { select?: string }): this {
    const paths = loadPaths(arg).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue(`${this.kind}.load`, () => {
      const sheetId = this.scope?.().id;
      const list = this.list().filter((a) => sheetId === undefined || a.sheetId === sheetId);
      this.itemsLoaded = list.map((a) => new AnnotationProxy(this.context, this.kind).bindAnnotation(a));
      for (const item of this.itemsLoaded) item.setLoaded(paths.includes('$all') ? ['content'] : paths);
      this.context.responseBytes += sizeOf(list.map((a) => a.content));
      this.loaded = {};
    });
    return this;
  }
  get items(): AnnotationProxy[] {
    if (!this.itemsLoaded) throw notLoaded('items');
    return this.itemsLoaded;
  }
  private locate(address: string | RangeProxy): { sheet: FakeSheet; row: number; col: number } {
    const wb = this.context.wb;
    if (typeof address !== 'string') {
      const t = address.rangeTarget();
      if (t.rect.top !== t.rect.bottom || t.rect.left !== t.rect.right) {
        throw this.kind === 'comments' ? new FakeOfficeError('InvalidArgument', 'A comment goes on one cell.') : new FakeOfficeError('InvalidCellAddress', 'A note goes on one cell.');
      }
      if (this.scope && this.scope() !== t.sheet) throw new FakeOfficeError('InvalidArgument', 'The cell is on another sheet.');
      return { sheet: t.sheet, row: t.rect.top, col: t.rect.left };
    }
    const bang = address.lastIndexOf('!');
    if (bang < 0 && this.scope) {
      const rect = parseRect(address);
      if (rect.top !== rect.bottom || rect.left !== rect.right) throw new FakeOfficeError('InvalidCellAddress', 'A note goes on one cell.');
      return { sheet: this.scope(), row: rect.top, col: rect.left };
    }
    if (bang < 0) throw new FakeOfficeError('InvalidArgument', `A sheet-qualified address is expected: ${address}`);
    const sheetName = address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    const rect = parseRect(address);
    if (rect.top !== rect.bottom || rect.left !== rect.right) throw new FakeOfficeError('InvalidCellAddress', 'A note goes on one cell.');
    return { sheet: wb.mustSheet(sheetName), row: rect.top, col: rect.left };
  }
  add(cellAddress: string | RangeProxy, content: string): AnnotationProxy {
    return new AnnotationProxy(this.context, this.kind, () => {
      const list = this.list();
      const { sheet, row, col } = this.locate(cellAddress);
      this.context.wb.checkWritable(sheet, this.kind);
      if (list.some((a) => a.sheetId === sheet.id && a.row === row && a.col === col)) {
        throw new FakeOfficeError('InvalidOperation', `The cell ${typeof cellAddress === 'string' ? cellAddress : toA1(row, col)} already has a ${this.kind === 'notes' ? 'note' : 'comment'}.`);
      }
      const a = { id: newId(this.kind), sheetId: sheet.id, row, col, content: String(content) };
      list.push(a);
      this.context.wb.recordWrite(sheet, { top: row, left: col, bottom: row, right: col }, `${this.kind}.add`);
      return a;
    });
  }
  private find(cellAddress: string | RangeProxy): FakeAnnotation | null {
    const list = this.list();
    const { sheet, row, col } = this.locate(cellAddress);
    return list.find((a) => a.sheetId === sheet.id && a.row === row && a.col === col) ?? null;
  }
  getItem(cellAddress: string): AnnotationProxy {
    return new AnnotationProxy(this.context, this.kind, () => {
      const a = this.find(cellAddress);
      if (!a) throw new FakeOfficeError('ItemNotFound', `No ${this.kind} at ${cellAddress}.`);
      return a;
    });
  }
  /** CommentCollection.getItemByCell (ExcelApi 1.10): a Range, or a string with the sheet name. */
  getItemByCell(cellAddress: string | RangeProxy): AnnotationProxy {
    return new AnnotationProxy(this.context, this.kind, () => {
      const a = this.find(cellAddress);
      if (!a) throw new FakeOfficeError('ItemNotFound', `No ${this.kind} at ${typeof cellAddress === 'string' ? cellAddress : 'that cell'}.`);
      return a;
    });
  }
  getItemOrNullObject(cellAddress: string): AnnotationProxy {
    return new AnnotationProxy(this.context, this.kind, () => this.find(cellAddress));
  }
}

class AnnotationProxy extends ProxyBase<FakeAnnotation> {
  constructor(
    ctx: FakeRequestContext,
    private readonly kind: AnnotationKind,
    resolve?: () => FakeAnnotation | null,
  ) {
    super(ctx, resolve, `${kind} item`);
  }
  bindAnnotation(a: FakeAnnotation): this {
    return this.bind(a);
  }
  setLoaded(paths: string[]): void {
    const a = this.t();
    const out: Record<string, unknown> = {};
    if (paths.includes('content')) out.content = a.content;
    if (paths.includes('id')) out.id = a.id;
    this.loaded = out;
  }
  protected readers() {
    return { content: (a: FakeAnnotation) => a.content, id: (a: FakeAnnotation) => a.id };
  }
  private sheetOf(a: FakeAnnotation): FakeSheet {
    return this.context.wb.mustSheet(a.sheetId);
  }
  get content(): string {
    return this.prop('content');
  }
  set content(v: string) {
    this.context.enqueue(
      `${this.kind}.content`,
      () => {
        const a = this.t();
        const s = this.sheetOf(a);
        this.context.wb.checkWritable(s, this.kind);
        a.content = String(v);
        this.context.wb.recordWrite(s, { top: a.row, left: a.col, bottom: a.row, right: a.col }, `${this.kind}.content`);
      },
      v,
    );
  }
  delete(): void {
    this.context.enqueue(`${this.kind}.delete`, () => {
      const a = this.t();
      const s = this.sheetOf(a);
      const wb = this.context.wb;
      wb.checkWritable(s, this.kind);
      const list = this.kind === 'notes' ? wb.notes : wb.comments;
      const i = list.indexOf(a);
      if (i >= 0) list.splice(i, 1);
      wb.recordWrite(s, { top: a.row, left: a.col, bottom: a.row, right: a.col }, `${this.kind}.delete`);
    });
  }
  getLocation(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const a = this.t();
      return { sheet: this.sheetOf(a), rect: { top: a.row, left: a.col, bottom: a.row, right: a.col } };
    }, 'getLocation');
  }
}

// ───────────────────────────── builders and installation ─────────────────────────────

/** A fake workbook holding these Grids (values, text, formats, formulas, merges; hidden → Hidden). */
export function fakeWorkbookFromGrids(grids: Grid[], options: FakeWorkbookOptions = {}): FakeWorkbook {
  const wb = new FakeWorkbook(options);
  for (const g of grids) {
    const s = wb.addSheet(g.name, { visibility: g.hidden ? 'Hidden' : 'Visible' });
    g.cells.forEach((row, r) =>
      row?.forEach((c, col) => {
        if (!c) return;
        const value: Scalar = c.value !== null && typeof c.value === 'object' ? c.value.error : c.value;
        s.cells.set(key(r, col), { value, formula: c.formula, numberFormat: c.numberFormat, text: c.text });
      }),
    );
    s.merges = g.merges.map((m) => ({ ...m }));
  }
  return wb;
}

/**
 * A fake workbook from literal cells: { 自评表: { A1: '标题', H6: { value: 0.66, numberFormat: '0%' } } }.
 * `merges` per sheet as A1 ranges.
 */
export function fakeFromCells(
  sheets: Record<string, Record<string, CellInput & unknown>>,
  options: FakeWorkbookOptions & { merges?: Record<string, string[]> } = {},
): FakeWorkbook {
  const grids = Object.entries(sheets).map(([name, cells]) => {
    const g = gridFromArrays(name, [], { merges: options.merges?.[name] });
    for (const [address, input] of Object.entries(cells)) {
      const { row, col } = fromA1(address);
      const one = gridFromArrays(name, [[input]]).cells[0]?.[0];
      if (one) (g.cells[row] ??= [])[col] = one;
    }
    return g;
  });
  return fakeWorkbookFromGrids(grids, options);
}

export interface FakeOffice {
  Excel: unknown;
  Office: unknown;
  OfficeExtension: unknown;
}

/** The Excel/Office/OfficeExtension namespaces over a fake workbook. */
export function createFakeOffice(wb: FakeWorkbook): FakeOffice {
  const Excel = {
    run: async <T>(first: unknown, second?: (context: FakeRequestContext) => Promise<T>): Promise<T> => {
      // Excel.run(batch), Excel.run(contextOrObject, batch) (reuses the object's context) or
      // Excel.run(options, batch) with RunOptions: delayForCellEdit is ExcelApi 1.11; older hosts ignore it.
      const batch = (second ?? first) as (context: FakeRequestContext) => Promise<T>;
      const given = second ? ((first as { context?: unknown }).context ?? first) : undefined;
      const ctx = given instanceof FakeRequestContext ? given : new FakeRequestContext(wb);
      if (second && !(given instanceof FakeRequestContext) && (first as { delayForCellEdit?: unknown }).delayForCellEdit === true) {
        ctx.delayForCellEdit = wb.isSetSupported('ExcelApi', '1.11');
      }
      const out = await batch(ctx);
      if (ctx.queue.length) await ctx.sync();
      return out;
    },
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
    ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents' },
    EventType: { worksheetActivated: 'WorksheetActivated' },
    DataValidationType: { none: 'None', wholeNumber: 'WholeNumber', decimal: 'Decimal', list: 'List', date: 'Date', time: 'Time', textLength: 'TextLength', custom: 'Custom', inconsistent: 'Inconsistent', mixedCriteria: 'MixedCriteria' },
    DataValidationOperator: {
      between: 'Between',
      notBetween: 'NotBetween',
      equalTo: 'EqualTo',
      notEqualTo: 'NotEqualTo',
      greaterThan: 'GreaterThan',
      lessThan: 'LessThan',
      greaterThanOrEqualTo: 'GreaterThanOrEqualTo',
      lessThanOrEqualTo: 'LessThanOrEqualTo',
    },
    DataValidationAlertStyle: { stop: 'Stop', warning: 'Warning', information: 'Information' },
    PaperType: { letter: 'Letter', legal: 'Legal', a3: 'A3', a4: 'A4', a5: 'A5', b4: 'B4', b5: 'B5' },
    PageOrientation: { portrait: 'Portrait', landscape: 'Landscape' },
    ChartType: {
      columnClustered: 'ColumnClustered',
      columnStacked: 'ColumnStacked',
      barClustered: 'BarClustered',
      barStacked: 'BarStacked',
      line: 'Line',
      lineMarkers: 'LineMarkers',
      pie: 'Pie',
      doughnut: 'Doughnut',
      area: 'Area',
      xyscatter: 'XYScatter',
      radar: 'Radar',
    },
    ChartSeriesBy: { auto: 'Auto', columns: 'Columns', rows: 'Rows' },
    BorderIndex: {
      edgeTop: 'EdgeTop',
      edgeBottom: 'EdgeBottom',
      edgeLeft: 'EdgeLeft',
      edgeRight: 'EdgeRight',
      insideVertical: 'InsideVertical',
      insideHorizontal: 'InsideHorizontal',
      diagonalDown: 'DiagonalDown',
      diagonalUp: 'DiagonalUp',
    },
    BorderLineStyle: { none: 'None', continuous: 'Continuous', dash: 'Dash', dashDot: 'DashDot', dashDotDot: 'DashDotDot', dot: 'Dot', double: 'Double', slantDashDot: 'SlantDashDot' },
    BorderWeight: { hairline: 'Hairline', thin: 'Thin', medium: 'Medium', thick: 'Thick' },
    HorizontalAlignment: { general: 'General', left: 'Left', center: 'Center', right: 'Right', fill: 'Fill', justify: 'Justify', centerAcrossSelection: 'CenterAcrossSelection', distributed: 'Distributed' },
    VerticalAlignment: { top: 'Top', center: 'Center', bottom: 'Bottom', justify: 'Justify', distributed: 'Distributed' },
    ErrorCodes: {
      accessDenied: 'AccessDenied',
      apiNotFound: 'ApiNotFound',
      generalException: 'GeneralException',
      invalidArgument: 'InvalidArgument',
      invalidOperation: 'InvalidOperation',
      itemAlreadyExists: 'ItemAlreadyExists',
      itemNotFound: 'ItemNotFound',
      invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
      inactiveWorkbook: 'InactiveWorkbook',
      rangeExceedsLimit: 'RangeExceedsLimit',
      responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
      unsupportedOperation: 'UnsupportedOperation',
      notImplemented: 'NotImplemented',
    },
  };
  const settings = {
    get: (name: string) => (name in wb.settings ? wb.settings[name] : null),
    set: (name: string, value: unknown) => {
      wb.settings[name] = JSON.parse(JSON.stringify(value));
    },
    remove: (name: string) => {
      delete wb.settings[name];
    },
    saveAsync: (...args: unknown[]) => {
      wb.officeCalls.settingsSaves++;
      const cb = args.find((a) => typeof a === 'function') as ((r: { status: string }) => void) | undefined;
      setTimeout(() => cb?.({ status: wb.readOnly ? 'failed' : 'succeeded' }), 0);
    },
  };
  const Office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady: (cb?: (info: { host: string; platform: string }) => void) => {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      return Promise.resolve().then(() => {
        cb?.(info);
        return info;
      });
    },
    context: {
      requirements: { isSetSupported: (name: string, v?: string | number) => wb.isSetSupported(name, v === undefined ? undefined : String(v)) },
      officeTheme: { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#000000' },
      displayLanguage: 'zh-CN',
      document: { settings },
      ui: {
        displayDialogAsync: (url: string, _opts: unknown, cb?: (r: { status: string; value: { close: () => void; addEventHandler: () => void } }) => void) => {
          // DialogApi 1.1; the start address must be an absolute https URL (relative URLs are refused).
          if (!wb.isSetSupported('DialogApi', '1.1')) throw new FakeOfficeError('ApiNotFound', 'displayDialogAsync needs DialogApi 1.1.');
          if (!/^https:\/\//.test(url)) {
            cb?.({ status: 'failed', value: { close: () => undefined, addEventHandler: () => undefined } });
            return;
          }
          wb.officeCalls.dialogs.push(url);
          cb?.({ status: 'succeeded', value: { close: () => undefined, addEventHandler: () => undefined } });
        },
      },
    },
    actions: {
      associate: (id: string, fn: (event: unknown) => unknown) => {
        wb.actions.set(id, fn);
      },
    },
    addin: {
      showAsTaskpane: () => {
        if (!wb.isSetSupported('SharedRuntime', '1.1')) return Promise.reject(new FakeOfficeError('ApiNotFound', 'showAsTaskpane needs SharedRuntime 1.1.'));
        wb.officeCalls.showAsTaskpane++;
        wb.setPaneMode('Taskpane');
        return Promise.resolve();
      },
      hide: () => {
        wb.officeCalls.hide++;
        wb.setPaneMode('Hidden');
        return Promise.resolve();
      },
      onVisibilityModeChanged: (handler: (message: { visibilityMode: string }) => void) => {
        if (!wb.isSetSupported('SharedRuntime', '1.1')) return Promise.reject(new FakeOfficeError('ApiNotFound', 'onVisibilityModeChanged needs SharedRuntime 1.1.'));
        wb.visibilityHandlers.add(handler);
        // Resolves to the function that removes the handler.
        return Promise.resolve(async () => {
          wb.visibilityHandlers.delete(handler);
        });
      },
    },
  };
  const OfficeExtension = { Error: FakeOfficeError, ErrorCodes: Excel.ErrorCodes };
  return { Excel, Office, OfficeExtension };
}

/** Defines Excel, Office and OfficeExtension on globalObj (window or globalThis) over the fake workbook. */
export function installFakeOffice(globalObj: object, wb: FakeWorkbook): FakeOffice {
  const ns = createFakeOffice(wb);
  const g = globalObj as Record<string, unknown>;
  g.Excel = ns.Excel;
  g.Office = ns.Office;
  g.OfficeExtension = ns.OfficeExtension;
  return ns;
}

/** Removes what installFakeOffice defined. */
export function uninstallFakeOffice(globalObj: object): void {
  const g = globalObj as Record<string, unknown>;
  delete g.Excel;
  delete g.Office;
  delete g.OfficeExtension;
}
