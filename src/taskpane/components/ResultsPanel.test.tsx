import { screen, within } from '@testing-library/react';
import { renderFluent } from '../testing/render';
import { seedTable } from '../testing/sampleResult';
import { ResultsPanel } from './ResultsPanel';

describe('ResultsPanel', () => {
  it('shows the rate, total, and 未评级 with the reason while an error stands', () => {
    renderFluent(<ResultsPanel table={seedTable()} />);
    expect(screen.getByText(/100%（执行 64.95 ÷ 预算 64.95 万元）/)).toBeInTheDocument();
    expect(screen.getByLabelText('总分')).toHaveTextContent('110');
    expect(screen.getByText('未评级')).toBeInTheDocument();
    expect(screen.getByText(/还有 1 个错误未解决/)).toBeInTheDocument();
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
      ['预算执行率', 'H6', '66%', '100%'],
      ['预算执行率 得分', 'I6', '7', '10'],
      ['运行经费 得分', 'H16', '6', '10'],
      ['总分', 'H21', '96', '110'],
    ]);
  });
});
