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
import type { IndicatorKind, IndicatorResult, ScoreSource } from './result';
import { keptScore, qualitativeTier, tierRange } from './scoring';

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
  const kind: IndicatorKind = 'qualitative';
  const cell = scoreCell ?? '';
  if (tier === 'unknown') {
    if (stated !== null) {
      issues.add('MANUAL_SCORE', 'info', scoreCell, messages.manualScore(cell, name, ''));
      const kept = keptScore(stated, weight);
      return Object.assign(result, { kind, score: kept, scoreSource: 'stated' as ScoreSource, explanation: qualitativeExplanation(actualText, tier, weight, kept, true) });
    }
    if (scoreCell) issues.add('MISSING_SCORE', 'error', scoreCell, messages.missingScore(cell, name, '实际完成情况的描述无法判断达成档次，且未填写得分'));
    return Object.assign(result, { kind, explanation: qualitativeExplanation(actualText, tier, weight, null, false) });
  }
  const [lo, hi] = tierRange(tier, weight, profile.qualitativeBands);
  const met = tier === 'achieved';
  if (stated !== null) {
    if (stated < lo || stated > hi) {
      issues.add('QUALITATIVE_OUT_OF_TIER', 'warning', scoreCell, messages.qualitativeOutOfTier(cell, name, stated, TIER_NAMES[tier], lo, hi));
    }
    const kept = keptScore(stated, weight);
    return Object.assign(result, { kind, score: kept, scoreSource: 'stated' as ScoreSource, met, explanation: qualitativeExplanation(actualText, tier, weight, kept, true) });
  }
  if (met) return Object.assign(result, { kind, score: weight, scoreSource: 'computed' as ScoreSource, met, explanation: qualitativeExplanation(actualText, tier, weight, weight, false) });
  // Below the top tier the exact score is the filer's judgment: never invent one.
  if (scoreCell) {
    issues.add('MANUAL_SCORE', 'info', scoreCell, messages.manualScore(cell, name, `（“${TIER_NAMES[tier]}”档：${num(lo)}～${num(hi)} 分）`));
    issues.add('MISSING_SCORE', 'error', scoreCell, messages.missingScore(cell, name, `定性指标处于“${TIER_NAMES[tier]}”档，得分须由填报人在 ${num(lo)}～${num(hi)} 分之间判断`));
  }
  return Object.assign(result, { kind, met, explanation: qualitativeExplanation(actualText, tier, weight, null, false) });
}
