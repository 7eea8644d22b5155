/**
 * The weight (分值) checks of a table, each a named function in the order they report: a 分值 column at all,
 * the weights a 一级, 二级 or enclosing label declares against its rows (LEVEL1_WEIGHT), the groups' and the
 * execution points against the profile (WEIGHT_PROFILE), the sum against 100 (WEIGHT_SUM), and one issue
 * per cell where two say the same.
 */
import { formatNumber as num, sameAt, sum } from './decimal';
import type { DetectedTable } from './detect';
import { mergeAt, toA1 as at } from './grid';
import type { IssueList } from './issueList';
import { categoryOf, type Level1Group } from './level1Groups';
import { messages } from './messages';
import type { RuleProfile } from './profile';
import type { FundsResult, IndicatorResult } from './result';
import { bareLevelLabel, declaredWeight } from './text';

/** A 一级 cell whose weights differ from the profile's: where a WEIGHT_SUM error points. */
export interface OffProfile {
  cell: string;
  label: string;
  actual: number;
  expected: number;
}

/** Special-fund and county forms without a 分值 column: still a table, its weights reported missing. */
export function checkWeightsColumn(t: DetectedTable, indicators: IndicatorResult[], issues: IssueList): void {
  if (t.indicators.cols.weight === undefined && indicators.some((i) => i.kind !== 'not_applicable')) {
    const cell = at(t.indicators.headerRow, t.indicators.cols.name as number);
    issues.add('MISSING_VALUE', 'error', cell, messages.weightsMissing(cell));
  }
}

/** Each 一级 group: its declared weight against its rows' (LEVEL1_WEIGHT), its rows' against the profile's (WEIGHT_PROFILE). */
export function checkLevel1Weights(groups: Map<string, Level1Group>, profile: RuleProfile, issues: IssueList): OffProfile[] {
  const offProfile: OffProfile[] = [];
  groups.forEach((g) => {
    const weights = g.weights;
    const s = g.weightSum;
    const cell = g.cell ? at(g.cell.row, g.cell.col) : null;
    if (g.declared !== null && weights.length && !sameAt(g.declared, s, 6)) {
      issues.add('LEVEL1_WEIGHT', 'warning', cell, messages.level1Weight(cell ?? '', g.label, g.declared, weights.map(num).join('+'), s));
    }
    const category = categoryOf(g.label);
    if (category && weights.length && !sameAt(profile.weights[category], s, 6)) {
      if (cell) offProfile.push({ cell, label: g.label, actual: s, expected: profile.weights[category] });
      issues.add('WEIGHT_PROFILE', 'info', cell, messages.weightProfile(cell ?? '', g.label, s, profile.weights[category]));
    }
  });
  return offProfile;
}

/** Weights inside 二级 labels ("数量指标（10分）"): checked against the rows under them, like a 一级 label's. */
export function checkLevel2Weights(t: DetectedTable, indicators: IndicatorResult[], issues: IssueList): void {
  const level2Col = t.indicators.cols.level2;
  if (level2Col === undefined) return;
  const seconds = new Map<string, { label: string; declared: number; row: number; weights: number[] }>();
  indicators.forEach((ind, i) => {
    const declared = ind.level2.includes('分') ? declaredWeight(ind.level2) : null;
    if (declared === null) return;
    const key = `${ind.level1}\u0000${ind.level2}`;
    const g = seconds.get(key) ?? { label: ind.level2, declared, row: t.indicators.rows[i].row, weights: [] };
    if (ind.weight !== null) g.weights.push(ind.weight);
    seconds.set(key, g);
  });
  for (const g of seconds.values()) {
    if (!g.weights.length || sameAt(g.declared, sum(g.weights), 6)) continue;
    const m = mergeAt(t.grid, g.row, level2Col);
    const cell = m ? at(m.top, m.left) : at(g.row, level2Col);
    issues.add('LEVEL1_WEIGHT', 'warning', cell, messages.level1Weight(cell, bareLevelLabel(g.label), g.declared, g.weights.map(num).join('+'), sum(g.weights)));
  }
}

/**
 * A weight nested over the 一级 groups ("年度绩效目标(80分)" over 产出(60分) + 效益(40分)): checked against
 * their declared weights when every group declares one, else against the rows' weights.
 */
