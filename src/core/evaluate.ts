/**
 * One detected table → its contract result: values read, every input validated, every score
 * computed (or a stated one kept where only the filer can judge), totals and the grade.
 */
import { parseCell, readAmount, readRate, type ParsedValue } from './cellValue';
import { roundTo, sameAt, sum, formatNumber as num, dec, product } from './decimal';
import { isEmptyReason, type DetectedTable, type IndicatorRow } from './detect';
import { isExecutionIndicator } from './layouts';
import { cellAt, mergeAt, resolvedCell, toA1, toRangeA1, type Cell } from './grid';
import { messages, TIER_NAMES } from './messages';
import type { RuleProfile } from './profile';
import type {
  FundsResult,
  FundsSource,
  IndicatorKind,
  IndicatorResult,
  ActualProblem,
  DeviationCause,
  Issue,
  IssueCode,
  Level1Kind,
  Level1Summary,
  ScoreSource,
  Severity,
  TableResult,
} from './result';
import {
  executionRate,
  executionScore,
  gradeFor,
  inferKind,
  natureComparator,
  qualitativeTier,
  scoreQuantitative,
  tierRange,
} from './scoring';
import { executionExplanation, keptExplanation, notApplicableExplanation, qualitativeExplanation, quantitativeExplanation } from './explain';
import { bareLevelLabel, declaredWeight, isNotApplicableMark, normalizeLabel } from './text';
import { unitFamily, unitScale, unitsCompatible } from './units';

class IssueList {
  readonly items: Issue[] = [];
  constructor(private readonly sheet: string) {}
  add(code: IssueCode, severity: Severity, cell: string | null, message: string): void {
    this.items.push({ code, severity, cell, message, sheet: this.sheet });
  }
  errorsAt(cells: (string | null)[]): boolean {
    return this.items.some((i) => i.severity === 'error' && cells.includes(i.cell));
  }
}

/** Deviation text that says nothing ("", "0", "无", "/"). */
const isEmptyExplanation = isEmptyReason;

