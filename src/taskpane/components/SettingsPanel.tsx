import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import { NATIONAL_PROFILE, parseProfile, PROFILE_PRESETS, type RuleProfile } from '../../core/profile';
import type { SaveOutcome } from '../hooks/useProfile';

const useStyles = makeStyles({
  form: { display: 'grid', rowGap: tokens.spacingVerticalM },
  fieldset: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS, margin: 0, display: 'grid', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))', gap: tokens.spacingHorizontalS },
  grade: { display: 'grid', gridTemplateColumns: '1fr 1fr auto', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  // Fluent's Input has a min-width that would push two columns past a 320 px pane.
  input: { minWidth: 0, width: '100%' },
});

type WeightKey = keyof RuleProfile['weights'];
const WEIGHT_LABEL: Record<WeightKey, string> = { execution: '预算执行率', output: '产出指标', effect: '效益指标', satisfaction: '满意度指标' };

/** The form keeps exactly what the user typed (strings), so an invalid entry is refused, not lost. */
export interface Draft {
  weights: Record<WeightKey, string>;
  includeExecutionInTotal: boolean;
  bandTop: string;
  bandMiddle: string;
  negativeFormula: RuleProfile['negativeFormula'];
  overAchievementThreshold: string;
  deviationBelowRate: string;
  decimals: string;
  rounding: RuleProfile['rounding'];
  grades: { min: string; label: string }[];
  reportOutline: NonNullable<RuleProfile['reportOutline']>;
}

export function toDraft(p: RuleProfile): Draft {
  return {
    weights: { execution: String(p.weights.execution), output: String(p.weights.output), effect: String(p.weights.effect), satisfaction: String(p.weights.satisfaction) },
    includeExecutionInTotal: p.includeExecutionInTotal,
    bandTop: String(p.qualitativeBands[0]),
    bandMiddle: String(p.qualitativeBands[1]),
    negativeFormula: p.negativeFormula,
    overAchievementThreshold: String(p.overAchievementThreshold),
    deviationBelowRate: String(p.deviationBelowRate),
    decimals: String(p.decimals),
    rounding: p.rounding,
    grades: p.grades.map((g) => ({ min: String(g.min), label: g.label })),
    reportOutline: p.reportOutline ?? 'seed',
  };
}

/** Numbers where the text is one; the text itself otherwise, so parseProfile can refuse it with its reason. */
const num = (s: string): number | string => {
  const t = s.trim().replace(/，/g, ',').replace(/．/g, '.');
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : s;
};

export function fromDraft(d: Draft): Record<string, unknown> {
  return {
    weights: { execution: num(d.weights.execution), output: num(d.weights.output), effect: num(d.weights.effect), satisfaction: num(d.weights.satisfaction) },
    includeExecutionInTotal: d.includeExecutionInTotal,
    qualitativeBands: [num(d.bandTop), num(d.bandMiddle)],
    negativeFormula: d.negativeFormula,
    overAchievementThreshold: num(d.overAchievementThreshold),
    deviationBelowRate: num(d.deviationBelowRate),
    decimals: num(d.decimals),
    rounding: d.rounding,
    grades: d.grades.map((g) => ({ min: num(g.min), label: g.label })),
    reportOutline: d.reportOutline,
  };
}

const sameProfile = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Which preset the draft equals, if any. */
function presetOf(d: Draft): string {
  let input: RuleProfile;
  try {
    input = parseProfile(fromDraft(d));
  } catch {
    return 'custom';
  }
  const hit = PROFILE_PRESETS.find((p) => sameProfile(parseProfile(p.profile, NATIONAL_PROFILE), input));
  return hit ? hit.id : 'custom';
}

/** The setting a parseProfile reason names, to mark that control invalid. */
function fieldOf(reason: string): string | null {
  const keys = ['weights', 'includeExecutionInTotal', 'qualitativeBands', 'negativeFormula', 'overAchievementThreshold', 'deviationBelowRate', 'decimals', 'rounding', 'grades', 'reportOutline'];
  return keys.find((k) => reason.includes(k)) ?? null;
}

export interface SettingsPanelProps {
  profile: RuleProfile;
  saving: boolean;
  disabled?: boolean;
  onSave(input: unknown): Promise<SaveOutcome>;
}

