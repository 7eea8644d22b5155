/**
 * A qualitative indicator (a described outcome, no number to compare): the tier its description reaches,
 * the filer's score checked against that tier's range (QUALITATIVE_OUT_OF_TIER), full marks only where the
 * target is plainly achieved, and below it the judgment left to the filer (MANUAL_SCORE, MISSING_SCORE).
 */
import type { ParsedValue } from './cellValue';
import { formatNumber as num } from './decimal';
import { qualitativeExplanation } from './explain';
import type { IssueList } from './issueList';
import { messages, TIER_NAMES } from './messages';
import type { RuleProfile } from './profile';
import type { IndicatorResult, ScoreSource } from './result';
import { keptScore, qualitativeTier, tierRange } from './scoring';

/** The row's result with its kind, score and explanation stored (plain stores: see indicatorChecks on why in place). */
function settle(result: IndicatorResult, score: number | null, source: ScoreSource | null, met: boolean | null, explanation: string): IndicatorResult {
  result.kind = 'qualitative';
  if (score !== null) result.score = score;
  if (source !== null) result.scoreSource = source;
  if (met !== null) result.met = met;
  result.explanation = explanation;
  return result;
}

/** Fills in the row's result (kind, score, explanation) and returns it: see indicatorChecks on why in place. */
export function scoreQualitative(
  result: IndicatorResult,
  targetText: string,
  actualText: string,
  actual: ParsedValue,
  weight: number,
  stated: number | null,
  profile: RuleProfile,
  issues: IssueList,
  scoreCell: string | null,
  name: string,
): IndicatorResult {
  const tier = qualitativeTier(targetText, actualText, actual);
  const cell = scoreCell ?? '';
  if (tier === 'unknown') {
    if (stated !== null) {
      issues.add('MANUAL_SCORE', 'info', scoreCell, messages.manualScore(cell, name, ''));
      const kept = keptScore(stated, weight);
      return settle(result, kept, 'stated', null, qualitativeExplanation(actualText, tier, weight, kept, true));
    }
    if (scoreCell) issues.add('MISSING_SCORE', 'error', scoreCell, messages.missingScore(cell, name, '实际完成情况的描述无法判断达成档次，且未填写得分'));
    return settle(result, null, null, null, qualitativeExplanation(actualText, tier, weight, null, false));
  }
  const [lo, hi] = tierRange(tier, weight, profile.qualitativeBands);
  const met = tier === 'achieved';
  if (stated !== null) {
    if (stated < lo || stated > hi) {
      issues.add('QUALITATIVE_OUT_OF_TIER', 'warning', scoreCell, messages.qualitativeOutOfTier(cell, name, stated, TIER_NAMES[tier], lo, hi));
    }
    const kept = keptScore(stated, weight);
    return settle(result, kept, 'stated', met, qualitativeExplanation(actualText, tier, weight, kept, true));
  }
  if (met) return settle(result, weight, 'computed', met, qualitativeExplanation(actualText, tier, weight, weight, false));
  // Below the top tier the exact score is the filer's judgment: never invent one.
  if (scoreCell) {
    issues.add('MANUAL_SCORE', 'info', scoreCell, messages.manualScore(cell, name, `（“${TIER_NAMES[tier]}”档：${num(lo)}～${num(hi)} 分）`));
    issues.add('MISSING_SCORE', 'error', scoreCell, messages.missingScore(cell, name, `定性指标处于“${TIER_NAMES[tier]}”档，得分须由填报人在 ${num(lo)}～${num(hi)} 分之间判断`));
  }
  return settle(result, null, null, met, qualitativeExplanation(actualText, tier, weight, null, false));
}
