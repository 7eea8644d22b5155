/**
 * A ribbon command run with the pane closed reports its outcome: it opens the pane on the result
 * (shared runtime; the pane shows the published outcome), or, without a shared runtime, a short dialog.
 * With the pane open, the pane alone shows it. (Office.addin.showAsTaskpane / onVisibilityModeChanged,
 * SharedRuntime 1.1; Office.context.ui.displayDialogAsync, DialogApi 1.1.)
 */
import { registerCommands } from '../../src/commands/commands';
import { OfficeWorkbookAdapter } from '../../src/excel/officeAdapter';
import { resetPaneVisibility, watchPaneVisibility } from '../../src/excel/paneVisibility';
import { lastOutcome, resetSharedState } from '../../src/excel/sharedState';
import { fakeFromCells, installFakeOffice, uninstallFakeOffice, type FakeWorkbook } from '../../src/excel/testing/fakeExcel';
import { NOTHING_TO_SCORE } from '../../src/core/tableState';
import type { WorkbookAdapter } from '../../src/excel/workbookAdapter';
import { seedTable } from '../../src/taskpane/testing/sampleResult';
import { seedWorkbook } from '../excel/helpers';

afterEach(() => {
  uninstallFakeOffice(globalThis);
  resetSharedState();
  resetPaneVisibility();
});

async function invoke(wb: FakeWorkbook, id: string): Promise<void> {
  let completed = 0;
  await wb.actions.get(id)!({ completed: () => completed++ });
  expect(completed).toBe(1);
}

/** Scoring that ends cleanly (no error stands), so only the pane's visibility decides whether it opens. */
function cleanScorer(): WorkbookAdapter {
  // The seed's table as the engine reads it, made clean: no issue stands, 95 and 优.
  const seed = seedTable();
  const table = seedTable({ totals: { ...seed.totals, score: 95 }, grade: '优', issues: [] });
  return {
    score: async () => ({ result: { file: '', tables: [table], issues: [] }, plan: { writes: [] }, changed: 3, syncs: 3 }),
  } as unknown as WorkbookAdapter;
}

test('撤销评分 with the pane closed opens the pane on the outcome', async () => {
  const wb = await seedWorkbook();
  registerCommands(() => new OfficeWorkbookAdapter());
  await watchPaneVisibility();
  wb.setPaneMode('Taskpane');
  wb.setPaneMode('Hidden'); // the user closed it
  await invoke(wb, 'undoScoring');
  expect(lastOutcome()).toMatchObject({ command: 'undoScoring', ok: true, message: '没有可撤销的评分。' });
  expect(wb.officeCalls.showAsTaskpane).toBe(1);
  expect(wb.paneMode).toBe('Taskpane');
});

test('with the pane open the outcome is shown there, and nothing else pops up', async () => {
  const wb = await seedWorkbook();
  registerCommands(() => new OfficeWorkbookAdapter());
  await watchPaneVisibility();
  wb.setPaneMode('Taskpane');
  await invoke(wb, 'undoScoring');
  expect(wb.officeCalls.showAsTaskpane).toBe(0);
  expect(wb.officeCalls.dialogs).toEqual([]);
});

test('a clean 一键评分 with the pane closed opens it too (the message is not lost)', async () => {
  const wb = await seedWorkbook();
  registerCommands(() => cleanScorer());
  await watchPaneVisibility();
  wb.setPaneMode('Hidden');
  await invoke(wb, 'scoreWorkbook');
  expect(lastOutcome()!.message).toMatch(/评分完成：总分 95，等级“优”/);
  expect(wb.officeCalls.showAsTaskpane).toBe(1);
});

test('without a shared runtime the outcome goes to a short dialog (DialogApi)', async () => {
  const wb = await seedWorkbook({ supportedSets: { ExcelApi: '1.18', DialogApi: '1.2' } });
  registerCommands(() => new OfficeWorkbookAdapter());
  await invoke(wb, 'undoScoring');
  expect(wb.officeCalls.showAsTaskpane).toBe(0);
  expect(wb.officeCalls.dialogs).toHaveLength(1);
  expect(decodeURIComponent(wb.officeCalls.dialogs[0])).toContain('没有可撤销的评分。');
});

test('一键评分 from the ribbon on a blank template: the pane’s words (nothing to score yet, what to fill in), the pane opened, nothing written', async () => {
  const wb = fakeFromCells({ Sheet1: { A1: '会议记录' } });
  installFakeOffice(globalThis, wb);
  await new OfficeWorkbookAdapter().insertTemplate();
  const sheets = wb.sheets.map((s) => s.name);
  registerCommands(() => new OfficeWorkbookAdapter());
  await watchPaneVisibility();
  wb.setPaneMode('Hidden');
  await invoke(wb, 'scoreWorkbook');
  expect(lastOutcome()).toMatchObject({ command: 'scoreWorkbook', ok: true, message: NOTHING_TO_SCORE });
  expect(wb.officeCalls.showAsTaskpane).toBe(1);
  expect(wb.sheets.map((s) => s.name)).toEqual(sheets);
});
