/**
 * One indicator row (三级指标) → its result: not applicable, unweighted, the execution row of an older
 * table, qualitative or quantitative; and every check of the row — values present and comparable, units,
 * bounds written as actuals, stated scores against the computed ones, over-achievement, an explanation due —
 * each a named function, in the order they report.
 */
import type { ParsedValue } from './cellValue';
import { formatNumber as num, product, ratio, roundTo, sameAt } from './decimal';
import { isEmptyReason, type DetectedTable, type IndicatorRow } from './detect';
import { keptExplanation, notApplicableExplanation, quantitativeExplanation } from './explain';
import { cellAt, resolvedCell, toA1 } from './grid';
import { kindOnly, rowValues } from './indicatorValues';
import type { AmountReader, IssueList } from './issueList';
import { isExecutionIndicator } from './layouts';
import { messages } from './messages';
import type { RuleProfile } from './profile';
import { scoreQualitative } from './qualitativeChecks';
import type { ActualProblem, DeviationCause, IndicatorKind, IndicatorResult } from './result';
import { executionScore, inferKind, keptScore, natureComparator, scoreQuantitative } from './scoring';
import { declaredWeight, isNotApplicableMark, normalizeLabel } from './text';
import { unitScale, unitsCompatible } from './units';

type QuantitativeKind = 'positive' | 'negative' | 'equal';

/** The cell of a column on the row ("F16"), null where the table has no such column. */
type CellOf = (col: number | undefined) => string | null;

/** The row's texts as shown. */
interface RowTexts {
  target: string;
  actual: string;
  weight: string;
}

/** A weighted row being scored: what each of its checks needs. */
interface ScoredRow {
  t: DetectedTable;
  row: IndicatorRow;
  profile: RuleProfile;
  issues: IssueList;
  name: string;
  texts: RowTexts;
  at: CellOf;
  scoreCell: string | null;
  weight: number;
  stated: number | null;
  /** The row's result so far (values, weight, stated score). */
  result: IndicatorResult;
  round: (x: number) => number;
}

/**
 * What scoring a row gave: the result as it stands (`done`), or one still to be checked for a due explanation.
 * A row's result is one object filled in as its checks go (never copied with {...result}): a copy of an object
 * this wide costs V8 about a microsecond, several per row, which was most of the time a row took.
 */
type Scored = { settled: true; result: IndicatorResult } | { settled: false; result: IndicatorResult; overAchieved: boolean };

export function evaluateIndicator(t: DetectedTable, row: IndicatorRow, profile: RuleProfile, issues: IssueList, amount: AmountReader, fundsRate: number | null): IndicatorResult {
  const c = t.indicators.cols;
  const r = row.row;
  const at: CellOf = (col) => (col === undefined ? null : toA1(r, col));
  const textOf = (col: number | undefined) => (col === undefined ? '' : cellAt(t.grid, r, col).text.trim());
  const texts: RowTexts = { target: textOf(c.target), actual: textOf(c.actual), weight: textOf(c.weight) };
  const name = row.name;
  const base = baseResult(t, row, texts, at);
  if (isNotApplicableRow(name, texts)) return Object.assign(base, { kind: 'not_applicable' as const, explanation: notApplicableExplanation('not_applicable') });

  const weight = amount(r, c.weight, `“${name}”的分值`).value;
  const stated = amount(r, c.score, `“${name}”的得分`).value;
  const result = base;
  result.weight = weight;
  result.statedScore = stated;
  if (weight === null) return unweightedRow(t, row, issues, result, texts, at);
  // A negative 分值 is already reported (NEGATIVE_VALUE); nothing can be scored against it.
  if (weight < 0) {
    result.kind = kindOnly(t, row, texts.target);
    return result;
  }

  const scoreCell = at(c.score);
  const x: ScoredRow = {
    t, row, profile, issues, name, texts, at, scoreCell, weight, stated, result,
    round: (v) => roundTo(v, profile.decimals, profile.rounding),
  };
  checkScoreOverWeight(x);
  const values = rowValues(t, r);
  const target = values[0];
  const actual = values[1];
  const nature = c.nature !== undefined ? natureComparator(resolvedCell(t.grid, r, c.nature).text) : null;
  checkValueCells(x, target, actual);
  // The execution row of an older table (预算执行率 under 项目管理): when it cannot be compared with a target of
  // its own (actual not a number, or target "—"), it is scored from the funds block's B ÷ A, as the funds block would be.
  if (isExecutionIndicator(name) && (actual.kind !== 'number' || target.kind !== 'number') && fundsRate !== null) return scoreExecutionRow(x, fundsRate);
  const kind = target.kind === 'empty' && actual.kind === 'text' ? 'qualitative' : inferKind(target, row.level2, nature);
  const scored = kind === 'qualitative' ? scoreQualitativeRow(x, actual) : scoreQuantitativeRow(x, kind, target, actual, nature);
  return scored.settled ? scored.result : withDeviationDue(x, scored.result, scored.overAchieved);
}

