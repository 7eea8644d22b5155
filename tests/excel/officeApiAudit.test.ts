/**
 * Behaviours found in the audit of our Office.js calls against Microsoft's documentation
 * (@types/office-js JSDoc = learn.microsoft.com reference; office-js issues), checked on the double.
 */
import { NOTE_PREFIX } from '../../src/core/writePlan';
import { insertTemplateSheet } from '../../src/excel/insertTemplate';
import { OfficeWorkbookAdapter } from '../../src/excel/officeAdapter';
import { BACKUP_SHEET } from '../../src/excel/readGrids';
import { AdapterError, toAdapterError } from '../../src/excel/session';
import { FakeOfficeError, fakeFromCells, installFakeOffice, uninstallFakeOffice, type FakeWorkbook } from '../../src/excel/testing/fakeExcel';
import { seedWorkbook } from './helpers';

afterEach(() => uninstallFakeOffice(globalThis));

type AnyContext = { workbook: { worksheets: { getItem(n: string): { visibility: string; delete(): void } } }; sync(): Promise<unknown> };
const run = <T>(body: (context: AnyContext) => Promise<T>): Promise<T> => (globalThis as unknown as { Excel: { run: (b: typeof body) => Promise<T> } }).Excel.run(body);

describe('very hidden backup sheet (Worksheet.delete: InvalidOperation on "VeryHidden", office-js#365)', () => {
  test('the double refuses to delete a very hidden sheet, and allows it once hidden', async () => {
    const wb = fakeFromCells({ A: { A1: 1 }, B: { A1: 2 } });
    installFakeOffice(globalThis, wb);
    wb.sheet('B')!.visibility = 'VeryHidden';
    await expect(run(async (context) => context.workbook.worksheets.getItem('B').delete())).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(wb.sheet('B')).toBeDefined();
    await run(async (context) => {
      const s = context.workbook.worksheets.getItem('B');
      s.visibility = 'Hidden';
      s.delete();
      await context.sync();
    });
    expect(wb.sheet('B')).toBeUndefined();
  });

  test('undo removes the very hidden backup sheet', async () => {
    const wb = await seedWorkbook();
    const adapter = new OfficeWorkbookAdapter();
    await adapter.score(undefined, { confirmed: 'all' });
    expect(wb.sheet(BACKUP_SHEET)?.visibility).toBe('VeryHidden');
    const out = await adapter.undo();
    expect(out.restored).toBeGreaterThan(0);
    expect(wb.sheet(BACKUP_SHEET)).toBeUndefined();
  });

  test('a failed first scoring removes the backup sheet it had just created', async () => {
    const wb = await seedWorkbook();
    // Sync 3 is the write batch: fail it after the backup sheet exists and a few cells changed.
    wb.injectFailure({ onSync: 4, afterOps: 12, code: 'GeneralException' });
    await expect(new OfficeWorkbookAdapter().score(undefined, { confirmed: 'all' })).rejects.toBeInstanceOf(AdapterError);
    expect(wb.sheet(BACKUP_SHEET)).toBeUndefined();
  });
});

