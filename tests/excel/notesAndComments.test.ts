/**
 * Notes and threaded comments (issue 15, item 4). Excel gives a cell a legacy note or a threaded comment, never
 * both (Range.AddCommentThreaded: "if no comment already exists"); notes are readable only from ExcelApi 1.18,
 * comments from 1.10. The add-in reads both kinds, writes the kind a cell already has, else a note where
 * ExcelApi 1.18 is supported, else a comment; undo takes back its own mark of either kind and leaves the user's.
 * Each case runs on a host with ExcelApi 1.18 and on one without (1.17: Office 2021/2024 and older Microsoft 365).
 */
import { NOTE_PREFIX } from '../../src/core/writePlan';
import { OfficeWorkbookAdapter } from '../../src/excel/officeAdapter';
import { resetPaneVisibility } from '../../src/excel/paneVisibility';
import { fakeFromCells, installFakeOffice, uninstallFakeOffice, type FakeWorkbook } from '../../src/excel/testing/fakeExcel';
import { seedWorkbook, stateOf } from './helpers';

afterEach(() => {
  uninstallFakeOffice(globalThis);
  resetPaneVisibility();
});

const HOST_118 = { ExcelApi: '1.18', SharedRuntime: '1.1', DialogApi: '1.2' };
const HOST_117 = { ExcelApi: '1.17', SharedRuntime: '1.1', DialogApi: '1.2' };
const hosts = [
  ['ExcelApi 1.18', HOST_118],
  ['ExcelApi 1.17', HOST_117],
] as const;

const USER_NOTE = '财务科：已与项目单位核对';
const USER_COMMENT = '张科长：这里的得分请再确认';
/** A marked cell of the seed (运行经费's score: stated 6, computed 10). */
const CELL = 'H16';

type Ctx = {
  workbook: {
    notes: { add(a: string, c: string): unknown };
    comments: { add(a: string, c: string): unknown };
    worksheets: { getItem(n: string): { comments: { load(p: string): { items: { content: string }[] } } } };
  };
  sync(): Promise<void>;
};
const run = <T>(body: (context: Ctx) => Promise<T>): Promise<T> => (globalThis as unknown as { Excel: { run: (b: typeof body) => Promise<T> } }).Excel.run(body);
const isSetSupported = (v: string) => (globalThis as unknown as { Office: typeof Office }).Office.context.requirements.isSetSupported('ExcelApi', v);

/** The user's text, then ours on the next line (our prefix, then the finding for 运行经费). */
const composed = (user: string) => new RegExp(`^${user}\n${NOTE_PREFIX}[\\s\\S]*原填 6 分`);
const oursOnly = new RegExp(`^${NOTE_PREFIX}[\\s\\S]*原填 6 分`);

/** No cell carries both a note and a threaded comment. */
function expectOneMarkPerCell(wb: FakeWorkbook): void {
  const notes = new Set(wb.notes.map((n) => `${n.sheetId}:${n.row},${n.col}`));
  const both = wb.comments.filter((c) => notes.has(`${c.sheetId}:${c.row},${c.col}`));
  expect(both).toEqual([]);
}