export function checkEnclosingWeight(t: DetectedTable, groups: Map<string, Level1Group>, indicators: IndicatorResult[], issues: IssueList): void {
  const outer = t.indicators.group;
  if (!outer) return;
  const declared = [...groups.values()].map((g) => g.declared);
  const parts = declared.length && declared.every((w) => w !== null) ? (declared as number[]) : indicators.filter((i) => i.weight !== null).map((i) => i.weight as number);
  if (parts.length && !sameAt(outer.weight, sum(parts), 6)) {
    const cell = at(outer.row, outer.col);
    issues.add('LEVEL1_WEIGHT', 'warning', cell, messages.level1Weight(cell, bareLevelLabel(outer.label), outer.weight, parts.map(num).join('+'), sum(parts)));
  }
}

/** The execution points against the profile's (WEIGHT_PROFILE), where they count in the total. */
export function checkExecutionWeight(t: DetectedTable, funds: FundsResult, profile: RuleProfile, withExec: boolean, issues: IssueList): OffProfile | null {
  if (funds.weight === null || !withExec || sameAt(funds.weight, profile.weights.execution, 6)) return null;
  const cell = t.funds && t.funds.cols.weight !== undefined && funds.row ? at(funds.row - 1, t.funds.cols.weight) : null;
  issues.add('WEIGHT_PROFILE', 'info', cell, messages.weightProfile(cell ?? '', '预算执行率', funds.weight, profile.weights.execution));
  return cell ? { cell, label: '预算执行率', actual: funds.weight, expected: profile.weights.execution } : null;
}

/** What WEIGHT_SUM compares: the weights counted, the total's cells, and where the weights leave the profile. */
export interface WeightSum {
  total: number | null;
  /** The execution points where they count. */
  executionWeight: number | null;
  /** The 一级 groups: the message lists 执行率, then the sum of each group with a scored row. */
  groups: Map<string, Level1Group>;
  withExec: boolean;
  weightCell: string | null;
  scoreCell: string | null;
  offProfile: OffProfile[];
}

/**
 * WEIGHT_SUM: the scored weights do not sum to 100. It points at the 一级 cells whose weights cause it (the
 * total's 分值 cell may well show 100), once per cell, replacing the WEIGHT_PROFILE hint there; else at the
 * total's 分值 cell.
 */
export function checkWeightSum(w: WeightSum, profile: RuleProfile, issues: IssueList): void {
  if (w.total === null || sameAt(w.total, 100, 6)) return;
  // Plain loops, no spreads or flat(): this runs once per table, mostly before it is optimised.
  const indicatorWeights: number[] = [];
  let labels = w.executionWeight !== null ? num(w.executionWeight) : '';
  w.groups.forEach((g) => {
    if (!g.weights.length) return;
    for (let i = 0; i < g.weights.length; i++) indicatorWeights.push(g.weights[i]);
    labels += `${labels ? '+' : ''}${num(g.weightSum)}`;
  });
  const hint = w.withExec && sameAt(sum(indicatorWeights), 100, 6) ? messages.weightSumExcludingHint() : messages.weightSumFix();
  const p = profile.weights;
  const national = w.withExec ? `${p.execution}+${p.output}+${p.effect}+${p.satisfaction}=100` : `${p.output}+${p.effect}+${p.satisfaction}（不含预算执行率）`;
  const sumText = messages.weightSum(labels, w.total, national, hint);
  if (w.offProfile.length) {
    for (let k = 0; k < w.offProfile.length; k++) {
      const o = w.offProfile[k];
      issues.add('WEIGHT_SUM', 'error', o.cell, `${messages.weightCause(o.cell, o.label, o.actual, o.expected)}${sumText}`);
      issues.removeWhere((i) => i.code === 'WEIGHT_PROFILE' && i.cell === o.cell);
    }
  } else {
    const cell = w.weightCell ?? w.scoreCell;
    issues.add('WEIGHT_SUM', 'error', cell, `${cell ?? ''} ${sumText}`.trim());
  }
}

/** One issue per cell for the weight checks: a declared-weight warning or WEIGHT_SUM already names the cell's problem. */
export function oneWeightIssuePerCell(issues: IssueList): void {
  for (const lw of issues.items.filter((i) => i.code === 'LEVEL1_WEIGHT' || i.code === 'WEIGHT_SUM')) {
    issues.removeWhere((i) => i.code === 'WEIGHT_PROFILE' && i.cell === lw.cell);
  }
}
