import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderFluent } from '../testing/render';
import { issueText } from '../model';
import { seedTable } from '../testing/sampleResult';
import { IssuesPanel } from './IssuesPanel';

describe('IssuesPanel', () => {
  it('groups issues by severity with counts and shows the messages, the address beside them', () => {
    const t = seedTable();
    renderFluent(<IssuesPanel issues={t.issues} sheet={t.sheet} onSelectCell={() => {}} />);
    // The seed as the engine reads it: WEIGHT_SUM the one error; 执行率 ×2, the execution score, a unit, a
    // score, a bound for an actual and the total as warnings.
    const errors = screen.getByRole('region', { name: /错误/ });
    expect(within(errors).getByText('1')).toBeInTheDocument();
    expect(within(errors).getAllByRole('button')).toHaveLength(1);
    const warnings = screen.getByRole('region', { name: /警告/ });
    expect(within(warnings).getAllByRole('button').map((b) => b.textContent?.match(/^警告 ([A-Z]+\d+)/)?.[1])).toEqual(['H6', 'I6', 'H7', 'F13', 'H16', 'F20', 'H21']);
    expect(screen.getByRole('region', { name: /提示/ })).toBeInTheDocument();
    // Each message as the engine wrote it, without the address that stands beside it.
    const shown = screen.getAllByRole('button').map((b) => b.textContent);
    for (const i of t.issues) expect(shown).toContainEqual(expect.stringContaining(`${i.cell}${issueText(i)}`));
  });

  it('selects the cell on click and on Enter', async () => {
    const t = seedTable();
    const onSelectCell = jest.fn();
    renderFluent(<IssuesPanel issues={t.issues} sheet={t.sheet} onSelectCell={onSelectCell} />);
    // WEIGHT_SUM sits at the 一级 cell whose weights cause it (产出指标 60 分 where the rules say 50).
    await userEvent.click(screen.getByRole('button', { name: /B13/ }));
    expect(onSelectCell).toHaveBeenLastCalledWith('自评表', 'B13');
    screen.getByRole('button', { name: /H16/ }).focus();
    await userEvent.keyboard('{Enter}');
    expect(onSelectCell).toHaveBeenLastCalledWith('自评表', 'H16');
  });

  it("uses an issue's own sheet, and does not offer to select a file-level issue", () => {
    const onSelectCell = jest.fn();
    renderFluent(
      <IssuesPanel
        issues={[
          { code: 'TABLE_NOT_FOUND', severity: 'error', cell: null, message: '没有找到自评表。' },
          { code: 'MISSING_VALUE', severity: 'warning', cell: 'C3', sheet: '表二', message: '项目名称为空。' },
        ]}
        sheet="自评表"
        onSelectCell={onSelectCell}
      />,
    );
    expect(screen.getAllByRole('button')).toHaveLength(1);
    screen.getByRole('button').click();
    expect(onSelectCell).toHaveBeenCalledWith('表二', 'C3');
  });

  it('says so when there are no issues', () => {
    renderFluent(<IssuesPanel issues={[]} sheet="自评表" onSelectCell={() => {}} />);
    expect(screen.getByText('没有发现问题。')).toBeInTheDocument();
  });
});
