/**
 * Notes (ExcelApi 1.18) and threaded comments (1.10) in the double, at workbook and worksheet level.
 *
 * Follows Microsoft Learn: "Excel.NoteCollection class" and "Work with notes using the Excel JavaScript API"
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-notes): add(cellAddress, content) on one
 * cell, getItem(key) by cell address; "Excel.CommentCollection class" and "Work with comments using the Excel
 * JavaScript API" (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-comments): add(cellAddress,
 * content), "An InvalidArgument error is thrown if the provided range is larger than one cell", getItemByCell
 * throws when the cell has no comment. The collections exist only where their requirement set is supported
 * (ApiNotFound otherwise), but the notes and comments of the file are there whatever the host can read.
 *
 * One cell, one annotation: Excel gives a cell either a legacy note or a threaded comment, never both
 * ("Range.AddCommentThreaded method (Excel)", https://learn.microsoft.com/office/vba/api/excel.range.addcommentthreaded:
 * "Adds a new modern threaded comment to the range if no comment already exists"; the support article "The
 * difference between threaded comments and notes",
 * https://support.microsoft.com/office/the-difference-between-threaded-comments-and-notes-75a51eec-4092-42ab-abf8-7669077b7be3,
 * linked from the notes page). So add() fails on a cell that already carries either kind. Which error code
 * Office.js returns for that is not documented; the double uses InvalidOperation ("the operation attempted is
 * invalid on the object", Excel.ErrorCodes), and the add-in never depends on the code: it reads both kinds first
 * and writes the kind a cell has (src/excel/queueChanges.ts).
 */
import { toA1 } from '../../core/grid';
import { FakeAnnotation, FakeOfficeError, FakeSheet, newId, parseRect, sizeOf } from './fakeWorkbook';
import { ProxyBase, loadPaths, notLoaded } from './proxyBase';
import { RangeProxy } from './rangeProxies';
import type { FakeRequestContext } from './requestContext';

export type AnnotationKind = 'notes' | 'comments';

export class AnnotationCollectionProxy extends ProxyBase<FakeAnnotation[]> {
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
      const wb = this.context.wb;
      const held = wb.annotationAt(sheet, row, col);
      if (held) {
        const where = typeof cellAddress === 'string' ? cellAddress : toA1(row, col);
        throw new FakeOfficeError('InvalidOperation', `The cell ${where} already has a ${held.kind === 'notes' ? 'note' : 'threaded comment'}; a cell holds a note or a threaded comment, not both.`);
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

export class AnnotationProxy extends ProxyBase<FakeAnnotation> {
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
