/** The rule profile: every setting a locality may change (CONTRACT.md, RULES.md "Rule profile"). */
import { profileFieldName } from './profileFields';

export interface GradeBand {
  min: number;
  label: string;
}

export interface RuleProfile {
  weights: { execution: number; output: number; effect: number; satisfaction: number };
  includeExecutionInTotal: boolean;
  /** [top tier lower bound, middle tier lower bound] as fractions of 分值. */
  qualitativeBands: [number, number];
  negativeFormula: 'ratio' | 'linear';
  overAchievementThreshold: number;
  deviationBelowRate: number;
  decimals: number;
  rounding: 'half-up' | 'truncate';
  grades: GradeBand[];
  /** Added: report outline, 'seed' (the seed report's) or 'national' (10号 附件). */
  reportOutline?: 'seed' | 'national';
}

export const NATIONAL_PROFILE: RuleProfile = Object.freeze({
  weights: { execution: 10, output: 50, effect: 30, satisfaction: 10 },
  includeExecutionInTotal: true,
  qualitativeBands: [0.8, 0.6],
  negativeFormula: 'ratio',
  overAchievementThreshold: 1.3,
  deviationBelowRate: 1.0,
  decimals: 2,
  rounding: 'half-up',
  grades: [
    { min: 90, label: '优' },
    { min: 80, label: '良' },
    { min: 60, label: '中' },
    { min: 0, label: '差' },
  ],
  reportOutline: 'seed',
}) as RuleProfile;

export type ProfileInput = Partial<Omit<RuleProfile, 'weights'>> & { weights?: Partial<RuleProfile['weights']> };

/** Presets offered in the pane's 设置. */
export const PROFILE_PRESETS: { id: string; label: string; profile: ProfileInput }[] = [
  { id: 'national', label: '全国（财预〔2020〕10号）', profile: {} },
  { id: 'no-execution', label: '总分不含预算执行率', profile: { includeExecutionInTotal: false } },
  {
    id: 'abcd',
    label: 'A/B/C/D 等级',
    profile: {
      grades: [
        { min: 90, label: 'A' },
        { min: 80, label: 'B' },
        { min: 60, label: 'C' },
        { min: 0, label: 'D' },
      ],
    },
  },
];

/**
 * One thing wrong in a profile, said twice: `keyMessage` for a rules file (names the JSON key, rates as
 * fractions: the CLI prints it for --config), `message` for a clerk (the setting's Chinese name from
 * profileFields.ts, rates in percent, no JSON key or syntax: the pane shows it beside the field).
 */
export interface ProfileProblem {
  /** The setting: a key or a part of one ('weights.output', 'qualitativeBands.1', 'grades.2.min'); null: the profile as a whole. */
  field: string | null;
  message: string;
  keyMessage: string;
}

/**
 * Thrown by parseProfile. `message` is the rules-file wording (JSON keys), `userMessage` the clerk's
 * (model.userMessageOf shows userMessage first), `field` the setting at fault.
 */