/** 设置: every key of the rule profile, presets, saved with the workbook; invalid input is refused with the reason. */
export function SettingsPanel({ profile, saving, disabled, onSave }: SettingsPanelProps) {
  const s = useStyles();
  const [draft, setDraft] = useState<Draft>(() => toDraft(profile));
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const bad = outcome && !outcome.ok ? fieldOf(outcome.text) : null;
  const invalid = (key: string) => (bad === key ? 'error' : undefined);

  const patch = (p: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...p }));
    setOutcome(null);
  };
  const setWeight = (k: WeightKey, v: string) => patch({ weights: { ...draft.weights, [k]: v } });
  const setGrade = (i: number, p: Partial<Draft['grades'][number]>) => patch({ grades: draft.grades.map((g, j) => (j === i ? { ...g, ...p } : g)) });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const r = await onSave(fromDraft(draft));
    if (r.ok) {
      setDraft(toDraft(r.profile));
      setOutcome({ ok: true, text: '设置已保存到工作簿，已按新设置重新检测。' });
    } else {
      setOutcome({ ok: false, text: r.reason });
    }
    statusRef.current?.focus();
  };

  const preset = presetOf(draft);
  const off = saving || !!disabled;

  return (
    <form className={s.form} onSubmit={save} aria-label="评分设置">
      <Field label="预设" hint="选择后点“保存设置”生效">
        <Select
          value={preset}
          onChange={(_, d) => {
            const p = PROFILE_PRESETS.find((x) => x.id === d.value);
            if (p) patch(toDraft(parseProfile(p.profile, NATIONAL_PROFILE)));
          }}
        >
          {PROFILE_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
          {preset === 'custom' && <option value="custom">自定义</option>}
        </Select>
      </Field>

      <fieldset className={s.fieldset}>
        <legend className={s.legend}>一级指标分值（合计应为 100）</legend>
        <div className={s.pair}>
          {(Object.keys(WEIGHT_LABEL) as WeightKey[]).map((k) => (
            <Field key={k} label={WEIGHT_LABEL[k]} validationState={invalid('weights')}>
              <Input className={s.input} inputMode="decimal" value={draft.weights[k]} onChange={(_, d) => setWeight(k, d.value)} />
            </Field>
          ))}
        </div>
        <Switch
          label="总分含预算执行率得分"
          checked={draft.includeExecutionInTotal}
          onChange={(_, d) => patch({ includeExecutionInTotal: d.checked })}
        />
      </fieldset>

      <fieldset className={s.fieldset}>
        <legend className={s.legend}>定性指标档次（占分值的比例）</legend>
        <div className={s.pair}>
          <Field label="达成档下限" hint="如 0.8 即 80%" validationState={invalid('qualitativeBands')}>
            <Input className={s.input} inputMode="decimal" value={draft.bandTop} onChange={(_, d) => patch({ bandTop: d.value })} />
          </Field>
          <Field label="部分达成档下限" hint="如 0.6 即 60%" validationState={invalid('qualitativeBands')}>
            <Input className={s.input} inputMode="decimal" value={draft.bandMiddle} onChange={(_, d) => patch({ bandMiddle: d.value })} />
          </Field>
        </div>
      </fieldset>

      <Field label="反向指标算法" validationState={invalid('negativeFormula')}>
        <RadioGroup value={draft.negativeFormula} onChange={(_, d) => patch({ negativeFormula: d.value as Draft['negativeFormula'] })}>
          <Radio value="ratio" label="目标值 ÷ 实际值 × 分值" />
          <Radio value="linear" label="线性：1 − 超出比例" />
        </RadioGroup>
      </Field>

      <div className={s.pair}>
        <Field label="超额完成提示线" hint="实际 ≥ 目标 × 此值时提示，如 1.3" validationState={invalid('overAchievementThreshold')}>
          <Input className={s.input} inputMode="decimal" value={draft.overAchievementThreshold} onChange={(_, d) => patch({ overAchievementThreshold: d.value })} />
        </Field>
        <Field label="执行率低于此值须说明偏差" hint="如 1 即 100%，四川为 0.9" validationState={invalid('deviationBelowRate')}>
          <Input className={s.input} inputMode="decimal" value={draft.deviationBelowRate} onChange={(_, d) => patch({ deviationBelowRate: d.value })} />
        </Field>
      </div>

      <div className={s.pair}>
        <Field label="保留小数位数" hint="0～6" validationState={invalid('decimals')}>
          <Input className={s.input} inputMode="numeric" value={draft.decimals} onChange={(_, d) => patch({ decimals: d.value })} />
        </Field>
        <Field label="舍入方式" validationState={invalid('rounding')}>
          <RadioGroup value={draft.rounding} onChange={(_, d) => patch({ rounding: d.value as Draft['rounding'] })}>
            <Radio value="half-up" label="四舍五入" />
            <Radio value="truncate" label="截断" />
          </RadioGroup>
        </Field>
      </div>

      <fieldset className={s.fieldset}>
        <legend className={s.legend}>评价等级（总分不低于下限即为该等级）</legend>
        {draft.grades.map((g, i) => (
          <div key={i} className={s.grade}>
            <Field label={`第 ${i + 1} 档 等级名称`} validationState={invalid('grades')}>
              <Input className={s.input} value={g.label} onChange={(_, d) => setGrade(i, { label: d.value })} />
            </Field>
            <Field label={`第 ${i + 1} 档 下限分数`} validationState={invalid('grades')}>
              <Input className={s.input} inputMode="decimal" value={g.min} onChange={(_, d) => setGrade(i, { min: d.value })} />
            </Field>
            <Button aria-label={`删除第 ${i + 1} 档`} disabled={draft.grades.length <= 1} onClick={() => patch({ grades: draft.grades.filter((_, j) => j !== i) })}>
              删除
            </Button>
          </div>
        ))}
        <div>
          <Button onClick={() => patch({ grades: [...draft.grades, { min: '0', label: '' }] })}>添加一档</Button>
        </div>
      </fieldset>

      <Field label="报告提纲" validationState={invalid('reportOutline')}>
        <RadioGroup value={draft.reportOutline} onChange={(_, d) => patch({ reportOutline: d.value as Draft['reportOutline'] })}>
          <Radio value="seed" label="七部分自评报告（项目概况…需要说明的其他问题）" />
          <Radio value="national" label="财预〔2020〕10号参考提纲" />
        </RadioGroup>
      </Field>

      <div ref={statusRef} tabIndex={-1} aria-live="polite">
        {outcome && (
          <MessageBar intent={outcome.ok ? 'success' : 'error'} layout="multiline">
            <MessageBarBody>{outcome.ok ? outcome.text : `设置未保存：${outcome.text}`}</MessageBarBody>
          </MessageBar>
        )}
      </div>

      <div className={s.buttons}>
        <Button type="submit" appearance="primary" disabled={off}>
          {saving ? '保存中…' : '保存设置'}
        </Button>
        <Button
          disabled={off}
          onClick={() => {
            setDraft(toDraft(profile));
            setOutcome(null);
          }}
        >
          还原为已保存的设置
        </Button>
      </div>
      <Text size={200}>设置保存在当前工作簿中，随文件一起保存。</Text>
    </form>
  );
}
