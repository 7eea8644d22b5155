/** Range proxies of the double: values, formats, fills, fonts, borders, protection, merges, data validation, areas. */
import { Merge, columnLetters } from '../../core/grid';
import { BorderSide, FakeBorder, FakeCell, FakeCellFormat, FakeOfficeError, FakeSheet, FakeValidation, MAX_COL, MAX_ROW, Rect, Scalar, intersect, key, parseRect, qualify, rectA1, sizeOf } from './fakeWorkbook';
import { ClientResult, ProxyBase, loadPaths } from './proxyBase';
import { shiftWholeLines } from './structuralEdits';
import type { FakeRequestContext } from './requestContext';

export interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

export class RangeProxy extends ProxyBase<RangeTarget> {
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
  /**
   * "Inserts a cell or a range of cells into the worksheet in place of this range, and shifts the other cells
   * to make space. Returns a new Range object at the now blank space." (Excel.Range.insert, ExcelApi 1.1),
   * on whole rows (Down) or whole columns (Right), as structuralEdits.ts models them.
   */
  insert(shift: 'Down' | 'Right'): RangeProxy {
    this.shiftLines('insert', shift);
    return new RangeProxy(this.context, () => this.t());
  }
  /** "Deletes the cells associated with the range." (Excel.Range.delete, ExcelApi 1.1): whole rows (Up) or whole columns (Left). */
  delete(shift: 'Up' | 'Left'): void {
    this.shiftLines('delete', shift);
  }
  private shiftLines(op: 'insert' | 'delete', shift: string): void {
    this.context.enqueue(op, () => {
      const t = this.t();
      this.context.wb.checkWritable(t.sheet, op);
      shiftWholeLines(this.context.wb, t.sheet, t.rect, op, shift);
      this.context.wb.recordWrite(t.sheet, t.rect, `${op} ${shift}`);
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

export class RangeFillProxy extends ProxyBase<RangeTarget> {
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

export const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
export const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
export const BORDER_INDEX = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];
export const BORDER_STYLE = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
export const BORDER_WEIGHT = ['Hairline', 'Thin', 'Medium', 'Thick'];
export const PAPER_TYPES = ['Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5', 'Folio', 'Quatro', 'Note'];
export const CHART_TYPES = ['ColumnClustered', 'ColumnStacked', 'ColumnStacked100', 'BarClustered', 'BarStacked', 'BarStacked100', 'Line', 'LineMarkers', 'Pie', 'Doughnut', 'Area', 'XYScatter', 'Radar'];
export const VALIDATION_OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];
export const VALIDATION_RULE_KINDS: Record<string, string> = {
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  list: 'List',
  date: 'Date',
  time: 'Time',
  textLength: 'TextLength',
  custom: 'Custom',
};
/** Excel's limits on data-validation texts (MS-XLSB DValStrings, MS-OI29500 dataValidation). */
export const DV_LIMITS = { promptTitle: 32, prompt: 255, errorTitle: 32, error: 225, listSource: 255 };
/** Cells a single format assignment may touch in the fake (an unbounded row or column is refused loudly). */
export const FORMAT_CELL_LIMIT = 200_000;

export const isHex = (v: unknown): v is string => typeof v === 'string' && /^#[0-9A-Fa-f]{6}$/.test(v);
export const oneOf = (name: string, v: unknown, allowed: string[]): string => {
  if (typeof v !== 'string' || !allowed.includes(v)) throw new FakeOfficeError('InvalidArgument', `Bad ${name}: ${String(v)}`);
  return v;
};
export const rectOf = (t: RangeTarget): Merge => ({ ...t.rect });
export const cellsIn = (r: Rect): number => (r.bottom - r.top + 1) * (r.right - r.left + 1);

export function eachCell(t: RangeTarget, f: (row: number, col: number) => void): void {
  if (cellsIn(t.rect) > FORMAT_CELL_LIMIT) throw new FakeOfficeError('NotImplemented', 'The fake does not format whole rows or columns cell by cell.');
  for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) f(r, c);
}

export function updateFormat(s: FakeSheet, row: number, col: number, f: (fmt: FakeCellFormat) => void): void {
  const k = key(row, col);
  const fmt = s.formats.get(k) ?? {};
  f(fmt);
  s.formats.set(k, fmt);
}

/** The one value all cells share, or null when they differ (Office's answer for mixed formats). */
export function uniform<V>(t: RangeTarget, read: (fmt: FakeCellFormat, cell: FakeCell | undefined) => V): V | null {
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
export function sameAll(from: number, to: number, f: (i: number) => number): number | null {
  const v = f(from);
  for (let i = from + 1; i <= Math.min(to, from + 20_000); i++) if (f(i) !== v) return null;
  return v;
}

export const DEFAULT_FONT = { bold: false, italic: false, size: 11, name: 'Calibri', color: '#000000' };

/** Range.format: widths, heights, alignment, wrap, and the font/fill/borders/protection children. */
export class RangeFormatProxy extends ProxyBase<RangeTarget> {
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

export class RangeFontProxy extends ProxyBase<RangeTarget> {
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

export class RangeBorderCollectionProxy extends ProxyBase<RangeTarget> {
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
export class RangeBorderProxy extends ProxyBase<RangeTarget> {
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
export class RangeFormatProtectionProxy extends ProxyBase<RangeTarget> {
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
export class DataValidationProxy extends ProxyBase<RangeTarget> {
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
export function checkRule(v: unknown): NonNullable<FakeValidation['rule']> {
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

export class RangeAreasProxy extends ProxyBase<{ sheet: FakeSheet; rects: Rect[] }> {
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
