/**
 * Issue statuses (CONTRACT.md): reading a workbook scored before, an issue whose cell now holds the
 * value the scoring wrote is `corrected`; everything else is `open`. One rule for the add-in and the CLI.
 */
import { matchesState, type CellState } from './backup';
import { cellKey } from './backupPlacement';
import type { Issue, WorkbookResult } from './result';

/**
 * Sets every issue's status. `written`: by cellKey, what a scoring wrote there (its backup's `after`,
 * value fields); `valueAt`: the cell's value and formula now.
 */
export function applyStatuses(result: WorkbookResult, written: Map<string, CellState>, valueAt: (sheet: string, address: string) => CellState): void {
  for (let k = 0; k < result.issues.length; k++) result.issues[k].status = 'open';
  for (let n = 0; n < result.tables.length; n++) {
    const t = result.tables[n];
    // Nothing written by an earlier scoring (the usual first reading): every issue is open.
    if (!written.size) {
      for (let k = 0; k < t.issues.length; k++) t.issues[k].status = 'open';
      continue;
    }
    for (const i of t.issues) {
      const after = i.cell ? written.get(cellKey(t.sheet, i.cell)) : undefined;
      i.status = after && matchesState(valueAt(t.sheet, i.cell!), { value: after.value ?? null, formula: after.formula ?? null }) ? 'corrected' : 'open';
    }
  }
}

/** Issues the user still has to act on (an absent status reads as open). */
export function openIssues(issues: Issue[]): Issue[] {
  return issues.filter((i) => i.status !== 'corrected');
}
