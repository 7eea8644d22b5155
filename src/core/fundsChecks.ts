/**
 * The funds block (项目资金): amounts read in the block's own money unit, 执行率 = B ÷ A and its score, and
 * every check of the block — inputs present, execution over budget, budget adjusted, stated rate and score,
 * the sources adding up, an explanation due — each a named function, in the order they report.
 */
import { readAmount, readRate } from './cellValue';
import { formatNumber as num, product, ratio, roundTo, sameAt, sum } from './decimal';
import { isEmptyReason, type DetectedTable } from './detect';
import { executionExplanation } from './explain';
import { cellAt, resolvedCell, toA1 as at, type Cell } from './grid';
import type { AmountReader, IssueList } from './issueList';
import { messages } from './messages';
import type { RuleProfile } from './profile';
import type { DeviationCause, FundsResult, FundsSource, Severity } from './result';
import { executionRate, executionScore } from './scoring';
import { normalizeLabel } from './text';
import { unitFamily, unitScale } from './units';

type FundsBlock = NonNullable<DetectedTable['funds']>;
type FundsCols = FundsBlock['cols'];

/** Whether the funds block's execution score is part of the total (not when an indicator row carries it). */
export function withExecution(t: DetectedTable, profile: RuleProfile): boolean {
  return profile.includeExecutionInTotal && !t.executionOnRow;
}

/** Decimals a percent is shown with: "66%" → 0, "66.34%" → 2; for a plain fraction, its own decimals − 2. */
export function percentDecimals(cell: Cell): number {
  const m = /(\d+)(?:\.(\d+))?\s*%/.exec(cell.text ?? '');
  if (m) return m[2] ? m[2].length : 0;
  const fmt = cell.numberFormat ?? '';
  const f = /0(?:\.(0+))?%/.exec(fmt);
  if (f) return f[1] ? f[1].length : 0;
  return 2;
}

/** The funds result of a table, with every check of its funds block reported in `issues`. */
export function evaluateFunds(t: DetectedTable, profile: RuleProfile, issues: IssueList, amount: AmountReader): FundsResult {
  const demanded = withExecution(t, profile);
  const block = t.funds;
  if (!block || !block.rows.length) return missingFunds(t, demanded, issues);
  const c = block.cols;
  const r = (block.rows.find((x) => x.isTotal) as FundsBlock['rows'][number]).row;
  const severity: Severity = demanded ? 'error' : 'warning';
  const money = moneyReader(block, amount);
  const initial = money(r, c.initialBudget, '年初预算数').value;
  const budgetRead = money(r, c.budget, '全年预算数（A）');
  const executedRead = money(r, c.executed, '全年执行数（B）');
  const budget = budgetRead.value;
  const executed = executedRead.value;
  const { weight, weightRow } = readExecutionWeight(t, block, r, amount);
  const rateCell = c.rate !== undefined ? at(r, c.rate) : null;
  const scoreCell = c.score !== undefined ? at(weightRow, c.score) : null;

  checkFundsInputs(issues, severity, r, c, budgetRead.invalid ? undefined : budget, executedRead.invalid ? undefined : executed);
  checkExecutionWeightGiven(issues, profile, demanded, r, c, weight);
  const rate = executionRate(budget, executed);
  const score = executionScore(rate, weight);
  checkOverBudget(issues, r, c, budget, executed);
  const adjusted = checkBudgetAdjusted(issues, r, c, initial, budget);
  const statedRate = checkStatedRate(t, issues, r, c, rate, executed, budget, initial);
  const statedScore = c.score !== undefined ? amount(weightRow, c.score, '预算执行率得分').value : null;
  checkExecutionScore(issues, profile, scoreCell, statedScore, score, rate, weight);
  const sources = readSources(t, block, r, issues, money);
  checkFundsSum(issues, r, c, { initialBudget: initial, budget, executed }, sources);
  const { deviationDue, deviationCell, reason } = checkFundsDeviation(t, block, r, issues, profile, rate, adjusted);

  return {
    initialBudget: initial, budget, executed, rate, weight, score, statedRate, statedScore,
    rateCell, scoreCell, sources, row: r + 1, deviationCell, reason, unit: block.unit,
    budgetAdjusted: adjusted, rateFromInitial: rateFromInitial(t, r, c, adjusted, statedRate, executed, initial), deviationDue, countedInTotal: demanded,
    explanation: executionExplanation(executed, budget, rate, weight, score, demanded),
  };
}