export function evaluateTable(t: DetectedTable, profile: RuleProfile): TableResult {
  const grid = t.grid;
  const issues = new IssueList(grid.name);
  const at = (row: number, col: number) => toA1(row, col);
  const d = profile.decimals;

  // Reads an amount cell, reporting text and negatives. Returns null when absent or invalid.
  const amount = (row: number, col: number | undefined, what: string): { value: number | null; invalid: boolean; cell: Cell } => {
    if (col === undefined) return { value: null, invalid: false, cell: { value: null, text: '' } };
    const cell = cellAt(grid, row, col);
    const r = readAmount(cell);
    if (r.invalid) {
      issues.add('NOT_A_NUMBER', 'error', at(row, col), messages.notANumber(at(row, col), what, r.parsed.text, r.parsed.problem));
      return { value: null, invalid: true, cell };
    }
    if (r.value !== null && r.value < 0) {
      issues.add('NEGATIVE_VALUE', 'error', at(row, col), messages.negative(at(row, col), what, r.value));
    }
    return { value: r.value, invalid: false, cell };
  };

  // ---- header fields
  const project = {
    name: t.projectName?.text ?? null,
    department: t.department?.text ?? null,
    implementer: t.implementer?.text ?? null,
  };
  if (!project.name) {
    // The empty cell to fill is the first one after the label's own merged area (C3 beside A3:B3).
    const label = t.projectNameLabel;
    const labelMerge = label ? mergeAt(grid, label.row, label.col) : undefined;
    const cell = label ? at(label.row, (labelMerge ? labelMerge.right : label.col) + 1) : at(t.top, t.left);
    issues.add('MISSING_VALUE', 'warning', cell, messages.missing(cell, '项目名称', '请填写项目名称，报告和汇总表会用到它。'));
  }

  // ---- funds
  const funds = evaluateFunds(t, profile, issues, amount);

  // ---- indicators
  const indicators = t.indicators.rows.map((row) => evaluateIndicator(t, row, profile, issues, amount, funds.rate));
  // Special-fund and county forms without a 分值 column: still a table, its weights reported missing.
  if (t.indicators.cols.weight === undefined && indicators.some((i) => i.kind !== 'not_applicable')) {
    const cell = at(t.indicators.headerRow, t.indicators.cols.name as number);
    issues.add('MISSING_VALUE', 'error', cell, messages.weightsMissing(cell));
  }

  // ---- 一级 groups: declared weights and the profile's expected weights
  const groups = new Map<string, { label: string; cell: { row: number; col: number } | null; declared: number | null; rows: IndicatorResult[]; indexes: number[] }>();
  // 一级 cells whose weights differ from the profile's: where a WEIGHT_SUM error points.
  const offProfile: { cell: string; label: string; actual: number; expected: number }[] = [];
  indicators.forEach((ind, i) => {
    const label = bareLevelLabel(ind.level1) || '（未分组）';
    const src = t.indicators.rows[i];
    const g = groups.get(label) ?? { label, cell: src.level1Cell, declared: declaredWeight(ind.level1), rows: [], indexes: [] };
    g.rows.push(ind);
    g.indexes.push(i);
    groups.set(label, g);
  });
  for (const g of groups.values()) {
    const weights = g.rows.filter((r) => r.weight !== null).map((r) => r.weight as number);
    const s = sum(weights);
    if (g.declared !== null && weights.length && !sameAt(g.declared, s, 6)) {
      const cell = g.cell ? at(g.cell.row, g.cell.col) : null;
      issues.add('LEVEL1_WEIGHT', 'warning', cell, messages.level1Weight(cell ?? '', g.label, g.declared, weights.map(num).join('+'), s));
    }
    const category = categoryOf(g.label);
    if (category && weights.length && !sameAt(profile.weights[category], s, 6)) {
      const cell = g.cell ? at(g.cell.row, g.cell.col) : null;
      if (cell) offProfile.push({ cell, label: g.label, actual: s, expected: profile.weights[category] });
      issues.add('WEIGHT_PROFILE', 'info', cell, messages.weightProfile(cell ?? '', g.label, s, profile.weights[category]));
    }
  }
  // Weights inside 二级 labels ("数量指标（10分）"): checked against the rows under them, like a 一级 label's.
  const level2Col = t.indicators.cols.level2;
  let seconds: Map<string, { label: string; declared: number; row: number; weights: number[] }> | null = null;
  for (let i = 0; level2Col !== undefined && i < indicators.length; i++) {
    const ind = indicators[i];
    const declared = ind.level2.includes('分') ? declaredWeight(ind.level2) : null;
    if (declared === null) continue;
    seconds ??= new Map();
    const key = `${ind.level1}\u0000${ind.level2}`;
    const g = seconds.get(key) ?? { label: ind.level2, declared, row: t.indicators.rows[i].row, weights: [] };
    if (ind.weight !== null) g.weights.push(ind.weight);
    seconds.set(key, g);
  }
  for (const g of seconds?.values() ?? []) {
    if (!g.weights.length || sameAt(g.declared, sum(g.weights), 6)) continue;
    const m = mergeAt(grid, g.row, level2Col as number);
    const cell = m ? at(m.top, m.left) : at(g.row, level2Col as number);
    issues.add('LEVEL1_WEIGHT', 'warning', cell, messages.level1Weight(cell, bareLevelLabel(g.label), g.declared, g.weights.map(num).join('+'), sum(g.weights)));
  }
  // A weight nested over the 一级 groups ("年度绩效目标(80分)" over 产出(60分) + 效益(40分)): checked against
  // their declared weights when every group declares one, else against the rows' weights.
  const outer = t.indicators.group;
  if (outer) {
    const declared = [...groups.values()].map((g) => g.declared);
    const parts = declared.length && declared.every((w) => w !== null) ? (declared as number[]) : indicators.filter((i) => i.weight !== null).map((i) => i.weight as number);
    if (parts.length && !sameAt(outer.weight, sum(parts), 6)) {
      const cell = at(outer.row, outer.col);
      issues.add('LEVEL1_WEIGHT', 'warning', cell, messages.level1Weight(cell, bareLevelLabel(outer.label), outer.weight, parts.map(num).join('+'), sum(parts)));
    }
  }
  if (funds.weight !== null && withExecution(t, profile) && !sameAt(funds.weight, profile.weights.execution, 6)) {
    const cell = t.funds && t.funds.cols.weight !== undefined && funds.row ? at(funds.row - 1, t.funds.cols.weight) : null;
    if (cell) offProfile.push({ cell, label: '预算执行率', actual: funds.weight, expected: profile.weights.execution });
    issues.add('WEIGHT_PROFILE', 'info', cell, messages.weightProfile(cell ?? '', '预算执行率', funds.weight, profile.weights.execution));
  }

  // ---- totals
  const totalRow = t.total?.row ?? null;
  const wCol = t.indicators.cols.weight;
  const sCol = t.indicators.cols.score;
  const statedWeight = totalRow !== null && wCol !== undefined ? amount(totalRow, wCol, '总分行的分值合计').value : null;
  const statedTotal = totalRow !== null && sCol !== undefined ? amount(totalRow, sCol, '总分').value : null;
  const weightCell = totalRow !== null && wCol !== undefined ? at(totalRow, wCol) : null;
  const scoreCell = totalRow !== null && sCol !== undefined ? at(totalRow, sCol) : null;
  if (totalRow === null) {
    const cell = at(t.bottom, t.left);
    issues.add('MISSING_VALUE', 'warning', cell, messages.totalMissing(cell));
  }

  const scored = indicators.filter((i) => i.weight !== null);
  // Older tables put the execution points on an indicator row (预算执行率 under 项目管理): counted there, once.
  const withExec = withExecution(t, profile);
  const weightParts: number[] = [];
  const weightLabels: string[] = [];
  if (withExec && funds.weight !== null) {
    weightParts.push(funds.weight);
    weightLabels.push(num(funds.weight));
  }
  for (const g of groups.values()) {
    const ws = g.rows.filter((r) => r.weight !== null).map((r) => r.weight as number);
    if (ws.length) {
      weightParts.push(...ws);
      weightLabels.push(num(sum(ws)));
    }
  }
  // No 分值 column at all: no total can stand, nor a sum of weights (the missing weights are reported above).
  const weightsAbsent = t.indicators.cols.weight === undefined;
  const totalWeight = weightParts.length && !weightsAbsent ? sum(weightParts) : null;
  const scoreParts: (number | null)[] = [...(withExec ? [funds.weight !== null ? funds.score : null] : []), ...scored.map((i) => i.score)];
  const missingExec = withExec && (funds.weight === null || funds.score === null);
  const totalScore = scoreParts.length && !scoreParts.some((s) => s === null) && !missingExec && !weightsAbsent ? sum(scoreParts as number[]) : null;

  if (totalWeight !== null && !sameAt(totalWeight, 100, 6)) {
    const indicatorsOnly = sum(scored.map((i) => i.weight as number));
    const hint = withExec && sameAt(indicatorsOnly, 100, 6) ? messages.weightSumExcludingHint() : messages.weightSumFix();
    const w = profile.weights;
    const national = withExec ? `${w.execution}+${w.output}+${w.effect}+${w.satisfaction}=100` : `${w.output}+${w.effect}+${w.satisfaction}（不含预算执行率）`;
    const sumText = messages.weightSum(weightLabels.join('+'), totalWeight, national, hint);
    if (offProfile.length) {
      // Point at the 一级 cells whose weights cause it (the total's 分值 cell may well show 100), once per cell:
      // the WEIGHT_PROFILE hint there says the same thing.
      for (const o of offProfile) {
        issues.add('WEIGHT_SUM', 'error', o.cell, `${messages.weightCause(o.cell, o.label, o.actual, o.expected)}${sumText}`);
        removeWhere(issues.items, (i) => i.code === 'WEIGHT_PROFILE' && i.cell === o.cell);
      }
    } else {
      const cell = weightCell ?? scoreCell;
      issues.add('WEIGHT_SUM', 'error', cell, `${cell ?? ''} ${sumText}`.trim());
    }
  }
  // One issue per cell for the weight checks: a declared-weight warning already names the cell's problem.
  for (const lw of issues.items.filter((i) => i.code === 'LEVEL1_WEIGHT' || i.code === 'WEIGHT_SUM')) {
    removeWhere(issues.items, (i) => i.code === 'WEIGHT_PROFILE' && i.cell === lw.cell);
  }
  const roundedTotal = totalScore === null ? null : roundTo(totalScore, d, profile.rounding);
  if (statedTotal !== null && roundedTotal !== null && !sameAt(statedTotal, roundedTotal, d)) {
    const parts = [...(withExec ? [funds.score as number] : []), ...groupScores(groups)].map((x) => num(roundTo(x, d, profile.rounding)));
    // While an error stands (weights not summing to 100…) the computed total is not one to copy into the form.
    const blocked = issues.items.some((i) => i.severity === 'error');
    issues.add('TOTAL_MISMATCH', 'warning', scoreCell, (blocked ? messages.totalMismatchBlocked : messages.totalMismatch)(scoreCell ?? '', statedTotal, roundedTotal, parts.join('+')));
  }

  const hasErrors = issues.items.some((i) => i.severity === 'error');
  const grade = !hasErrors && roundedTotal !== null ? gradeFor(roundedTotal, profile.grades) : null;

  const summaries: Level1Summary[] = [];
  if (funds.weight !== null || funds.score !== null) {
    summaries.push({
      label: '预算执行率', weight: funds.weight ?? 0, score: funds.score, statedScore: funds.statedScore, declaredWeight: funds.weight,
      kind: 'execution', indicators: [], countedInTotal: withExec,
    });
  }
  for (const g of groups.values()) {
    const rows = g.rows.filter((r) => r.weight !== null);
    if (!rows.length) continue;
    const scores = rows.map((r) => r.score);
    const stated = rows.map((r) => r.statedScore);
    summaries.push({
      label: g.label,
      weight: sum(rows.map((r) => r.weight as number)),
      score: scores.some((s) => s === null) ? null : sum(scores as number[]),
      statedScore: stated.some((s) => s === null) ? null : sum(stated as number[]),
      declaredWeight: g.declared,
      kind: categoryOf(g.label) ?? 'other',
      indicators: g.indexes,
      countedInTotal: true,
    });
  }

  const gradeLabel = t.total?.gradeLabel ?? null;
  const statedGrade = gradeLabel ? cellAt(grid, gradeLabel.row, gradeLabel.col + 1).text.trim() || null : null;

  return {
    sheet: grid.name,
    range: toRangeA1(t.top, t.left, t.bottom, t.right),
    layout: t.layout.id,
    title: t.title,
    year: t.year,
    project,
    goals: { expected: t.goalsExpected?.text ?? null, actual: t.goalsActual?.text ?? null },
    funds,
    indicators,
    totals: {
      weight: totalWeight,
      score: totalScore,
      statedWeight,
      statedScore: statedTotal,
      scoreCell,
      weightCell,
      gradeLabelCell: gradeLabel ? at(gradeLabel.row, gradeLabel.col) : null,
      gradeCell: gradeLabel ? at(gradeLabel.row, gradeLabel.col + 1) : null,
      statedGrade,
    },
    grade,
    issues: issues.items,
    groups: summaries,
  };
}

