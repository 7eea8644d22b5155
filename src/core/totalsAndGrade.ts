/**
 * The 总分 row and the grade: the stated totals read, the total weight and score computed from the execution
 * points and the scored rows, TOTAL_MISMATCH against the stated total, and the grade — none while an error
 * stands.
 */
import { formatNumber as num, roundTo, sameAt, sum } from './decimal';
import type { DetectedTable } from './detect';
import { cellAt, toA1 as at } from './grid';
import type { AmountReader, IssueList } from './issueList';
import { groupScores, type Level1Group } from './level1Groups';
import { messages } from './messages';
import type { RuleProfile } from './profile';
import type { FundsResult, IndicatorResult, TotalsResult } from './result';
import { gradeFor } from './scoring';

export interface StatedTotals {
  statedWeight: number | null;
  statedScore: number | null;
  weightCell: string | null;
  scoreCell: string | null;
}

/** The 总分 row's stated 分值 and 得分 (read as amounts), and MISSING_VALUE where the table has no 总分 row. */
export function readStatedTotals(t: DetectedTable, amount: AmountReader, issues: IssueList): StatedTotals {
  const totalRow = t.total?.row ?? null;
  const wCol = t.indicators.cols.weight;
  const sCol = t.indicators.cols.score;
  const statedWeight = totalRow !== null && wCol !== undefined ? amount(totalRow, wCol, '总分行的分值合计').value : null;
  const statedScore = totalRow !== null && sCol !== undefined ? amount(totalRow, sCol, '总分').value : null;
  if (totalRow === null) {
    const cell = at(t.bottom, t.left);
    issues.add('MISSING_VALUE', 'warning', cell, messages.totalMissing(cell));
  }
  return {
    statedWeight,
    statedScore,
    weightCell: totalRow !== null && wCol !== undefined ? at(totalRow, wCol) : null,
    scoreCell: totalRow !== null && sCol !== undefined ? at(totalRow, sCol) : null,
  };
}

export interface ComputedTotals {
  weight: number | null;
  score: number | null;
  /** The execution points where they count in the total. */
  executionWeight: number | null;
}

/**
 * The total weight and score: the execution points (where they count; older tables put them on an indicator
 * row, counted there, once) and every scored row. No 分值 column at all: no total can stand, nor a sum of
 * weights (the missing weights are reported apart); a score missing anywhere: no total score.
 */
export function computeTotals(t: DetectedTable, funds: FundsResult, indicators: IndicatorResult[], groups: Map<string, Level1Group>, withExec: boolean): ComputedTotals {
  const weightParts: number[] = [];
  const executionWeight = withExec ? funds.weight : null;
  if (executionWeight !== null) weightParts.push(executionWeight);
  groups.forEach((g) => {
    for (let i = 0; i < g.weights.length; i++) weightParts.push(g.weights[i]);
  });
  const weightsAbsent = t.indicators.cols.weight === undefined;
  const weight = weightParts.length && !weightsAbsent ? sum(weightParts) : null;
  const scoreParts: (number | null)[] = withExec ? [funds.weight !== null ? funds.score : null] : [];
  for (let i = 0; i < indicators.length; i++) if (indicators[i].weight !== null) scoreParts.push(indicators[i].score);
  const missingExec = withExec && (funds.weight === null || funds.score === null);
  const score = scoreParts.length && !scoreParts.some((s) => s === null) && !missingExec && !weightsAbsent ? sum(scoreParts as number[]) : null;
  return { weight, score, executionWeight };
}

/**
 * TOTAL_MISMATCH: the stated 总分 ≠ the computed total (rounded as written). While an error stands (weights not
 * summing to 100…) the computed total is not one to copy into the form, and the message says so.
 */
export function checkTotalMismatch(
  stated: StatedTotals,
  roundedTotal: number | null,
  funds: FundsResult,
  groups: Map<string, Level1Group>,
  withExec: boolean,
  profile: RuleProfile,
  issues: IssueList,
): void {
  const d = profile.decimals;
  if (stated.statedScore === null || roundedTotal === null || sameAt(stated.statedScore, roundedTotal, d)) return;
  // Pushed, not spread and .map'd (see evaluate.ts on arrays that optimised code builds holey).
  const parts: string[] = [];
  if (withExec) parts.push(num(roundTo(funds.score as number, d, profile.rounding)));
  const scores = groupScores(groups);
  for (let i = 0; i < scores.length; i++) parts.push(num(roundTo(scores[i], d, profile.rounding)));
  const message = issues.hasErrors() ? messages.totalMismatchBlocked : messages.totalMismatch;
  issues.add('TOTAL_MISMATCH', 'warning', stated.scoreCell, message(stated.scoreCell ?? '', stated.statedScore, roundedTotal, parts.join('+')));
}

/** The grade of the rounded total; none while any error stands. */
export function gradeOf(roundedTotal: number | null, profile: RuleProfile, issues: IssueList): string | null {
  return !issues.hasErrors() && roundedTotal !== null ? gradeFor(roundedTotal, profile.grades) : null;
}

/** The totals of the result: computed and stated, with the 总分 cells and the 评价等级 cells beside them. */
export function totalsResult(t: DetectedTable, computed: ComputedTotals, stated: StatedTotals): TotalsResult {
  const gradeLabel = t.total?.gradeLabel ?? null;
  return {
    weight: computed.weight,
    score: computed.score,
    statedWeight: stated.statedWeight,
    statedScore: stated.statedScore,
    scoreCell: stated.scoreCell,
    weightCell: stated.weightCell,
    gradeLabelCell: gradeLabel ? at(gradeLabel.row, gradeLabel.col) : null,
    gradeCell: gradeLabel ? at(gradeLabel.row, gradeLabel.col + 1) : null,
    statedGrade: gradeLabel ? cellAt(t.grid, gradeLabel.row, gradeLabel.col + 1).text.trim() || null : null,
  };
}