/** No funds block: an empty result, and MISSING_VALUE unless an older table's execution row stands in for it. */
function missingFunds(t: DetectedTable, demanded: boolean, issues: IssueList): FundsResult {
  // The execution row of an older table stands in for the funds block: nothing to demand.
  if (!t.executionOnRow) {
    const cell = at(t.indicators.headerRow, t.left);
    issues.add('MISSING_VALUE', demanded ? 'error' : 'warning', cell, messages.fundsMissing(cell));
  }
  return {
    initialBudget: null, budget: null, executed: null, rate: null, weight: null, score: null,
    statedRate: null, statedScore: null, rateCell: null, scoreCell: null, sources: [], reason: null, unit: null,
    budgetAdjusted: false, rateFromInitial: false, deviationDue: [], countedInTotal: demanded,
  };
}

/** Amounts in the block's own unit (元/万元/亿元): a cell that writes another money unit is converted. */
function moneyReader(block: FundsBlock, amount: AmountReader): AmountReader {
  return (row, col, what) => {
    const read = amount(row, col, what);
    if (read.value === null) return read;
    const unit = read.unit;
    if (!unit || unit === block.unit || unitFamily(unit).family !== 'money') return read;
    return { ...read, value: product(read.value, unitScale(unit, block.unit)) };
  };
}

/**
 * The execution points and the row that carries them: the 分值 column of 年度资金总额; without a 分值 column,
 * the weight a 得分 header or the group label carries ("得分（20分*执行率）"); some tables repeat the points on
 * a 其中 row instead, counted once wherever they are.
 */
function readExecutionWeight(t: DetectedTable, block: FundsBlock, r: number, amount: AmountReader): { weight: number | null; weightRow: number } {
  const c = block.cols;
  let weightRow = r;
  let weight = c.weight === undefined ? block.headerWeight : amount(r, c.weight, '预算执行率分值').value;
  if (weight === null && c.weight !== undefined) {
    for (let i = 0; i < block.rows.length; i++) {
      const src = block.rows[i];
      if (src.row === r) continue;
      const w = readAmount(cellAt(t.grid, src.row, c.weight)).value;
      if (w !== null) {
        weight = w;
        weightRow = src.row;
        break;
      }
    }
  }
  return { weight: weight ?? block.headerWeight, weightRow };
}

/** MISSING_VALUE for an empty 全年预算数 or 全年执行数 (undefined: unreadable, reported already), and a zero budget. */
function checkFundsInputs(issues: IssueList, severity: Severity, r: number, c: FundsCols, budget: number | null | undefined, executed: number | null | undefined): void {
  if (budget === null && c.budget !== undefined) {
    issues.add('MISSING_VALUE', severity, at(r, c.budget), messages.missing(at(r, c.budget), '全年预算数（A）', '执行率 = 全年执行数 ÷ 全年预算数，请填写调整后的全年预算数（万元）。'));
  }
  if (executed === null && c.executed !== undefined) {
    issues.add('MISSING_VALUE', severity, at(r, c.executed), messages.missing(at(r, c.executed), '全年执行数（B）', '请填写全年实际支出（万元），没有支出请填 0。'));
  }
  if (budget === 0 && c.budget !== undefined) issues.add('MISSING_VALUE', severity, at(r, c.budget), messages.budgetZero(at(r, c.budget)));
}

/** MISSING_VALUE for the execution points when the profile counts them in the total. */
function checkExecutionWeightGiven(issues: IssueList, profile: RuleProfile, demanded: boolean, r: number, c: FundsCols, weight: number | null): void {
  if (weight !== null || !demanded) return;
  const cell = c.weight !== undefined ? at(r, c.weight) : at(r, (c.score ?? c.executed ?? 0) as number);
  issues.add('MISSING_VALUE', 'error', cell, messages.missing(cell, '预算执行率分值', `按规则预算执行率计入总分，请填写分值（通常为 ${num(profile.weights.execution)} 分）。`));
}