function removeWhere<T>(items: T[], drop: (x: T) => boolean): void {
  for (let i = items.length - 1; i >= 0; i--) if (drop(items[i])) items.splice(i, 1);
}

/** Whether the funds block's execution score is part of the total (not when an indicator row carries it). */
function withExecution(t: DetectedTable, profile: RuleProfile): boolean {
  return profile.includeExecutionInTotal && !t.executionOnRow;
}

function groupScores(groups: Map<string, { rows: IndicatorResult[] }>): number[] {
  const out: number[] = [];
  for (const g of groups.values()) {
    const rows = g.rows.filter((r) => r.weight !== null && r.score !== null);
    if (rows.length) out.push(sum(rows.map((r) => r.score as number)));
  }
  return out;
}

/** Which of the profile's 一级 weights a label stands for. */
function categoryOf(label: string): Exclude<Level1Kind, 'other'> | null {
  const t = normalizeLabel(label);
  if (t.includes('满意度')) return 'satisfaction';
  if (t.includes('产出')) return 'output';
  if (t.includes('效益') || t.includes('效果')) return 'effect';
  return null;
}

type AmountReader = (row: number, col: number | undefined, what: string) => { value: number | null; invalid: boolean; cell: Cell };

function evaluateFunds(t: DetectedTable, profile: RuleProfile, issues: IssueList, amount: AmountReader): FundsResult {
  const empty: FundsResult = {
    initialBudget: null, budget: null, executed: null, rate: null, weight: null, score: null,
    statedRate: null, statedScore: null, rateCell: null, scoreCell: null, sources: [], reason: null, unit: null,
    budgetAdjusted: false, rateFromInitial: false, deviationDue: [], countedInTotal: withExecution(t, profile),
  };
  const block = t.funds;
  const demanded = withExecution(t, profile);
  const severity: Severity = demanded ? 'error' : 'warning';
  const at = toA1;
  if (!block || !block.rows.length) {
    // The execution row of an older table stands in for the funds block: nothing to demand.
    if (t.executionOnRow) return empty;
    const cell = at(t.indicators.headerRow, t.left);
    issues.add('MISSING_VALUE', severity, cell, messages.fundsMissing(cell));
    return empty;
  }
  const c = block.cols;
  const totalRow = block.rows.find((r) => r.isTotal) as (typeof block.rows)[number];
  const r = totalRow.row;
  // Amounts in the block's own unit (元/万元/亿元): a cell that writes another money unit is converted.
  const money: AmountReader = (row, col, what) => {
    const read = amount(row, col, what);
    if (read.value === null) return read;
    const unit = readAmount(read.cell).parsed.unit;
    if (!unit || unit === block.unit || unitFamily(unit).family !== 'money') return read;
    return { ...read, value: product(read.value, unitScale(unit, block.unit)) };
  };
  const initial = money(r, c.initialBudget, '年初预算数').value;
  const budgetRead = money(r, c.budget, '全年预算数（A）');
  const executedRead = money(r, c.executed, '全年执行数（B）');
  const budget = budgetRead.value;
  const executed = executedRead.value;
  let weightRow = r;
  // No 分值 column: the weight a 得分 header or the group label carries ("得分（20分*执行率）").
  let weight = c.weight === undefined ? block.headerWeight : amount(r, c.weight, '预算执行率分值').value;
  // Some tables repeat the 10 points on a 其中 row instead: count it once, wherever it is.
  if (weight === null && c.weight !== undefined) {
    for (const src of block.rows) {
      if (src.row === r) continue;
      const w = readAmount(cellAt(t.grid, src.row, c.weight)).value;
      if (w !== null) {
        weight = w;
        weightRow = src.row;
        break;
      }
    }
  }
  const rateCell = c.rate !== undefined ? at(r, c.rate) : null;
  const scoreCell = c.score !== undefined ? at(weightRow, c.score) : null;

  if (budget === null && !budgetRead.invalid && c.budget !== undefined) {
    issues.add('MISSING_VALUE', severity, at(r, c.budget), messages.missing(at(r, c.budget), '全年预算数（A）', '执行率 = 全年执行数 ÷ 全年预算数，请填写调整后的全年预算数（万元）。'));
  }
  if (executed === null && !executedRead.invalid && c.executed !== undefined) {
    issues.add('MISSING_VALUE', severity, at(r, c.executed), messages.missing(at(r, c.executed), '全年执行数（B）', '请填写全年实际支出（万元），没有支出请填 0。'));
  }
  if (budget === 0 && c.budget !== undefined) issues.add('MISSING_VALUE', severity, at(r, c.budget), messages.budgetZero(at(r, c.budget)));
  if (weight === null && block.headerWeight !== null) weight = block.headerWeight;
  if (weight === null && demanded) {
    const cell = c.weight !== undefined ? at(r, c.weight) : at(r, (c.score ?? c.executed ?? 0) as number);
    issues.add('MISSING_VALUE', 'error', cell, messages.missing(cell, '预算执行率分值', `按规则预算执行率计入总分，请填写分值（通常为 ${num(profile.weights.execution)} 分）。`));
  }

  const rate = executionRate(budget, executed);
  const score = executionScore(rate, weight);
  if (budget !== null && executed !== null && budget > 0 && executed > budget && c.executed !== undefined) {
    issues.add('EXECUTION_OVER_BUDGET', 'warning', at(r, c.executed), messages.overBudget(at(r, c.executed), executed, budget));
  }
  const adjusted = initial !== null && budget !== null && !sameAt(initial, budget, 6);
  if (adjusted && c.budget !== undefined) {
    issues.add('BUDGET_ADJUSTED', 'info', at(r, c.budget), messages.budgetAdjusted(at(r, c.budget), initial as number, budget as number));
  }

  // Stated rate: compared at the precision it is shown with.
  let statedRate: number | null = null;
  if (c.rate !== undefined) {
    const cell = cellAt(t.grid, r, c.rate);
    const rr = readRate(cell);
    if (rr.invalid) issues.add('NOT_A_NUMBER', 'error', at(r, c.rate), messages.notANumber(at(r, c.rate), '执行率', rr.parsed.text, rr.parsed.problem));
    statedRate = rr.value;
    if (statedRate !== null && rate !== null && !sameAt(statedRate, rate, percentDecimals(cell) + 2)) {
      issues.add('RATE_MISMATCH', 'warning', at(r, c.rate), messages.rateMismatch(at(r, c.rate), statedRate, rate, executed as number, budget as number, initial));
    }
  }
  const statedScore = c.score !== undefined ? amount(weightRow, c.score, '预算执行率得分').value : null;
  if (statedScore !== null && weight !== null && statedScore > weight && scoreCell) {
    issues.add('SCORE_OVER_WEIGHT', 'error', scoreCell, messages.scoreOverWeight(scoreCell, '预算执行率', statedScore, weight));
  } else if (statedScore !== null && score !== null && scoreCell && !sameAt(statedScore, roundTo(score, profile.decimals, profile.rounding), profile.decimals)) {
    issues.add('SCORE_MISMATCH', 'warning', scoreCell, messages.executionScoreMismatch(scoreCell, statedScore, roundTo(score, profile.decimals, profile.rounding), rate as number, weight as number));
  }

  // Sources (其中 rows, 上年结转, 其他资金…) and their sum against 年度资金总额.
  const sources: FundsSource[] = [];
  for (const src of block.rows) {
    if (src.row === r) continue;
    const source: FundsSource = {
      label: src.label,
      initialBudget: money(src.row, c.initialBudget, `${src.label}的年初预算数`).value,
      budget: money(src.row, c.budget, `${src.label}的全年预算数`).value,
      executed: money(src.row, c.executed, `${src.label}的全年执行数`).value,
      row: src.row + 1,
    };
    // A source row's own 执行率, where the filer wrote one ("其中：当年财政拨款 … 66%"), is checked too.
    if (c.rate !== undefined) {
      const cell = cellAt(t.grid, src.row, c.rate);
      const stated = readRate(cell).value;
      const own = executionRate(source.budget, source.executed);
      if (stated !== null) {
        source.statedRate = stated;
        source.rate = own;
        source.rateCell = at(src.row, c.rate);
        if (own !== null && !sameAt(stated, own, percentDecimals(cell) + 2)) {
          issues.add('RATE_MISMATCH', 'warning', source.rateCell, messages.rateMismatch(source.rateCell, stated, own, source.executed as number, source.budget as number, source.initialBudget));
        }
      }
    }
    sources.push(source);
  }
  const columns: [keyof FundsSource & ('initialBudget' | 'budget' | 'executed'), number | null, number | undefined, string][] = [
    ['initialBudget', initial, c.initialBudget, '年初预算数'],
    ['budget', budget, c.budget, '全年预算数'],
    ['executed', executed, c.executed, '全年执行数'],
  ];
  // Only top-level sources add up to the total: nested "其中" rows under a source would count twice.
  const topSources = sources.filter((s, i) => i === 0 || !normalizeLabel(s.label).startsWith('其中') || !normalizeLabel(sources[i - 1].label).startsWith('其中'));
  for (const [key, total, col, name] of columns) {
    if (total === null || col === undefined) continue;
    const parts = topSources.map((s) => s[key]).filter((v): v is number => v !== null);
    if (!parts.length) continue;
    const s = sum(parts);
    if (!sameAt(s, total, 4)) {
      issues.add('FUNDS_SUM', 'error', at(r, col), messages.fundsSum(at(r, col), name, total, parts.map(num).join('+'), s));
    }
  }

  // An explanation is due below the profile's rate threshold and after a budget adjustment.
  const deviationDue: DeviationCause[] = [];
  if (rate !== null && rate < profile.deviationBelowRate) deviationDue.push('rate-below-threshold');
  if (adjusted) deviationDue.push('budget-adjusted');
  // Deviation cell for the funds row, where the layout has one (四川).
  // The reason already written: in the block's 原因 column, else in a 说明 row or beside the block.
  let deviationCell: string | null = null;
  const columnReason = c.deviation !== undefined ? resolvedCell(t.grid, r, c.deviation).text.trim() : '';
  const reason = !isEmptyExplanation(columnReason) ? columnReason : (block.reason?.text ?? null);
  if (c.deviation !== undefined) {
    deviationCell = at(r, c.deviation);
    const reasons: string[] = [];
    if (deviationDue.includes('rate-below-threshold')) reasons.push(`执行率 ${num(roundTo((rate as number) * 100, 2))}% 低于 ${num(profile.deviationBelowRate * 100)}%`);
    if (adjusted) reasons.push('预算做过调整');
    if (reasons.length && reason === null) {
      issues.add('DEVIATION_UNEXPLAINED', 'warning', deviationCell, messages.deviation(deviationCell, '预算执行率', reasons.join('，')));
    }
  }
  // The common slip: the stated rate divides by 年初预算数 instead of the adjusted 全年预算数.
  const rateFromInitial =
    adjusted && statedRate !== null && executed !== null && initial !== null && initial > 0 &&
    sameAt(statedRate, dec(executed).div(initial).toNumber(), percentDecimals(cellAt(t.grid, r, c.rate ?? -1)) + 2);

  return {
    initialBudget: initial, budget, executed, rate, weight, score, statedRate, statedScore,
    rateCell, scoreCell, sources, row: r + 1, deviationCell, reason, unit: block.unit,
    budgetAdjusted: adjusted, rateFromInitial, deviationDue, countedInTotal: demanded,
    explanation: executionExplanation(executed, budget, rate, weight, score, withExecution(t, profile)),
  };
}