export class ProfileError extends Error {
  readonly field: string | null;
  readonly userMessage: string;
  constructor(problem: ProfileProblem | string) {
    const p = typeof problem === 'string' ? { field: null, message: problem, keyMessage: problem } : problem;
    super(p.keyMessage);
    this.field = p.field;
    this.userMessage = p.message;
  }
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** "，现为“abc”" for typed text, so the clerk sees what was refused; nothing for other JSON values. */
const typed = (v: unknown): string => (typeof v === 'string' ? `，现为“${v}”` : '');

/**
 * Merges a user's (possibly partial, possibly malformed) profile over the national defaults,
 * refusing anything invalid with a reason in Chinese (the first problem checkProfile finds).
 */
export function parseProfile(input: unknown, base: RuleProfile = NATIONAL_PROFILE): RuleProfile {
  const { profile, problems } = checkProfile(input, base);
  if (problems.length) throw new ProfileError(problems[0]);
  return profile;
}

/**
 * Every problem of a profile, at most one per field, so a form can mark each bad field at once; the profile
 * is `base` with the valid keys applied (meaningful only when there are no problems).
 */
export function checkProfile(input: unknown, base: RuleProfile = NATIONAL_PROFILE): { profile: RuleProfile; problems: ProfileProblem[] } {
  const out = clone(base);
  const problems: ProfileProblem[] = [];
  const fail = (field: string | null, keyMessage: string, message: string) => problems.push({ field, keyMessage, message });
  const name = profileFieldName;
  if (input === undefined || input === null) return { profile: out, problems };
  if (typeof input !== 'object' || Array.isArray(input)) {
    fail(null, '评分规则应为 JSON 对象，例如 {"includeExecutionInTotal": false}。', '保存的评分规则格式不对，无法读取。');
    return { profile: out, problems };
  }
  const p = input as Record<string, unknown>;
  const known = new Set(Object.keys(NATIONAL_PROFILE));
  for (const key of Object.keys(p)) {
    if (!known.has(key)) fail(null, `评分规则中有未知的设置项“${key}”，可用的设置项：${[...known].join('、')}。`, '评分规则中有本工具不认识的设置项。');
  }
  if (p.weights !== undefined) {
    if (typeof p.weights !== 'object' || p.weights === null) {
      fail('weights', 'weights（一级指标权重）应为对象，例如 {"execution":10,"output":50,"effect":30,"satisfaction":10}。', `${name('weights')}的格式不对，请重新填写各一级指标分值。`);
    } else {
      for (const [k, v] of Object.entries(p.weights as Record<string, unknown>)) {
        if (!(k in out.weights)) {
          fail('weights', `weights 中的“${k}”不是一级指标；可用：execution（预算执行率）、output（产出）、effect（效益）、satisfaction（满意度）。`, `${name('weights')}中有本工具不认识的一级指标。`);
        } else if (!isNum(v) || v < 0) {
          fail(`weights.${k}`, `weights.${k} 应为不小于 0 的数字，当前为 ${JSON.stringify(v)}。`, `${name(`weights.${k}`)}应为不小于 0 的数字${typed(v)}。`);
        } else {
          out.weights[k as keyof RuleProfile['weights']] = v;
        }
      }
    }
  }
  if (p.includeExecutionInTotal !== undefined) {
    if (typeof p.includeExecutionInTotal !== 'boolean') fail('includeExecutionInTotal', 'includeExecutionInTotal（总分含预算执行率）应为 true 或 false。', `“${name('includeExecutionInTotal')}”应为开或关。`);
    else out.includeExecutionInTotal = p.includeExecutionInTotal;
  }
  if (p.qualitativeBands !== undefined) {
    const b = p.qualitativeBands;
    const keyMessage = 'qualitativeBands（定性指标档次）应为两个 0～1 之间、由高到低的数，例如 [0.8, 0.6]。';
    if (!Array.isArray(b) || b.length !== 2) {
      fail('qualitativeBands', keyMessage, `${name('qualitativeBands')}应为两个由高到低的百分数，例如 80% 和 60%。`);
    } else {
      const [top, middle] = b as unknown[];
      const inRange = (v: unknown): v is number => isNum(v) && v > 0 && v <= 1;
      if (!inRange(top)) fail('qualitativeBands.0', keyMessage, `${name('qualitativeBands.0')}应为大于 0%、不超过 100% 的百分数，例如 80%${typed(top)}。`);
      if (!inRange(middle)) fail('qualitativeBands.1', keyMessage, `${name('qualitativeBands.1')}应为大于 0%、不超过 100% 的百分数，例如 60%${typed(middle)}。`);
      else if (inRange(top) && !(top > middle)) fail('qualitativeBands.1', keyMessage, `${name('qualitativeBands.1')}应低于${name('qualitativeBands.0')}。`);
      if (inRange(top) && inRange(middle) && top > middle) out.qualitativeBands = [top, middle];
    }
  }
  if (p.negativeFormula !== undefined) {
    if (p.negativeFormula !== 'ratio' && p.negativeFormula !== 'linear') fail('negativeFormula', 'negativeFormula（反向指标算法）应为 "ratio"（目标值÷实际值）或 "linear"（1−超出比例）。', `${name('negativeFormula')}应为“目标值 ÷ 实际值”或“线性”。`);
    else out.negativeFormula = p.negativeFormula;
  }
  if (p.overAchievementThreshold !== undefined) {
    const v = p.overAchievementThreshold;
    if (!isNum(v) || v <= 1) fail('overAchievementThreshold', 'overAchievementThreshold（超额完成提示线）应为大于 1 的数，例如 1.3 表示 130%。', `${name('overAchievementThreshold')}应为大于 100% 的百分数，例如 130%${typed(v)}。`);
    else out.overAchievementThreshold = v;
  }
  if (p.deviationBelowRate !== undefined) {
    const v = p.deviationBelowRate;
    if (!isNum(v) || v <= 0 || v > 1) fail('deviationBelowRate', 'deviationBelowRate（执行率低于多少须说明偏差）应为 0～1 之间的数，例如 0.9 表示 90%。', `${name('deviationBelowRate')}应为大于 0%、不超过 100% 的百分数，例如 90%${typed(v)}。`);
    else out.deviationBelowRate = v;
  }
  if (p.decimals !== undefined) {
    const v = p.decimals;
    if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > 6) fail('decimals', 'decimals（保留小数位数）应为 0～6 的整数。', `${name('decimals')}应为 0～6 的整数${typed(v)}。`);
    else out.decimals = v as number;
  }
  if (p.rounding !== undefined) {
    if (p.rounding !== 'half-up' && p.rounding !== 'truncate') fail('rounding', 'rounding（舍入方式）应为 "half-up"（四舍五入）或 "truncate"（截断）。', `${name('rounding')}应为“四舍五入”或“截断”。`);
    else out.rounding = p.rounding;
  }
  if (p.grades !== undefined) checkGrades(p.grades, out, fail);
  if (p.reportOutline !== undefined) {
    if (p.reportOutline !== 'seed' && p.reportOutline !== 'national') fail('reportOutline', 'reportOutline（报告提纲）应为 "seed"（七部分自评报告）或 "national"（财预〔2020〕10号参考提纲）。', `${name('reportOutline')}应为“七部分自评报告”或“财预〔2020〕10号参考提纲”。`);
    else out.reportOutline = p.reportOutline;
  }
  return { profile: out, problems };
}

