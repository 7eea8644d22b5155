/**
 * Quiet when hidden: in the shared runtime the closed pane stays loaded, so sheet switches must not make it
 * read the workbook until it shows again (Office.addin.onVisibilityModeChanged, SharedRuntime 1.1, modelled
 * by the double's paneMode), and a burst of switches reads once (debounced).
 */
import { OfficeWorkbookAdapter } from '../../src/excel/officeAdapter';
import { paneVisible, resetPaneVisibility, watchPaneVisibility } from '../../src/excel/paneVisibility';
import { uninstallFakeOffice } from '../../src/excel/testing/fakeExcel';
import { seedWorkbook } from './helpers';

afterEach(() => {
  uninstallFakeOffice(globalThis);
  resetPaneVisibility();
});

const settle = () => new Promise((r) => setTimeout(r, 450));

test('follows the pane through showAsTaskpane/hide and the user closing it', async () => {
  const wb = await seedWorkbook();
  await watchPaneVisibility();
  expect(wb.visibilityHandlers.size).toBe(1);
  wb.setPaneMode('Taskpane');
  expect(paneVisible()).toBe(true);
  await (globalThis as unknown as { Office: typeof Office }).Office.addin.hide();
  expect(paneVisible()).toBe(false);
  await (globalThis as unknown as { Office: typeof Office }).Office.addin.showAsTaskpane();
  expect(paneVisible()).toBe(true);
});

test('sheet switches while the pane is hidden read nothing; showing it delivers the last sheet once', async () => {
  const wb = await seedWorkbook({ extraSheets: 3 });
  const seen: string[] = [];
  const off = await new OfficeWorkbookAdapter().onSheetActivated((s) => seen.push(s));
  wb.setPaneMode('Taskpane');
  wb.setPaneMode('Hidden');
  const syncs = wb.syncCount;
  for (const s of ['附表1', '附表2', '附表3', '自评表', '附表2']) wb.userActivates(s);
  await settle();
  expect(seen).toEqual([]);
  expect(wb.syncCount).toBe(syncs); // not even the sheet's name was asked for
  wb.setPaneMode('Taskpane');
  await settle();
  expect(seen).toEqual(['附表2']);
  await settle();
  expect(seen).toEqual(['附表2']);
  off();
});

test('a burst of switches while visible is delivered once, with the last sheet', async () => {
  const wb = await seedWorkbook({ extraSheets: 3 });
  const seen: string[] = [];
  const off = await new OfficeWorkbookAdapter().onSheetActivated((s) => seen.push(s));
  wb.setPaneMode('Taskpane');
  for (const s of ['附表1', '附表2', '附表3']) wb.userActivates(s);
  await settle();
  expect(seen).toEqual(['附表3']);
  wb.userActivates('自评表');
  await settle();
  expect(seen).toEqual(['附表3', '自评表']);
  off();
});

test('without SharedRuntime (no visibility events) the pane counts as visible and still follows the sheet', async () => {
  const wb = await seedWorkbook({ extraSheets: 1, supportedSets: { ExcelApi: '1.18' } });
  const seen: string[] = [];
  const off = await new OfficeWorkbookAdapter().onSheetActivated((s) => seen.push(s));
  expect(wb.visibilityHandlers.size).toBe(0);
  wb.userActivates('附表1');
  await settle();
  expect(seen).toEqual(['附表1']);
  off();
});
