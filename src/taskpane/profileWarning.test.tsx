/**
 * A damaged saved profile (the very hidden sheet `_jixiao_settings`, A1: CONTRACT.md) is not silently replaced by
 * the national rules: the adapter says why (profileWarning), and the pane shows it in Chinese in a warning
 * MessageBar, with what to do; saving valid settings overwrites the damaged ones and the warning goes.
 * The pane runs over the real Office.js adapter and the Excel double.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SETTINGS_SHEET } from '../core/savedProfile';
import { OfficeWorkbookAdapter } from '../excel/officeAdapter';
import { resetPaneVisibility } from '../excel/paneVisibility';
import { fakeFromCells, installFakeOffice, uninstallFakeOffice, type FakeWorkbook } from '../excel/testing/fakeExcel';
import { App } from './App';

afterEach(() => {
  uninstallFakeOffice(globalThis);
  resetPaneVisibility();
});

/** A workbook whose saved profile cell holds `saved` (the sheet very hidden, as the add-in makes it). */
function workbookWithProfile(saved: string): FakeWorkbook {
  const wb = fakeFromCells({ 说明: { A1: '本工作簿尚无自评表' }, [SETTINGS_SHEET]: { A1: saved } });
  wb.sheet(SETTINGS_SHEET)!.visibility = 'VeryHidden';
  wb.paneMode = 'Taskpane';
  installFakeOffice(globalThis, wb);
  return wb;
}

/** The pane's warning bars (Fluent MessageBar, intent warning). */
const warnings = () => [...document.querySelectorAll('.fui-MessageBar')].filter((e) => /评分规则/.test(e.textContent ?? ''));

test('a saved profile that is not JSON: the warning names the sheet and cell, and says to save again', async () => {
  workbookWithProfile('{"weights": {');
  render(<App adapter={new OfficeWorkbookAdapter()} office={{}} />);
  await screen.findByText(/未找到项目支出绩效自评表/);
  const bar = await waitFor(() => {
    const [only] = warnings();
    expect(only).toBeDefined();
    return only as HTMLElement;
  });
  expect(bar.textContent).toMatch(new RegExp(`${SETTINGS_SHEET}.*A1.*不是有效的 JSON.*全国默认规则.*重新保存`));
  expect(bar.textContent).not.toMatch(/Error|at \w+ \(/);
});

test('a saved profile out of range: the reason in Chinese, national rules meanwhile, and saving valid settings clears it', async () => {
  const wb = workbookWithProfile('{"decimals":"two"}');
  render(<App adapter={new OfficeWorkbookAdapter()} office={{}} />);
  await screen.findByText(/未找到项目支出绩效自评表/);
  await waitFor(() => expect(warnings()).toHaveLength(1));
  expect(warnings()[0].textContent).toMatch(/工作簿中保存的评分规则有误：.*已改用全国默认规则。请在“设置”中检查各项后点“保存设置”，重新保存规则/);

  await userEvent.click(screen.getByRole('tab', { name: /设置/ }));
  const form = screen.getByRole('form', { name: '评分设置' });
  await userEvent.click(within(form).getByRole('button', { name: '保存设置' }));
  await waitFor(() => expect(warnings()).toHaveLength(0));
  expect(JSON.parse(String(wb.cell(SETTINGS_SHEET, 'A1').value))).toMatchObject({ decimals: 2 });
});

test('a sound saved profile shows no warning', async () => {
  workbookWithProfile('{"decimals":1}');
  render(<App adapter={new OfficeWorkbookAdapter()} office={{}} />);
  await screen.findByText(/未找到项目支出绩效自评表/);
  expect(warnings()).toHaveLength(0);
});
