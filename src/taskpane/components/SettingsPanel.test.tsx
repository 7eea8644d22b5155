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

/** The text Fluent's Field shows under a control (its validationMessage), found through aria-describedby. */
function messageBeside(control: HTMLElement): string {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

const box = (name: string) => screen.getByRole('textbox', { name });

async function retype(el: HTMLElement, text: string) {
  await userEvent.clear(el);
  await userEvent.type(el, text);
}

/** No JSON key, no English id anywhere a clerk reads. */
const ASCII_ID = /[A-Za-z]{2,}/;

describe('SettingsPanel', () => {
  it('labels a control for every key of the profile, with the names core uses in its messages', () => {
    renderFluent(<SettingsPanel profile={parseProfile({})} saving={false} onSave={saver().onSave} />);
    for (const name of ['预算执行率分值', '产出指标分值', '效益指标分值', '满意度指标分值', '达成档下限', '部分达成档下限', '超额完成提示线', '须说明偏差的执行率', '保留小数位数', '第 1 档等级名称', '第 1 档下限分数']) {
      expect(screen.getByRole('textbox', { name: new RegExp(`^${name}`) })).toBeInTheDocument();
    }
    expect(screen.getByRole('switch', { name: '总分含预算执行率得分' })).toBeChecked();
    expect(screen.getByRole('radio', { name: /目标值 ÷ 实际值/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: '四舍五入' })).toBeChecked();
    expect(screen.getByRole('radio', { name: /七部分自评报告/ })).toBeChecked();
    expect(screen.getByRole('combobox', { name: /预设/ })).toHaveValue('national');
  });

  it('shows the rate-like settings in percent: a saved 0.85 reads 85, 1.3 reads 130', () => {
    const profile = parseProfile({ deviationBelowRate: 0.85, overAchievementThreshold: 1.3, qualitativeBands: [0.8, 0.6] });
    renderFluent(<SettingsPanel profile={profile} saving={false} onSave={saver().onSave} />);
    expect(box('须说明偏差的执行率')).toHaveValue('85');
    expect(box('超额完成提示线')).toHaveValue('130');
    expect(box('达成档下限')).toHaveValue('80');
    expect(box('部分达成档下限')).toHaveValue('60');
    // The unit is shown beside each of them.
    expect(box('须说明偏差的执行率').parentElement).toHaveTextContent('%');
  });

  it('saves a typed percentage as the exact fraction: 90 → 0.9, 57.7 → 0.577, "１１５％" → 1.15', async () => {
    const { saved, onSave } = saver();
    renderFluent(<SettingsPanel profile={parseProfile({})} saving={false} onSave={onSave} />);
    await retype(box('须说明偏差的执行率'), '90');
    // 57.7 / 100 in doubles is 0.5770000000000001: the conversion must not drift.
    await retype(box('部分达成档下限'), '57.7');
    await retype(box('超额完成提示线'), '１１５％');
    await userEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect(saved).toHaveLength(1);
    expect(saved[0].deviationBelowRate).toBe(0.9);
    expect(saved[0].qualitativeBands).toEqual([0.8, 0.577]);
    expect(saved[0].overAchievementThreshold).toBe(1.15);
    // …and the form shows them back in percent.
    expect(box('须说明偏差的执行率')).toHaveValue('90');
    expect(box('超额完成提示线')).toHaveValue('115');
  });

  it('"abc" in one weight marks only that field, with a Chinese message beside it, and saves nothing', async () => {
    const { saved, onSave } = saver();
    renderFluent(<SettingsPanel profile={parseProfile({})} saving={false} onSave={onSave} />);
    await retype(box('效益指标分值'), 'abc');
    await userEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect(saved).toHaveLength(0);
    const bad = box('效益指标分值');
    expect(bad).toHaveAttribute('aria-invalid', 'true');
    expect(messageBeside(bad)).toMatch(/^效益指标分值应为不小于 0 的数字，现为“abc”。/);
    // Only the clerk's own typing may be in Latin letters, quoted.
    expect(messageBeside(bad).replace(/“[^”]*”/g, '')).not.toMatch(ASCII_ID);
    for (const other of ['预算执行率分值', '产出指标分值', '满意度指标分值']) {
      expect(box(other)).not.toHaveAttribute('aria-invalid', 'true');
      expect(messageBeside(box(other))).toBe('');
    }
    // The field keeps what was typed; focus goes to it; the form says so once, without a list.
    expect(bad).toHaveValue('abc');
    expect(bad).toHaveFocus();
    expect(screen.getByText('设置未保存：有 1 项需要改正，原因已写在该项下方。')).toBeInTheDocument();
    // Editing the field clears its mark.
    await retype(bad, '30');
    expect(bad).not.toHaveAttribute('aria-invalid', 'true');
    await userEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect(saved).toHaveLength(1);
  });

  it('marks every bad field at once, each with its own reason in percent where the field is a percentage', async () => {
    const { saved, onSave } = saver();
    renderFluent(<SettingsPanel profile={parseProfile({})} saving={false} onSave={onSave} />);
    await retype(box('保留小数位数'), '9');
    await retype(box('须说明偏差的执行率'), '150');
    await retype(box('超额完成提示线'), '90');
    await retype(box('部分达成档下限'), '85');
    await userEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect(saved).toHaveLength(0);
    expect(messageBeside(box('保留小数位数'))).toMatch(/^保留小数位数应为 0～6 的整数。/);
    expect(messageBeside(box('须说明偏差的执行率'))).toMatch(/^须说明偏差的执行率应为大于 0%、不超过 100% 的百分数，例如 90%。/);
    expect(messageBeside(box('超额完成提示线'))).toMatch(/^超额完成提示线应为大于 100% 的百分数，例如 130%。/);
    expect(messageBeside(box('部分达成档下限'))).toMatch(/^部分达成档下限应低于达成档下限。/);
    expect(box('达成档下限')).not.toHaveAttribute('aria-invalid', 'true');
    expect(box('保留小数位数')).toHaveValue('9');
    // Focus goes to the first marked field in the form's order.
    expect(box('部分达成档下限')).toHaveFocus();
    expect(screen.getByText(/有 4 项需要改正/)).toBeInTheDocument();
    const form = screen.getByRole('form', { name: '评分设置' });
    expect(form.textContent).not.toMatch(/decimals|deviationBelowRate|overAchievementThreshold|qualitativeBands|weights/);
  });

  it('applies a preset and saves it', async () => {
    const { saved, onSave } = saver();
    renderFluent(<SettingsPanel profile={parseProfile({})} saving={false} onSave={onSave} />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /预设/ }), 'abcd');
    expect(box('第 1 档等级名称')).toHaveValue('A');
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

  it('refuses text where a number belongs, by keyboard alone', async () => {
    const { saved, onSave } = saver();
    renderFluent(<SettingsPanel profile={parseProfile({})} saving={false} onSave={onSave} />);
    box('产出指标分值').focus();
    await userEvent.keyboard('{Control>}a{/Control}五十{Enter}');
    expect(saved).toHaveLength(0);
    expect(messageBeside(box('产出指标分值'))).toMatch(/^产出指标分值应为不小于 0 的数字，现为“五十”。/);
  });

  it('edits the grade bands: change, add and remove; an empty name is marked on its own band', async () => {
    const { saved, onSave } = saver();
    renderFluent(<SettingsPanel profile={parseProfile({})} saving={false} onSave={onSave} />);
    await userEvent.click(screen.getByRole('button', { name: '删除第 4 档' }));
    await retype(box('第 3 档下限分数'), '0');
    await userEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect(saved[0].grades).toEqual([
      { min: 90, label: '优' },
      { min: 80, label: '良' },
      { min: 0, label: '中' },
    ]);
    await userEvent.click(screen.getByRole('button', { name: '添加一档' }));
    await userEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect(saved).toHaveLength(1);
    expect(messageBeside(box('第 4 档等级名称'))).toMatch(/^第 4 档等级名称不能为空。/);
    expect(box('第 4 档下限分数')).not.toHaveAttribute('aria-invalid', 'true');
    expect(box('第 1 档等级名称')).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('a band lowest above 0 is marked at that band’s 下限分数', async () => {
    const { saved, onSave } = saver();
    renderFluent(<SettingsPanel profile={parseProfile({})} saving={false} onSave={onSave} />);
    await retype(box('第 4 档下限分数'), '50');
    await userEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect(saved).toHaveLength(0);
    expect(messageBeside(box('第 4 档下限分数'))).toMatch(/^最低一档的下限分数应为 0/);
  });
});
