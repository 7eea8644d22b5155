/**
 * Quiet when hidden (issue 15, item 6): in the shared runtime the pane's page can start without the pane
 * showing — with the document when the startup behavior is "Load" ("Load the add-in but do not show UI",
 * Office.StartupBehavior), or for a ribbon command — and its first read of the workbook must wait until the
 * pane shows (Office.addin.onVisibilityModeChanged → "Taskpane"). The pane runs over the real Office.js adapter
 * and the Excel double; the page's own visibility follows the double's pane as a webview's would.
 */
import { act, render, screen } from '@testing-library/react';
import { OfficeWorkbookAdapter } from '../excel/officeAdapter';
import { resetPaneVisibility } from '../excel/paneVisibility';
import { fakeFromCells, installFakeOffice, uninstallFakeOffice, type FakeWorkbook } from '../excel/testing/fakeExcel';
import { App } from './App';

const SHARED = { ExcelApi: '1.18', SharedRuntime: '1.1', DialogApi: '1.2' };

let pageVisible = true;
beforeAll(() => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (pageVisible ? 'visible' : 'hidden') });
});
afterEach(() => {
  uninstallFakeOffice(globalThis);
  resetPaneVisibility();
  pageVisible = true;
});

function workbook(options: { sets?: Record<string, string>; pane: 'Taskpane' | 'Hidden'; page: 'visible' | 'hidden'; startup?: 'None' | 'Load' }): FakeWorkbook {
  const wb = fakeFromCells({ 说明: { A1: '本工作簿尚无自评表' } }, { supportedSets: options.sets ?? SHARED });
  wb.paneMode = options.pane;
  wb.startupBehavior = options.startup ?? 'None';
  pageVisible = options.page === 'visible';
  installFakeOffice(globalThis, wb);
  return wb;
}

function mount() {
  const adapter = new OfficeWorkbookAdapter();
  const loads = jest.spyOn(adapter, 'loadProfile');
  const analyses = jest.spyOn(adapter, 'analyze');
  render(<App adapter={adapter} office={{}} />);
  return { loads, analyses };
}

const settle = () => act(() => new Promise((r) => setTimeout(r, 200)));

/** The user opens the pane: Office shows it and calls the visibility handlers; the page becomes visible. */
async function userOpensPane(wb: FakeWorkbook) {
  await act(async () => {
    pageVisible = true;
    document.dispatchEvent(new Event('visibilitychange'));
    wb.setPaneMode('Taskpane');
  });
}

test('a pane started hidden (a ribbon command) reads nothing until it shows, then reads once', async () => {
  const wb = workbook({ pane: 'Hidden', page: 'hidden' });
  const { loads, analyses } = mount();
  await settle();
  expect(loads).not.toHaveBeenCalled();
  expect(analyses).not.toHaveBeenCalled();
  expect(wb.bytesRead).toBe(0);
  await userOpensPane(wb);
  expect(await screen.findByText(/未找到项目支出绩效自评表/)).toBeInTheDocument();
  expect(loads).toHaveBeenCalledTimes(1);
  expect(analyses).toHaveBeenCalledTimes(1);
  expect(wb.bytesRead).toBeGreaterThan(0);
});

test('started with the document (startup behavior "Load"), it waits for Office to show the pane even if the page claims to be visible', async () => {
  const wb = workbook({ pane: 'Hidden', page: 'visible', startup: 'Load' });
  const { loads, analyses } = mount();
  await settle();
  expect(loads).not.toHaveBeenCalled();
  expect(analyses).not.toHaveBeenCalled();
  expect(wb.bytesRead).toBe(0);
  await act(async () => wb.setPaneMode('Taskpane'));
  expect(await screen.findByText(/未找到项目支出绩效自评表/)).toBeInTheDocument();
  expect(loads).toHaveBeenCalledTimes(1);
  expect(analyses).toHaveBeenCalledTimes(1);
});

test('opened by the user (startup behavior "None", page visible), it reads at once', async () => {
  workbook({ pane: 'Taskpane', page: 'visible' });
  const { loads, analyses } = mount();
  expect(await screen.findByText(/未找到项目支出绩效自评表/)).toBeInTheDocument();
  expect(loads).toHaveBeenCalledTimes(1);
  expect(analyses).toHaveBeenCalledTimes(1);
});

test('without a shared runtime (the page exists only while the pane shows) it reads at once, with no visibility events', async () => {
  const wb = workbook({ sets: { ExcelApi: '1.18' }, pane: 'Hidden', page: 'visible' });
  const { loads } = mount();
  expect(await screen.findByText(/未找到项目支出绩效自评表/)).toBeInTheDocument();
  expect(loads).toHaveBeenCalledTimes(1);
  expect(wb.visibilityHandlers.size).toBe(0);
});

test('hidden again after showing, it stays as it was; shown again, it does not read the workbook anew by itself', async () => {
  const wb = workbook({ pane: 'Hidden', page: 'hidden' });
  const { loads, analyses } = mount();
  await userOpensPane(wb);
  await screen.findByText(/未找到项目支出绩效自评表/);
  await act(async () => {
    pageVisible = false;
    document.dispatchEvent(new Event('visibilitychange'));
    wb.setPaneMode('Hidden');
  });
  await userOpensPane(wb);
  await settle();
  expect(loads).toHaveBeenCalledTimes(1);
  expect(analyses).toHaveBeenCalledTimes(1);
});
