/**
 * A template nobody has filled in has no report yet (core's reportableTables): 生成报告 and 下载 Word 报告 say so
 * in an info notice and write nothing; the adapter refuses the same way when called directly (the ribbon's path).
 * The pane runs over the real Office.js adapter and the Excel double.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OfficeWorkbookAdapter } from '../excel/officeAdapter';
import { AdapterError } from '../excel/session';
import { resetPaneVisibility } from '../excel/paneVisibility';
import { fakeFromCells, installFakeOffice, uninstallFakeOffice, type FakeWorkbook } from '../excel/testing/fakeExcel';
import { App } from './App';

afterEach(() => {
  uninstallFakeOffice(globalThis);
  resetPaneVisibility();
});

/** A workbook holding only the blank template, inserted as the pane's 插入空白模板 does. */
async function blankWorkbook(): Promise<FakeWorkbook> {
  const wb = fakeFromCells({ Sheet1: { A1: '会议记录' } });
  wb.paneMode = 'Taskpane';
  installFakeOffice(globalThis, wb);
  await new OfficeWorkbookAdapter().insertTemplate();
  return wb;
}

const WHY = /工作表“空白自评表”中的自评表尚未填写（没有资金数，也没有实际完成值），还不能起草报告。请先填写项目资金和各指标的年度指标值、实际完成值，再生成报告。/;

test('the adapter refuses to draft a report of a blank template, with the reason, and adds no sheet', async () => {
  const wb = await blankWorkbook();
  const before = wb.sheets.map((s) => s.name);
  const adapter = new OfficeWorkbookAdapter();
  const err = await adapter.generateReport().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AdapterError);
  expect(err).toMatchObject({ code: 'TABLE_BLANK', userMessage: expect.stringMatching(WHY) });
  const docx = await adapter.reportDocx().catch((e: unknown) => e);
  expect(docx).toMatchObject({ code: 'TABLE_BLANK', userMessage: expect.stringMatching(WHY) });
  expect(wb.sheets.map((s) => s.name)).toEqual(before);
});

test('生成报告 and 下载 Word 报告 on a blank template: an info notice saying why and what to fill, nothing written', async () => {
  const wb = await blankWorkbook();
  const before = wb.sheets.map((s) => s.name);
  render(<App adapter={new OfficeWorkbookAdapter()} office={{}} />);
  await waitFor(() => expect(screen.getAllByText('待填写').length).toBeGreaterThan(0));
  for (const name of ['生成报告', '下载 Word 报告']) {
    await userEvent.click(screen.getByRole('button', { name }));
    const notice = await screen.findByText('还不能起草报告');
    const bar = notice.closest('.fui-MessageBar') as HTMLElement;
    expect(within(bar).getByText(WHY)).toBeInTheDocument();
    expect(bar.textContent).toMatch(/未生成任何内容。/);
  }
  await waitFor(() => expect(wb.sheets.map((s) => s.name)).toEqual(before));
});