/** Decimals a percent is shown with: "66%" → 0, "66.34%" → 2; for a plain fraction, its own decimals − 2. */
function percentDecimals(cell: Cell): number {
  const m = /(\d+)(?:\.(\d+))?\s*%/.exec(cell.text ?? '');
  if (m) return m[2] ? m[2].length : 0;
  const fmt = cell.numberFormat ?? '';
  const f = /0(?:\.(0+))?%/.exec(fmt);
  if (f) return f[1] ? f[1].length : 0;
  return 2;
}

/**
 * Checks that need no weight (VAGUE_ACTUAL, UNIT_MISMATCH): a bound or text written where the actual
 * value belongs, or an actual in another unit than its target. Says whether both are comparable numbers.
 */
/** How the actual fails to answer the target, from the checks' outcome (for the report to discuss in place). */
function actualProblemOf(values: ReturnType<typeof checkValues>, target: ParsedValue, actual: ParsedValue): ActualProblem | null {
  if (values === 'units') return 'unit-mismatch';
  if (values === 'not_numbers') return actual.kind === 'text' && target.kind === 'number' ? 'text-for-number' : null;
  return actual.comparator !== null ? 'bound-not-value' : null;
}

function checkValues(target: ParsedValue, actual: ParsedValue, cell: string | null, name: string, targetText: string, actualText: string, issues: IssueList): 'numbers' | 'not_numbers' | 'units' {
  if (target.kind !== 'number' || actual.kind !== 'number') {
    if (actual.kind === 'text' && target.kind === 'number') issues.add('VAGUE_ACTUAL', 'warning', cell, messages.vagueText(cell ?? '', name, actualText, targetText));
    return 'not_numbers';
  }
  if (actual.comparator !== null) issues.add('VAGUE_ACTUAL', 'warning', cell, messages.vagueBound(cell ?? '', name, actualText));
  if (!unitsCompatible(target.unit, actual.unit)) {
    issues.add('UNIT_MISMATCH', 'warning', cell, messages.unitMismatch(cell ?? '', name, targetText, actualText));
    return 'units';
  }
  return 'numbers';
}

