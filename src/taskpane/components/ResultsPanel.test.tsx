import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderFluent } from '../testing/render';
import { seedTable } from '../testing/sampleResult';
import { CLEAN_INDICATORS, nationalTable, toGrid } from '../../../tests/core/helpers';
import { evaluateWorkbook } from '../../core/engine';
import { parseProfile } from '../../core/profile';
import { ResultsPanel } from './ResultsPanel';

describe('ResultsPanel', () => {
  it('while an error stands: no total (never "110 / 110"), 未写入 with the engine’s reason, 未评级', () => {
    renderFluent(<ResultsPanel table={seedTable()} />);
    expect(screen.getByText(/100%（执行 64.95 ÷ 预算 64.95 万元）/)).toBeInTheDocument();
    expect(screen.queryByLabelText('总分')).not.toBeInTheDocument();
    expect(screen.getAllByText('未写入').length).toBeGreaterThan(0);
    expect(screen.getByText(/还有 1 个错误，总分和评价等级未写入/)).toBeInTheDocument();
    expect(screen.getByText('未评级')).toBeInTheDocument();
  });

  it('explains a row’s score with the engine’s numbers when clicked, and selects its cell', async () => {
    const t = seedTable();
    t.indicators[3].explanation = '反向指标：目标 97.9 万元，实际 64.95 万元，已完成 → 满分 10';
    const onSelectCell = jest.fn();
    renderFluent(<ResultsPanel table={t} onSelectCell={onSelectCell} />);
    const row = screen.getByRole('button', { name: /运行经费/ });
    expect(row).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(row);
    expect(row).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('反向指标：目标 97.9 万元，实际 64.95 万元，已完成 → 满分 10')).toBeInTheDocument();
    expect(onSelectCell).toHaveBeenCalledWith('自评表', 'H16');
  });

  it('says 不计入总分 on the 预算执行率 row and bar when core’s result leaves it out of the total', () => {
    // A national table whose indicators carry 100 without 预算执行率 (产出 60), scored by core both ways.
    const indicators = CLEAN_INDICATORS.map((ind, i) => (i === 0 ? { ...ind, weight: 30, score: 30 } : ind));
    const grid = toGrid(nationalTable({ indicators }));
    const left = evaluateWorkbook([grid], parseProfile({ includeExecutionInTotal: false })).tables[0];
    expect(left.funds.countedInTotal).toBe(false);
    const { unmount } = renderFluent(<ResultsPanel table={left} />);
    expect(screen.getByRole('button', { name: /^预算执行率（不计入总分）\s*10 \/ 10$/ })).toBeInTheDocument();
    // The bar of 一级 scores says it too (row and bar both).
    expect(screen.getAllByText('预算执行率（不计入总分）', { selector: 'span' })).toHaveLength(2);
    expect(screen.getByLabelText('总分')).toHaveTextContent('100');
    unmount();

    const counted = evaluateWorkbook([grid], parseProfile({})).tables[0];
    expect(counted.funds.countedInTotal).toBe(true);
    renderFluent(<ResultsPanel table={counted} />);
    expect(screen.getByRole('button', { name: /^预算执行率\s*10 \/ 10$/ })).toBeInTheDocument();
    expect(screen.queryByText(/不计入总分/)).not.toBeInTheDocument();
  });

  it('shows the grade when there is one', () => {
    renderFluent(<ResultsPanel table={seedTable({ grade: '优', issues: [] })} />);
    expect(screen.getByLabelText('等级 优')).toBeInTheDocument();
    expect(screen.queryByText('未评级')).not.toBeInTheDocument();
  });

  it('draws one bar per 一级 with its score ratio', () => {
    const t = seedTable();
    // 产出 55 of 60: the engine's group summary is what the pane draws.
    t.indicators[3].score = 5;
    t.groups[1] = { ...t.groups[1], score: 55 };
    renderFluent(<ResultsPanel table={t} />);
    const bars = screen.getAllByRole('meter');
    expect(bars.map((b) => b.getAttribute('aria-label'))).toEqual(['预算执行率得分率', '产出指标得分率', '效益指标得分率', '满意度指标得分率']);
    expect(bars[1]).toHaveAttribute('aria-valuenow', String(Math.round((55 / 60) * 100)));
    expect(screen.getByText('55 / 60 分')).toBeInTheDocument();
  });

  it('lists what changed against the stated values', () => {
    renderFluent(<ResultsPanel table={seedTable()} />);
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['预算执行率（H6）', '66%', '100%'],
      ['预算执行率 得分（I6）', '7', '10'],
      ['运行经费 得分（H16）', '6', '10'],
      ['总分（H21）', '96', '未写入'],
    ]);
  });
});
