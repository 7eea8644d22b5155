/**
 * An in-memory WPS 表格 for tests: the documented part of the ET object model (src/wps/etApi.ts), with
 * the behaviours our adapter relies on modelled as the documentation states them. Each behaviour cites
 * its source tag from etApi.ts. Every property read or write and every method call on a host object
 * counts as one call (`app.calls`): WPS runs them synchronously across the process boundary, one at a
 * time, so the count is the cost measure the bench reports.
 */
/* eslint-disable @typescript-eslint/no-this-alias -- host collections and sub-objects are object literals
   whose accessors must reach the sheet or range that made them (as the host's proxies do). */
import type { Grid } from '../../core/grid';
import { fromA1, toA1 } from '../../core/grid';
import {
  XL_NONE,
  XL_SHEET_HIDDEN,
  XL_SHEET_VERY_HIDDEN,
  XL_SHEET_VISIBLE,
  type EtApplication,
  type EtBlock,
  type EtComment,
  type EtFont,
  type EtPageSetup,
  type EtValidation,
  type EtComments,
  type EtInterior,
  type EtRange,
  type EtScalar,
  type EtSheets,
  type EtWorkbook,
  type EtWorksheet,
} from '../etApi';

/** Cell formatting other than value, number format and fill [VBA-Format]. */
export interface EtFormat {
  bold?: boolean;
  size?: number;
  fontName?: string;
  /** BGR. */
  fontColor?: number;
  wrap?: boolean;
  hAlign?: number;
  vAlign?: number;
  border?: { lineStyle: number; weight: number };
  locked?: boolean;
}

export interface EtDoubleValidation {
  rect: { top: number; left: number; bottom: number; right: number };
  type: number;
  alertStyle?: number;
  operator?: number;
  formula1?: string | number;
  formula2?: string | number;
  inputTitle: string;
  inputMessage: string;
  errorTitle: string;
  errorMessage: string;
  showInput: boolean;
  showError: boolean;
}