function evaluateIndicator(t: DetectedTable, row: IndicatorRow, profile: RuleProfile, issues: IssueList, amount: AmountReader, fundsRate: number | null): IndicatorResult {
  const grid = t.grid;
  const c = t.indicators.cols;
  const r = row.row;
  const at = (col: number | undefined) => (col === undefined ? null : toA1(r, col));
  const textOf = (col: number | undefined) => (col === undefined ? '' : cellAt(grid, r, col).text.trim());
  const name = row.name;
  const targetText = textOf(c.target);
  const actualText = textOf(c.actual);
  const weightText = textOf(c.weight);
  // A reason merged down over several rows explains each of them.
  const deviationText = row.deviation;
  const scoreCell = at(c.score);
  const decimals = profile.decimals;
  const round = (x: number) => roundTo(x, decimals, profile.rounding);

  const base: IndicatorResult = {
    level1: row.level1,
    level2: row.level2,
    name,
    target: targetText,
    actual: actualText,
    kind: 'unknown',
    weight: null,
    score: null,
    statedScore: null,
    scoreSource: 'none',
    row: r + 1,
    scoreCell,
    deviation: deviationText,
    deviationCell: at(c.deviation),
    met: null,
    level1DeclaredWeight: declaredWeight(row.level1),
    nature: c.nature !== undefined ? resolvedCell(grid, r, c.nature).text.trim() || null : null,
    unit: c.unit !== undefined ? resolvedCell(grid, r, c.unit).text.trim() || null : null,
    deviationDue: [],
    deviationGiven: !isEmptyExplanation(deviationText),
    overAchieved: false,
    actualProblem: null,
    completion: null,
  };

  // Not applicable: "/" for the name, for both values, or for the weight.
  if (
    isNotApplicableMark(name) ||
    (isNotApplicableMark(targetText) && (isNotApplicableMark(actualText) || actualText === '')) ||
    isNotApplicableMark(weightText)
  ) {
    return { ...base, kind: 'not_applicable', explanation: notApplicableExplanation('not_applicable') };
  }

  const isDetail = normalizeLabel(row.rawName).startsWith('其中');
  const weight = amount(r, c.weight, `“${name}”的分值`).value;
  const stated = amount(r, c.score, `“${name}”的得分`).value;
  const result: IndicatorResult = { ...base, weight, statedScore: stated };
  if (weight === null) {
    // Detail rows ("其中…") carry no 分值 of their own and are neither scored nor counted.
    if (!isDetail && c.weight !== undefined && !issues.errorsAt([at(c.weight)])) {
      issues.add('MISSING_VALUE', 'error', at(c.weight), messages.missing(at(c.weight) as string, `“${name}”的分值`, '每个计分指标都要有分值；不计分的明细行请以“其中”开头，不适用的指标请填“/”。'));
    }
    // The values are checked all the same: a bound or another unit is wrong whether or not it is scored.
    const [target, actual] = rowValues(t, r);
    const values = checkValues(target, actual, at(c.actual), name, targetText, actualText, issues);
    return { ...result, kind: kindOnly(t, row, targetText), actualProblem: actualProblemOf(values, target, actual), explanation: notApplicableExplanation('unknown') };
  }
  // A negative 分值 is already reported (NEGATIVE_VALUE); nothing can be scored against it.
  if (weight < 0) return { ...result, kind: kindOnly(t, row, targetText) };
  if (stated !== null && stated > weight && scoreCell) {
    issues.add('SCORE_OVER_WEIGHT', 'error', scoreCell, messages.scoreOverWeight(scoreCell, name, stated, weight));
  }

  const [target, actual] = rowValues(t, r);
  const nature = c.nature !== undefined ? natureComparator(resolvedCell(grid, r, c.nature).text) : null;
  const rowCells = [at(c.target), at(c.actual), at(c.weight), scoreCell];

  for (const [pv, col, what] of [[target, c.target, '年度指标值'], [actual, c.actual, '实际完成值']] as const) {
    if (pv.kind === 'error' && col !== undefined) {
      issues.add('NOT_A_NUMBER', 'error', at(col), messages.notANumber(at(col) as string, `“${name}”的${what}`, pv.text, pv.problem));
    } else if (pv.kind === 'number' && (pv.number as number) < 0 && col !== undefined) {
      issues.add('NEGATIVE_VALUE', 'error', at(col), messages.negative(at(col) as string, `“${name}”的${what}`, pv.number as number));
    }
  }

  // The execution row of an older table (预算执行率 under 项目管理): when it cannot be compared with a target of
  // its own (actual not a number, or target "—"), it is scored from the funds block's B ÷ A, as the funds block would be.
  if (isExecutionIndicator(name) && (actual.kind !== 'number' || target.kind !== 'number') && fundsRate !== null) {
    const score = executionScore(fundsRate, weight) as number;
    if (stated !== null && !(stated > weight) && scoreCell && !sameAt(stated, round(score), decimals)) {
      issues.add('SCORE_MISMATCH', 'warning', scoreCell, messages.executionScoreMismatch(scoreCell, stated, round(score), fundsRate, weight));
    }
    return { ...result, kind: 'positive', score, scoreSource: 'computed', met: fundsRate >= 1 };
  }
  const kind = target.kind === 'empty' && actual.kind === 'text' ? 'qualitative' : inferKind(target, row.level2, nature);
  // Keep what the filer stated when the engine cannot derive a score; say why when nothing can be kept.
  const keepStated = (why: string): IndicatorResult => {
    if (stated !== null) {
      const score = keptScore(stated, weight);
      return { ...result, kind, score, scoreSource: 'stated', deviationDue: round(score) < weight ? ['below-weight'] : [], explanation: keptExplanation(why, score) };
    }
    if (scoreCell && !issues.errorsAt(rowCells)) issues.add('MISSING_SCORE', 'error', scoreCell, messages.missingScore(scoreCell, name, why));
    return { ...result, kind, explanation: keptExplanation(why, null) };
  };
  const requireValue = (pv: ParsedValue, col: number | undefined, what: string): boolean => {
    if (pv.kind !== 'empty' || col === undefined) return pv.kind !== 'empty';
    const cell = at(col) as string;
    if (stated !== null) issues.add('MISSING_VALUE', 'warning', cell, messages.missing(cell, `“${name}”的${what}`, '已保留所填得分；请补填以便核对。'));
    else issues.add('MISSING_VALUE', 'error', cell, messages.missing(cell, `“${name}”的${what}`, '没有它无法计算得分，请补填。'));
    return false;
  };

  let out: IndicatorResult;
  let overAchieved = false;
  // The row's actual contradicts its target: the stated score stands, the report discusses it.
  const withProblem = (problem: IndicatorResult['actualProblem'], why: string): IndicatorResult => ({ ...keepStated(why), actualProblem: problem });
  if (kind === 'qualitative') {
    if (!requireValue(actual, c.actual, '实际完成值')) return keepStated('实际完成值为空');
    out = scoreQualitative(result, targetText, actualText, actual, weight, stated, profile, issues, scoreCell, name);
  } else {
    const haveTarget = requireValue(target, c.target, '年度指标值');
    const haveActual = requireValue(actual, c.actual, '实际完成值');
    if (!haveTarget || !haveActual) return keepStated('年度指标值或实际完成值为空');
    const values = checkValues(target, actual, at(c.actual), name, targetText, actualText, issues);
    const problem = actualProblemOf(values, target, actual);
    if (values === 'not_numbers') return withProblem(problem, '指标值或实际完成值不是数值');
    if (values === 'units') return withProblem(problem, '实际完成值与指标值单位不同');
    const t0 = target.number as number;
    const a0 = product(actual.number as number, unitScale(actual.unit, target.unit));
    if (t0 < 0 || a0 < 0) return keepStated('数值为负');
    const comparator = nature !== 'qualitative' && nature !== null ? nature : target.comparator;
    const strict = comparator === '>' || comparator === '<';
    const q = scoreQuantitative(kind as 'positive' | 'negative' | 'equal', t0, a0, weight, strict, profile);
    const completion = (kind === 'positive' || kind === 'equal') && t0 > 0 ? dec(a0).div(t0).toNumber() : null;
    const formula =
      kind === 'negative'
        ? profile.negativeFormula === 'linear'
          ? `(1 − (${num(a0)} − ${num(t0)}) ÷ ${num(t0)}) × ${num(weight)}`
          : `${num(t0)} ÷ ${num(a0)} × ${num(weight)}`
        : `${num(a0)} ÷ ${num(t0)} × ${num(weight)}`;
    const explanation = quantitativeExplanation(kind as 'positive' | 'negative' | 'equal', targetText, actualText, q.met, formula, round(q.score), weight);
    out = { ...result, kind, score: q.score, scoreSource: 'computed', met: q.met, actualProblem: problem, completion, explanation };
    if (stated !== null && !(stated > weight) && !sameAt(stated, round(q.score), decimals) && scoreCell) {
      const how = q.met ? '已完成目标，得满分' : formula;
      issues.add('SCORE_MISMATCH', 'warning', scoreCell, messages.scoreMismatch(scoreCell, name, stated, round(q.score), kind as 'positive' | 'negative' | 'equal', how));
    }
    if ((kind === 'positive' || kind === 'equal') && t0 > 0 && a0 >= t0 * profile.overAchievementThreshold) {
      overAchieved = true;
      issues.add('OVER_ACHIEVED', 'info', at(c.actual), messages.overAchieved(at(c.actual) as string, name, actualText, targetText, a0 / t0));
    }
  }

  // 偏差原因 is due below full marks or far above target.
  const due: DeviationCause[] = [];
  if (out.score !== null && round(out.score) < weight) due.push('below-weight');
  if (overAchieved) due.push('over-achieved');
  out = { ...out, deviationDue: due, overAchieved };
  if (c.deviation !== undefined && out.score !== null && isEmptyExplanation(deviationText)) {
    const reasons: string[] = [];
    if (due.includes('below-weight')) reasons.push(`得分 ${num(round(out.score))} 低于分值 ${num(weight)}`);
    if (overAchieved) reasons.push('实际完成值远超年度指标值');
    if (reasons.length) {
      const cell = at(c.deviation) as string;
      issues.add('DEVIATION_UNEXPLAINED', 'warning', cell, messages.deviation(cell, name, reasons.join('，')));
    }
  }
  return out;
}

