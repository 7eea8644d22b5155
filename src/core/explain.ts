/**
 * Why a score is what it is, with the numbers, in the clerk's words: the 评分结果 rows and the report
 * show these sentences as they are (front ends never rebuild a formula themselves).
 */
import { formatNumber as num, formatPercent as pct } from './decimal';
import type { IndicatorKind } from './result';

const KIND = { positive: '正向指标', negative: '反向指标', equal: '等于型指标' } as const;

/** "反向指标：目标 97.9 万元，实际 64.95 万元，已完成 → 满分 10" or "… 未完成 → 97.9 ÷ 120 × 10 = 8.16". */
export function quantitativeExplanation(
  kind: keyof typeof KIND,
  targetText: string,
  actualText: string,
  met: boolean,
  formula: string,
  score: number,
  weight: number,
): string {
  const head = `${KIND[kind]}：目标 ${targetText}，实际 ${actualText}`;
  return met ? `${head}，已完成 → 满分 ${num(weight)}` : `${head}，未完成 → ${formula} = ${num(score)}`;
}

export const tierWords = { achieved: '达成年度指标', partial: '部分达成', failed: '未达成' } as const;

/** A qualitative row: the tier its 实际完成情况 states, and where the score came from. */
export function qualitativeExplanation(actualText: string, tier: keyof typeof tierWords | 'unknown', weight: number, score: number | null, kept: boolean): string {
  const said = `定性指标：实际完成“${actualText}”`;
  if (kept) return `${said}${tier === 'unknown' ? '' : `，属“${tierWords[tier]}”档`} → 保留填报人所填 ${score === null ? '—' : num(score)} 分（分值 ${num(weight)}）`;
  if (tier === 'achieved') return `${said}，达成年度指标 → 满分 ${num(weight)}`;
  if (tier === 'unknown') return `${said}，无法判断达成档次 → 须由填报人打分`;
  return `${said}，属“${tierWords[tier]}”档 → 得分须由填报人判断`;
}

/** A kept stated score: why the engine did not compute one. */
export function keptExplanation(why: string, stated: number | null): string {
  return stated === null ? `无法计算得分：${why}` : `${why}，无法计算 → 保留所填 ${num(stated)} 分`;
}

/** 预算执行率: the division, the cap at 100 %, and whether it counts in the total. */
export function executionExplanation(executed: number | null, budget: number | null, rate: number | null, weight: number | null, score: number | null, inTotal: boolean): string {
  if (rate === null || executed === null || budget === null) return '缺少全年预算数或全年执行数，无法计算执行率';
  const head = `执行率 = 全年执行数 ${num(executed)} ÷ 全年预算数 ${num(budget)} = ${pct(rate)}`;
  const scored =
    weight === null || score === null
      ? '（没有分值，不计分）'
      : rate >= 1
        ? ` → 满分 ${num(weight)}`
        : ` → ${pct(rate)} × ${num(weight)} = ${num(score)}`;
  return `${head}${scored}${inTotal ? '' : '；按设置不计入总分'}`;
}

export function notApplicableExplanation(kind: IndicatorKind): string {
  return kind === 'not_applicable' ? '不适用（填“/”），不计分' : '没有分值，不计分';
}
