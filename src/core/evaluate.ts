/**
 * One detected table → its contract result: values read, every input validated, every score computed (or
 * a stated one kept where only the filer can judge), totals and the grade. The checks live by concern —
 * fundsChecks, indicatorChecks (qualitativeChecks), weightChecks, totalsAndGrade — and run here in the
 * order their issues are listed.
 */
import { roundTo } from './decimal';
import type { DetectedTable } from './detect';
import { evaluateFunds, withExecution } from './fundsChecks';
import { mergeAt, toA1 as at, toRangeA1 } from './grid';
import { evaluateIndicator } from './indicatorChecks';
import { amountReader, IssueList } from './issueList';
import { groupByLevel1, groupSummaries } from './level1Groups';
import { messages } from './messages';
import type { RuleProfile } from './profile';
import type { FundsResult, IndicatorResult, ProjectInfo, TableResult } from './result';
import { noAmounts } from './tableState';
import { checkTotalMismatch, computeTotals, gradeOf, readStatedTotals, totalsResult } from './totalsAndGrade';
import { checkEnclosingWeight, checkExecutionWeight, checkLevel1Weights, checkLevel2Weights, checkWeightsColumn, checkWeightSum, oneWeightIssuePerCell } from './weightChecks';

export function evaluateTable(t: DetectedTable, profile: RuleProfile): TableResult {
  const issues = new IssueList(t.grid.name);
  const amount = amountReader(t.grid, issues);
  const withExec = withExecution(t, profile);

  const project = projectOf(t);
  checkProjectName(t, project, issues);
  const funds = evaluateFunds(t, profile, issues, amount);
  // Pushed, not .map(): once optimised, .map builds a holey array where the builtin built a packed one, and every
  // check optimised on the packed one (groupByLevel1, computeTotals, attachSubjects) fell back to the interpreter.
  const indicators: IndicatorResult[] = [];
  for (let i = 0; i < t.indicators.rows.length; i++) indicators.push(evaluateIndicator(t, t.indicators.rows[i], profile, issues, amount, funds.rate));
  checkIndicatorRows(t, funds, issues);

  checkWeightsColumn(t, indicators, issues);
  const groups = groupByLevel1(t, indicators);
  const offProfile = checkLevel1Weights(groups, profile, issues);
  checkLevel2Weights(t, indicators, issues);
  checkEnclosingWeight(t, groups, indicators, issues);
  const executionOff = checkExecutionWeight(t, funds, profile, withExec, issues);
  if (executionOff) offProfile.push(executionOff);

  const stated = readStatedTotals(t, amount, issues);
  const computed = computeTotals(t, funds, indicators, groups, withExec);
  checkWeightSum(
    { total: computed.weight, executionWeight: computed.executionWeight, groups, withExec, weightCell: stated.weightCell, scoreCell: stated.scoreCell, offProfile },
    profile,
    issues,
  );
  oneWeightIssuePerCell(issues);
  const roundedTotal = computed.score === null ? null : roundTo(computed.score, profile.decimals, profile.rounding);
  checkTotalMismatch(stated, roundedTotal, funds, groups, withExec, profile, issues);
  const grade = gradeOf(roundedTotal, profile, issues);

  return {
    sheet: t.grid.name,
    range: toRangeA1(t.top, t.left, t.bottom, t.right),
    layout: t.layout.id,
    title: t.title,
    year: t.year,
    project,
    goals: { expected: t.goalsExpected?.text ?? null, actual: t.goalsActual?.text ?? null },
    funds,
    indicators,
    totals: totalsResult(t, computed, stated),
    grade,
    issues: issues.items,
    groups: groupSummaries(funds, groups, withExec),
  };
}

/** The header fields as written. */
function projectOf(t: DetectedTable): ProjectInfo {
  return {
    name: t.projectName?.text ?? null,
    department: t.department?.text ?? null,
    implementer: t.implementer?.text ?? null,
  };
}

/**
 * MISSING_VALUE (an error) where the indicator header has no row under it (a copy cut after its header, rows
 * deleted): nothing to score, said at the header's 三级指标 cell rather than left to a missing 总分 row. Not on a
 * table with no amounts either (a fresh template, tableState's isBlankTable): that one is simply still to fill in.
 */
function checkIndicatorRows(t: DetectedTable, funds: FundsResult, issues: IssueList): void {
  if (t.indicators.rows.length) return;
  if (noAmounts(funds)) return;
  const cell = at(t.indicators.headerRow, t.indicators.cols.name ?? t.left);
  issues.add('MISSING_VALUE', 'error', cell, messages.indicatorsMissing(cell));
}

/** MISSING_VALUE (a warning) for an empty 项目名称, at the first cell after the label's own merged area (C3 beside A3:B3). */
function checkProjectName(t: DetectedTable, project: ProjectInfo, issues: IssueList): void {
  if (project.name) return;
  const label = t.projectNameLabel;
  const labelMerge = label ? mergeAt(t.grid, label.row, label.col) : undefined;
  const cell = label ? at(label.row, (labelMerge ? labelMerge.right : label.col) + 1) : at(t.top, t.left);
  issues.add('MISSING_VALUE', 'warning', cell, messages.missing(cell, '项目名称', '请填写项目名称，报告和汇总表会用到它。'));
}