/** EXECUTION_OVER_BUDGET: B > A. */
function checkOverBudget(issues: IssueList, r: number, c: FundsCols, budget: number | null, executed: number | null): void {
  if (budget !== null && executed !== null && budget > 0 && executed > budget && c.executed !== undefined) {
    issues.add('EXECUTION_OVER_BUDGET', 'warning', at(r, c.executed), messages.overBudget(at(r, c.executed), executed, budget));
  }
}

/** BUDGET_ADJUSTED: 全年预算数 ≠ 年初预算数. Says whether the budget was adjusted. */
function checkBudgetAdjusted(issues: IssueList, r: number, c: FundsCols, initial: number | null, budget: number | null): boolean {
  const adjusted = initial !== null && budget !== null && !sameAt(initial, budget, 6);
  if (adjusted && c.budget !== undefined) {
    issues.add('BUDGET_ADJUSTED', 'info', at(r, c.budget), messages.budgetAdjusted(at(r, c.budget), initial as number, budget as number));
  }
  return adjusted;
}

/** The stated 执行率, compared with B ÷ A at the precision it is shown with (RATE_MISMATCH), or NOT_A_NUMBER. */
function checkStatedRate(
  t: DetectedTable,
  issues: IssueList,
  r: number,
  c: FundsCols,
  rate: number | null,
  executed: number | null,
  budget: number | null,
  initial: number | null,
): number | null {
  if (c.rate === undefined) return null;
  const cell = cellAt(t.grid, r, c.rate);
  const rr = readRate(cell);
  if (rr.invalid) issues.add('NOT_A_NUMBER', 'error', at(r, c.rate), messages.notANumber(at(r, c.rate), '执行率', rr.parsed.text, rr.parsed.problem));
  const statedRate = rr.value;
  if (statedRate !== null && rate !== null && !sameAt(statedRate, rate, percentDecimals(cell) + 2)) {
    issues.add('RATE_MISMATCH', 'warning', at(r, c.rate), messages.rateMismatch(at(r, c.rate), statedRate, rate, executed as number, budget as number, initial));
  }
  return statedRate;
}

/** The stated execution score: above its 分值 (SCORE_OVER_WEIGHT), else not the computed one (SCORE_MISMATCH). */
function checkExecutionScore(
  issues: IssueList,
  profile: RuleProfile,
  scoreCell: string | null,
  statedScore: number | null,
  score: number | null,
  rate: number | null,
  weight: number | null,
): void {
  if (statedScore !== null && weight !== null && statedScore > weight && scoreCell) {
    issues.add('SCORE_OVER_WEIGHT', 'error', scoreCell, messages.scoreOverWeight(scoreCell, '预算执行率', statedScore, weight));
  } else if (statedScore !== null && score !== null && scoreCell && !sameAt(statedScore, roundTo(score, profile.decimals, profile.rounding), profile.decimals)) {
    issues.add('SCORE_MISMATCH', 'warning', scoreCell, messages.executionScoreMismatch(scoreCell, statedScore, roundTo(score, profile.decimals, profile.rounding), rate as number, weight as number));
  }
}

/** The source rows (其中 rows, 上年结转, 其他资金…), each with its own stated 执行率 checked where it has one. */
function readSources(t: DetectedTable, block: FundsBlock, r: number, issues: IssueList, money: AmountReader): FundsSource[] {
  const c = block.cols;
  const sources: FundsSource[] = [];
  for (let i = 0; i < block.rows.length; i++) {
    const src = block.rows[i];
    if (src.row === r) continue;
    const source: FundsSource = {
      label: src.label,
      initialBudget: money(src.row, c.initialBudget, `${src.label}的年初预算数`).value,
      budget: money(src.row, c.budget, `${src.label}的全年预算数`).value,
      executed: money(src.row, c.executed, `${src.label}的全年执行数`).value,
      row: src.row + 1,
    };
    if (c.rate !== undefined) checkSourceRate(t, issues, src.row, c.rate, source);
    sources.push(source);
  }
  return sources;
}

