import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderFluent } from '../testing/render';
import { ActionBar } from './ActionBar';

const none = { generateReport: false, insertTemplate: false };

describe('ActionBar', () => {
  it('runs 一键评分 by keyboard', async () => {
    const onRun = jest.fn();
    renderFluent(<ActionBar capabilities={none} running={null} hasTable onRun={onRun} />);
    await userEvent.tab();
    expect(screen.getByRole('button', { name: '一键评分' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(onRun).toHaveBeenCalledWith('score');
  });

  it('keeps features that do not exist yet disabled but focusable, with a reason', async () => {
    const onRun = jest.fn();
    renderFluent(<ActionBar capabilities={none} running={null} hasTable onRun={onRun} />);
    const report = screen.getByRole('button', { name: '生成报告' });
    const template = screen.getByRole('button', { name: '插入空白模板' });
    expect(report).toHaveAttribute('aria-disabled', 'true');
    expect(template).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(report);
    expect(onRun).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: '撤销评分' })).toBeEnabled();
  });

  it('enables the optional features when the adapter has them', () => {
    renderFluent(<ActionBar capabilities={{ generateReport: true, insertTemplate: true }} running={null} hasTable onRun={() => {}} />);
    expect(screen.getByRole('button', { name: '生成报告' })).toBeEnabled();
    expect(screen.getByRole('button', { name: '插入空白模板' })).toBeEnabled();
  });

  it('shows progress on the running action and disables the others', () => {
    renderFluent(<ActionBar capabilities={{ generateReport: true, insertTemplate: true }} running="score" hasTable onRun={() => {}} />);
    const running = screen.getByRole('button', { name: /一键评分中/ });
    expect(running).toHaveAttribute('aria-busy', 'true');
    for (const name of ['生成报告', '撤销评分', '插入空白模板']) expect(screen.getByRole('button', { name })).toBeDisabled();
  });

  it('cannot score without a table', () => {
    renderFluent(<ActionBar capabilities={none} running={null} hasTable={false} onRun={() => {}} />);
    expect(screen.getByRole('button', { name: '一键评分' })).toHaveAttribute('aria-disabled', 'true');
  });
});
