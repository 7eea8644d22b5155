/**
 * The Office.js adapter against the Excel test double, on the seed workbook: what gets written, the
 * backup, exact undo, idempotence, protection, failures mid-way, sync budgets.
 */
import { CORRECTED_FILL, NOTE_PREFIX, SEVERITY_FILL } from '../../src/core/writePlan';
import { NATIONAL_PROFILE } from '../../src/core/profile';
import { parseBackup } from '../../src/core/backup';
import { OfficeWorkbookAdapter } from '../../src/excel/officeAdapter';
import { BACKUP_SHEET } from '../../src/excel/readGrids';
import { AdapterError } from '../../src/excel/session';
import { resetPaneVisibility } from '../../src/excel/paneVisibility';
import { uninstallFakeOffice, type FakeWorkbook } from '../../src/excel/testing/fakeExcel';
import { seedWorkbook, stateOf } from './helpers';

afterEach(() => {
  uninstallFakeOffice(globalThis);
  resetPaneVisibility();
});

function backupOf(wb: FakeWorkbook) {
  const s = wb.sheet(BACKUP_SHEET);
  if (!s) return null;
  const rows: string[] = [];
  for (let r = 0; ; r++) {
    const c = s.cells.get(`${r},0`);
    if (!c || c.value === null) break;
    rows.push(String(c.value));
  }
  return parseBackup(rows);
}