describe('the double: one annotation per cell, requirement sets both ways', () => {
  test.each(hosts)('%s: isSetSupported answers for 1.18 as the host is set up, and the notes API follows it', async (_name, sets) => {
    const wb = fakeFromCells({ S: { A1: 1 } }, { supportedSets: { ...sets } });
    installFakeOffice(globalThis, wb);
    expect(isSetSupported('1.10')).toBe(true);
    expect(isSetSupported('1.18')).toBe(sets === HOST_118);
    const adding = run(async (context) => {
      context.workbook.notes.add('S!A1', 'x');
      await context.sync();
    });
    if (sets === HOST_118) await expect(adding).resolves.toBeUndefined();
    else await expect(adding).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  test('a comment cannot be added where a note is, nor a note where a comment is; the failure stops the batch there', async () => {
    const wb = fakeFromCells({ S: { A1: 1, B1: 2 } });
    installFakeOffice(globalThis, wb);
    wb.setCell('S', 'A1', { note: USER_NOTE });
    wb.setCell('S', 'B1', { comment: USER_COMMENT });
    await expect(
      run(async (context) => {
        context.workbook.comments.add('S!A1', 'ours');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation', message: expect.stringMatching(/note or a threaded comment, not both/) });
    await expect(
      run(async (context) => {
        context.workbook.notes.add('S!B1', 'ours');
        context.workbook.notes.add('S!C1', 'after the failure');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(wb.cell('S', 'A1')).toMatchObject({ note: USER_NOTE, comment: null });
    expect(wb.cell('S', 'B1')).toMatchObject({ note: null, comment: USER_COMMENT });
    expect(wb.cell('S', 'C1').note).toBeNull();
    expect(() => wb.setCell('S', 'A1', { comment: 'both' })).toThrow(/one or the other/);
  });

  test('Worksheet.comments lists only that sheet’s threaded comments', async () => {
    const wb = fakeFromCells({ S: { A1: 1 }, T: { A1: 1 } });
    installFakeOffice(globalThis, wb);
    wb.setCell('S', 'A1', { comment: 'on S' });
    wb.setCell('T', 'A1', { comment: 'on T' });
    const contents = await run(async (context) => {
      const items = context.workbook.worksheets.getItem('T').comments.load('items/content');
      await context.sync();
      return items.items.map((c) => c.content);
    });
    expect(contents).toEqual(['on T']);
  });
});

describe.each(hosts)('scoring and undo on a host with %s', (_name, sets) => {
  const notesHost = sets === HOST_118;

  test('a clean cell gets our mark as a note where notes are supported, else as a threaded comment', async () => {
    const wb = await seedWorkbook({ supportedSets: { ...sets } });
    const original = stateOf(wb);
    const adapter = new OfficeWorkbookAdapter();
    const out = await adapter.score(undefined, { confirmed: 'all' });
    const marked = wb.cell('自评表', CELL);
    if (notesHost) {
      expect(marked.note).toMatch(oursOnly);
      expect(wb.comments).toHaveLength(0);
    } else {
      expect(marked.comment).toMatch(oursOnly);
      expect(wb.notes).toHaveLength(0);
    }
    expect(out.messages).toEqual([]);
    expectOneMarkPerCell(wb);
    await adapter.undo();
    expect(stateOf(wb)).toEqual(original);
  });

  test("a cell with the user's legacy note: the note stays theirs, never a second mark, and undo leaves exactly their note", async () => {
    const wb = await seedWorkbook({ supportedSets: { ...sets } });
    wb.setCell('自评表', CELL, { note: USER_NOTE });
    const original = stateOf(wb);
    const adapter = new OfficeWorkbookAdapter();
    const out = await adapter.score(undefined, { confirmed: 'all' });
    expect(wb.cell('自评表', CELL).value).toBe(10);
    expect(wb.cell('自评表', CELL).comment).toBeNull();
    if (notesHost) {
      // Read through the NoteCollection: ours is appended under the user's text, in the same note.
      expect(wb.cell('自评表', CELL).note).toMatch(composed(USER_NOTE));
      expect(out.messages).toEqual([]);
    } else {
      // Below 1.18 the note cannot be read, and Excel refuses a comment beside it: the fill alone marks the
      // cell, the user's note is untouched, and the user is told which cell and why.
      expect(wb.cell('自评表', CELL).note).toBe(USER_NOTE);
      expect(out.messages.join('')).toMatch(new RegExp(`自评表!${CELL}.*已有注释`));
      expect(wb.comments.length).toBeGreaterThan(0); // the other marks still got their comments
    }
    expectOneMarkPerCell(wb);
    await adapter.undo();
    expect(wb.cell('自评表', CELL).note).toBe(USER_NOTE);
    expect(stateOf(wb)).toEqual(original);
  });

  test("a cell with the user's threaded comment: ours goes into that comment, never into a note, and undo leaves exactly theirs", async () => {
    const wb = await seedWorkbook({ supportedSets: { ...sets } });
    wb.setCell('自评表', CELL, { comment: USER_COMMENT });
    const original = stateOf(wb);
    const adapter = new OfficeWorkbookAdapter();
    const out = await adapter.score(undefined, { confirmed: 'all' });
    expect(wb.cell('自评表', CELL).note).toBeNull();
    expect(wb.cell('自评表', CELL).comment).toMatch(composed(USER_COMMENT));
    expect(out.messages).toEqual([]);
    expectOneMarkPerCell(wb);
    const undo = await adapter.undo();
    expect(undo.restored).toBeGreaterThan(0);
    expect(wb.cell('自评表', CELL).comment).toBe(USER_COMMENT);
    expect(stateOf(wb)).toEqual(original);
  });

  test("清除标记 takes our part out of every note and comment, whichever kind, and leaves the user's own", async () => {
    const wb = await seedWorkbook({ supportedSets: { ...sets } });
    wb.setCell('自评表', 'I6', { note: USER_NOTE });
    wb.setCell('自评表', CELL, { comment: USER_COMMENT });
    const adapter = new OfficeWorkbookAdapter();
    await adapter.score(undefined, { confirmed: 'all' });
    expect(wb.cell('自评表', CELL).comment).toMatch(composed(USER_COMMENT));
    const cleared = await adapter.clearMarks();
    expect(cleared.cells).toBeGreaterThan(0);
    expect(wb.cell('自评表', CELL).comment).toBe(USER_COMMENT);
    expect(wb.cell('自评表', 'I6').note).toBe(USER_NOTE);
    const ours = [...wb.notes, ...wb.comments].filter((a) => a.content.includes(NOTE_PREFIX));
    expect(ours).toEqual([]);
    expect(wb.cell('自评表', CELL).value).toBe(10); // values stay: 定稿
    expectOneMarkPerCell(wb);
  });

  test('a second scoring changes nothing in annotations and still never doubles a mark', async () => {
    const wb = await seedWorkbook({ supportedSets: { ...sets } });
    wb.setCell('自评表', 'I6', { comment: USER_COMMENT });
    wb.setCell('自评表', CELL, { note: USER_NOTE });
    const adapter = new OfficeWorkbookAdapter();
    expect((await adapter.score(undefined, { confirmed: 'all' })).changed).toBeGreaterThan(0);
    expect(wb.cell('自评表', 'I6').comment).toMatch(new RegExp(`^${USER_COMMENT}\n${NOTE_PREFIX}`));
    const after = stateOf(wb);
    await adapter.score(undefined, { confirmed: 'all' });
    expect(stateOf(wb)).toEqual(after);
    expectOneMarkPerCell(wb);
  });
});

describe('a workbook moving between hosts', () => {
  test('marks written as comments on an older Excel are taken back by undo on Microsoft 365, which writes notes', async () => {
    const wb = await seedWorkbook({ supportedSets: { ...HOST_117 } });
    wb.setCell('自评表', 'I6', { note: USER_NOTE });
    const original = stateOf(wb);
    await new OfficeWorkbookAdapter().score(undefined, { confirmed: 'all' });
    expect(wb.comments.length).toBeGreaterThan(0);
    wb.supportedSets = { ...HOST_118 };
    await new OfficeWorkbookAdapter().undo();
    expect(wb.comments).toHaveLength(0);
    expect(stateOf(wb)).toEqual(original);
  });

  test('undo on an older Excel of a scoring that wrote notes restores the values and says the notes it cannot see are left', async () => {
    const wb = await seedWorkbook({ supportedSets: { ...HOST_118 } });
    await new OfficeWorkbookAdapter().score(undefined, { confirmed: 'all' });
    const ours = wb.notes.length;
    expect(ours).toBeGreaterThan(0);
    wb.supportedSets = { ...HOST_117 };
    const undo = await new OfficeWorkbookAdapter().undo();
    expect(undo.restored).toBeGreaterThan(0);
    expect(wb.cell('自评表', CELL).value).toBe(6);
    expect(wb.notes).toHaveLength(ours);
    expect(undo.message).toMatch(/读不到注释，撤销没能去掉它们/);
    expect(wb.cell('自评表', 'F20').note).toContain(NOTE_PREFIX);
    // Back on Microsoft 365, the next scoring finds those notes by their prefix and takes them out where they no longer apply.
    wb.supportedSets = { ...HOST_118 };
    wb.setCell('自评表', 'F20', { value: 0.965, numberFormat: '0.0%', text: '96.5%' });
    await new OfficeWorkbookAdapter().score(undefined, { confirmed: 'all' });
    expect(wb.cell('自评表', 'F20').note).toBeNull();
    expectOneMarkPerCell(wb);
  });

  test('undo on the same kind of host says nothing of unseen notes', async () => {
    await seedWorkbook({ supportedSets: { ...HOST_117 } });
    await new OfficeWorkbookAdapter().score(undefined, { confirmed: 'all' });
    const undo = await new OfficeWorkbookAdapter().undo();
    expect(undo.restored).toBeGreaterThan(0);
    expect(undo.message ?? '').not.toMatch(/读不到/);
  });

  test('a rescoring on Microsoft 365 keeps the comment kind of cells already marked by comments, and adds notes elsewhere', async () => {
    const wb = await seedWorkbook({ supportedSets: { ...HOST_117 } });
    await new OfficeWorkbookAdapter().score(undefined, { confirmed: 'all' });
    const commented = wb.comments.length;
    expect(commented).toBeGreaterThan(0);
    wb.supportedSets = { ...HOST_118 };
    // The filer fixes one stated score (its mark goes), nothing else changes.
    wb.setCell('自评表', 'F20', { value: 0.965, numberFormat: '0.0%', text: '96.5%' });
    await new OfficeWorkbookAdapter().score(undefined, { confirmed: 'all' });
    expectOneMarkPerCell(wb);
    expect(wb.notes).toHaveLength(0);
    expect(wb.cell('自评表', CELL).comment).toMatch(/原填 6 分/);
  });
});
