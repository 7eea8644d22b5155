/**
 * The scoring rules of RULES.md as pure functions: 预算执行率, quantitative indicators
 * (正向/反向/等于), qualitative tiers and grades. Arithmetic is exact (decimal.js).
 */
import type { Comparator, ParsedValue } from './cellValue';
import { Decimal, dec, product, ratio, ratioTimes } from './decimal';
import type { GradeBand, RuleProfile } from './profile';
import type { IndicatorKind } from './result';
import { normalizeLabel } from './text';

/** 执行率 = B ÷ A (A: the adjusted full-year budget). Null when A is absent or zero. */
export function executionRate(budget: number | null, executed: number | null): number | null {
  if (budget === null || executed === null || budget <= 0) return null;
  if (executed === budget) return 1; // spent as budgeted, the usual case: x ÷ x is exactly 1
  return ratio(executed, budget);
}

/** Execution score = min(rate, 1) × 分值. */
export function executionScore(rate: number | null, weight: number | null): number | null {
  if (rate === null || weight === null) return null;
  if (rate >= 1) return product(1, weight); // min(rate, 1) is exactly 1
  return product(Math.max(rate, 0), weight); // min(rate, 1) is the rate itself
}

/** 指标性质 column text → comparator ("≥", "正向", "定性"…); "qualitative" for 定性. */
export function natureComparator(nature: string): Comparator | 'qualitative' | null {
  const t = normalizeLabel(nature);
  if (!t) return null;
  if (t.includes('定性')) return 'qualitative';
  // "≧"/"≦" (U+2267/2266) and "═" (U+2550, a box-drawing line) are typed for ≥/≤/= and survive NFKC.
  if (/^(≥|≧|>=|正向|不低于|不少于)/.test(t)) return '>=';
  if (/^(≤|≦|<=|反向|不高于|不超过)/.test(t)) return '<=';
  if (/^>/.test(t)) return '>';
  if (/^</.test(t)) return '<';
  if (/^(=|═|等于)/.test(t)) return '=';
  return null;
}

/**
 * The kind of an indicator from its comparator (指标性质 column first, then the target's own),
 * its 二级 category (成本指标 with a plain amount → 反向) and its value types.
 */
export function inferKind(
  target: ParsedValue,
  level2: string,
  nature: Comparator | 'qualitative' | null,
): Exclude<IndicatorKind, 'not_applicable' | 'unknown'> {
  if (nature === 'qualitative') return 'qualitative';
  if (target.kind === 'text') return 'qualitative';
  const comparator = nature ?? target.comparator;
  if (comparator === '>=' || comparator === '>') return 'positive';
  if (comparator === '<=' || comparator === '<') return 'negative';
  if (comparator === '=') return 'equal';
  return normalizeLabel(level2).includes('成本') ? 'negative' : 'positive';
}

export interface QuantitativeScore {
  score: number;
  met: boolean;
}

/**
 * Scores a quantitative indicator. Met → full 分值; 正向 not met → actual ÷ target × 分值;
 * 反向 not met → target ÷ actual × 分值 (or linear: 1 − (actual − target) ÷ target, 0 at 2×);
 * "=" as 正向, except target 0: full only when actual ≤ 0. Never above 分值, never below 0.
 */
export function scoreQuantitative(
  kind: 'positive' | 'negative' | 'equal',
  target: number,
  actual: number,
  weight: number,
  strict: boolean,
  profile: Pick<RuleProfile, 'negativeFormula'>,
): QuantitativeScore {
  if (kind === 'negative') {
    const met = strict ? actual < target : actual <= target;
    if (met) return { score: weight, met };
    if (target <= 0) return { score: 0, met };
    if (profile.negativeFormula === 'linear') {
      const f = new Decimal(1).minus(dec(actual).minus(dec(target)).div(dec(target)));
      return { score: clampTo(Decimal.max(f, 0).times(dec(weight)).toNumber(), weight), met };
    }
    return { score: clampTo(ratioTimes(target, actual, weight), weight), met };
  }
  if (kind === 'equal' && target === 0) {
    const met = actual <= 0;
    return { score: met ? weight : 0, met };
  }
  const met = strict ? actual > target : actual >= target;
  if (met) return { score: weight, met };
  if (target <= 0) return { score: 0, met };
  return { score: clampTo(ratioTimes(actual, target, weight), weight), met };
}

/** A score kept within 0…分值. */
function clampTo(x: number, weight: number): number {
  return Math.min(Math.max(x, 0), weight);
}

export type QualitativeTier = 'achieved' | 'partial' | 'failed' | 'unknown';

// Negated achievement words ("效果不明显") come before ACHIEVED_WORDS would match their tail ("明显").
const FAILED_WORDS = ['未达成', '未完成', '未达到', '未实现', '不满意', '不达标', '不合格', '不到位', '不明显', '不显著', '不理想', '无明显', '不是', '没有', '较差', '否', '未'];
const PARTIAL_WORDS = ['部分', '基本', '一定', '大部分', '较好'];
const ACHIEVED_WORDS = ['达成', '完成', '达到', '实现', '100%', '全部', '显著', '明显', '良好', '满意', '有效'];

/** The qualitative tier an actual text states, compared with its target. */
export function qualitativeTier(target: string, actual: string, actualValue: ParsedValue): QualitativeTier {
  const a = normalizeLabel(actual);
  if (!a) return 'unknown';
  if (a === normalizeLabel(target)) return 'achieved';
  if (actualValue.kind === 'number' && actualValue.unit === '%' && actualValue.comparator === null) {
    const v = actualValue.number as number;
    if (v >= 1) return 'achieved';
    return 'unknown';
  }
  if (FAILED_WORDS.some((w) => a.includes(w))) return 'failed';
  if (PARTIAL_WORDS.some((w) => a.includes(w))) return 'partial';
  // "是" is an answer only on its own; inside a sentence ("不是很好", "还是") it says nothing.
  if (a === '是' || ACHIEVED_WORDS.some((w) => a.includes(w))) return 'achieved';
  return 'unknown';
}

/** The [low, high] score range of a tier for a 分值 under the profile's bands. */
export function tierRange(tier: Exclude<QualitativeTier, 'unknown'>, weight: number, bands: [number, number]): [number, number] {
  if (tier === 'achieved') return [product(weight, bands[0]), weight];
  if (tier === 'partial') return [product(weight, bands[1]), product(weight, bands[0])];
  return [0, product(weight, bands[1])];
}

/** The grade band a total falls in (lower bounds inclusive). */
export function gradeFor(total: number, grades: GradeBand[]): string | null {
  const sorted = [...grades].sort((a, b) => b.min - a.min);
  for (const g of sorted) if (total >= g.min) return g.label;
  return null;
}

/** A stated score kept as the row's score: within 0…分值 like any score (a negative one is reported apart). */
export function keptScore(stated: number, weight: number): number {
  return Math.max(0, Math.min(stated, weight));
}