/** What every row's result says before it is scored. */
function baseResult(t: DetectedTable, row: IndicatorRow, texts: RowTexts, at: CellOf): IndicatorResult {
  const c = t.indicators.cols;
  const r = row.row;
  // A reason merged down over several rows explains each of them.
  const deviationText = row.deviation;
  return {
    level1: row.level1,
    level2: row.level2,
    name: row.name,
    target: texts.target,
    actual: texts.actual,
    kind: 'unknown',
    weight: null,
    score: null,
    statedScore: null,
    scoreSource: 'none',
    row: r + 1,
    scoreCell: at(c.score),
    deviation: deviationText,
    deviationCell: at(c.deviation),
    met: null,
    level1DeclaredWeight: declaredWeight(row.level1),
    nature: c.nature !== undefined ? resolvedCell(t.grid, r, c.nature).text.trim() || null : null,
    unit: c.unit !== undefined ? resolvedCell(t.grid, r, c.unit).text.trim() || null : null,
    deviationDue: [],
    deviationGiven: !isEmptyReason(deviationText),
    overAchieved: false,
    actualProblem: null,
    completion: null,
  };
}

/** Not applicable: "/" for the name, for both values, or for the weight. */
function isNotApplicableRow(name: string, texts: RowTexts): boolean {
  return (
    isNotApplicableMark(name) ||
    (isNotApplicableMark(texts.target) && (isNotApplicableMark(texts.actual) || texts.actual === '')) ||
    isNotApplicableMark(texts.weight)
  );
}

/**
 * A row without a 分值: MISSING_VALUE, except on detail rows ("其中…") that carry none of their own and are
 * neither scored nor counted. Its values are checked all the same: a bound or another unit is wrong whether
 * or not the row is scored.
 */
function unweightedRow(t: DetectedTable, row: IndicatorRow, issues: IssueList, result: IndicatorResult, texts: RowTexts, at: CellOf): IndicatorResult {
  const c = t.indicators.cols;
  const name = row.name;
  const isDetail = normalizeLabel(row.rawName).startsWith('其中');
  if (!isDetail && c.weight !== undefined && !issues.errorsAt([at(c.weight)])) {
    issues.add('MISSING_VALUE', 'error', at(c.weight), messages.missing(at(c.weight) as string, `“${name}”的分值`, '每个计分指标都要有分值；不计分的明细行请以“其中”开头，不适用的指标请填“/”。'));
  }
  const parsed = rowValues(t, row.row);
  const target = parsed[0];
  const actual = parsed[1];
  const values = checkValues(target, actual, at(c.actual), name, texts, issues);
  return Object.assign(result, { kind: kindOnly(t, row, texts.target), actualProblem: actualProblemOf(values, target, actual), explanation: notApplicableExplanation('unknown') });
}

/** SCORE_OVER_WEIGHT: a stated 得分 above its 分值. */
function checkScoreOverWeight(x: ScoredRow): void {
  if (x.stated !== null && x.stated > x.weight && x.scoreCell) {
    x.issues.add('SCORE_OVER_WEIGHT', 'error', x.scoreCell, messages.scoreOverWeight(x.scoreCell, x.name, x.stated, x.weight));
  }
}

/** NOT_A_NUMBER or NEGATIVE_VALUE in the row's target or actual. */
function checkValueCells(x: ScoredRow, target: ParsedValue, actual: ParsedValue): void {
  const c = x.t.indicators.cols;
  checkValueCell(x, target, c.target, '年度指标值');
  checkValueCell(x, actual, c.actual, '实际完成值');
}

function checkValueCell(x: ScoredRow, pv: ParsedValue, col: number | undefined, what: string): void {
  if (col === undefined) return;
  if (pv.kind === 'error') {
    x.issues.add('NOT_A_NUMBER', 'error', x.at(col), messages.notANumber(x.at(col) as string, `“${x.name}”的${what}`, pv.text, pv.problem));
  } else if (pv.kind === 'number' && (pv.number as number) < 0) {
    x.issues.add('NEGATIVE_VALUE', 'error', x.at(col), messages.negative(x.at(col) as string, `“${x.name}”的${what}`, pv.number as number));
  }
}

/**
 * Checks that need no weight (VAGUE_ACTUAL, UNIT_MISMATCH): a bound or text written where the actual
 * value belongs, or an actual in another unit than its target. Says whether both are comparable numbers.
 */
