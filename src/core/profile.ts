/** The rule profile: every setting a locality may change (CONTRACT.md, RULES.md "Rule profile"). */

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

/** Thrown by parseProfile with a Chinese reason the user can act on. */
export class ProfileError extends Error {}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Merges a user's (possibly partial, possibly malformed) profile over the national defaults,
 * refusing anything invalid with a reason in Chinese.
 */
export function parseProfile(input: unknown, base: RuleProfile = NATIONAL_PROFILE): RuleProfile {
  if (input === undefined || input === null) return clone(base);
  if (typeof input !== 'object' || Array.isArray(input)) throw new ProfileError('评分规则应为 JSON 对象，例如 {"includeExecutionInTotal": false}。');
  const p = input as Record<string, unknown>;
  const known = new Set(Object.keys(NATIONAL_PROFILE));
  for (const key of Object.keys(p)) {
    if (!known.has(key)) throw new ProfileError(`评分规则中有未知的设置项“${key}”，可用的设置项：${[...known].join('、')}。`);
  }
  const out = clone(base);
  if (p.weights !== undefined) {
    if (typeof p.weights !== 'object' || p.weights === null) throw new ProfileError('weights（一级指标权重）应为对象，例如 {"execution":10,"output":50,"effect":30,"satisfaction":10}。');
    for (const [k, v] of Object.entries(p.weights as Record<string, unknown>)) {
      if (!(k in out.weights)) throw new ProfileError(`weights 中的“${k}”不是一级指标；可用：execution（预算执行率）、output（产出）、effect（效益）、satisfaction（满意度）。`);
      if (!isNum(v) || v < 0) throw new ProfileError(`weights.${k} 应为不小于 0 的数字，当前为 ${JSON.stringify(v)}。`);
      out.weights[k as keyof RuleProfile['weights']] = v;
    }
  }
  if (p.includeExecutionInTotal !== undefined) {
    if (typeof p.includeExecutionInTotal !== 'boolean') throw new ProfileError('includeExecutionInTotal（总分含预算执行率）应为 true 或 false。');
    out.includeExecutionInTotal = p.includeExecutionInTotal;
  }
  if (p.qualitativeBands !== undefined) {
    const b = p.qualitativeBands;
    if (!Array.isArray(b) || b.length !== 2 || !b.every(isNum) || !(b[0] > b[1] && b[1] > 0 && b[0] <= 1)) {
      throw new ProfileError('qualitativeBands（定性指标档次）应为两个 0～1 之间、由高到低的数，例如 [0.8, 0.6]。');
    }
    out.qualitativeBands = [b[0], b[1]];
  }
  if (p.negativeFormula !== undefined) {
    if (p.negativeFormula !== 'ratio' && p.negativeFormula !== 'linear') throw new ProfileError('negativeFormula（反向指标算法）应为 "ratio"（目标值÷实际值）或 "linear"（1−超出比例）。');
    out.negativeFormula = p.negativeFormula;
  }
  if (p.overAchievementThreshold !== undefined) {
    if (!isNum(p.overAchievementThreshold) || p.overAchievementThreshold <= 1) throw new ProfileError('overAchievementThreshold（超额完成提示线）应为大于 1 的数，例如 1.3 表示 130%。');
    out.overAchievementThreshold = p.overAchievementThreshold;
  }
  if (p.deviationBelowRate !== undefined) {
    if (!isNum(p.deviationBelowRate) || p.deviationBelowRate <= 0 || p.deviationBelowRate > 1) throw new ProfileError('deviationBelowRate（执行率低于多少须说明偏差）应为 0～1 之间的数，例如 0.9 表示 90%。');
    out.deviationBelowRate = p.deviationBelowRate;
  }
  if (p.decimals !== undefined) {
    if (!Number.isInteger(p.decimals) || (p.decimals as number) < 0 || (p.decimals as number) > 6) throw new ProfileError('decimals（保留小数位数）应为 0～6 的整数。');
    out.decimals = p.decimals as number;
  }
  if (p.rounding !== undefined) {
    if (p.rounding !== 'half-up' && p.rounding !== 'truncate') throw new ProfileError('rounding（舍入方式）应为 "half-up"（四舍五入）或 "truncate"（截断）。');
    out.rounding = p.rounding;
  }
  if (p.grades !== undefined) {
    const g = p.grades;
    if (!Array.isArray(g) || g.length === 0 || !g.every((x) => x && isNum((x as GradeBand).min) && typeof (x as GradeBand).label === 'string' && (x as GradeBand).label.trim() !== '')) {
      throw new ProfileError('grades（等级）应为数组，每项含 min（下限分数）和 label（等级名称），例如 [{"min":90,"label":"优"}]。');
    }
    const sorted = [...(g as GradeBand[])].sort((a, b) => b.min - a.min);
    if (sorted[sorted.length - 1].min > 0) throw new ProfileError('grades 中最低一档的下限应为 0，否则低分表格无法定级。');
    out.grades = sorted.map((x) => ({ min: x.min, label: x.label.trim() }));
  }
  if (p.reportOutline !== undefined) {
    if (p.reportOutline !== 'seed' && p.reportOutline !== 'national') throw new ProfileError('reportOutline（报告提纲）应为 "seed"（七部分自评报告）或 "national"（财预〔2020〕10号参考提纲）。');
    out.reportOutline = p.reportOutline;
  }
  return out;
}

function clone(p: RuleProfile): RuleProfile {
  return { ...p, weights: { ...p.weights }, qualitativeBands: [...p.qualitativeBands] as [number, number], grades: p.grades.map((g) => ({ ...g })) };
}