describe('requirement sets', () => {
  test('a host below ExcelApi 1.4 is told so in Chinese before any request', async () => {
    const wb = fakeFromCells({ S: { A1: 1 } }, { supportedSets: { ExcelApi: '1.3' } });
    installFakeOffice(globalThis, wb);
    const error = await new OfficeWorkbookAdapter().analyze().catch((e: unknown) => e);
    expect(wb.syncCount).toBe(0);
    expect(error).toBeInstanceOf(AdapterError);
    expect(error).toMatchObject({ code: 'API_UNAVAILABLE', userMessage: expect.stringMatching(/版本过旧/) });
    const inserted = await insertTemplateSheet().catch((e: unknown) => e);
    expect(inserted).toMatchObject({ code: 'API_UNAVAILABLE' });
    // insertTemplate lists the sheet names first (one read); nothing is written.
    expect(wb.writes).toHaveLength(0);
    expect(wb.sheets.map((s) => s.name)).toEqual(['S']);
  });

  test('at the baseline (ExcelApi 1.4) scoring works without readOnly (1.8), structure protection (1.7), fills (1.9), merges (1.13) or notes', async () => {
    const wb = await seedWorkbook({ supportedSets: { ExcelApi: '1.4' } });
    const adapter = new OfficeWorkbookAdapter();
    const result = await adapter.analyze();
    expect(result.tables.length).toBeGreaterThan(0);
    const out = await adapter.score(undefined, { confirmed: 'all' });
    expect(out.changed).toBeGreaterThan(0);
    expect(wb.notes).toHaveLength(0);
    expect(wb.comments).toHaveLength(0);
    expect((await adapter.undo()).restored).toBe(out.changed);
  });

  test('worksheets.onActivated is ExcelApi 1.7: below it the pane simply does not follow the active sheet', async () => {
    const wb = fakeFromCells({ A: { A1: 1 }, B: { A1: 2 } }, { supportedSets: { ExcelApi: '1.6' } });
    installFakeOffice(globalThis, wb);
    const seen: string[] = [];
    const off = await new OfficeWorkbookAdapter().onSheetActivated((s) => seen.push(s));
    expect(wb.syncCount).toBe(0);
    wb.userActivates('B');
    expect(seen).toEqual([]);
    expect(() => off()).not.toThrow();
  });

  test('the double refuses onActivated below ExcelApi 1.7 (as the adapter now never asks)', async () => {
    const wb = fakeFromCells({ A: { A1: 1 } }, { supportedSets: { ExcelApi: '1.6' } });
    installFakeOffice(globalThis, wb);
    await expect(
      run(async (context) => {
        (context.workbook.worksheets as unknown as { onActivated: { add(h: () => void): unknown } }).onActivated.add(() => undefined);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

describe('notes and comments use the documented address forms', () => {
  async function quotedSeed(sets: Record<string, string>): Promise<{ wb: FakeWorkbook; sheet: string }> {
    const wb = await seedWorkbook({ supportedSets: sets });
    // A name that needs quoting in a string address: space, apostrophe, exclamation mark.
    const sheet = "王's 自评表!";
    wb.sheet('自评表')!.name = sheet;
    return { wb, sheet };
  }

  test.each([
    ['notes (ExcelApi 1.18)', { ExcelApi: '1.18' }, 'notes'],
    ['comments (ExcelApi 1.10)', { ExcelApi: '1.13' }, 'comments'],
  ] as const)('%s on a sheet whose name needs quoting: added, rewritten on rescoring after an edit, removed by undo', async (_name, sets, kind) => {
    const { wb, sheet } = await quotedSeed({ ...sets });
    const adapter = new OfficeWorkbookAdapter();
    await adapter.score(undefined, { confirmed: 'all' });
    const list = () => (kind === 'notes' ? wb.notes : wb.comments);
    expect(list().length).toBeGreaterThan(0);
    expect(list().every((a) => wb.sheet(a.sheetId)!.name === sheet && a.content.includes(NOTE_PREFIX))).toBe(true);
    const h16 = () => (kind === 'notes' ? wb.cell(sheet, 'H16').note : wb.cell(sheet, 'H16').comment);
    expect(h16()).toMatch(/原填 6 分/);
    // The user states another score: the mark's text changes (content set through getItem / getItemByCell).
    wb.setCell(sheet, 'H16', { value: 8 });
    await adapter.score(undefined, { confirmed: 'all' });
    expect(h16()).toMatch(/原填 8 分/);
    await adapter.undo();
    expect(list()).toHaveLength(0);
  });

  test('CommentCollection.getItemByCell takes a Range; a multi-cell Range is InvalidArgument for comments, InvalidCellAddress for notes', async () => {
    const wb = fakeFromCells({ S: { A1: 1 } });
    installFakeOffice(globalThis, wb);
    type Ctx = { workbook: { worksheets: { getItem(n: string): { getRange(a: string): unknown; notes: { add(r: unknown, c: string): unknown } } }; comments: { add(r: unknown, c: string): unknown; getItemByCell(r: unknown): { content: string; load(p: string): unknown } } }; sync(): Promise<unknown> };
    const runCtx = <T>(body: (c: Ctx) => Promise<T>) => run(body as unknown as (c: AnyContext) => Promise<T>);
    const content = await runCtx(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      context.workbook.comments.add(ws.getRange('B2'), '说明');
      const c = context.workbook.comments.getItemByCell(ws.getRange('B2'));
      c.load('content');
      await context.sync();
      return c.content;
    });
    expect(content).toBe('说明');
    await expect(runCtx(async (context) => context.workbook.comments.add(context.workbook.worksheets.getItem('S').getRange('A1:B1'), 'x'))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(runCtx(async (context) => context.workbook.worksheets.getItem('S').notes.add(context.workbook.worksheets.getItem('S').getRange('A1:B1'), 'x'))).rejects.toMatchObject({
      code: 'InvalidCellAddress',
    });
  });
});

describe('merged areas (getMergedAreasOrNullObject returns only areas whose top-left cell is in the range, office-js#3611)', () => {
  test('the double follows Excel: a merge starting above the range is not returned, one starting inside is', async () => {
    const wb = fakeFromCells({ S: { A1: 'x' } }, { merges: { S: ['A1:B3', 'C2:D4'] } });
    installFakeOffice(globalThis, wb);
    const address = await run(async (context) => {
      const r = (context.workbook.worksheets.getItem('S') as unknown as { getRange(a: string): { getMergedAreasOrNullObject(): { load(p: string): unknown; address: string; isNullObject: boolean } } })
        .getRange('A2:D4')
        .getMergedAreasOrNullObject();
      r.load('address');
      await context.sync();
      return r.isNullObject ? null : r.address;
    });
    expect(address).toBe('S!C2:D4');
  });

  test('the seed still reads with all its merges (the read region starts at the used range’s top-left)', async () => {
    const wb = await seedWorkbook();
    const result = await new OfficeWorkbookAdapter().analyze();
    expect(result.tables.length).toBeGreaterThan(0);
    expect(wb.mergesList('自评表').length).toBeGreaterThan(0);
  });
});

describe('documented error codes get a Chinese message that says what to do', () => {
  test.each([
    ['RangeExceedsLimit', 'PAYLOAD_TOO_LARGE', /单元格上限/],
    ['ResponsePayloadSizeLimitExceeded', 'PAYLOAD_TOO_LARGE', /5 MB/],
    ['InactiveWorkbook', 'API_ERROR', /失去焦点/],
    ['ItemNotFound', 'API_ERROR', /已被删除或重命名/],
    ['ApiNotAvailable', 'API_UNAVAILABLE', /不支持/],
    ['InvalidOperationInCellEditMode', 'CELL_EDIT_MODE', /Enter 或 Esc/],
  ])('%s → %s', (code, expected, message) => {
    const e = toAdapterError(new FakeOfficeError(code, 'x'), '一键评分');
    expect(e).toMatchObject({ code: expected, officeCode: code, userMessage: expect.stringMatching(message) });
    expect(e.userMessage.startsWith('一键评分失败')).toBe(true);
  });
});
