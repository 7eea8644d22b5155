import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NATIONAL_PROFILE, parseProfile, ProfileError, type RuleProfile } from '../../core/profile';
import type { SaveOutcome } from '../hooks/useProfile';
import { renderFluent } from '../testing/render';
import { SettingsPanel } from './SettingsPanel';

/** Saves the way useProfile does: parseProfile decides. */
function saver() {
  const saved: RuleProfile[] = [];
  const onSave = async (input: unknown): Promise<SaveOutcome> => {
    try {
      const p = parseProfile(input, NATIONAL_PROFILE);
      saved.push(p);
      return { ok: true, profile: p };
    } catch (e) {
      return { ok: false, reason: (e as ProfileError).message };
    }
  };
  return { saved, onSave };
}

describe('SettingsPanel', () => {
  it('labels a control for every key of the profile', () => {
    renderFluent(<SettingsPanel profile={parseProfile({})} saving={false} onSave={saver().onSave} />);
    for (const name of ['预算执行率', '产出指标', '效益指标', '满意度指标', '达成档下限', '部分达成档下限', '超额完成提示线', '执行率低于此值须说明偏差', '保留小数位数', '第 1 档 等级名称', '第 1 档 下限分数']) {
      expect(screen.getByRole('textbox', { name: new RegExp(`^${name}`) })).toBeInTheDocument();
    }
    expect(screen.getByRole('switch', { name: '总分含预算执行率得分' })).toBeChecked();
    expect(screen.getByRole('radio', { name: /目标值 ÷ 实际值/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: '四舍五入' })).toBeChecked();
    expect(screen.getByRole('radio', { name: /七部分自评报告/ })).toBeChecked();
    expect(screen.getByRole('combobox', { name: /预设/ })).toHaveValue('national');
  });

  it('applies a preset and saves it', async () => {
    const { saved, onSave } = saver();
    renderFluent(<SettingsPanel profile={parseProfile({})} saving={false} onSave={onSave} />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /预设/ }), 'abcd');
    expect(screen.getByRole('textbox', { name: '第 1 档 等级名称' })).toHaveValue('A');
    await userEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect(saved).toHaveLength(1);
    expect(saved[0].grades.map((g) => g.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(await screen.findByText(/设置已保存/)).toBeInTheDocument();
  });

  it('the 总分不含预算执行率 preset turns the switch off', async () => {
    const { saved, onSave } = saver();
    renderFluent(<SettingsPanel profile={parseProfile({})} saving={false} onSave={onSave} />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /预设/ }), 'no-execution');
    expect(screen.getByRole('switch', { name: '总分含预算执行率得分' })).not.toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect(saved[0].includeExecutionInTotal).toBe(false);
  });

  it('refuses invalid settings with the reason from parseProfile and keeps what was typed', async () => {
    const { saved, onSave } = saver();
    renderFluent(<SettingsPanel profile={parseProfile({})} saving={false} onSave={onSave} />);
    const decimals = screen.getByRole('textbox', { name: /保留小数位数/ });
    await userEvent.clear(decimals);
    await userEvent.type(decimals, '9');
    await userEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect(saved).toHaveLength(0);
    expect(await screen.findByText(/设置未保存：decimals（保留小数位数）应为 0～6 的整数/)).toBeInTheDocument();
    expect(decimals).toHaveValue('9');
    expect(decimals).toHaveAttribute('aria-invalid', 'true');
  });

  it('refuses text where a number belongs, by keyboard alone', async () => {
    const { saved, onSave } = saver();
    renderFluent(<SettingsPanel profile={parseProfile({})} saving={false} onSave={onSave} />);
    screen.getByRole('textbox', { name: '产出指标' }).focus();
    await userEvent.keyboard('{Control>}a{/Control}五十{Enter}');
    expect(saved).toHaveLength(0);
    expect(await screen.findByText(/weights.output 应为不小于 0 的数字/)).toBeInTheDocument();
  });

  it('edits the grade bands: change, add and remove', async () => {
    const { saved, onSave } = saver();
    renderFluent(<SettingsPanel profile={parseProfile({})} saving={false} onSave={onSave} />);
    await userEvent.click(screen.getByRole('button', { name: '删除第 4 档' }));
    const min3 = screen.getByRole('textbox', { name: '第 3 档 下限分数' });
    await userEvent.clear(min3);
    await userEvent.type(min3, '0');
    await userEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect(saved[0].grades).toEqual([
      { min: 90, label: '优' },
      { min: 80, label: '良' },
      { min: 0, label: '中' },
    ]);
    await userEvent.click(screen.getByRole('button', { name: '添加一档' }));
    await userEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect(await screen.findByText(/grades（等级）应为数组/)).toBeInTheDocument();
  });
});
