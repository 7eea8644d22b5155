import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from './App';
import { deferred, FakeAdapter } from './testing/fakeAdapter';
import { emptyResult, seedResult, seedTable } from './testing/sampleResult';

const scoredResult = () => {
  const t = seedTable();
  t.funds.statedRate = 1;
  t.funds.statedScore = 10;
  t.indicators[3].statedScore = 10;
  return seedResult({ tables: [t] });
};

async function openPane(adapter: FakeAdapter, office?: unknown) {
  render(<App adapter={adapter} office={office} />);
  await screen.findByRole('tablist');
}

// Fluent in jsdom is slow when the whole suite shares two cores: give user-event flows room.
jest.setTimeout(30_000);

describe('App', () => {
  it('reads the saved profile, analyzes with it and shows what was found', async () => {
    const adapter = new FakeAdapter();
    await openPane(adapter);
    expect(screen.getByText('A1:I21')).toBeInTheDocument();
    const analyze = adapter.calls.find((c) => c.method === 'analyze')!;
    expect(analyze.args[0]).toEqual(adapter.profile);
    // The seed as the engine reads it: 9 issues (1 error, 7 warnings, 1 info).
    expect(screen.getByRole('tab', { name: '问题（9）' })).toBeInTheDocument();
  });

  // Arrow-key movement inside the TabList needs real layout (Tabster): the e2e test covers it.
  it('opens a tab with the keyboard', async () => {
    await openPane(new FakeAdapter());
    screen.getByRole('tab', { name: /问题/ }).focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('tabpanel', { name: /问题/ })).toBeVisible();
    expect(screen.getByText(/错误 1 项，警告 7 项，提示 1 项/)).toBeInTheDocument();
  });

  it('scores: progress while running, others disabled, then the new result and a notice', async () => {
    const adapter = new FakeAdapter({ scored: scoredResult() });
    await openPane(adapter);
    const gate = deferred();
    adapter.gates.set('score', gate);
    await userEvent.click(screen.getByRole('button', { name: '一键评分' }));
    expect(screen.getByRole('button', { name: /一键评分中/ })).toBeDisabled();
    expect(screen.getByRole('button', { name: '撤销评分' })).toBeDisabled();
    await act(async () => gate.resolve());
    expect(await screen.findByText(/已写回 4 个单元格/)).toBeInTheDocument();
    expect(adapter.count('score')).toBe(1);
    expect(screen.getByRole('button', { name: '撤销评分' })).toBeEnabled();
    await userEvent.click(screen.getByRole('tab', { name: '评分结果' }));
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(2); // header + 总分 only: the rate and scores now agree
  });

  it('shows a failed action in a MessageBar with the adapter’s userMessage, and stays usable', async () => {
    const adapter = new FakeAdapter();
    await openPane(adapter);
    adapter.failures.set('score', Object.assign(new Error('InvalidOperation: cell editing'), { userMessage: '请先结束单元格编辑，再点“一键评分”。' }));
    await userEvent.click(screen.getByRole('button', { name: '一键评分' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('一键评分失败');
    expect(alert).toHaveTextContent('请先结束单元格编辑');
    expect(alert).not.toHaveTextContent('at ');
    expect(screen.getByRole('button', { name: '一键评分' })).toBeEnabled();
  });

  it('shows a failed read with a retry, never a blank pane', async () => {
    const adapter = new FakeAdapter();
    adapter.failures.set('analyze', new Error('Excel.run rejected'));
    render(<App adapter={adapter} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('读取工作簿失败');
    expect(alert).toHaveTextContent('Excel.run rejected');
    adapter.failures.delete('analyze');
    await userEvent.click(within(alert).getByRole('button', { name: '重新检测' }));
    expect(await screen.findByText('A1:I21')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('undo reports what was restored and reads the workbook again', async () => {
    const adapter = new FakeAdapter();
    await openPane(adapter);
    const before = adapter.count('analyze');
    await userEvent.click(screen.getByRole('button', { name: '撤销评分' }));
    expect(await screen.findByText(/已恢复 4 个单元格/)).toBeInTheDocument();
    expect(adapter.count('analyze')).toBe(before + 1);
  });

  it('follows the user to the table on the sheet they activate', async () => {
    const result = seedResult({ tables: [seedTable(), seedTable({ sheet: '表二', range: 'B2:J22' })] });
    const adapter = new FakeAdapter({ result });
    await openPane(adapter);
    expect(screen.getByRole('combobox')).toHaveValue('0');
    await act(async () => adapter.activate('表二'));
    await waitFor(() => expect(screen.getByRole('combobox')).toHaveValue('1'));
    expect(screen.getByText('B2:J22')).toBeInTheDocument();
  });

  it('selects an issue’s cell in Excel', async () => {
    const adapter = new FakeAdapter();
    await openPane(adapter);
    await userEvent.click(screen.getByRole('tab', { name: /问题/ }));
    await userEvent.click(screen.getByRole('button', { name: /H6/ }));
    expect(adapter.calls.at(-1)).toEqual({ method: 'selectCell', args: ['自评表', 'H6'] });
  });

  it('saves settings to the workbook and analyzes again with them', async () => {
    const adapter = new FakeAdapter();
    await openPane(adapter);
    await userEvent.click(screen.getByRole('tab', { name: '设置' }));
    await userEvent.click(screen.getByRole('switch', { name: '总分含预算执行率得分' }));
    await userEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect(await screen.findByText(/设置已保存/)).toBeInTheDocument();
    expect(adapter.profile.includeExecutionInTotal).toBe(false);
    await waitFor(() => expect(adapter.calls.filter((c) => c.method === 'analyze').at(-1)!.args[0]).toMatchObject({ includeExecutionInTotal: false }));
  });

  it('keeps a half-typed setting when the user switches tabs', async () => {
    await openPane(new FakeAdapter());
    await userEvent.click(screen.getByRole('tab', { name: '设置' }));
    const box = screen.getByRole('textbox', { name: '产出指标分值' });
    await userEvent.clear(box);
    await userEvent.type(box, '45');
    await userEvent.click(screen.getByRole('tab', { name: '检测' }));
    await userEvent.click(screen.getByRole('tab', { name: '设置' }));
    expect(screen.getByRole('textbox', { name: '产出指标分值' })).toHaveValue('45');
  });

  it('explains an empty workbook and keeps scoring off', async () => {
    await openPane(new FakeAdapter({ result: emptyResult() }));
    expect(screen.getByText('没有找到项目支出绩效自评表')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '一键评分' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('runs the optional features when the adapter has them', async () => {
    const adapter = new FakeAdapter({ withReport: true });
    await openPane(adapter);
    await userEvent.click(screen.getByRole('button', { name: '生成报告' }));
    expect(await screen.findByText(/已写入工作表“绩效自评报告”/)).toBeInTheDocument();
  });

  it('follows Office’s dark theme', async () => {
    await openPane(new FakeAdapter(), { context: { officeTheme: { bodyBackgroundColor: '#1f1f1f' } } });
    // webDarkTheme's neutral background 2 is #1f1f1f-ish; light is #fafafa. FluentProvider sets it as a CSS variable.
    const provider = document.querySelector('.fui-FluentProvider') as HTMLElement;
    expect(provider).toBeTruthy();
    const rules = Array.from(document.styleSheets).flatMap((sheet) => Array.from(sheet.cssRules).map((r) => r.cssText));
    expect(rules.join('\n')).toMatch(/--colorNeutralBackground1:\s*#292929/);
  });

  it('downloads the report as Word for the table shown', async () => {
    const created: Blob[] = [];
    const clicked: string[] = [];
    URL.createObjectURL = (b: Blob) => {
      created.push(b);
      return 'blob:report';
    };
    URL.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const adapter = new FakeAdapter({ withDocx: true });
    await openPane(adapter);
    await userEvent.click(screen.getByRole('button', { name: '下载 Word 报告' }));
    expect(await screen.findByText(/已下载“运行经费绩效自评报告.docx”/)).toBeInTheDocument();
    expect(adapter.calls.find((c) => c.method === 'reportDocx')!.args[1]).toBe('自评表');
    expect(created).toHaveLength(1);
    expect(clicked).toEqual(['运行经费绩效自评报告.docx']);
    click.mockRestore();
  });

  it('previews a scoring that would replace typed input; nothing is written until 确认写入', async () => {
    const pending = [
      { sheet: '自评表', address: 'H16', kind: 'text' as const, before: '满分', after: '10', write: {} as never },
      { sheet: '自评表', address: 'H6', kind: 'number' as const, before: '66%', after: '100%', write: {} as never },
    ];
    const adapter = new FakeAdapter({ scored: scoredResult(), pending });
    await openPane(adapter);
    await userEvent.click(screen.getByRole('button', { name: '一键评分' }));
    const preview = await screen.findByRole('region', { name: '确认改写' });
    expect(preview).toHaveTextContent('将改写 2 个单元格，其中 1 个原为文字「满分」。尚未写入任何内容');
    await userEvent.click(within(preview).getByRole('button', { name: /H16.*原为文字「满分」→ 10/ }));
    expect(adapter.calls.at(-1)).toEqual({ method: 'selectCell', args: ['自评表', 'H16'] });
    // Cancel: nothing written.
    await userEvent.click(within(preview).getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('region', { name: '确认改写' })).not.toBeInTheDocument();
    expect(adapter.result).not.toBe(adapter.scored);
    // Again, then confirm: the confirmed cells are exactly the previewed ones.
    await userEvent.click(screen.getByRole('button', { name: '一键评分' }));
    await userEvent.click(within(await screen.findByRole('region', { name: '确认改写' })).getByRole('button', { name: '确认写入' }));
    expect(await screen.findByText(/已写回 4 个单元格/)).toBeInTheDocument();
    const last = adapter.calls.filter((c) => c.method === 'score').at(-1)!;
    expect(last.args[1]).toEqual({ confirmed: ['自评表!H16', '自评表!H6'] });
  });

  it('says so in a warning, not a success, while an error holds the total back', async () => {
    const adapter = new FakeAdapter();
    await openPane(adapter);
    await userEvent.click(screen.getByRole('button', { name: '一键评分' }));
    await screen.findByText(/已写回 4 个单元格；还有 1 个错误，总分和等级未写入/);
    expect(screen.getByText('评分未完成')).toBeInTheDocument();
    expect(screen.queryByText('评分完成')).not.toBeInTheDocument();
  });

  it('returns focus to the button that started an action when its notice is closed', async () => {
    await openPane(new FakeAdapter());
    const score = screen.getByRole('button', { name: '一键评分' });
    await userEvent.click(score);
    await userEvent.click(await screen.findByRole('button', { name: '关闭' }));
    await waitFor(() => expect(score).toHaveFocus());
  });

  it('lists corrected issues apart, re-checks on 重新检查 and after the user edits (debounced)', async () => {
    const t = seedTable();
    t.issues = t.issues.map((i) => ({ ...i, status: i.code === 'RATE_MISMATCH' || i.code === 'SCORE_MISMATCH' ? ('corrected' as const) : ('open' as const) }));
    const adapter = new FakeAdapter({ result: seedResult({ tables: [t] }) });
    await openPane(adapter);
    // Of the seed's 9 issues, the two rates (H6, H7) and the two scores (I6, H16) are the ones scoring corrects.
    expect(screen.getByRole('tab', { name: '问题（5）' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: /问题/ }));
    const corrected = screen.getByRole('region', { name: /已自动更正/ });
    expect(within(corrected).getAllByRole('button').map((b) => b.textContent?.match(/([A-Z]+\d+)/)?.[1])).toEqual(['H6', 'I6', 'H7', 'H16']);
    const todo = screen.getByRole('region', { name: /需要您处理/ });
    expect(within(todo).queryByText(/H6/)).not.toBeInTheDocument();

    const analyses = adapter.count('analyze');
    await userEvent.click(screen.getByRole('button', { name: '重新检查' }));
    await waitFor(() => expect(adapter.count('analyze')).toBe(analyses + 1), { timeout: 10_000 });
    // The user fixes F20: its issue goes once the edits pause.
    adapter.result = seedResult({ tables: [{ ...t, issues: t.issues.filter((i) => i.cell !== 'F20') }] });
    act(() => {
      adapter.edit('自评表');
      adapter.edit('自评表');
    });
    await waitFor(() => expect(screen.queryByRole('button', { name: /F20/ })).not.toBeInTheDocument(), { timeout: 10_000 });
    expect(adapter.count('analyze')).toBe(analyses + 2);
  });

  it('after an undo, offers to delete or mark the report sheets drafted from the undone numbers', async () => {
    const reports = [
      { name: '绩效自评报告', edited: false },
      { name: '填报问题清单', edited: false },
    ];
    const adapter = new FakeAdapter({ staleReports: reports });
    await openPane(adapter);
    await userEvent.click(screen.getByRole('button', { name: '撤销评分' }));
    expect(await screen.findByText(/工作表“绩效自评报告”“填报问题清单”是按撤销前的评分生成的/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '删除报告' }));
    await waitFor(() => expect(adapter.calls.find((c) => c.method === 'retireReports')?.args).toEqual([['绩效自评报告', '填报问题清单'], 'delete']));
    expect(await screen.findByText('已删除“绩效自评报告”“填报问题清单”。')).toBeInTheDocument();
  });

  it('never offers to delete a stale report the user has edited: only to mark it', async () => {
    const adapter = new FakeAdapter({ staleReports: [{ name: '绩效自评报告', edited: true }] });
    await openPane(adapter);
    await userEvent.click(screen.getByRole('button', { name: '撤销评分' }));
    expect(await screen.findByText(/其中有您改过的内容，只能标为已过期/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '删除报告' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: '标为已过期' }));
    await waitFor(() => expect(adapter.calls.find((c) => c.method === 'retireReports')?.args).toEqual([['绩效自评报告'], 'mark']));
  });

  it('keeps 撤销评分 off with nothing to undo', async () => {
    await openPane(new FakeAdapter({ result: seedResult({ undoable: false }) }));
    expect(screen.getByRole('button', { name: '撤销评分' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('opens on the ribbon’s preview when 一键评分 was clicked there', async () => {
    const pending = [{ sheet: '自评表', address: 'H16', kind: 'text' as const, before: '满分', after: '10', write: {} as never }];
    const listeners: ((o: never) => void)[] = [];
    const outcomes = {
      last: () => ({ command: 'scoreWorkbook' as const, ok: true, message: '', at: Date.now(), score: { result: seedResult(), plan: { writes: [], marks: [] }, changed: 0, syncs: 2, pending } }),
      subscribe: (l: (o: never) => void) => {
        listeners.push(l);
        return () => undefined;
      },
    };
    render(<App adapter={new FakeAdapter()} outcomes={outcomes} />);
    expect(await screen.findByRole('region', { name: '确认改写' })).toHaveTextContent('原为文字「满分」');
  });

  it('selects the chosen table in Excel', async () => {
    const adapter = new FakeAdapter({ result: seedResult({ tables: [seedTable(), seedTable({ sheet: '表二', range: 'B2:J22' })] }) });
    await openPane(adapter);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /2 张自评表/ }), screen.getByRole('option', { name: /表二!B2:J22/ }));
    await waitFor(() => expect(adapter.calls.at(-1)).toEqual({ method: 'selectCell', args: ['表二', 'B2'] }));
  });
});
