/**
 * What each issue is about, structured (a field of the funds block, the n-th indicator and its column,
 * the totals row, a header field), decided once in core where the table's layout is known, so the pane
 * and the report read it instead of parsing cell addresses against the table again.
 */
import type { DetectedTable } from './detect';
import { fromA1 } from './grid';
import type { FundsRole, IndicatorRole } from './layouts';
import type { IssueSubject, TableResult } from './result';

function roleAt<R extends string>(cols: Partial<Record<R, number>>, col: number): R | undefined {
  return (Object.keys(cols) as R[]).find((r) => cols[r] === col);
}

/** The subject of an issue at `cell` in the table it was raised on. */
export function subjectOf(t: DetectedTable, table: TableResult, cell: string | null): IssueSubject {
  if (!cell) return { kind: 'table' };
  const { row, col } = fromA1(cell);
  const indicator = table.indicators.findIndex((i) => i.row === row + 1);
  if (indicator >= 0) {
    const field = roleAt<IndicatorRole>(t.indicators.cols, col);
    return field === 'level1' ? { kind: 'level1', label: table.indicators[indicator].level1 } : { kind: 'indicator', index: indicator, ...(field ? { field } : {}) };
  }
  const funds = t.funds?.rows.find((r) => r.row === row);
  if (funds) {
    const field = roleAt<FundsRole>(t.funds!.cols, col);
    const source = table.funds.sources.findIndex((s) => s.row === row + 1);
    if (!funds.isTotal && source >= 0) return { kind: 'source', index: source, ...(field ? { field } : {}) };
    return { kind: 'funds', ...(field ? { field } : {}) };
  }
  if (t.funds && row === t.funds.headerRow) return { kind: 'funds' };
  if (t.total?.row === row) {
    const field = roleAt<IndicatorRole>(t.indicators.cols, col);
    return { kind: 'totals', ...(field === 'weight' || field === 'score' ? { field } : {}) };
  }
  for (const [field, at] of [['name', t.projectName], ['department', t.department], ['implementer', t.implementer]] as const) {
    if (at && at.row === row && at.col === col) return { kind: 'project', field };
  }
  if (t.projectNameLabel && t.projectNameLabel.row === row) return { kind: 'project', field: 'name' };
  return { kind: 'table' };
}

/** Sets every issue's subject. */
export function attachSubjects(t: DetectedTable, table: TableResult): void {
  for (const issue of table.issues) issue.subject = subjectOf(t, table, issue.cell);
}