/** A stated score kept as the row's score: within 0…分值 like any score (a negative one is reported apart). */
function keptScore(stated: number, weight: number): number {
  return Math.max(0, Math.min(stated, weight));
}

/** The kind of a row that is not scored (no 分值), for the report's sake. */
function kindOnly(t: DetectedTable, row: IndicatorRow, targetText: string): IndicatorKind {
  const c = t.indicators.cols;
  const nature = c.nature !== undefined ? natureComparator(resolvedCell(t.grid, row.row, c.nature).text) : null;
  const target = parseCell(cellAt(t.grid, row.row, c.target ?? -1));
  if (!targetText) return 'unknown';
  return inferKind(target, row.level2, nature);
}

/** A row's target and actual as parsed, with its 度量单位 applied and percent peers read as points. */
function rowValues(t: DetectedTable, r: number): [ParsedValue, ParsedValue] {
  const c = t.indicators.cols;
  const unitText = c.unit !== undefined ? resolvedCell(t.grid, r, c.unit).text.trim() : '';
  return percentPeers(
    withUnit(parseCell(cellAt(t.grid, r, c.target ?? -1)), unitText),
    withUnit(parseCell(cellAt(t.grid, r, c.actual ?? -1)), unitText),
  );
}

/** A 度量单位 column applies to bare numbers in its row; "66" under "%" is 66%. */
/**
 * "≥90%" against a bare 85, or "95" against "96.5%": a bare number above 1 beside a percent is
 * percentage points (85 → 85%), never 8,500%. A bare number up to 1 stays a fraction (1 = 100%).
 */
