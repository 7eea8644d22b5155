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
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { checkProfile, NATIONAL_PROFILE, parseProfile, PROFILE_PRESETS, type ProfileProblem, type RuleProfile } from '../../core/profile';
import { profileFieldName } from '../../core/profileFields';
import { fractionOf, numberOf, percentText } from '../settingsText';
import type { SaveOutcome } from '../hooks/useProfile';

const useStyles = makeStyles({
  form: { display: 'grid', rowGap: tokens.spacingVerticalM },
  fieldset: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS, margin: 0, display: 'grid', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  // Start-aligned: a validation message under one field must not stretch its neighbour's input.
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))', gap: tokens.spacingHorizontalS, alignItems: 'start' },
  grade: { display: 'grid', gridTemplateColumns: '1fr 1fr auto', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  // Fluent's Input has a min-width that would push two columns past a 320 px pane.
  input: { minWidth: 0, width: '100%' },
});

type WeightKey = keyof RuleProfile['weights'];
const WEIGHT_KEYS: WeightKey[] = ['execution', 'output', 'effect', 'satisfaction'];

/**
 * The form keeps exactly what the user typed (strings), so an invalid entry is refused, not lost. The
 * rate-like settings (PERCENT_FIELDS) are held as percentages: 90 here is 0.9 in the profile.
 */
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
    bandTop: percentText(p.qualitativeBands[0]),
    bandMiddle: percentText(p.qualitativeBands[1]),
    negativeFormula: p.negativeFormula,
    overAchievementThreshold: percentText(p.overAchievementThreshold),
    deviationBelowRate: percentText(p.deviationBelowRate),
    decimals: String(p.decimals),
    rounding: p.rounding,
    grades: p.grades.map((g) => ({ min: String(g.min), label: g.label })),
    reportOutline: p.reportOutline ?? 'seed',
  };
}

/** The profile input the draft stands for: percentages back to fractions, numbers as numbers, other text as typed. */
export function fromDraft(d: Draft): Record<string, unknown> {
  return {
    weights: { execution: numberOf(d.weights.execution), output: numberOf(d.weights.output), effect: numberOf(d.weights.effect), satisfaction: numberOf(d.weights.satisfaction) },
    includeExecutionInTotal: d.includeExecutionInTotal,
    qualitativeBands: [fractionOf(d.bandTop), fractionOf(d.bandMiddle)],
    negativeFormula: d.negativeFormula,
    overAchievementThreshold: fractionOf(d.overAchievementThreshold),
    deviationBelowRate: fractionOf(d.deviationBelowRate),
    decimals: numberOf(d.decimals),
    rounding: d.rounding,
    grades: d.grades.map((g) => ({ min: numberOf(g.min), label: g.label })),
    reportOutline: d.reportOutline,
  };
}

const sameProfile = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Which preset the draft equals, if any. */
function presetOf(d: Draft): string {
  const { profile, problems } = checkProfile(fromDraft(d));
  if (problems.length) return 'custom';
  const hit = PROFILE_PRESETS.find((p) => sameProfile(parseProfile(p.profile, NATIONAL_PROFILE), profile));
  return hit ? hit.id : 'custom';
}

/** Problems by field, the first one each; those of no field the form shows (null, a whole key) under ''. */
type FieldErrors = Record<string, string>;
const WHOLE_KEYS = new Set(['weights', 'qualitativeBands', 'grades']);

function errorsOf(problems: ProfileProblem[]): FieldErrors {
  const out: FieldErrors = {};
  for (const p of problems) {
    const key = p.field === null || WHOLE_KEYS.has(p.field) ? '' : p.field;
    out[key] = key in out ? (key === '' ? out[key] + p.message : out[key]) : p.message;
  }
  return out;
}

const without = (e: FieldErrors, fields: string[]): FieldErrors => {
  const out = { ...e };
  for (const f of fields) delete out[f];
  return out;
};

export interface SettingsPanelProps {
  profile: RuleProfile;
  saving: boolean;
  disabled?: boolean;
  onSave(input: unknown): Promise<SaveOutcome>;
}

