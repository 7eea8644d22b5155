/**
 * The Excel double's model: the workbook, its sheets and cells, notes, and what the proxies and the
 * structural edits change. No proxies here (see the *Proxies.ts files); Office.js semantics are in fakeExcel.ts.
 */
import { Cell, Grid, MAX_COL, MAX_ROW, Merge, RawValue, columnLetters, fromA1, toA1 } from '../../core/grid';
import { rectOf } from '../../core/address';
import * as structural from './structuralEdits';

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

export interface InjectedFailure {
  /** The absolute sync number (1-based, compared with syncCount) that fails. */
  onSync: number;
  code: string;
  message?: string;
  /** Operations of that sync applied before the failure. */
  afterOps?: number;
}

export interface WriteRecord {
  sheet: string;
  address: string;
  what: string;
}

export let idSeq = 0;
export const newId = (prefix: string) => `{${prefix}-${(++idSeq).toString(16).padStart(8, '0')}}`;
export const key = (r: number, c: number) => `${r},${c}`;

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

export const utf8Length = (s: string): number => {
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
export const sizeOf = (v: unknown): number => utf8Length(JSON.stringify(v ?? null));

/** Sheet-qualified address as Excel prints it: quotes names that are not plain words. */
export function qualify(sheet: string, a1: string): string {
  const plain = /^[\p{L}\p{N}_.]+$/u.test(sheet) && !/^\d/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${a1}`;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rectA1(r: Rect): string {
  const a = `${columnLetters(r.left)}${r.top + 1}`;
  const b = `${columnLetters(r.right)}${r.bottom + 1}`;
  return a === b ? a : `${a}:${b}`;
}

export { MAX_ROW, MAX_COL };

/** A range address as Office.js takes it (sheet prefix ignored here); a malformed one fails as Office's InvalidArgument. */
export function parseRect(address: string): Rect {
  try {
    return rectOf(address);
  } catch {
    throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing: ${address}`);
  }
}

export function intersect(a: Rect, b: Rect): Rect | null {
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

export function roundHalfUp(v: number, decimals: number): number {
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
  /**
   * Office.addin.get/setStartupBehavior (SharedRuntime 1.1; Microsoft Learn, "Office.StartupBehavior enum"):
   * "Load" loads the add-in with the document "but do not show UI", "None" waits for the user to open it.
   * Saved with the document for the next start; a test sets it and the pane mode it starts in.
   */
  startupBehavior: 'None' | 'Load' = 'None';
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

  /**
   * Sets a cell directly (setup, as the user would), without counting as a write. `note` is a legacy note,
   * `comment` a threaded comment: a cell takes one or the other, as in Excel (annotationProxies.ts).
   */
  setCell(sheet: string, address: string, cell: Partial<FakeCell> & { note?: string | null; comment?: string | null }): void {
    const s = this.mustSheet(sheet);
    const { row, col } = fromA1(address);
    const { note, comment, ...rest } = cell;
    const prev = s.cells.get(key(row, col)) ?? { value: null };
    s.cells.set(key(row, col), { ...prev, ...rest });
    if (note !== undefined) this.setAnnotation(this.notes, s, row, col, note);
    if (comment !== undefined) this.setAnnotation(this.comments, s, row, col, comment);
  }

  /** The note or threaded comment on a cell, with its kind (Excel allows one of them). */
  annotationAt(s: FakeSheet, row: number, col: number): (FakeAnnotation & { kind: 'notes' | 'comments' }) | null {
    const at = (a: FakeAnnotation) => a.sheetId === s.id && a.row === row && a.col === col;
    const note = this.notes.find(at);
    if (note) return { ...note, kind: 'notes' };
    const comment = this.comments.find(at);
    return comment ? { ...comment, kind: 'comments' } : null;
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

  // ── the user's structural edits, as Excel makes them (structuralEdits.ts; 1-based Excel rows and columns) ──

  /** Inserts `count` empty rows before Excel row `row`; everything below moves down. */
  insertRows(sheet: string, row: number, count: number): void {
    structural.insertRows(this, sheet, row, count);
  }

  /** Deletes Excel rows `row` … `row + count - 1`; everything below moves up. */
  deleteRows(sheet: string, row: number, count: number): void {
    structural.deleteRows(this, sheet, row, count);
  }

  /** Inserts `count` empty columns before Excel column `column` (1 = A); everything right of it moves right. */
  insertColumns(sheet: string, column: number, count: number): void {
    structural.insertColumns(this, sheet, column, count);
  }

  /** Deletes Excel columns `column` … `column + count - 1` (1 = A); everything right of them moves left. */
  deleteColumns(sheet: string, column: number, count: number): void {
    structural.deleteColumns(this, sheet, column, count);
  }

  /** Sorts Excel rows firstRow … lastRow: `order` lists the old row numbers in their new order. */
  sortRows(sheet: string, firstRow: number, lastRow: number, order: number[]): void {
    structural.sortRows(this, sheet, firstRow, lastRow, order);
  }

  renameSheet(oldName: string, newName: string): void {
    structural.renameSheet(this, oldName, newName);
  }

  /** Moves the sheet to 0-based position `index`. */
  moveSheet(name: string, index: number): void {
    structural.moveSheet(this, name, index);
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
    const other = list === this.notes ? this.comments : this.notes;
    if (content !== null && other.some((n) => n.sheetId === s.id && n.row === row && n.col === col)) {
      throw new Error(`setup: ${s.name} ${toA1(row, col)} already has a ${list === this.notes ? 'threaded comment' : 'note'}; Excel gives a cell one or the other`);
    }
    if (content === null) {
      if (i >= 0) list.splice(i, 1);
    } else if (i >= 0) list[i].content = content;
    else list.push({ id: newId('note'), sheetId: s.id, row, col, content });
  }
}

export function toRaw(v: Scalar): RawValue {
  if (typeof v === 'string' && /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/.test(v)) return { error: v };
  return v;
}
