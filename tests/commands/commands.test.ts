/**
 * Ribbon commands: event.completed() on every path; the outcome is shared with the pane; the pane
 * opens when errors stand.
 */
import { registerCommands } from '../../src/commands/commands';
import { OfficeWorkbookAdapter } from '../../src/excel/officeAdapter';
import { lastOutcome, resetSharedState, subscribeOutcome, type CommandOutcome } from '../../src/excel/sharedState';
import { AdapterError } from '../../src/excel/session';
import { fakeFromCells, installFakeOffice, uninstallFakeOffice, type FakeWorkbook } from '../../src/excel/testing/fakeExcel';
import type { WorkbookAdapter } from '../../src/excel/workbookAdapter';
import { seedWorkbook } from '../excel/helpers';

afterEach(() => {
  uninstallFakeOffice(globalThis);
  resetSharedState();
});

/** Runs an associated action like Office does and resolves when it calls event.completed(). */
async function invoke(wb: FakeWorkbook, id: string): Promise<number> {
  const handler = wb.actions.get(id);
  if (!handler) throw new Error(`no action ${id}`);
  let completed = 0;
  await handler({ completed: () => completed++ });
  return completed;
}

function throwingAdapter(error: unknown): WorkbookAdapter {
  const fail = async () => {
    throw error;
  };
  return {
    analyze: fail,
    score: fail,
    undo: fail,
    selectCell: fail,
    loadProfile: fail,
    saveProfile: fail,
    activeSheet: fail,
    onSheetActivated: fail,
  } as unknown as WorkbookAdapter;
}

test('一键评分 on the seed: the scoring would replace typed numbers, so nothing is written and the pane opens on the preview', async () => {
  const wb = await seedWorkbook();
  const seen: CommandOutcome[] = [];
  subscribeOutcome((o) => seen.push(o));
  registerCommands(() => new OfficeWorkbookAdapter());
  expect(await invoke(wb, 'scoreWorkbook')).toBe(1);
  const outcome = lastOutcome()!;
  expect(outcome).toMatchObject({ command: 'scoreWorkbook', ok: true });
  expect(seen).toEqual([outcome]);
  expect(wb.writes).toEqual([]);
  expect(outcome.score?.pending?.map((r) => r.address)).toEqual(expect.arrayContaining(['H6', 'I6', 'H16']));
  expect(outcome.message).toMatch(/^将改写 \d+ 个单元格。尚未写入，请在面板中查看并确认。$/);
  expect(wb.officeCalls.showAsTaskpane).toBe(1);
});

test('一键评分 where it only fills empty cells: writes, selects the result, opens the pane on the standing errors', async () => {
  const wb = await seedWorkbook();
  for (const a of ['H6', 'H7', 'I6', 'H16']) wb.setCell('自评表', a, { value: null, text: '' });
  registerCommands(() => new OfficeWorkbookAdapter());
  expect(await invoke(wb, 'scoreWorkbook')).toBe(1);
  const outcome = lastOutcome()!;
  expect(wb.cell('自评表', 'H16').value).toBe(10);
  expect(wb.selection?.sheet).toBe('自评表');
  // The seed's weights sum to 110: an error stands, the total is withheld and the pane opens on it.
  expect(outcome.errors).toBeGreaterThan(0);
  expect(outcome.message).toMatch(/还有 \d+ 个错误，总分和等级未写入/);
  expect(wb.officeCalls.showAsTaskpane).toBe(1);
});

test('一键评分 on a workbook without a table: completes, says so, opens the pane', async () => {
  const wb = installed(fakeFromCells({ Sheet1: { A1: '会议记录' } }));
  registerCommands(() => new OfficeWorkbookAdapter());
  expect(await invoke(wb, 'scoreWorkbook')).toBe(1);
  expect(lastOutcome()!.message).toMatch(/未找到项目支出绩效自评表/);
  expect(wb.officeCalls.showAsTaskpane).toBe(1);
});

test.each([
  ['protected sheet', new AdapterError('SHEET_PROTECTED', '工作表“自评表”受保护，未写入任何内容。'), /受保护/],
  ['cell edit mode', Object.assign(new Error('edit'), { code: 'InvalidOperationInCellEditMode' }), /单元格编辑状态/],
  ['a plain bug', new TypeError('x is undefined'), /一键评分失败/],
  ['a thrown string', 'boom', /一键评分失败/],
])('一键评分 failing (%s): completes once, with a Chinese message and the pane opened', async (_name, error, message) => {
  const wb = installed(fakeFromCells({ S: { A1: 1 } }));
  registerCommands(() => throwingAdapter(error));
  expect(await invoke(wb, 'scoreWorkbook')).toBe(1);
  expect(lastOutcome()).toMatchObject({ ok: false, message: expect.stringMatching(message) });
  expect(wb.officeCalls.showAsTaskpane).toBe(1);
});