describe('one-click scoring of the seed', () => {
  test('writes the rate, scores, total and grade with their formats, and marks issues with fills and notes', async () => {
    const wb = await seedWorkbook();
    const out = await new OfficeWorkbookAdapter().score(undefined, { confirmed: 'all' });

    expect(out.syncs).toBe(4);
    expect(wb.cell('自评表', 'H6')).toMatchObject({ value: 1, numberFormat: '0.00%', text: '100.00%' });
    expect(wb.cell('自评表', 'I6')).toMatchObject({ value: 10, numberFormat: '0' });
    expect(wb.cell('自评表', 'H16')).toMatchObject({ value: 10, numberFormat: '0' });
    // Every planned write landed as planned.
    for (const w of out.plan.writes) {
      const c = wb.cell(w.sheet, w.address);
      expect([w.address, c.value]).toEqual([w.address, w.value]);
      if (w.numberFormat) expect([w.address, c.numberFormat]).toEqual([w.address, w.numberFormat]);
    }
    // Marks: fill by severity, our note with its prefix naming the replaced value.
    expect(out.plan.marks.length).toBeGreaterThan(0);
    for (const m of out.plan.marks) {
      const c = wb.cell(m.sheet, m.address);
      expect(c.fill).toBe(m.corrected ? CORRECTED_FILL : SEVERITY_FILL[m.severity]);
      expect(c.note?.startsWith(NOTE_PREFIX)).toBe(true);
    }
    expect(wb.cell('自评表', 'H16').note).toMatch(/原填 6 分/);
    // Input cells untouched.
    expect(wb.cell('自评表', 'E6').value).toBe(64.95);
    expect(wb.cell('自评表', 'G16').value).toBe(10);
  });

  test('backs up, in a very hidden sheet, exactly what it replaced', async () => {
    const wb = await seedWorkbook();
    await new OfficeWorkbookAdapter().score(undefined, { confirmed: 'all' });
    expect(wb.sheet(BACKUP_SHEET)?.visibility).toBe('VeryHidden');
    const backup = backupOf(wb)!;
    const h6 = backup.entries.find((e) => e.sheet === '自评表' && e.address === 'H6')!;
    expect(h6.before).toMatchObject({ value: 0.66, formula: null, numberFormat: '0%', fill: null, note: null });
    // H6 is corrected by the scoring: green.
    expect(h6.after).toMatchObject({ value: 1, numberFormat: '0.00%', fill: CORRECTED_FILL });
    const h16 = backup.entries.find((e) => e.address === 'H16')!;
    expect(h16.before.value).toBe(6);
  });

  test('undo restores every value, format, fill and note exactly, and clears the backup', async () => {
    const wb = await seedWorkbook();
    wb.setCell('自评表', 'I6', { fill: '#00B050', note: '用户自己的批注' });
    const original = stateOf(wb);
    const adapter = new OfficeWorkbookAdapter();
    await adapter.score(undefined, { confirmed: 'all' });
    expect(wb.cell('自评表', 'I6').note).toMatch(/^用户自己的批注\n【绩效自评助手】/);
    expect(stateOf(wb)).not.toEqual(original);

    const undo = await adapter.undo();
    expect(undo.restored).toBeGreaterThan(10);
    expect(undo.syncs).toBeLessThanOrEqual(4);
    expect(stateOf(wb)).toEqual(original);
    expect(wb.sheet(BACKUP_SHEET)).toBeUndefined();
    expect((await adapter.undo()).restored).toBe(0);
  });

  test('undo keeps a value the user typed over a written score, and takes back only our fill and note there', async () => {
    const wb = await seedWorkbook();
    const original = stateOf(wb);
    const adapter = new OfficeWorkbookAdapter();
    await adapter.score(undefined, { confirmed: 'all' });
    expect(wb.cell('自评表', 'H16').value).toBe(10);
    // After scoring, the filer decides 运行经费 deserves 8 and types it over our 10.
    wb.setCell('自评表', 'H16', { value: 8, text: '8' });

    const undo = await adapter.undo();
    expect(undo.kept).toBe(1);
    expect(undo.syncs).toBeLessThanOrEqual(4);
    expect(wb.cell('自评表', 'H16').value).toBe(8);
    expect(wb.cell('自评表', 'H16').note ?? null).toBeNull();
    expect(wb.cell('自评表', 'H16').fill ?? null).toBeNull();
    // Everything else is exactly as before the scoring.
    const now = stateOf(wb);
    const expected = { ...original };
    for (const k of ['自评表!H16']) {
      delete now[k];
      delete expected[k];
    }
    expect(now).toEqual(expected);
  });

  test('scoring twice changes nothing the second time, and undo still restores the original', async () => {
    const wb = await seedWorkbook();
    const original = stateOf(wb);
    const adapter = new OfficeWorkbookAdapter();
    const first = await adapter.score(undefined, { confirmed: 'all' });
    const scored = stateOf(wb);
    const backupAfterFirst = backupOf(wb);
    wb.writes = [];

    const second = await adapter.score(undefined, { confirmed: 'all' });
    expect(second.changed).toBe(0);
    expect(wb.writes).toEqual([]);
    expect(stateOf(wb)).toEqual(scored);
    expect(backupOf(wb)).toEqual(backupAfterFirst);
    expect(second.syncs).toBe(3);
    // Same findings both times: the engine sees the user's data, not our output.
    expect(second.plan.marks.map((m) => m.address)).toEqual(first.plan.marks.map((m) => m.address));

    await adapter.undo();
    expect(stateOf(wb)).toEqual(original);
  });

  test('a rescoring after the user edits keeps the original in the backup and stale marks go', async () => {
    const wb = await seedWorkbook();
    const original = stateOf(wb);
    const adapter = new OfficeWorkbookAdapter();
    await adapter.score(undefined, { confirmed: 'all' });
    // The user fixes the 满意度 actual that was flagged as vague (F20 "≥95%").
    expect(wb.cell('自评表', 'F20').note).toMatch(NOTE_PREFIX);
    wb.setCell('自评表', 'F20', { value: 0.965, numberFormat: '0.0%', text: '96.5%' });
    const second = await adapter.score(undefined, { confirmed: 'all' });
    expect(second.changed).toBeGreaterThan(0);
    expect(wb.cell('自评表', 'F20').note).toBeNull();
    expect(wb.cell('自评表', 'F20').fill ?? null).toBeNull();
    await adapter.undo();
    // Everything but the user's own edit is back as it was before the first scoring.
    const now = stateOf(wb);
    delete now['自评表!F20'];
    const expected = { ...original };
    delete expected['自评表!F20'];
    expect(now).toEqual(expected);
  });

  test('a formula in an output cell that already yields the value is kept; another is backed up and restored', async () => {
    const wb = await seedWorkbook();
    wb.setCell('自评表', 'H6', { value: 1, formula: 'F6/E6', numberFormat: '0.00%' });
    wb.setCell('自评表', 'I6', { value: 7, formula: 'ROUND(G6*H7,0)' });
    const original = stateOf(wb);
    const adapter = new OfficeWorkbookAdapter();
    await adapter.score(undefined, { confirmed: 'all' });
    expect(wb.cell('自评表', 'H6')).toMatchObject({ formula: 'F6/E6', value: 1 });
    expect(wb.cell('自评表', 'I6')).toMatchObject({ value: 10 });
    expect(wb.cell('自评表', 'I6').formula).toBeUndefined();
    await adapter.undo();
    expect(wb.cell('自评表', 'I6')).toMatchObject({ formula: 'ROUND(G6*H7,0)', value: 7 });
    expect(stateOf(wb)).toEqual(original);
  });
});