function checkValues(target: ParsedValue, actual: ParsedValue, cell: string | null, name: string, texts: RowTexts, issues: IssueList): 'numbers' | 'not_numbers' | 'units' {
  if (target.kind !== 'number' || actual.kind !== 'number') {
    if (actual.kind === 'text' && target.kind === 'number') issues.add('VAGUE_ACTUAL', 'warning', cell, messages.vagueText(cell ?? '', name, texts.actual, texts.target));
    return 'not_numbers';
  }
  if (actual.comparator !== null) issues.add('VAGUE_ACTUAL', 'warning', cell, messages.vagueBound(cell ?? '', name, texts.actual));
  if (!unitsCompatible(target.unit, actual.unit)) {
    issues.add('UNIT_MISMATCH', 'warning', cell, messages.unitMismatch(cell ?? '', name, texts.target, texts.actual));
    return 'units';
  }
  return 'numbers';
}

/** How the actual fails to answer the target, from the checks' outcome (for the report to discuss in place). */
function actualProblemOf(values: ReturnType<typeof checkValues>, target: ParsedValue, actual: ParsedValue): ActualProblem | null {
  if (values === 'units') return 'unit-mismatch';
  if (values === 'not_numbers') return actual.kind === 'text' && target.kind === 'number' ? 'text-for-number' : null;
  return actual.comparator !== null ? 'bound-not-value' : null;
}

/** The execution row scored from the funds block's rate; its stated score checked (SCORE_MISMATCH). */
function scoreExecutionRow(x: ScoredRow, fundsRate: number): IndicatorResult {
  const score = executionScore(fundsRate, x.weight) as number;
  if (x.stated !== null && !(x.stated > x.weight) && x.scoreCell && !sameAt(x.stated, x.round(score), x.profile.decimals)) {
    x.issues.add('SCORE_MISMATCH', 'warning', x.scoreCell, messages.executionScoreMismatch(x.scoreCell, x.stated, x.round(score), fundsRate, x.weight));
  }
  return Object.assign(x.result, { kind: 'positive' as const, score, scoreSource: 'computed' as const, met: fundsRate >= 1 });
}

/** Keeps what the filer stated when the engine cannot derive a score; says why (MISSING_SCORE) when nothing can be kept. */
function keepStated(x: ScoredRow, kind: IndicatorKind, why: string): IndicatorResult {
  if (x.stated !== null) {
    const score = keptScore(x.stated, x.weight);
    const deviationDue: DeviationCause[] = x.round(score) < x.weight ? ['below-weight'] : [];
    const kept = x.result;
    kept.kind = kind;
    kept.score = score;
    kept.scoreSource = 'stated';
    kept.deviationDue = deviationDue;
    kept.explanation = keptExplanation(why, score);
    return kept;
  }
  // No MISSING_SCORE where one of the row's value cells already holds an error.
  const c = x.t.indicators.cols;
  if (x.scoreCell && !x.issues.errorsAt([x.at(c.target), x.at(c.actual), x.at(c.weight), x.scoreCell])) x.issues.add('MISSING_SCORE', 'error', x.scoreCell, messages.missingScore(x.scoreCell, x.name, why));
  x.result.kind = kind;
  x.result.explanation = keptExplanation(why, null);
  return x.result;
}

/** MISSING_VALUE for an empty target or actual: a warning beside a kept stated score, else an error. Says whether the value is there. */
function requireValue(x: ScoredRow, pv: ParsedValue, col: number | undefined, what: string): boolean {
  if (pv.kind !== 'empty' || col === undefined) return pv.kind !== 'empty';
  const cell = x.at(col) as string;
  if (x.stated !== null) x.issues.add('MISSING_VALUE', 'warning', cell, messages.missing(cell, `“${x.name}”的${what}`, '已保留所填得分；请补填以便核对。'));
  else x.issues.add('MISSING_VALUE', 'error', cell, messages.missing(cell, `“${x.name}”的${what}`, '没有它无法计算得分，请补填。'));
  return false;
}

function scoreQualitativeRow(x: ScoredRow, actual: ParsedValue): Scored {
  if (!requireValue(x, actual, x.t.indicators.cols.actual, '实际完成值')) return { settled: true, result: keepStated(x, 'qualitative', '实际完成值为空') };
  const out = scoreQualitative(x.result, x.texts.target, x.texts.actual, actual, x.weight, x.stated, x.profile, x.issues, x.scoreCell, x.name);
  return { settled: false, result: out, overAchieved: false };
}

/**
 * A quantitative row: both values present and comparable (else the stated score is kept, and the row's
 * actual problem recorded for the report), scored against its target; SCORE_MISMATCH where the stated score
 * differs, OVER_ACHIEVED far above target.
 */