export function percentPeers(a: ParsedValue, b: ParsedValue): [ParsedValue, ParsedValue] {
  const points = (x: ParsedValue, peer: ParsedValue): ParsedValue =>
    x.kind === 'number' && x.unit === null && peer.kind === 'number' && peer.unit === '%' && Math.abs(x.number as number) > 1
      ? { ...x, number: dec(x.number as number).div(100).toNumber(), unit: '%' }
      : x;
  return [points(a, b), points(b, a)];
}

function withUnit(pv: ParsedValue, unitText: string): ParsedValue {
  if (pv.kind !== 'number' || pv.unit !== null || !unitText || isNotApplicableMark(unitText)) return pv;
  const u = unitText.normalize('NFKC').trim();
  if (u === '%') return { ...pv, number: (pv.number as number) / 100, unit: '%' };
  return { ...pv, unit: u };
}

function scoreQualitative(
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
      return { ...result, kind, score: kept, scoreSource: 'stated' as ScoreSource, explanation: qualitativeExplanation(actualText, tier, weight, kept, true) };
    }
    if (scoreCell) issues.add('MISSING_SCORE', 'error', scoreCell, messages.missingScore(cell, name, '实际完成情况的描述无法判断达成档次，且未填写得分'));
    return { ...result, kind, explanation: qualitativeExplanation(actualText, tier, weight, null, false) };
  }
  const [lo, hi] = tierRange(tier, weight, profile.qualitativeBands);
  const met = tier === 'achieved';
  if (stated !== null) {
    if (stated < lo || stated > hi) {
      issues.add('QUALITATIVE_OUT_OF_TIER', 'warning', scoreCell, messages.qualitativeOutOfTier(cell, name, stated, TIER_NAMES[tier], lo, hi));
    }
    const kept = keptScore(stated, weight);
    return { ...result, kind, score: kept, scoreSource: 'stated', met, explanation: qualitativeExplanation(actualText, tier, weight, kept, true) };
  }
  if (met) return { ...result, kind, score: weight, scoreSource: 'computed', met, explanation: qualitativeExplanation(actualText, tier, weight, weight, false) };
  // Below the top tier the exact score is the filer's judgment: never invent one.
  if (scoreCell) {
    issues.add('MANUAL_SCORE', 'info', scoreCell, messages.manualScore(cell, name, `（“${TIER_NAMES[tier]}”档：${num(lo)}～${num(hi)} 分）`));
    issues.add('MISSING_SCORE', 'error', scoreCell, messages.missingScore(cell, name, `定性指标处于“${TIER_NAMES[tier]}”档，得分须由填报人在 ${num(lo)}～${num(hi)} 分之间判断`));
  }
  return { ...result, kind, met, explanation: qualitativeExplanation(actualText, tier, weight, null, false) };
}