describe('refusals and failures leave the workbook as it was', () => {
  test('protected sheet: a clear Chinese message and zero writes', async () => {
    const wb = await seedWorkbook();
    wb.sheet('自评表')!.protected = true;
    const original = stateOf(wb);
    const err = await new OfficeWorkbookAdapter().score(undefined, { confirmed: 'all' }).catch((e) => e);
    expect(err).toBeInstanceOf(AdapterError);
    expect(err.code).toBe('SHEET_PROTECTED');
    expect(err.userMessage).toMatch(/工作表“自评表”受保护，未写入任何内容/);
    expect(wb.writes).toEqual([]);
    expect(wb.sheet(BACKUP_SHEET)).toBeUndefined();
    expect(stateOf(wb)).toEqual(original);
    expect(wb.syncCount).toBe(3);
  });

  test('read-only workbook and protected structure: refused before writing', async () => {
    const wb = await seedWorkbook();
    wb.readOnly = true;
    await expect(new OfficeWorkbookAdapter().score(undefined, { confirmed: 'all' })).rejects.toMatchObject({ code: 'WORKBOOK_READ_ONLY' });
    wb.readOnly = false;
    wb.structureProtected = true;
    await expect(new OfficeWorkbookAdapter().score(undefined, { confirmed: 'all' })).rejects.toMatchObject({ code: 'STRUCTURE_PROTECTED', userMessage: expect.stringMatching(/结构受保护/) });
    expect(wb.writes).toEqual([]);
  });

  test('cell edit mode on a host before ExcelApi 1.11: a message saying how to leave it', async () => {
    const wb = await seedWorkbook({ supportedSets: { ExcelApi: '1.10', SharedRuntime: '1.1' } });
    wb.cellEditMode = true;
    const err = await new OfficeWorkbookAdapter().score(undefined, { confirmed: 'all' }).catch((e) => e);
    expect(err).toMatchObject({ code: 'CELL_EDIT_MODE' });
    expect(err.userMessage).toMatch(/按 Enter 或 Esc/);
    expect(wb.writes).toEqual([]);
  });

  test('cell edit mode on ExcelApi 1.11+: the scoring waits for the edit to end (delayForCellEdit), then writes', async () => {
    const wb = await seedWorkbook();
    wb.cellEditMode = true;
    const scoring = new OfficeWorkbookAdapter().score(undefined, { confirmed: 'all' });
    await new Promise((r) => setTimeout(r, 50));
    expect(wb.writes).toEqual([]);
    expect(wb.delayedSyncs).toBe(1);
    wb.cellEditMode = false;
    const out = await scoring;
    expect(out.changed).toBeGreaterThan(0);
    expect(wb.cell('自评表', 'H16').value).toBe(10);
  });

  test.each([5, 12, 30])('an API error after %i operations of the write batch: restored automatically', async (afterOps) => {
    const wb = await seedWorkbook();
    const original = stateOf(wb);
    wb.injectFailure({ onSync: 4, code: 'GeneralException', afterOps });
    const err = await new OfficeWorkbookAdapter().score(undefined, { confirmed: 'all' }).catch((e) => e);
    expect(err).toBeInstanceOf(AdapterError);
    expect(err.userMessage).toMatch(/写入评分结果失败.*已恢复到评分前的状态/);
    expect(wb.writes.length).toBeGreaterThan(0);
    expect(stateOf(wb)).toEqual(original);
    expect(wb.sheet(BACKUP_SHEET)).toBeUndefined();
  });

  test('an API error mid-way whose recovery also fails: the backup lets undo restore', async () => {
    const wb = await seedWorkbook();
    const original = stateOf(wb);
    wb.injectFailure({ onSync: 4, code: 'GeneralException', afterOps: 20 });
    wb.injectFailure({ onSync: 5, code: 'GeneralException' });
    const adapter = new OfficeWorkbookAdapter();
    const err = await adapter.score(undefined, { confirmed: 'all' }).catch((e) => e);
    expect(err.userMessage).toMatch(/请点击“撤销评分”恢复/);
    expect(stateOf(wb)).not.toEqual(original);
    await adapter.undo();
    expect(stateOf(wb)).toEqual(original);
  });

  test('a second failed scoring after a good one: recovery puts back the first backup too', async () => {
    const wb = await seedWorkbook();
    const original = stateOf(wb);
    const adapter = new OfficeWorkbookAdapter();
    await adapter.score(undefined, { confirmed: 'all' });
    wb.setCell('自评表', 'G16', { value: 5 }); // the user changes a weight: the next scoring rewrites scores
    const edited = stateOf(wb);
    wb.injectFailure({ onSync: wb.syncCount + 4, code: 'GeneralException', afterOps: 10 });
    await expect(adapter.score(undefined, { confirmed: 'all' })).rejects.toBeInstanceOf(AdapterError);
    expect(stateOf(wb)).toEqual(edited);
    await adapter.undo();
    const back = stateOf(wb);
    expect(back['自评表!G16']).toMatchObject({ v: 5 });
    delete back['自评表!G16'];
    const expected = { ...original };
    delete expected['自评表!G16'];
    expect(back).toEqual(expected);
  });
});