function scoreQuantitativeRow(x: ScoredRow, kind: IndicatorKind, target: ParsedValue, actual: ParsedValue, nature: ReturnType<typeof natureComparator>): Scored {
  const c = x.t.indicators.cols;
  const haveTarget = requireValue(x, target, c.target, '年度指标值');
  const haveActual = requireValue(x, actual, c.actual, '实际完成值');
  if (!haveTarget || !haveActual) return { settled: true, result: keepStated(x, kind, '年度指标值或实际完成值为空') };
  const values = checkValues(target, actual, x.at(c.actual), x.name, x.texts, x.issues);
  const problem = actualProblemOf(values, target, actual);
  // The row's actual contradicts its target: the stated score stands, the report discusses it.
  if (values === 'not_numbers' || values === 'units') {
    const kept = keepStated(x, kind, values === 'units' ? '实际完成值与指标值单位不同' : '指标值或实际完成值不是数值');
    kept.actualProblem = problem;
    return { settled: true, result: kept };
  }
  const t0 = target.number as number;
  const a0 = product(actual.number as number, unitScale(actual.unit, target.unit));
  if (t0 < 0 || a0 < 0) return { settled: true, result: keepStated(x, kind, '数值为负') };
  const comparator = nature !== 'qualitative' && nature !== null ? nature : target.comparator;
  const strict = comparator === '>' || comparator === '<';
  const k = kind as QuantitativeKind;
  const q = scoreQuantitative(k, t0, a0, x.weight, strict, x.profile);
  const completion = (kind === 'positive' || kind === 'equal') && t0 > 0 ? ratio(a0, t0) : null;
  // Shown only for a target not met (a met one scores full marks): formatting it for every row costs.
  const formula = q.met ? '' : scoreFormula(k, t0, a0, x.weight, x.profile);
  const rounded = x.round(q.score);
  const explanation = quantitativeExplanation(k, x.texts.target, x.texts.actual, q.met, formula, rounded, x.weight);
  // Plain stores rather than Object.assign: the row's result is filled on every row, mostly before it is optimised.
  const out = x.result;
  out.kind = kind;
  out.score = q.score;
  out.scoreSource = 'computed';
  out.met = q.met;
  out.actualProblem = problem;
  out.completion = completion;
  out.explanation = explanation;
  if (x.stated !== null && !(x.stated > x.weight) && !sameAt(x.stated, rounded, x.profile.decimals) && x.scoreCell) {
    const how = q.met ? '已完成目标，得满分' : formula;
    x.issues.add('SCORE_MISMATCH', 'warning', x.scoreCell, messages.scoreMismatch(x.scoreCell, x.name, x.stated, rounded, k, how));
  }
  const overAchieved = checkOverAchieved(x, kind, t0, a0);
  return { settled: false, result: out, overAchieved };
}

/** How a quantitative score is computed, in the user's words ("97.9 ÷ 64.95 × 10"). */
function scoreFormula(kind: QuantitativeKind, t0: number, a0: number, weight: number, profile: RuleProfile): string {
  if (kind !== 'negative') return `${num(a0)} ÷ ${num(t0)} × ${num(weight)}`;
  return profile.negativeFormula === 'linear' ? `(1 − (${num(a0)} − ${num(t0)}) ÷ ${num(t0)}) × ${num(weight)}` : `${num(t0)} ÷ ${num(a0)} × ${num(weight)}`;
}

/** OVER_ACHIEVED: the actual at or above the profile's threshold times the target. Says whether it is. */
function checkOverAchieved(x: ScoredRow, kind: IndicatorKind, t0: number, a0: number): boolean {
  if (!((kind === 'positive' || kind === 'equal') && t0 > 0 && a0 >= t0 * x.profile.overAchievementThreshold)) return false;
  const cell = x.at(x.t.indicators.cols.actual);
  x.issues.add('OVER_ACHIEVED', 'info', cell, messages.overAchieved(cell as string, x.name, x.texts.actual, x.texts.target, a0 / t0));
  return true;
}

/** 偏差原因 is due below full marks or far above target: recorded, and DEVIATION_UNEXPLAINED where the cell is empty. */
function withDeviationDue(x: ScoredRow, scored: IndicatorResult, overAchieved: boolean): IndicatorResult {
  const c = x.t.indicators.cols;
  const due: DeviationCause[] = [];
  const rounded = scored.score === null ? null : x.round(scored.score);
  if (rounded !== null && rounded < x.weight) due.push('below-weight');
  if (overAchieved) due.push('over-achieved');
  const out = scored;
  out.deviationDue = due;
  out.overAchieved = overAchieved;
  if (c.deviation !== undefined && out.score !== null && isEmptyReason(x.row.deviation)) {
    const reasons: string[] = [];
    if (due.includes('below-weight')) reasons.push(`得分 ${num(rounded as number)} 低于分值 ${num(x.weight)}`);
    if (overAchieved) reasons.push('实际完成值远超年度指标值');
    if (reasons.length) {
      const cell = x.at(c.deviation) as string;
      x.issues.add('DEVIATION_UNEXPLAINED', 'warning', cell, messages.deviation(cell, x.name, reasons.join('，')));
    }
  }
  return out;
}