/**
 * 设置: every key of the rule profile, presets, saved with the workbook. Rates are typed in percent. Each
 * invalid entry is refused with its reason beside its own field (core's checkProfile decides and words it);
 * nothing is saved until every field is valid.
 */
export function SettingsPanel({ profile, saving, disabled, onSave }: SettingsPanelProps) {
  const s = useStyles();
  const [draft, setDraft] = useState<Draft>(() => toDraft(profile));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  // Bumped on a refused save: focus then moves to the first field marked invalid.
  const [refused, setRefused] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (refused) formRef.current?.querySelector<HTMLElement>('input[aria-invalid="true"]')?.focus();
  }, [refused]);

  /** Fluent Field props for one setting: its label from core's registry, its error beside it. */
  const field = (id: string, hint?: string) => ({
    label: profileFieldName(id),
    hint,
    validationState: errors[id] ? ('error' as const) : undefined,
    validationMessage: errors[id],
  });

  /** Applies an edit; the errors of the fields edited go (the others stay until the next save). */
  const edit = (fields: string[] | 'all', p: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...p }));
    setErrors((e) => (fields === 'all' ? {} : without(e, fields)));
    setOutcome(null);
  };
  const setWeight = (k: WeightKey, v: string) => edit([`weights.${k}`], { weights: { ...draft.weights, [k]: v } });
  const setGrade = (i: number, part: 'min' | 'label', v: string) =>
    edit([`grades.${i}.${part}`], { grades: draft.grades.map((g, j) => (j === i ? { ...g, [part]: v } : g)) });
  // Removing or adding a band renumbers the bands: their old errors no longer point at the right one.
  const gradeFields = () => Object.keys(errors).filter((k) => k.startsWith('grades.'));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const input = fromDraft(draft);
    const { problems } = checkProfile(input, NATIONAL_PROFILE);
    if (problems.length) {
      const found = errorsOf(problems);
      const marked = Object.keys(found).filter((k) => k !== '').length;
      setErrors(found);
      setOutcome({ ok: false, text: [marked ? `有 ${marked} 项需要改正，原因已写在该项下方。` : '', found[''] ?? ''].join('') });
      setRefused((n) => n + 1);
      return;
    }
    const r = await onSave(input);
    if (r.ok) {
      setDraft(toDraft(r.profile));
      setErrors({});
      setOutcome({ ok: true, text: '设置已保存到工作簿，已按新设置重新检测。' });
    } else {
      setOutcome({ ok: false, text: r.reason });
    }
    statusRef.current?.focus();
  };

  const preset = presetOf(draft);
  const off = saving || !!disabled;
  const percent = <span aria-hidden="true">%</span>;

  return (
    <form ref={formRef} className={s.form} onSubmit={save} aria-label="评分设置" noValidate>
      <Field label="预设" hint="选择后点“保存设置”生效">
        <Select
          value={preset}
          onChange={(_, d) => {
            const p = PROFILE_PRESETS.find((x) => x.id === d.value);
            if (p) edit('all', toDraft(parseProfile(p.profile, NATIONAL_PROFILE)));
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
        <legend className={s.legend}>{profileFieldName('weights')}（合计应为 100）</legend>
        <div className={s.pair}>
          {WEIGHT_KEYS.map((k) => (
            <Field key={k} {...field(`weights.${k}`)}>
              <Input className={s.input} inputMode="decimal" value={draft.weights[k]} onChange={(_, d) => setWeight(k, d.value)} />
            </Field>
          ))}
        </div>
        <Field {...field('includeExecutionInTotal')} label={undefined}>
          <Switch
            label={profileFieldName('includeExecutionInTotal')}
            checked={draft.includeExecutionInTotal}
            onChange={(_, d) => edit(['includeExecutionInTotal'], { includeExecutionInTotal: d.checked })}
          />
        </Field>
      </fieldset>

      <fieldset className={s.fieldset}>
        <legend className={s.legend}>{profileFieldName('qualitativeBands')}（得分占分值的百分比）</legend>
        <div className={s.pair}>
          <Field {...field('qualitativeBands.0', '如 80')}>
            <Input className={s.input} inputMode="decimal" contentAfter={percent} value={draft.bandTop} onChange={(_, d) => edit(['qualitativeBands.0', 'qualitativeBands.1'], { bandTop: d.value })} />
          </Field>
          <Field {...field('qualitativeBands.1', '如 60')}>
            <Input className={s.input} inputMode="decimal" contentAfter={percent} value={draft.bandMiddle} onChange={(_, d) => edit(['qualitativeBands.1'], { bandMiddle: d.value })} />
          </Field>
        </div>
      </fieldset>

      <Field {...field('negativeFormula')}>
        <RadioGroup value={draft.negativeFormula} onChange={(_, d) => edit(['negativeFormula'], { negativeFormula: d.value as Draft['negativeFormula'] })}>
          <Radio value="ratio" label="目标值 ÷ 实际值 × 分值" />
          <Radio value="linear" label="线性：1 − 超出比例" />
        </RadioGroup>
      </Field>

      <div className={s.pair}>
        <Field {...field('overAchievementThreshold', '实际达到目标的此百分比及以上时提示，如 130')}>
          <Input className={s.input} inputMode="decimal" contentAfter={percent} value={draft.overAchievementThreshold} onChange={(_, d) => edit(['overAchievementThreshold'], { overAchievementThreshold: d.value })} />
        </Field>
        <Field {...field('deviationBelowRate', '执行率低于此值须说明偏差原因，如 100；四川为 90')}>
          <Input className={s.input} inputMode="decimal" contentAfter={percent} value={draft.deviationBelowRate} onChange={(_, d) => edit(['deviationBelowRate'], { deviationBelowRate: d.value })} />
        </Field>
      </div>

      <div className={s.pair}>
        <Field {...field('decimals', '0～6')}>
          <Input className={s.input} inputMode="numeric" value={draft.decimals} onChange={(_, d) => edit(['decimals'], { decimals: d.value })} />
        </Field>
        <Field {...field('rounding')}>
          <RadioGroup value={draft.rounding} onChange={(_, d) => edit(['rounding'], { rounding: d.value as Draft['rounding'] })}>
            <Radio value="half-up" label="四舍五入" />
            <Radio value="truncate" label="截断" />
          </RadioGroup>
        </Field>
      </div>

      <fieldset className={s.fieldset}>
        <legend className={s.legend}>{profileFieldName('grades')}（总分不低于下限即为该等级）</legend>
        {draft.grades.map((g, i) => (
          <div key={i} className={s.grade}>
            <Field {...field(`grades.${i}.label`)}>
              <Input className={s.input} value={g.label} onChange={(_, d) => setGrade(i, 'label', d.value)} />
            </Field>
            <Field {...field(`grades.${i}.min`)}>
              <Input className={s.input} inputMode="decimal" value={g.min} onChange={(_, d) => setGrade(i, 'min', d.value)} />
            </Field>
            <Button aria-label={`删除第 ${i + 1} 档`} disabled={draft.grades.length <= 1} onClick={() => edit(gradeFields(), { grades: draft.grades.filter((_, j) => j !== i) })}>
              删除
            </Button>
          </div>
        ))}
        <div>
          <Button onClick={() => edit(gradeFields(), { grades: [...draft.grades, { min: '0', label: '' }] })}>添加一档</Button>
        </div>
      </fieldset>

      <Field {...field('reportOutline')}>
        <RadioGroup value={draft.reportOutline} onChange={(_, d) => edit(['reportOutline'], { reportOutline: d.value as Draft['reportOutline'] })}>
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
        <Button disabled={off} onClick={() => edit('all', toDraft(profile))}>
          还原为已保存的设置
        </Button>
      </div>
      <Text size={200}>设置保存在当前工作簿中，随文件一起保存。</Text>
    </form>
  );
}
