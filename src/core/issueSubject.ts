/**
 * What each issue is about, structured (a field of the funds block, the n-th indicator and its column,
 * the totals row, a header field), decided once in core where the table's layout is known, so the pane
 * and the report read it instead of parsing cell addresses against the table again.
 */
import type { DetectedTable } from './detect';
import { fromA1 } from './grid';
import type { FundsRole, IndicatorRole } from './layouts';
import type { IssueSubject, TableResult } from './result';

/**
 * The column → role lookups and the row → indicator index of one table, built once for all its issues, in plain
 * arrays (columns and rows are small numbers): this runs once per table, mostly before it is optimised.
 */
interface TableIndex {
  indicatorRole: (IndicatorRole | undefined)[];
  fundsRole: (FundsRole | undefined)[];
  indicatorAt: (number | undefined)[];
  sourceAt: (number | undefined)[];
}

/** Column → role; where two roles share a column, the first listed, as a search of the roles in order finds. */
function rolesByColumn<R extends string>(cols: Partial<Record<R, number>>): (R | undefined)[] {
  const out: (R | undefined)[] = [];
  const roles = Object.keys(cols) as R[];
  for (let i = 0; i < roles.length; i++) {
    const col = cols[roles[i]];
    if (col !== undefined && out[col] === undefined) out[col] = roles[i];
  }
  return out;
}

/** 1-based sheet row → index in `rows`, the first where rows repeat. */
function indexByRow(rows: { row?: number }[]): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i].row;
    if (row !== undefined && out[row] === undefined) out[row] = i;
  }
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
  const indicator = x.indicatorAt[row + 1] ?? -1;
  if (indicator >= 0) {
    const field = x.indicatorRole[col];
    if (field === 'level1') return { kind: 'level1', label: table.indicators[indicator].level1 };
    return field ? { kind: 'indicator', index: indicator, field } : { kind: 'indicator', index: indicator };
  }
  const funds = t.funds?.rows.find((r) => r.row === row);
  if (funds) {
    const field = x.fundsRole[col];
    const source = x.sourceAt[row + 1] ?? -1;
    if (!funds.isTotal && source >= 0) return field ? { kind: 'source', index: source, field } : { kind: 'source', index: source };
    return field ? { kind: 'funds', field } : { kind: 'funds' };
  }
  if (t.funds && row === t.funds.headerRow) return { kind: 'funds' };
  if (t.total?.row === row) {
    const field = x.indicatorRole[col];
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