/** The grade bands: each band's name and lower bound checked on its own, then a band from 0 up. */
function checkGrades(g: unknown, out: RuleProfile, fail: (field: string | null, keyMessage: string, message: string) => void): void {
  const keyMessage = 'grades（等级）应为数组，每项含 min（下限分数）和 label（等级名称），例如 [{"min":90,"label":"优"}]。';
  if (!Array.isArray(g) || g.length === 0) {
    fail('grades', keyMessage, `${profileFieldName('grades')}至少要有一档。`);
    return;
  }
  let ok = true;
  g.forEach((x: unknown, i) => {
    const band = x && typeof x === 'object' ? (x as Record<string, unknown>) : {};
    if (!isNum(band.min)) {
      fail(`grades.${i}.min`, keyMessage, `${profileFieldName(`grades.${i}.min`)}应为数字${typed(band.min)}。`);
      ok = false;
    }
    if (typeof band.label !== 'string' || band.label.trim() === '') {
      fail(`grades.${i}.label`, keyMessage, `${profileFieldName(`grades.${i}.label`)}不能为空。`);
      ok = false;
    }
  });
  if (!ok) return;
  const bands = g as GradeBand[];
  const lowest = bands.reduce((lo, b, i) => (b.min < bands[lo].min ? i : lo), 0);
  if (bands[lowest].min > 0) {
    fail(`grades.${lowest}.min`, 'grades 中最低一档的下限应为 0，否则低分表格无法定级。', `最低一档的下限分数应为 0，否则低分的表格无法定级。`);
    return;
  }
  out.grades = [...bands].sort((a, b) => b.min - a.min).map((x) => ({ min: x.min, label: x.label.trim() }));
}

function clone(p: RuleProfile): RuleProfile {
  return { ...p, weights: { ...p.weights }, qualitativeBands: [...p.qualitativeBands] as [number, number], grades: p.grades.map((g) => ({ ...g })) };
}