export interface EtCell {
  value: EtScalar;
  /** With "=", as Range.Formula gives it [VBA-Formula]. */
  formula?: string;
  numberFormat?: string;
  /** BGR [VBA-Interior]; undefined for no fill. */
  color?: number;
  comment?: string;
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The error VBA raises as run-time error 1004 (and WPS as an exception): the double throws it. */
export class EtError extends Error {}

const k = (r: number, c: number) => `${r},${c}`;
const isEmpty = (v: EtScalar) => v === null || v === undefined || v === '';

function parseRect(address: string): Rect {
  const [a, b = a] = address.replace(/\$/g, '').split(':');
  const p = fromA1(a);
  const q = fromA1(b);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

export class EtDoubleApp implements EtApplication {
  calls = 0;
  /** Every call, in order, as "Object.Member" (for tests that check which members were used). */
  readonly log: string[] = [];
  readonly workbook: EtDoubleWorkbook;
  constructor() {
    this.workbook = new EtDoubleWorkbook(this);
  }
  count(what: string): void {
    this.calls++;
    this.log.push(what);
  }
  get ActiveWorkbook(): EtWorkbook {
    this.count('Application.ActiveWorkbook');
    return this.workbook;
  }
}

export class EtDoubleWorkbook implements EtWorkbook {
  readonly sheets: EtDoubleSheet[] = [];
  protectStructure = false;
  readOnly = false;
  active = 0;
  constructor(readonly app: EtDoubleApp) {}
  get Name(): string {
    this.app.count('Workbook.Name');
    return '工作簿1';
  }
  get ProtectStructure(): boolean {
    this.app.count('Workbook.ProtectStructure');
    return this.protectStructure;
  }
  get ReadOnly(): boolean {
    this.app.count('Workbook.ReadOnly');
    return this.readOnly;
  }
  get ActiveSheet(): EtWorksheet {
    this.app.count('Workbook.ActiveSheet');
    return this.sheets[this.active];
  }
  get Worksheets(): EtSheets {
    this.app.count('Workbook.Worksheets');
    const wb = this;
    return {
      get Count() {
        wb.app.count('Sheets.Count');
        return wb.sheets.length;
      },
      Item(indexOrName: number | string): EtWorksheet {
        wb.app.count('Sheets.Item');
        // [VBA-Sheets]: 1-based index or name; anything else is "subscript out of range".
        const s = typeof indexOrName === 'number' ? wb.sheets[indexOrName - 1] : wb.sheets.find((x) => x.name.toLowerCase() === indexOrName.toLowerCase());
        if (!s) throw new EtError(`下标越界：${String(indexOrName)}`);
        return s;
      },
      Add(before?: EtWorksheet | null, after?: EtWorksheet | null): EtWorksheet {
        wb.app.count('Sheets.Add');
        // [VBA-Protect]: a protected structure refuses new sheets.
        if (wb.protectStructure) throw new EtError('工作簿结构受保护');
        let n = wb.sheets.length + 1;
        while (wb.sheets.some((s) => s.name === `Sheet${n}`)) n++;
        const sheet = new EtDoubleSheet(wb, `Sheet${n}`);
        const at = after ? wb.sheets.indexOf(after as EtDoubleSheet) + 1 : before ? wb.sheets.indexOf(before as EtDoubleSheet) : wb.active;
        wb.sheets.splice(at, 0, sheet);
        // [VBA-Sheets]: the new sheet becomes the active one.
        wb.active = at;
        return sheet;
      },
    };
  }
  addSheet(name: string): EtDoubleSheet {
    const s = new EtDoubleSheet(this, name);
    this.sheets.push(s);
    return s;
  }
  sheet(name: string): EtDoubleSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
}

export class EtDoubleSheet implements EtWorksheet {
  readonly cells = new Map<string, EtCell>();
  readonly formats = new Map<string, EtFormat>();
  /** Set widths (characters) by 0-based column and heights (points) by 0-based row [VBA-Format]. */
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly validations: EtDoubleValidation[] = [];
  readonly pageSetup: EtPageSetup = { Orientation: 1, PaperSize: 1, TopMargin: 54, BottomMargin: 54, LeftMargin: 50.4, RightMargin: 50.4, Zoom: 100, FitToPagesWide: 1, FitToPagesTall: 1 };
  tabColor: number | false = false;
  /**
   * The value each formula last showed, by cell: WPS recalculates a formula when it is written; the
   * double has no calculation engine, so a formula written back shows the value it showed before.
   */
  readonly formulaMemory = new Map<string, { formula: string; value: EtScalar }>();
  merges: Rect[] = [];
  visible = XL_SHEET_VISIBLE;
  protectContents = false;
  constructor(
    readonly wb: EtDoubleWorkbook,
    public name: string,
  ) {}
  private get app() {
    return this.wb.app;
  }
  get Name(): string {
    this.app.count('Worksheet.Name');
    return this.name;
  }
  set Name(v: string) {
    this.app.count('Worksheet.Name=');
    this.name = v;
  }
  get Index(): number {
    this.app.count('Worksheet.Index');
    return this.wb.sheets.indexOf(this) + 1;
  }
  get Visible(): number {
    this.app.count('Worksheet.Visible');
    return this.visible;
  }
  set Visible(v: number) {
    this.app.count('Worksheet.Visible=');
    const value = v === (true as unknown as number) ? XL_SHEET_VISIBLE : v === (false as unknown as number) ? XL_SHEET_HIDDEN : v;
    if (![XL_SHEET_VISIBLE, XL_SHEET_HIDDEN, XL_SHEET_VERY_HIDDEN].includes(value)) throw new EtError(`Visible 取值无效：${v}`);
    // Excel (and WPS) refuse to hide the last visible sheet.
    if (value !== XL_SHEET_VISIBLE && this.wb.sheets.filter((s) => s !== this && s.visible === XL_SHEET_VISIBLE).length === 0) {
      throw new EtError('不能隐藏最后一个可见工作表');
    }
    this.visible = value;
  }
  get ProtectContents(): boolean {
    this.app.count('Worksheet.ProtectContents');
    return this.protectContents;
  }
  get PageSetup(): EtPageSetup {
    this.app.count('Worksheet.PageSetup');
    const sheet = this;
    // [VBA-Format]: every PageSetup property is one call to read or write.
    return new Proxy(this.pageSetup, {
      get: (t, k) => (sheet.app.count(`PageSetup.${String(k)}`), t[k as keyof EtPageSetup]),
      set: (t, k, v) => (sheet.app.count(`PageSetup.${String(k)}=`), ((t as unknown as Record<string, unknown>)[k as string] = v), true),
    });
  }
  get Tab(): { Color: number | false } {
    this.app.count('Worksheet.Tab');
    const sheet = this;
    return {
      get Color() {
        sheet.app.count('Tab.Color');
        return sheet.tabColor;
      },
      set Color(v: number | false) {
        sheet.app.count('Tab.Color=');
        sheet.tabColor = v;
      },
    };
  }
  get UsedRange(): EtRange {
    this.app.count('Worksheet.UsedRange');
    // [VBA-Used]: the rectangle of every cell holding a value, formula, format, fill or comment.
    let rect: Rect | null = null;
    for (const [key, c] of this.cells) {
      if (isEmpty(c.value) && !c.formula && c.color === undefined && c.comment === undefined && !c.numberFormat) continue;
      const [r, col] = key.split(',').map(Number);
      rect = rect ? { top: Math.min(rect.top, r), left: Math.min(rect.left, col), bottom: Math.max(rect.bottom, r), right: Math.max(rect.right, col) } : { top: r, left: col, bottom: r, right: col };
    }
    return new EtDoubleRange(this, rect ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }
  get Comments(): EtComments {
    this.app.count('Worksheet.Comments');
    const withComments = [...this.cells].filter(([, c]) => c.comment !== undefined).map(([key]) => key.split(',').map(Number));
    const sheet = this;
    return {
      get Count() {
        sheet.app.count('Comments.Count');
        return withComments.length;
      },
      Item(index: number): EtComment {
        sheet.app.count('Comments.Item');
        const at = withComments[index - 1];
        if (!at) throw new EtError('下标越界');
        return new EtDoubleRange(sheet, { top: at[0], left: at[1], bottom: at[0], right: at[1] }).commentObject();
      },
    };
  }
  Range(address: string): EtRange {
    this.app.count('Worksheet.Range');
    return new EtDoubleRange(this, parseRect(address));
  }
  Activate(): void {
    this.app.count('Worksheet.Activate');
    this.wb.active = this.wb.sheets.indexOf(this);
  }
  Delete(): void {
    this.app.count('Worksheet.Delete');
    if (this.wb.protectStructure) throw new EtError('工作簿结构受保护');
    if (this.wb.sheets.length === 1) throw new EtError('工作簿至少要有一个工作表');
    const i = this.wb.sheets.indexOf(this);
    this.wb.sheets.splice(i, 1);
    this.wb.active = Math.min(this.wb.active, this.wb.sheets.length - 1);
  }
  cell(r: number, c: number): EtCell | undefined {
    return this.cells.get(k(r, c));
  }
  /** The cell at an A1 address, created on demand (test set-up, no call counted). */
  at(a1: string): EtCell {
    const { row, col } = fromA1(a1);
    let c = this.cells.get(k(row, col));
    if (!c) this.cells.set(k(row, col), (c = { value: null }));
    return c;
  }
}

class EtDoubleRange implements EtRange {
  constructor(
    private readonly sheet: EtDoubleSheet,
    private readonly rect: Rect,
  ) {}
  private get app() {
    return this.sheet.wb.app;
  }
  private get single(): boolean {
    return this.rect.top === this.rect.bottom && this.rect.left === this.rect.right;
  }
  private each<T>(f: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = this.rect.top; r <= this.rect.bottom; r++) {
      const row: T[] = [];
      for (let c = this.rect.left; c <= this.rect.right; c++) row.push(f(r, c));
      out.push(row);
    }
    return out;
  }
  private write(r: number, c: number, patch: Partial<EtCell>): void {
    // [VBA-Protect]: a protected sheet refuses changes to its cells (run-time error 1004).
    if (this.sheet.protectContents) throw new EtError('工作表受保护，不能更改单元格');
    const key = k(r, c);
    const cell = this.sheet.cells.get(key) ?? { value: null };
    if (cell.formula && 'formula' in patch && patch.formula !== cell.formula) this.sheet.formulaMemory.set(key, { formula: cell.formula, value: cell.value });
    Object.assign(cell, patch);
    if (patch.formula) {
      const seen = this.sheet.formulaMemory.get(key);
      if (seen && seen.formula === patch.formula) cell.value = seen.value;
    }
    this.sheet.cells.set(key, cell);
  }
  get Value2(): EtScalar | EtBlock {
    this.app.count('Range.Value2');
    // [VBA-Value]: one cell gives its value, several give a 2-D array; an empty cell is Empty (undefined).
    const v = (r: number, c: number) => {
      const cell = this.sheet.cell(r, c);
      return cell && !isEmpty(cell.value) ? cell.value : undefined;
    };
    return this.single ? v(this.rect.top, this.rect.left) : this.each(v);
  }
  set Value2(value: EtScalar | EtBlock) {
    this.app.count('Range.Value2=');
    // [VBA-Value]: a 2-D array writes the block; a scalar writes every cell. A constant replaces a formula.
    this.each((r, c) => {
      const v = Array.isArray(value) ? value[r - this.rect.top]?.[c - this.rect.left] : value;
      this.write(r, c, { value: isEmpty(v) ? null : v, formula: undefined });
    });
  }
  get Formula(): EtScalar | EtBlock {
    this.app.count('Range.Formula');
    // [VBA-Formula]: a formula with "=", else the constant as text, "" for empty.
    const f = (r: number, c: number) => {
      const cell = this.sheet.cell(r, c);
      if (!cell) return '';
      if (cell.formula) return cell.formula;
      return isEmpty(cell.value) ? '' : String(cell.value);
    };
    return this.single ? f(this.rect.top, this.rect.left) : this.each(f);
  }
  set Formula(value: EtScalar | EtBlock) {
    this.app.count('Range.Formula=');
    this.each((r, c) => {
      const v = Array.isArray(value) ? value[r - this.rect.top]?.[c - this.rect.left] : value;
      if (typeof v === 'string' && v.startsWith('=')) this.write(r, c, { formula: v });
      else this.write(r, c, { value: isEmpty(v) ? null : v, formula: undefined });
    });
  }
  get NumberFormat(): string | null {
    this.app.count('Range.NumberFormat');
    // [VBA-NumFmt]: the format when every cell shares it, else Null. "General" is the built-in default.
    const all = new Set(this.each((r, c) => this.sheet.cell(r, c)?.numberFormat ?? 'General').flat());
    return all.size === 1 ? [...all][0] : null;
  }
  set NumberFormat(value: string | null) {
    this.app.count('Range.NumberFormat=');
    this.each((r, c) => this.write(r, c, { numberFormat: value ?? 'General' }));
  }
  private mergeAt(r: number, c: number): Rect | undefined {
    return this.sheet.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  }
  get MergeCells(): boolean | null {
    this.app.count('Range.MergeCells');
    // [VBA-Merge]: True when the range is (within) merged cells, False when none is, Null when mixed.
    const flags = new Set(this.each((r, c) => !!this.mergeAt(r, c)).flat());
    return flags.size === 1 ? [...flags][0] : null;
  }
  get MergeArea(): EtRange {
    this.app.count('Range.MergeArea');
    // [VBA-Merge]: for a single cell, the merged range that contains it (the cell itself when unmerged).
    const m = this.mergeAt(this.rect.top, this.rect.left);
    return new EtDoubleRange(this.sheet, m ?? { ...this.rect, bottom: this.rect.top, right: this.rect.left });
  }
  get Interior(): EtInterior {
    this.app.count('Range.Interior');
    const range = this;
    const colors = () => new Set(range.each((r, c) => range.sheet.cell(r, c)?.color ?? null).flat());
    return {
      get Color() {
        range.app.count('Interior.Color');
        // [VBA-Interior]: a mixed range gives Null; no fill reads as white (16777215), as Excel does.
        const all = colors();
        if (all.size !== 1) return null;
        const only = [...all][0];
        return only === null ? 16777215 : only;
      },
      set Color(v: number | null) {
        range.app.count('Interior.Color=');
        range.each((r, c) => range.write(r, c, { color: v ?? undefined }));
      },
      get Pattern() {
        range.app.count('Interior.Pattern');
        // [VBA-Interior]: xlPatternNone (-4142) without a fill, xlSolid (1) with one.
        const all = new Set([...colors()].map((x) => (x === null ? XL_NONE : 1)));
        return all.size === 1 ? [...all][0] : null;
      },
      set Pattern(v: number | null) {
        range.app.count('Interior.Pattern=');
        if (v === XL_NONE) range.each((r, c) => range.write(r, c, { color: undefined }));
      },
      get ColorIndex() {
        range.app.count('Interior.ColorIndex');
        const all = colors();
        return all.size === 1 && [...all][0] === null ? XL_NONE : null;
      },
      set ColorIndex(v: number | null) {
        range.app.count('Interior.ColorIndex=');
        // [VBA-Interior]: xlColorIndexNone removes the fill.
        if (v === XL_NONE) range.each((r, c) => range.write(r, c, { color: undefined }));
      },
    };
  }
  commentObject(): EtComment {
    const range = this;
    const cell = () => range.sheet.cell(range.rect.top, range.rect.left);
    return {
      Text() {
        range.app.count('Comment.Text');
        return cell()?.comment ?? '';
      },
      Delete() {
        range.app.count('Comment.Delete');
        range.write(range.rect.top, range.rect.left, { comment: undefined });
      },
      get Parent() {
        range.app.count('Comment.Parent');
        return new EtDoubleRange(range.sheet, { ...range.rect, bottom: range.rect.top, right: range.rect.left });
      },
    };
  }
  get Comment(): EtComment | null {
    this.app.count('Range.Comment');
    // [VBA-Comment]: Nothing (null) when the cell has no comment.
    return this.sheet.cell(this.rect.top, this.rect.left)?.comment === undefined ? null : this.commentObject();
  }
  AddComment(text: string): EtComment {
    this.app.count('Range.AddComment');
    // [VBA-Comment]: "An error occurs if the cell already has a comment" — one comment per cell.
    if (this.sheet.cell(this.rect.top, this.rect.left)?.comment !== undefined) throw new EtError('该单元格已有批注');
    this.write(this.rect.top, this.rect.left, { comment: text });
    return this.commentObject();
  }
  ClearComments(): void {
    this.app.count('Range.ClearComments');
    this.each((r, c) => this.sheet.cell(r, c)?.comment !== undefined && this.write(r, c, { comment: undefined }));
  }
  private fmt(r: number, c: number): EtFormat {
    const key = k(r, c);
    let f = this.sheet.formats.get(key);
    if (!f) this.sheet.formats.set(key, (f = {}));
    return f;
  }
  /** A formatting property: the shared value of the range's cells (null when they differ), or set on all. */
  private fmtProp<K extends keyof EtFormat>(name: string, key: K, fallback: EtFormat[K]): { get(): EtFormat[K] | null; set(v: EtFormat[K]): void } {
    return {
      get: () => {
        this.app.count(`${name}`);
        const all = new Set(this.each((r, c) => JSON.stringify(this.sheet.formats.get(k(r, c))?.[key] ?? fallback)).flat());
        return all.size === 1 ? (JSON.parse([...all][0]) as EtFormat[K]) : null;
      },
      set: (v) => {
        this.app.count(`${name}=`);
        if (this.sheet.protectContents) throw new EtError('工作表受保护，不能更改单元格');
        this.each((r, c) => (this.fmt(r, c)[key] = v));
      },
    };
  }
  get Font(): EtFont {
    this.app.count('Range.Font');
    const bold = this.fmtProp('Font.Bold', 'bold', false);
    const size = this.fmtProp('Font.Size', 'size', 11);
    const name = this.fmtProp('Font.Name', 'fontName', '宋体');
    const color = this.fmtProp('Font.Color', 'fontColor', 0);
    return {
      get Bold() { return bold.get() ?? null; },
      set Bold(v) { bold.set(!!v); },
      get Size() { return size.get() ?? null; },
      set Size(v) { size.set(v ?? 11); },
      get Name() { return name.get() ?? null; },
      set Name(v) { name.set(v ?? '宋体'); },
      get Color() { return color.get() ?? null; },
      set Color(v) { color.set(v ?? 0); },
    };
  }
  get WrapText(): boolean | null {
    return this.fmtProp('Range.WrapText', 'wrap', false).get() ?? null;
  }
  set WrapText(v: boolean | null) {
    this.fmtProp('Range.WrapText', 'wrap', false).set(!!v);
  }
  get HorizontalAlignment(): number | null {
    // xlGeneral (1) is the default [VBA-Format].
    return this.fmtProp('Range.HorizontalAlignment', 'hAlign', 1).get() ?? null;
  }
  set HorizontalAlignment(v: number | null) {
    this.fmtProp('Range.HorizontalAlignment', 'hAlign', 1).set(v ?? 1);
  }
  get VerticalAlignment(): number | null {
    return this.fmtProp('Range.VerticalAlignment', 'vAlign', -4107).get() ?? null;
  }
  set VerticalAlignment(v: number | null) {
    this.fmtProp('Range.VerticalAlignment', 'vAlign', -4107).set(v ?? -4107);
  }
  get Borders(): { LineStyle: number | null; Weight: number | null } {
    this.app.count('Range.Borders');
    const range = this;
    // [VBA-Format]: LineStyle/Weight on the Borders collection apply to every edge of every cell.
    const prop = (part: 'lineStyle' | 'weight', name: string) => ({
      get: () => {
        range.app.count(name);
        const all = new Set(range.each((r, c) => range.sheet.formats.get(k(r, c))?.border?.[part] ?? (part === 'lineStyle' ? XL_NONE : 2)).flat());
        return all.size === 1 ? [...all][0] : null;
      },
      set: (v: number | null) => {
        range.app.count(`${name}=`);
        range.each((r, c) => {
          const f = range.fmt(r, c);
          f.border = { lineStyle: f.border?.lineStyle ?? XL_NONE, weight: f.border?.weight ?? 2, [part]: v ?? XL_NONE };
        });
      },
    });
    const ls = prop('lineStyle', 'Borders.LineStyle');
    const w = prop('weight', 'Borders.Weight');
    return {
      get LineStyle() { return ls.get(); },
      set LineStyle(v) { ls.set(v); },
      get Weight() { return w.get(); },
      set Weight(v) { w.set(v); },
    };
  }
  get Locked(): boolean | null {
    // Cells are locked by default [VBA-Format].
    return this.fmtProp('Range.Locked', 'locked', true).get() ?? null;
  }
  set Locked(v: boolean | null) {
    this.fmtProp('Range.Locked', 'locked', true).set(v !== false);
  }
  Merge(): void {
    this.app.count('Range.Merge');
    if (this.sheet.protectContents) throw new EtError('工作表受保护，不能合并单元格');
    // [VBA-Format]: merging keeps the upper-left value; a merge over existing merges replaces them.
    this.each((r, c) => {
      if (r === this.rect.top && c === this.rect.left) return;
      const cell = this.sheet.cell(r, c);
      if (cell) cell.value = null;
    });
    const o = this.rect;
    this.sheet.merges = this.sheet.merges.filter((m) => m.bottom < o.top || m.top > o.bottom || m.right < o.left || m.left > o.right);
    this.sheet.merges.push({ ...o });
  }
  get ColumnWidth(): number | null {
    this.app.count('Range.ColumnWidth');
    const all = new Set<number>();
    for (let c = this.rect.left; c <= this.rect.right; c++) all.add(this.sheet.columnWidths.get(c) ?? 8.38);
    return all.size === 1 ? [...all][0] : null;
  }
  set ColumnWidth(v: number | null) {
    this.app.count('Range.ColumnWidth=');
    // [VBA-Format]: setting it on a cell sets the width of the cell's whole column.
    for (let c = this.rect.left; c <= this.rect.right; c++) this.sheet.columnWidths.set(c, v ?? 8.38);
  }
  get RowHeight(): number | null {
    this.app.count('Range.RowHeight');
    const all = new Set<number>();
    for (let r = this.rect.top; r <= this.rect.bottom; r++) all.add(this.sheet.rowHeights.get(r) ?? 13.5);
    return all.size === 1 ? [...all][0] : null;
  }
  set RowHeight(v: number | null) {
    this.app.count('Range.RowHeight=');
    for (let r = this.rect.top; r <= this.rect.bottom; r++) this.sheet.rowHeights.set(r, v ?? 13.5);
  }
  get Validation(): EtValidation {
    this.app.count('Range.Validation');
    const range = this;
    const rect = { ...this.rect };
    const current = () => range.sheet.validations.find((v) => v.rect.top === rect.top && v.rect.left === rect.left && v.rect.bottom === rect.bottom && v.rect.right === rect.right);
    const field = <K extends 'inputTitle' | 'inputMessage' | 'errorTitle' | 'errorMessage' | 'showInput' | 'showError'>(key: K, name: string) => ({
      get: () => (range.app.count(`Validation.${name}`), current()?.[key]),
      set: (v: EtDoubleValidation[K]) => {
        range.app.count(`Validation.${name}=`);
        const dv = current();
        // [VBA-Format]: the properties exist once a rule was added (run-time error otherwise).
        if (!dv) throw new EtError('单元格没有数据有效性规则');
        dv[key] = v;
      },
    });
    const it = field('inputTitle', 'InputTitle');
    const im = field('inputMessage', 'InputMessage');
    const et = field('errorTitle', 'ErrorTitle');
    const em = field('errorMessage', 'ErrorMessage');
    const si = field('showInput', 'ShowInput');
    const se = field('showError', 'ShowError');
    return {
      Add(type, alertStyle, operator, formula1, formula2) {
        range.app.count('Validation.Add');
        // [VBA-Format]: Add fails where a rule already exists (Delete first).
        if (current()) throw new EtError('已有数据有效性规则');
        range.sheet.validations.push({ rect, type, alertStyle, operator, formula1, formula2, inputTitle: '', inputMessage: '', errorTitle: '', errorMessage: '', showInput: true, showError: true });
      },
      Delete() {
        range.app.count('Validation.Delete');
        const dv = current();
        if (dv) range.sheet.validations.splice(range.sheet.validations.indexOf(dv), 1);
      },
      get InputTitle() { return it.get() ?? ''; },
      set InputTitle(v) { it.set(v); },
      get InputMessage() { return im.get() ?? ''; },
      set InputMessage(v) { im.set(v); },
      get ErrorTitle() { return et.get() ?? ''; },
      set ErrorTitle(v) { et.set(v); },
      get ErrorMessage() { return em.get() ?? ''; },
      set ErrorMessage(v) { em.set(v); },
      get ShowInput() { return si.get() ?? true; },
      set ShowInput(v) { si.set(v); },
      get ShowError() { return se.get() ?? true; },
      set ShowError(v) { se.set(v); },
    };
  }
  get Row(): number {
    this.app.count('Range.Row');
    return this.rect.top + 1;
  }
  get Column(): number {
    this.app.count('Range.Column');
    return this.rect.left + 1;
  }
  get Rows() {
    this.app.count('Range.Rows');
    const n = this.rect.bottom - this.rect.top + 1;
    const app = this.app;
    return {
      get Count() {
        app.count('Rows.Count');
        return n;
      },
    };
  }
  get Columns() {
    this.app.count('Range.Columns');
    const n = this.rect.right - this.rect.left + 1;
    const app = this.app;
    return {
      get Count() {
        app.count('Columns.Count');
        return n;
      },
    };
  }
  Select(): void {
    this.app.count('Range.Select');
    this.sheet.wb.active = this.sheet.wb.sheets.indexOf(this.sheet);
  }
}

/** "#RRGGBB" → BGR number, as RGB(r, g, b) makes it [VBA-Interior]. */
export function hexToBgr(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  return ((n >> 16) & 0xff) + (((n >> 8) & 0xff) << 8) + ((n & 0xff) << 16);
}

/** A WPS 表格 holding the given Grids (values, formulas, number formats, merges; hidden sheets as hidden). */
export function etAppFromGrids(grids: Grid[]): EtDoubleApp {
  const app = new EtDoubleApp();
  for (const g of grids) {
    const s = app.workbook.addSheet(g.name);
    if (g.hidden) s.visible = XL_SHEET_HIDDEN;
    g.cells.forEach((row, r) =>
      row?.forEach((c, col) => {
        if (!c) return;
        const value = c.value !== null && typeof c.value === 'object' ? c.value.error : c.value;
        const cell: EtCell = { value };
        if (c.formula) cell.formula = `=${c.formula}`;
        if (c.numberFormat && c.numberFormat !== 'General') cell.numberFormat = c.numberFormat;
        s.cells.set(k(r, col), cell);
      }),
    );
    s.merges = g.merges.map((m) => ({ ...m }));
  }
  return app;
}

export { toA1 };
