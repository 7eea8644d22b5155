/**
 * What the Office adapter does before it writes over the user's input (a preview, nothing written), how
 * issues follow the sheet (statuses, the user's edits as change events) and 清除标记（定稿）, against the
 * Excel test double on the seed workbook.
 */
import { NATIONAL_PROFILE } from '../../src/core/profile';
import { replacementSummary } from '../../src/core/replacements';
import { OUR_FILLS } from '../../src/core/writePlan';
import { OfficeWorkbookAdapter } from '../../src/excel/officeAdapter';
import { BACKUP_SHEET } from '../../src/excel/readGrids';
import { uninstallFakeOffice } from '../../src/excel/testing/fakeExcel';
import { replacementKey } from '../../src/excel/workbookAdapter';
import { seedWorkbook } from './helpers';

afterEach(() => uninstallFakeOffice(globalThis));

const statusOf = (r: { tables: { issues: { code: string; cell: string | null; status?: string }[] }[] }, cell: string) =>
  r.tables[0].issues.filter((i) => i.cell === cell).map((i) => `${i.code}:${i.status}`);

describe('a scoring that would replace what the user typed', () => {
  test('writes nothing and lists the replacements, a typed text among them; confirmed, it writes', async () => {
    const wb = await seedWorkbook();
    wb.setCell('自评表', 'H16', { value: '满分', text: '满分' });
    const adapter = new OfficeWorkbookAdapter();
    const first = await adapter.score(NATIONAL_PROFILE);
    expect(wb.writes).toEqual([]);
    expect(first.changed).toBe(0);
    const pending = first.pending!;
    expect(pending.find((r) => r.address === 'H16')).toMatchObject({ kind: 'text', before: '满分', after: '10' });
    expect(pending.find((r) => r.address === 'H6')).toMatchObject({ kind: 'number', before: '66%', after: '100%' });
    expect(replacementSummary(pending)).toBe(`将改写 ${pending.length} 个单元格，其中 1 个原为文字「满分」。`);

    // Confirming only part of it still writes nothing.
    const partial = await adapter.score(NATIONAL_PROFILE, { confirmed: ['自评表!H6'] });
    expect(partial.pending!.length).toBe(pending.length);
    expect(wb.writes).toEqual([]);

    const done = await adapter.score(NATIONAL_PROFILE, { confirmed: pending.map(replacementKey) });
    expect(done.pending ?? []).toEqual([]);
    expect(wb.cell('自评表', 'H16').value).toBe(10);
    expect(done.result.undoable).toBe(true);
  });

  test('while replacements wait, the result shown is what reading the workbook gives: statuses of the cells as they are', async () => {
    const wb = await seedWorkbook();
    const adapter = new OfficeWorkbookAdapter();
    await adapter.score(NATIONAL_PROFILE, { confirmed: 'all' });
    // After a scoring: H6 still holds what it wrote (corrected); the user types over I6 and writes a text at H16.
    wb.userEdits('自评表', 'I6', 7, '7');
    wb.userEdits('自评表', 'H16', '满分', '满分');
    const preview = await adapter.score(NATIONAL_PROFILE);
    expect(preview.pending!.map((r) => r.address)).toEqual(expect.arrayContaining(['I6', 'H16']));
    expect(preview.changed).toBe(0);
    const read = await adapter.analyze(NATIONAL_PROFILE);
    expect(preview.result).toEqual(read);
    expect(statusOf(preview.result, 'H6')).toEqual(['RATE_MISMATCH:corrected']);
    expect(statusOf(preview.result, 'I6')).toEqual(['SCORE_MISMATCH:open']);
  });

  test('filling empty output cells needs no confirmation', async () => {
    const wb = await seedWorkbook();
    for (const a of ['H6', 'H7', 'I6', 'H16']) wb.setCell('自评表', a, { value: null, text: '' });
    const out = await new OfficeWorkbookAdapter().score(NATIONAL_PROFILE);
    expect(out.pending ?? []).toEqual([]);
    expect(wb.cell('自评表', 'H16').value).toBe(10);
  });
});

describe('issues follow the sheet', () => {
  test('after scoring, what the scoring wrote is 已自动更正 (corrected); a fixed cell loses its issue', async () => {
    const wb = await seedWorkbook();
    const adapter = new OfficeWorkbookAdapter();
    const before = await adapter.analyze(NATIONAL_PROFILE);
    expect(statusOf(before, 'H6')).toEqual(['RATE_MISMATCH:open']);
    expect(before.undoable).toBe(false);
    const scored = await adapter.score(NATIONAL_PROFILE, { confirmed: 'all' });
    expect(statusOf(scored.result, 'H6')).toEqual(['RATE_MISMATCH:corrected']);
    // The withheld total is still the user's to settle.
    expect(statusOf(scored.result, 'H21')).toEqual(['TOTAL_MISMATCH:open']);
    const again = await adapter.analyze(NATIONAL_PROFILE);
    expect(statusOf(again, 'H6')).toEqual(['RATE_MISMATCH:corrected']);
    expect(statusOf(again, 'F20')).toEqual(['VAGUE_ACTUAL:open']);
    expect(again.undoable).toBe(true);

    wb.userEdits('自评表', 'F20', 0.965, '96.5%');
    const fixed = await adapter.analyze(NATIONAL_PROFILE);
    expect(statusOf(fixed, 'F20')).toEqual([]);
  });

  // The adapter delivers edits debounced (300 ms) and only while the pane shows (paneVisibility.whileVisible).
  test("the user's edits arrive as change events; the add-in's own writes do not", async () => {
    const wb = await seedWorkbook();
    const adapter = new OfficeWorkbookAdapter();
    const seen: string[] = [];
    const off = await adapter.onCellsChanged((sheet) => seen.push(sheet));
    await adapter.score(NATIONAL_PROFILE, { confirmed: 'all' });
    await new Promise((r) => setTimeout(r, 400));
    expect(seen).toEqual([]);
    wb.userEdits('自评表', 'F20', 0.965, '96.5%');
    await new Promise((r) => setTimeout(r, 400));
    expect(seen).toEqual(['自评表']);
    off();
    await new Promise((r) => setTimeout(r, 400));
    wb.userEdits('自评表', 'F20', 0.97, '97%');
    await new Promise((r) => setTimeout(r, 400));
    expect(seen).toEqual(['自评表']);
  });
});

describe('清除标记（定稿）', () => {
  test('removes our fills, notes and the backup, keeps every value and the user’s own note', async () => {
    const wb = await seedWorkbook();
    const adapter = new OfficeWorkbookAdapter();
    wb.setCell('自评表', 'F20', { note: '用户自己的批注' });
    await adapter.score(NATIONAL_PROFILE, { confirmed: 'all' });
    expect(wb.cell('自评表', 'F20').note).toContain('用户自己的批注\n【绩效自评助手】');
    const out = await adapter.clearMarks();
    expect(out.backupRemoved).toBe(true);
    expect(out.cells).toBeGreaterThan(0);
    expect(wb.sheet(BACKUP_SHEET)).toBeUndefined();
    expect(wb.cell('自评表', 'H6').value).toBe(1);
    expect(wb.cell('自评表', 'F20').note).toBe('用户自己的批注');
    const fills = new Set(OUR_FILLS);
    for (const a of ['H6', 'H16', 'F20', 'B13', 'H21']) {
      expect([a, fills.has(wb.cell('自评表', a).fill ?? '')]).toEqual([a, false]);
      if (a !== 'F20') expect([a, wb.cell('自评表', a).note ?? null]).toEqual([a, null]);
    }
  });
});