describe('sync budget', () => {
  // Reading: the sheet list, then where the values are, then the cells (bounded per sync: src/excel/boundedRead.ts).
  test.each([1, 10, 50])('%i sheets: 3 syncs to read, 4 for a one-click scoring, 4 to undo', async (sheets) => {
    const wb = await seedWorkbook({ extraSheets: sheets - 1 });
    const adapter = new OfficeWorkbookAdapter();
    await adapter.analyze(NATIONAL_PROFILE);
    expect(adapter.lastSyncs).toBe(3);
    wb.resetCounters();
    const out = await adapter.score(undefined, { select: true, confirmed: 'all' });
    expect(out.syncs).toBe(4);
    expect(wb.syncCount).toBe(4);
    // WEIGHT_SUM withholds the total and the grade: the total cell, marked with the reason, is selected.
    expect(wb.selection).toEqual({ sheet: '自评表', address: 'H21' });
    const undo = await adapter.undo();
    expect(undo.syncs).toBeLessThanOrEqual(4);
  });

  test('a huge sheet is read in chunks under the 5 MB limit, its first 26 columns, with a message for the rest', async () => {
    const wb = await seedWorkbook({ extraSheets: 1 });
    for (let r = 0; r < 3000; r++) wb.setCell('附表1', `A${r + 1}`, { value: `第 ${r} 行的很长的说明文字`.repeat(20) });
    wb.setCell('附表1', 'AZ2', { value: 1 });
    const adapter = new OfficeWorkbookAdapter();
    const result = await adapter.analyze();
    expect(result.tables).toHaveLength(1);
    expect(adapter.lastMessages.join()).toMatch(/工作表“附表1”的内容有 52 列，只检查了左起 26 列（A1:Z3002）/);
    // More than the limit was read in all, in syncs the double (5 MB per sync) let through.
    expect(wb.bytesRead).toBeGreaterThan(2 * 1024 * 1024);
  });
});

describe('profile, selection and sheet events', () => {
  // The saved profile (sheet _jixiao_settings, migration from document settings): tests/excel/profileSheet.test.ts.

  test('selectCell, activeSheet and onSheetActivated', async () => {
    const wb = await seedWorkbook({ extraSheets: 1 });
    const adapter = new OfficeWorkbookAdapter();
    await adapter.selectCell('附表1', 'B2');
    expect(wb.selection).toEqual({ sheet: '附表1', address: 'B2' });
    expect(await adapter.activeSheet()).toBe('附表1');
    const seen: string[] = [];
    const off = await adapter.onSheetActivated((s) => seen.push(s));
    // Deliveries are debounced (src/excel/paneVisibility): wait past the quiet period.
    const settle = () => new Promise((r) => setTimeout(r, 400));
    wb.userActivates('自评表');
    await settle();
    expect(seen).toEqual(['自评表']);
    off();
    await settle();
    wb.userActivates('附表1');
    await settle();
    expect(seen).toEqual(['自评表']);
  });
});

describe('hosts without notes', () => {
  test('comments (ExcelApi 1.10) carry the messages; without either, fills alone, and stale fills still go', async () => {
    const wb = await seedWorkbook({ supportedSets: { ExcelApi: '1.13', SharedRuntime: '1.1' } });
    const original = stateOf(wb);
    const adapter = new OfficeWorkbookAdapter();
    await adapter.score(undefined, { confirmed: 'all' });
    expect(wb.notes).toHaveLength(0);
    expect(wb.cell('自评表', 'H16').comment).toMatch(/原填 6 分/);
    await adapter.undo();
    expect(stateOf(wb)).toEqual(original);

    wb.supportedSets = { ExcelApi: '1.9' };
    await adapter.score(undefined, { confirmed: 'all' });
    expect(wb.comments).toHaveLength(0);
    expect(wb.cell('自评表', 'F20').fill).toBe(SEVERITY_FILL.warning);
    wb.setCell('自评表', 'F20', { value: 0.965, numberFormat: '0.0%', text: '96.5%' });
    await adapter.score(undefined, { confirmed: 'all' });
    expect(wb.cell('自评表', 'F20').fill ?? null).toBeNull();
  });
});
