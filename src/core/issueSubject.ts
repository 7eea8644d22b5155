/**
 * What each issue is about, structured (a field of the funds block, the n-th indicator and its column,
 * the totals row, a header field), decided once in core where the table's layout is known, so the pane
 * and the report read it instead of parsing cell addresses against the table again.
 */
import type { DetectedTable } from './detect';
import { fromA1 } from './grid';
import type { FundsRole, IndicatorRole } from './layouts';
import type { IssueSubject, TableResult } from './result';

/** The column → role lookups and the row → indicator index of one table, built once for all its issues. */
interface TableIndex {
  indicatorRole: Map<number, IndicatorRole>;
  fundsRole: Map<number, FundsRole>;
  indicatorAt: Map<number, number>;
  sourceAt: Map<number, number>;
}

/** Column → role; where two roles share a column, the first listed, as a search of the roles in order finds. */
function rolesByColumn<R extends string>(cols: Partial<Record<R, number>>): Map<number, R> {
  const out = new Map<number, R>();
  for (const r of Object.keys(cols) as R[]) {
    const col = cols[r];
    if (col !== undefined && !out.has(col)) out.set(col, r);
  }
  return out;
}

/** 1-based sheet row → index in `rows`, the first where rows repeat. */
function indexByRow(rows: { row?: number }[]): Map<number, number> {
  const out = new Map<number, number>();
  rows.forEach((x, i) => {
    if (x.row !== undefined && !out.has(x.row)) out.set(x.row, i);
  });
  return out;
}

function tableIndex(t: DetectedTable, table: TableResult): TableIndex {
  return {
    indicatorRole: rolesByColumn<IndicatorRole>(t.indicators.cols),
    fundsRole: rolesByColumn<FundsRole>(t.funds?.cols ?? {}),
    indicatorAt: indexByRow(table.indicators),
    sourceAt: indexByRow(table.funds.sources),
  };
}

/** The subject of an issue at `cell` in the table it was raised on. */
function subjectOf(t: DetectedTable, table: TableResult, x: TableIndex, cell: string | null): IssueSubject {
  if (!cell) return { kind: 'table' };
  const { row, col } = fromA1(cell);
  const indicator = x.indicatorAt.get(row + 1) ?? -1;
  if (indicator >= 0) {
    const field = x.indicatorRole.get(col);
    if (field === 'level1') return { kind: 'level1', label: table.indicators[indicator].level1 };
    return field ? { kind: 'indicator', index: indicator, field } : { kind: 'indicator', index: indicator };
  }
  const funds = t.funds?.rows.find((r) => r.row === row);
  if (funds) {
    const field = x.fundsRole.get(col);
    const source = x.sourceAt.get(row + 1) ?? -1;
    if (!funds.isTotal && source >= 0) return field ? { kind: 'source', index: source, field } : { kind: 'source', index: source };
    return field ? { kind: 'funds', field } : { kind: 'funds' };
  }
  if (t.funds && row === t.funds.headerRow) return { kind: 'funds' };
  if (t.total?.row === row) {
    const field = x.indicatorRole.get(col);
    return field === 'weight' || field === 'score' ? { kind: 'totals', field } : { kind: 'totals' };
  }
  if (isAt(t.projectName, row, col)) return { kind: 'project', field: 'name' };
  if (isAt(t.department, row, col)) return { kind: 'project', field: 'department' };
  if (isAt(t.implementer, row, col)) return { kind: 'project', field: 'implementer' };
  if (t.projectNameLabel && t.projectNameLabel.row === row) return { kind: 'project', field: 'name' };
  return { kind: 'table' };
}

function isAt(at: { row: number; col: number } | null | undefined, row: number, col: number): boolean {
  return !!at && at.row === row && at.col === col;
}

/** Sets every issue's subject. */
export function attachSubjects(t: DetectedTable, table: TableResult): void {
  if (!table.issues.length) return;
  const x = tableIndex(t, table);
  for (let i = 0; i < table.issues.length; i++) table.issues[i].subject = subjectOf(t, table, x, table.issues[i].cell);
}
