/** Workbook and worksheet proxies of the double: the collection, protection, freeze panes, page layout, charts. */
import { columnLetters } from '../../core/grid';
import { AnnotationCollectionProxy } from './annotationProxies';
import { FakeChangedEventArgs, FakeChart, FakeOfficeError, FakePageLayout, FakeSheet, FakeWorkbook, MAX_COL, MAX_ROW, newId, parseRect, qualify, rectA1, sizeOf } from './fakeWorkbook';
import { ProxyBase, loadPaths, notLoaded } from './proxyBase';
import { CHART_TYPES, PAPER_TYPES, RangeProxy, isHex, oneOf } from './rangeProxies';
import { FakeRequestContext } from './requestContext';

export class WorkbookProxy extends ProxyBase<FakeWorkbook> {
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

export class WorkbookProtectionProxy extends ProxyBase<FakeWorkbook> {
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

export class WorksheetCollectionProxy extends ProxyBase<FakeWorkbook> {
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

export class WorksheetProxy extends ProxyBase<FakeSheet> {
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
  /**
   * Worksheet.name is settable (ExcelApi 1.1, https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-name-member):
   * the rename the user makes (renameSheet — id kept, formulas follow); a name Excel refuses (taken, too long,
   * a forbidden character) fails the batch as InvalidArgument.
   */
  set name(v: string) {
    this.context.enqueue('name', () => {
      const wb = this.context.wb;
      if (wb.readOnly || wb.structureProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected or read-only.');
      try {
        wb.renameSheet(this.t().name, v);
      } catch (e) {
        throw new FakeOfficeError('InvalidArgument', (e as Error).message);
      }
    });
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
  private commentsProxy?: AnnotationCollectionProxy;
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
  /** Worksheet.comments (ExcelApi 1.10): this sheet's threaded comments. */
  get comments(): AnnotationCollectionProxy {
    return (this.commentsProxy ??= new AnnotationCollectionProxy(this.context, 'comments', ['ExcelApi', '1.10'], () => this.t()));
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

export class WorksheetProtectionProxy extends ProxyBase<FakeSheet> {
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


export class FreezePanesProxy extends ProxyBase<FakeSheet> {
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
export class PageLayoutProxy extends ProxyBase<FakeSheet> {
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

export function structuredCloneSafe<V>(v: V): V {
  return v === null || typeof v !== 'object' ? v : (JSON.parse(JSON.stringify(v)) as V);
}

/** Worksheet.charts (ExcelApi 1.1): add(type, sourceData, seriesBy). */
export class ChartCollectionProxy extends ProxyBase<FakeSheet> {
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

export class ChartTitleProxy {
  constructor(private readonly chart: ChartProxy) {}
  get text(): string {
    return this.chart.titleText();
  }
  set text(v: string) {
    this.chart.setTitleText(v);
  }
}

export class ChartProxy extends ProxyBase<FakeChart> {
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
