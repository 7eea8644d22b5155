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
 *                                          .items, onActivated.add(handler) → { remove() }
 *     .getActiveWorksheet()
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
 *          format.fill.color (set/load), format.fill.clear()
 *   OfficeExtension.Error (code, message, debugInfo), Office.onReady, Office.context.requirements.isSetSupported,
 *   Office.context.officeTheme, Office.context.document.settings (get/set/remove/saveAsync),
 *   Office.actions.associate, Office.addin.showAsTaskpane/hide, Office.context.ui.displayDialogAsync.
 *
 * Semantics kept from Office: reading a property that was not loaded and synced throws PropertyNotLoaded;
 * *OrNullObject results expose isNullObject after a load + sync; a failing operation rejects sync() and the
 * operations queued before it stay applied (no rollback). Counters: syncCount, bytesRead (response),
 * bytesWritten (request), bytesTransferred (both), per-sync payload limits (5 MB by default).
 * Failures: injectFailure({ onSync, code, afterOps }), cellEditMode, readOnly, protected sheets (AccessDenied).
 * Formulas are not evaluated: a written formula takes the value given by `evaluator`, or the value the cell
 * last had under that formula.
 */
import type { Cell, CellInput, Grid, Merge, RawValue } from '../../core/grid';
import { columnLetters, fromA1, gridFromArrays } from '../../core/grid';

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
}

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
  /** Every sync fails with InvalidOperationInCellEditMode while true. */
  cellEditMode = false;
  supportedSets: Record<string, string>;
  payloadLimit: number;
  activeSheetId: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  evaluator?: (sheet: string, formula: string) => Scalar;

  syncCount = 0;
  bytesRead = 0;
  bytesWritten = 0;
  /** Every cell-level write applied, for "zero writes" assertions. */
  writes: WriteRecord[] = [];
  failures: InjectedFailure[] = [];
  activatedHandlers = new Set<(args: { worksheetId: string; type: string; source: string }) => unknown>();
  /** Calls made to Office.* by the code under test. */
  officeCalls: { showAsTaskpane: number; hide: number; dialogs: string[]; settingsSaves: number } = {
    showAsTaskpane: 0,
    hide: 0,
    dialogs: [],
    settingsSaves: 0,
  };
  actions = new Map<string, (event: unknown) => unknown>();

  constructor(options: FakeWorkbookOptions = {}) {
    this.supportedSets = options.supportedSets ?? { ExcelApi: '1.18', SharedRuntime: '1.1' };
    this.payloadLimit = options.payloadLimit ?? 5 * 1024 * 1024;
  }

  get bytesTransferred(): number {
    return this.bytesRead + this.bytesWritten;
  }

  /** Resets the counters (not the content). */
  resetCounters(): void {
    this.syncCount = 0;
    this.bytesRead = 0;
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

  /** Sets a cell directly (setup), without counting as a write. */
  setCell(sheet: string, address: string, cell: Partial<FakeCell> & { note?: string | null }): void {
    const s = this.mustSheet(sheet);
    const { row, col } = fromA1(address);
    const { note, ...rest } = cell;
    const prev = s.cells.get(key(row, col)) ?? { value: null };
    s.cells.set(key(row, col), { ...prev, ...rest });
    if (note !== undefined) this.setAnnotation(this.notes, s, row, col, note);
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
  }

  writeValue(s: FakeSheet, row: number, col: number, input: unknown, asFormula: boolean): void {
    const k = key(row, col);
    const prev = s.cells.get(k) ?? { value: null };
    const next: FakeCell = { ...prev };
    delete next.text;
    if (prev.formula) s.formulaMemory.set(k, { formula: prev.formula, value: prev.value });
    delete next.formula;
    if (typeof input === 'string' && input.startsWith('=') && input.length > 1) {
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
    if (wb.cellEditMode) throw new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
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
    wb.bytesRead += this.responseBytes;
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

  get isNullObject(): boolean {
    if (this.loaded === undefined) throw notLoaded('isNullObject');
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
    return { readOnly: (w: FakeWorkbook) => w.readOnly, name: () => 'Book1.xlsx' };
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
  getActiveWorksheet(): WorksheetProxy {
    const wb = this.context.wb;
    return new WorksheetProxy(this.context, () => wb.mustSheet(wb.activeSheetId ?? wb.sheets[0].id), 'getActiveWorksheet');
  }
}

class WorkbookProtectionProxy extends ProxyBase<FakeWorkbook> {
  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.bind(ctx.wb);
  }
  protected readers() {
    return { protected: (w: FakeWorkbook) => w.structureProtected };
  }
  get protected(): boolean {
    return this.prop('protected');
  }
}

class WorksheetCollectionProxy extends ProxyBase<FakeWorkbook> {
  private itemsLoaded: WorksheetProxy[] | undefined;
  readonly onActivated: { add: (h: (args: { worksheetId: string; type: string; source: string }) => unknown) => { remove: () => void; context: FakeRequestContext } };

  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.bind(ctx.wb);
    this.onActivated = {
      add: (handler) => {
        ctx.enqueue('onActivated.add', () => ctx.wb.activatedHandlers.add(handler));
        return {
          context: ctx,
          remove: () => ctx.enqueue('onActivated.remove', () => ctx.wb.activatedHandlers.delete(handler)),
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
  getItem(nameOrId: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.wb.mustSheet(nameOrId), `worksheets.getItem(${nameOrId})`);
  }
  getItemOrNullObject(nameOrId: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.wb.sheet(nameOrId) ?? null, `worksheets.getItemOrNullObject(${nameOrId})`);
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
  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, () => {
      const s = this.t();
      return { sheet: s, rect: this.context.wb.usedRect(s, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    }, 'getUsedRange');
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, () => {
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
  readonly format: { fill: RangeFillProxy };

  constructor(ctx: FakeRequestContext, resolve?: () => RangeTarget | null, label?: string) {
    super(ctx, resolve, label);
    this.format = { fill: new RangeFillProxy(ctx, this) };
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
  getResizedRange(deltaRows: number, deltaCols: number): RangeProxy {
    return new RangeProxy(this.context, () => {
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
      const areas = t.sheet.merges.filter((m) => intersect(t.rect, m));
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
      const list = this.list();
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
  private locate(address: string): { sheet: FakeSheet; row: number; col: number } {
    const wb = this.context.wb;
    const bang = address.lastIndexOf('!');
    if (bang < 0) throw new FakeOfficeError('InvalidArgument', `A sheet-qualified address is expected: ${address}`);
    const sheetName = address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    const rect = parseRect(address);
    if (rect.top !== rect.bottom || rect.left !== rect.right) throw new FakeOfficeError('InvalidCellAddress', 'A note goes on one cell.');
    return { sheet: wb.mustSheet(sheetName), row: rect.top, col: rect.left };
  }
  add(cellAddress: string, content: string): AnnotationProxy {
    return new AnnotationProxy(this.context, this.kind, () => {
      const list = this.list();
      const { sheet, row, col } = this.locate(cellAddress);
      this.context.wb.checkWritable(sheet, this.kind);
      if (list.some((a) => a.sheetId === sheet.id && a.row === row && a.col === col)) {
        throw new FakeOfficeError('InvalidOperation', `The cell ${cellAddress} already has a ${this.kind === 'notes' ? 'note' : 'comment'}.`);
      }
      const a = { id: newId(this.kind), sheetId: sheet.id, row, col, content: String(content) };
      list.push(a);
      this.context.wb.recordWrite(sheet, { top: row, left: col, bottom: row, right: col }, `${this.kind}.add`);
      return a;
    });
  }
  private find(cellAddress: string): FakeAnnotation | null {
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
  getItemByCell(cellAddress: string): AnnotationProxy {
    return this.getItem(cellAddress);
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
      // Excel.run(batch) or Excel.run(contextOrObject, batch): the latter reuses the object's context.
      const batch = (second ?? first) as (context: FakeRequestContext) => Promise<T>;
      const given = second ? ((first as { context?: unknown }).context ?? first) : undefined;
      const ctx = given instanceof FakeRequestContext ? given : new FakeRequestContext(wb);
      const out = await batch(ctx);
      if (ctx.queue.length) await ctx.sync();
      return out;
    },
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
    ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents' },
    EventType: { worksheetActivated: 'WorksheetActivated' },
    ErrorCodes: {
      accessDenied: 'AccessDenied',
      apiNotFound: 'ApiNotFound',
      generalException: 'GeneralException',
      invalidArgument: 'InvalidArgument',
      invalidOperation: 'InvalidOperation',
      itemAlreadyExists: 'ItemAlreadyExists',
      itemNotFound: 'ItemNotFound',
      invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
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
        return Promise.resolve();
      },
      hide: () => {
        wb.officeCalls.hide++;
        return Promise.resolve();
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