test('without SharedRuntime the failure message goes to a short dialog instead of the pane', async () => {
  const wb = installed(fakeFromCells({ S: { A1: 1 } }, { supportedSets: { ExcelApi: '1.18', DialogApi: '1.1' } }));
  registerCommands(() => throwingAdapter(new AdapterError('WORKBOOK_READ_ONLY', '工作簿以只读方式打开。')));
  expect(await invoke(wb, 'scoreWorkbook')).toBe(1);
  expect(wb.officeCalls.showAsTaskpane).toBe(0);
  expect(wb.officeCalls.dialogs).toHaveLength(1);
  expect(decodeURIComponent(wb.officeCalls.dialogs[0])).toMatch(/commands\.html\?notice=工作簿以只读方式打开/);
});

test('without SharedRuntime nor DialogApi (displayDialogAsync is DialogApi 1.1) no dialog is tried; the command still completes', async () => {
  const wb = installed(fakeFromCells({ S: { A1: 1 } }, { supportedSets: { ExcelApi: '1.18' } }));
  registerCommands(() => throwingAdapter(new AdapterError('WORKBOOK_READ_ONLY', '工作簿以只读方式打开。')));
  expect(await invoke(wb, 'scoreWorkbook')).toBe(1);
  expect(wb.officeCalls.showAsTaskpane).toBe(0);
  expect(wb.officeCalls.dialogs).toHaveLength(0);
  expect(lastOutcome()).toMatchObject({ ok: false, message: expect.stringMatching(/只读/) });
});

test('撤销评分 restores and completes; with nothing to undo it says so; on failure it still completes', async () => {
  const wb = await seedWorkbook();
  registerCommands(() => new OfficeWorkbookAdapter());
  // Confirmed in the pane: the write the ribbon previewed.
  await new OfficeWorkbookAdapter().score(undefined, { confirmed: 'all' });
  expect(await invoke(wb, 'undoScoring')).toBe(1);
  expect(lastOutcome()).toMatchObject({ command: 'undoScoring', ok: true, message: expect.stringMatching(/已撤销上次评分/) });
  expect(wb.cell('自评表', 'H16').value).toBe(6);
  expect(await invoke(wb, 'undoScoring')).toBe(1);
  expect(lastOutcome()!.message).toBe('没有可撤销的评分。');

  // A host before ExcelApi 1.11 cannot wait for the edit to end (delayForCellEdit): the undo fails, and says so.
  wb.supportedSets.ExcelApi = '1.10';
  wb.cellEditMode = true;
  expect(await invoke(wb, 'undoScoring')).toBe(1);
  expect(lastOutcome()).toMatchObject({ ok: false, message: expect.stringMatching(/撤销评分失败/) });
});

test('生成报告: completes, saying it is coming, until the adapter offers it; then delegates', async () => {
  const wb = installed(fakeFromCells({ S: { A1: 1 } }));
  registerCommands(() => throwingAdapter(new Error('unused')));
  expect(await invoke(wb, 'generateReport')).toBe(1);
  expect(lastOutcome()!.message).toMatch(/即将提供/);

  const withReport = { ...throwingAdapter(new Error('unused')), generateReport: async () => ({ sheet: '自评报告' }) };
  registerCommands(() => withReport);
  expect(await invoke(wb, 'generateReport')).toBe(1);
  expect(lastOutcome()).toMatchObject({ ok: true, message: '已生成自评报告：工作表“自评报告”。' });

  const failing = { ...throwingAdapter(new Error('unused')), generateReport: async () => Promise.reject(new Error('disk')) };
  registerCommands(() => failing);
  expect(await invoke(wb, 'generateReport')).toBe(1);
  expect(lastOutcome()).toMatchObject({ ok: false });
});

test('event.completed() is called even when publishing or opening the pane throws', async () => {
  const wb = installed(fakeFromCells({ S: { A1: 1 } }));
  (globalThis as unknown as { Office: { addin: { showAsTaskpane: () => never } } }).Office.addin.showAsTaskpane = () => {
    throw new Error('host gone');
  };
  subscribeOutcome(() => {
    throw new Error('subscriber bug');
  });
  registerCommands(() => throwingAdapter(new Error('x')));
  for (const id of ['scoreWorkbook', 'undoScoring', 'generateReport']) expect(await invoke(wb, id)).toBe(1);
});

function installed(wb: FakeWorkbook): FakeWorkbook {
  installFakeOffice(globalThis, wb);
  return wb;
}
