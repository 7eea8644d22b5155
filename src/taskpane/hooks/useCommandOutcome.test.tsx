/**
 * The pane shows what a ribbon command did: the command opens the pane on its outcome when the pane was
 * closed (src/commands), and this is what the user then reads.
 */
import { act, render, screen } from '@testing-library/react';
import { App } from '../App';
import { publishOutcome, resetSharedState } from '../../excel/sharedState';
import { FakeAdapter } from '../testing/fakeAdapter';
import { seedResult, seedTable } from '../testing/sampleResult';

afterEach(() => resetSharedState());

test('an undo from the ribbon: the pane says so and reads the workbook again', async () => {
  const adapter = new FakeAdapter();
  render(<App adapter={adapter} />);
  await screen.findByRole('tablist');
  const reads = adapter.calls.filter((c) => c.method === 'analyze').length;
  act(() => publishOutcome({ command: 'undoScoring', ok: true, message: '已撤销上次评分，恢复了 12 个单元格。', undo: { restored: 12, syncs: 3 }, at: Date.now() }));
  expect(await screen.findByText('已撤销上次评分，恢复了 12 个单元格。')).toBeInTheDocument();
  expect(screen.getByText('功能区“撤销评分”')).toBeInTheDocument();
  await act(async () => undefined);
  expect(adapter.calls.filter((c) => c.method === 'analyze').length).toBe(reads + 1);
});

test('a scoring from the ribbon: its result is shown as is, without reading again', async () => {
  const adapter = new FakeAdapter();
  render(<App adapter={adapter} />);
  await screen.findByRole('tablist');
  const reads = adapter.calls.filter((c) => c.method === 'analyze').length;
  const t = seedTable();
  t.totals.score = 77.5;
  t.grade = '中';
  const result = seedResult({ tables: [t] });
  act(() =>
    publishOutcome({ command: 'scoreWorkbook', ok: true, message: '评分完成：总分 77.5，等级“中”。', errors: 0, score: { result, plan: { writes: [] } as never, changed: 4, syncs: 3 }, at: Date.now() }),
  );
  expect(await screen.findByText('评分完成：总分 77.5，等级“中”。')).toBeInTheDocument();
  expect(screen.getByText('总分 77.5 · 等级 中')).toBeInTheDocument();
  expect(adapter.calls.filter((c) => c.method === 'analyze').length).toBe(reads);
});

test('a failed command is an alert with its Chinese reason', async () => {
  render(<App adapter={new FakeAdapter()} />);
  await screen.findByRole('tablist');
  act(() => publishOutcome({ command: 'generateReport', ok: false, message: '生成报告失败：工作簿以只读方式打开。', at: Date.now() }));
  expect(await screen.findByRole('alert')).toHaveTextContent('生成报告失败');
});
