/**
 * Issue statuses (CONTRACT.md): an issue whose cell now holds the value the scoring writes there is
 * `corrected`; every other one is `open`. The result is the evaluation of the user's own values (an
 * earlier scoring read back as what it replaced), so a mismatch the scoring fixed is still known — and
 * shown as 已自动更正 rather than as something the user must do.
 */
import { sameAt } from './decimal';
import { cellAt, fromA1, type Grid } from './grid';
import type { Issue, WorkbookResult } from './result';
import type { WritePlan } from './writePlan';

/**
 * `current`: the grids as the cells are now, or 'written' right after the plan was applied (every write
 * holds its value).
 */
export function withIssueStatuses(result: WorkbookResult, plan: WritePlan, current: Grid[] | 'written'): WorkbookResult {
  const writes = new Map(plan.writes.map((w) => [`${w.sheet}!${w.address}`, w]));
  const grids = current === 'written' ? null : new Map(current.map((g) => [g.name, g]));
  const holds = (sheet: string, address: string): boolean => {
    const w = writes.get(`${sheet}!${address}`);
    if (!w) return false;
    if (!grids) return true;
    const g = grids.get(sheet);
    if (!g) return false;
    const { row, col } = fromA1(address);
    const v = cellAt(g, row, col).value;
    return typeof v === 'number' && typeof w.value === 'number' ? sameAt(v, w.value, 9) : typeof v === 'string' && v === w.value;
  };
  const mark = (sheet: string, i: Issue): Issue => ({ ...i, status: i.cell && holds(i.sheet ?? sheet, i.cell) ? 'corrected' : 'open' });
  return {
    ...result,
    tables: result.tables.map((t) => ({ ...t, issues: t.issues.map((i) => mark(t.sheet, i)) })),
    issues: result.issues.map((i) => ({ ...i, status: 'open' as const })),
  };
}

/** Issues the user still has to act on (absent status reads as open). */
export function openIssues(issues: Issue[]): Issue[] {
  return issues.filter((i) => i.status !== 'corrected');
}
