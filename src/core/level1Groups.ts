/**
 * The 一级 groups of a table (产出指标, 效益指标, 满意度指标…): which indicator rows each holds, the weight its
 * label declares ("(60分)"), which of the profile's weights it stands for, and its summary for the pane and
 * the report.
 */
import { sum } from './decimal';
import type { DetectedTable } from './detect';
import type { FundsResult, IndicatorResult, Level1Kind, Level1Summary } from './result';
import { bareLevelLabel, declaredWeight, normalizeLabel } from './text';

export interface Level1Group {
  /** The label without its declared weight ("产出指标"); '（未分组）' for rows without one. */
  label: string;
  /** The 0-based cell of the label, where its issues point. */
  cell: { row: number; col: number } | null;
  declared: number | null;
  rows: IndicatorResult[];
  /** The rows' indexes among the table's indicators. */
  indexes: number[];
  /** The weights of the group's scored rows, and their sum (0 for none): the weight checks, the totals and the summaries all read them. */
  weights: number[];
  weightSum: number;
}

/** The indicator rows by 一级 label, in the table's order. */
export function groupByLevel1(t: DetectedTable, indicators: IndicatorResult[]): Map<string, Level1Group> {
  const groups = new Map<string, Level1Group>();
  indicators.forEach((ind, i) => {
    const label = bareLevelLabel(ind.level1) || '（未分组）';
    const src = t.indicators.rows[i];
    let g = groups.get(label);
    if (!g) groups.set(label, (g = { label, cell: src.level1Cell, declared: declaredWeight(ind.level1), rows: [], indexes: [], weights: [], weightSum: 0 }));
    g.rows.push(ind);
    g.indexes.push(i);
    if (ind.weight !== null) g.weights.push(ind.weight);
  });
  groups.forEach((g) => {
    g.weightSum = sum(g.weights);
  });
  return groups;
}

/** Which of the profile's 一级 weights a label stands for. */
export function categoryOf(label: string): Exclude<Level1Kind, 'other'> | null {
  const t = normalizeLabel(label);
  if (t.includes('满意度')) return 'satisfaction';
  if (t.includes('产出')) return 'output';
  if (t.includes('效益') || t.includes('效果')) return 'effect';
  return null;
}

/** Each group's score: the sum of its scored rows that have one. */
export function groupScores(groups: Map<string, Level1Group>): number[] {
  const out: number[] = [];
  groups.forEach((g) => {
    // A plain loop: sum is optimised early, and a .map/.filter array reaching it later would undo that (see evaluate.ts).
    const scores: number[] = [];
    for (let i = 0; i < g.rows.length; i++) {
      const r = g.rows[i];
      if (r.weight !== null && r.score !== null) scores.push(r.score);
    }
    if (scores.length) out.push(sum(scores));
  });
  return out;
}

/** The summaries of 预算执行率 (where it has points) and of every group with a scored row. */
export function groupSummaries(funds: FundsResult, groups: Map<string, Level1Group>, withExec: boolean): Level1Summary[] {
  const summaries: Level1Summary[] = [];
  if (funds.weight !== null || funds.score !== null) {
    summaries.push({
      label: '预算执行率', weight: funds.weight ?? 0, score: funds.score, statedScore: funds.statedScore, declaredWeight: funds.weight,
      kind: 'execution', indicators: [], countedInTotal: withExec,
    });
  }
  // Map.forEach rather than for…of: no iterator result per group while the code is not yet optimised.
  groups.forEach((g) => {
    // The scored rows' scores and stated scores, each summed unless one of them is missing.
    const scores: number[] = [];
    const stated: number[] = [];
    let scored = 0;
    let scoresComplete = true;
    let statedComplete = true;
    for (let i = 0; i < g.rows.length; i++) {
      const r = g.rows[i];
      if (r.weight === null) continue;
      scored++;
      if (r.score === null) scoresComplete = false;
      else scores.push(r.score);
      if (r.statedScore === null) statedComplete = false;
      else stated.push(r.statedScore);
    }
    if (!scored) return;
    summaries.push({
      label: g.label,
      weight: g.weightSum,
      score: scoresComplete ? sum(scores) : null,
      statedScore: statedComplete ? sum(stated) : null,
      declaredWeight: g.declared,
      kind: categoryOf(g.label) ?? 'other',
      indicators: g.indexes,
      countedInTotal: true,
    });
  });
  return summaries;
}