/** A source row's own 执行率, where the filer wrote one ("其中：当年财政拨款 … 66%"): RATE_MISMATCH. */
function checkSourceRate(t: DetectedTable, issues: IssueList, row: number, rateCol: number, source: FundsSource): void {
  const cell = cellAt(t.grid, row, rateCol);
  const stated = readRate(cell).value;
  if (stated === null) return;
  const own = executionRate(source.budget, source.executed);
  source.statedRate = stated;
  source.rate = own;
  source.rateCell = at(row, rateCol);
  if (own !== null && !sameAt(stated, own, percentDecimals(cell) + 2)) {
    issues.add('RATE_MISMATCH', 'warning', source.rateCell, messages.rateMismatch(source.rateCell, stated, own, source.executed as number, source.budget as number, source.initialBudget));
  }
}

/** FUNDS_SUM: 年度资金总额 ≠ the sum of its top-level source rows, column by column. */
function checkFundsSum(
  issues: IssueList,
  r: number,
  c: FundsCols,
  totals: Record<'initialBudget' | 'budget' | 'executed', number | null>,
  sources: FundsSource[],
): void {
  const columns: ['initialBudget' | 'budget' | 'executed', string][] = [
    ['initialBudget', '年初预算数'],
    ['budget', '全年预算数'],
    ['executed', '全年执行数'],
  ];
  // Only top-level sources add up to the total: nested "其中" rows under a source would count twice.
  const topSources = sources.filter((s, i) => i === 0 || !normalizeLabel(s.label).startsWith('其中') || !normalizeLabel(sources[i - 1].label).startsWith('其中'));
  for (let i = 0; i < columns.length; i++) {
    const key = columns[i][0];
    const name = columns[i][1];
    const total = totals[key];
    const col = c[key];
    if (total === null || col === undefined) continue;
    // A plain loop, as every array handed to sum (see evaluate.ts).
    const parts: number[] = [];
    for (let k = 0; k < topSources.length; k++) {
      const v = topSources[k][key];
      if (v !== null) parts.push(v);
    }
    if (!parts.length) continue;
    const s = sum(parts);
    if (!sameAt(s, total, 4)) {
      issues.add('FUNDS_SUM', 'error', at(r, col), messages.fundsSum(at(r, col), name, total, parts.map(num).join('+'), s));
    }
  }
}

/**
 * An explanation is due below the profile's rate threshold and after a budget adjustment. The reason already
 * written: in the block's 原因 column (四川), else in a 说明 row or beside the block; DEVIATION_UNEXPLAINED
 * where the layout has a cell for it and none is written.
 */
function checkFundsDeviation(
  t: DetectedTable,
  block: FundsBlock,
  r: number,
  issues: IssueList,
  profile: RuleProfile,
  rate: number | null,
  adjusted: boolean,
): { deviationDue: DeviationCause[]; deviationCell: string | null; reason: string | null } {
  const c = block.cols;
  const deviationDue: DeviationCause[] = [];
  if (rate !== null && rate < profile.deviationBelowRate) deviationDue.push('rate-below-threshold');
  if (adjusted) deviationDue.push('budget-adjusted');
  let deviationCell: string | null = null;
  const columnReason = c.deviation !== undefined ? resolvedCell(t.grid, r, c.deviation).text.trim() : '';
  const reason = !isEmptyReason(columnReason) ? columnReason : (block.reason?.text ?? null);
  if (c.deviation !== undefined) {
    deviationCell = at(r, c.deviation);
    const reasons: string[] = [];
    if (deviationDue.includes('rate-below-threshold')) reasons.push(`执行率 ${num(roundTo((rate as number) * 100, 2))}% 低于 ${num(profile.deviationBelowRate * 100)}%`);
    if (adjusted) reasons.push('预算做过调整');
    if (reasons.length && reason === null) {
      issues.add('DEVIATION_UNEXPLAINED', 'warning', deviationCell, messages.deviation(deviationCell, '预算执行率', reasons.join('，')));
    }
  }
  return { deviationDue, deviationCell, reason };
}

/** The common slip: the stated rate divides by 年初预算数 instead of the adjusted 全年预算数. */
function rateFromInitial(
  t: DetectedTable,
  r: number,
  c: FundsCols,
  adjusted: boolean,
  statedRate: number | null,
  executed: number | null,
  initial: number | null,
): boolean {
  return (
    adjusted && statedRate !== null && executed !== null && initial !== null && initial > 0 &&
    sameAt(statedRate, ratio(executed, initial), percentDecimals(cellAt(t.grid, r, c.rate ?? -1)) + 2)
  );
}
