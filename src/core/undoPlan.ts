/**
 * 撤销评分, decided in core: every backed-up cell placed where its thing is now (cellAnchor), each field
 * restored only where it still holds what the scoring left there — a value the user typed since, a
 * fill or a note the user changed, stays theirs — and nothing written where the thing cannot be placed
 * unambiguously. Those entries stay in the backup and the user is told which and why.
 */
import { matchesState, type Backup, type BackupEntry, type CellState } from './backup';
import { cellKey, placeBackup, type CellChange, type PlacedEntry } from './backupPlacement';
import { tablesBySheet } from './cellAnchor';
import type { WorkbookState } from './changeList';
import { currentState } from './changeList';
import { fromA1, toA1 } from './grid';
import { composeNote, splitNote } from './noteText';

export interface UndoScope {
  /** Only the table on this sheet (current name)… */
  sheet: string;
  /** …and, when given, only the table with this range (A1, as in TableResult.range). */
  range?: string;
}

export interface UnplacedCell {
  /** "自评表!H16": where the cell was when backed up. */
  cell: string;
  /** Chinese: why it was not restored. */
  reason: string;
}

export interface UndoPlan {
  /** Whether there was a backup at all. */
  found: boolean;
  changes: CellChange[];
  /** Backed-up cells placed and restored (some of their fields may have stayed the user's). */
  restored: number;
  /** Of those, cells whose value the user changed after the scoring: their value was kept. */
  kept: number;
  /** Cells not restored because their thing cannot be placed; they stay in the backup. */
  unplaced: UnplacedCell[];
  /** The backup to keep (entries not restored); null: remove the backup. */
  remaining: Backup | null;
  /** Chinese, for the user: what was not restored and why ('' when everything was). */
  message: string;
}

function inScope(p: PlacedEntry, scope: UndoScope | undefined, tables: ReturnType<typeof tablesBySheet>): boolean {
  if (!scope) return true;
  if (!p.at) return p.entry.sheet === scope.sheet;
  if (p.at.sheet !== scope.sheet) return false;
  if (!scope.range) return true;
  const t = (tables.get(p.at.sheet) ?? []).find((x) => `${toA1(x.top, x.left)}:${toA1(x.bottom, x.right)}` === scope.range);
  return !!t && p.at.row >= t.top && p.at.row <= t.bottom;
}

/** What to restore, field by field: only fields that still hold what the scoring left there. */
function restoreState(e: BackupEntry, cur: CellState, knownFill: boolean, hasNotes: boolean, cellKnown: boolean): { next: CellState; keptValue: boolean } {
  const next: CellState = {};
  let keptValue = false;
  if ('value' in e.after) {
    if (matchesState(cur, { value: e.after.value ?? null, formula: e.after.formula ?? null })) {
      next.value = e.before.value ?? null;
      next.formula = e.before.formula ?? null;
    } else keptValue = true;
  }
  if ('numberFormat' in e.after && e.before.numberFormat !== undefined) {
    // A format the user set since stays; an empty cell's format is not read, so it is restored.
    if (!cellKnown || cur.numberFormat === e.after.numberFormat) next.numberFormat = e.before.numberFormat;
  }
  if ('fill' in e.after) {
    if (!knownFill || (cur.fill ?? '').toUpperCase() === (e.after.fill ?? '').toUpperCase()) next.fill = e.before.fill ?? null;
  }
  if ('note' in e.after && hasNotes) {
    const now = cur.note ?? null;
    if (now === (e.after.note ?? null)) next.note = e.before.note ?? null;
    else {
      // The user wrote in the note since: their text stays, only our part goes (or returns to what it was).
      const ours = splitNote(now).ours;
      if (ours !== null && ours === splitNote(e.after.note).ours) next.note = composeNote(now, splitNote(e.before.note).ours);
    }
  }
  return { next, keptValue };
}

/** The undo of the backup in `state` (only `scope`'s table when given). */
export function planUndo(state: WorkbookState, scope?: UndoScope): UndoPlan {
  const backup = state.backup;
  if (!backup) return { found: false, changes: [], restored: 0, kept: 0, unplaced: [], remaining: null, message: '' };
  const tables = tablesBySheet(state.grids);
  const placed = placeBackup(backup, state.grids, tables);
  const notes = new Map((state.notes ?? []).map((a) => [cellKey(a.sheet, a.address), a]));
  const changes: CellChange[] = [];
  const keep: BackupEntry[] = [];
  const unplaced: UnplacedCell[] = [];
  let restored = 0;
  let kept = 0;
  for (const p of placed) {
    if (!inScope(p, scope, tables)) {
      keep.push(p.at ? { ...p.entry, sheet: p.at.sheet, address: p.at.address } : p.entry);
      continue;
    }
    if (!p.at) {
      keep.push(p.entry);
      unplaced.push({ cell: `${p.entry.sheet}!${p.entry.address}`, reason: p.reason ?? '无法确定现在的位置' });
      continue;
    }
    const { sheet, address } = p.at;
    const cur = currentState(state, notes, sheet, address);
    const grid = state.grids.find((g) => g.name === sheet);
    const { row, col } = fromA1(address);
    const cellKnown = !!grid?.cells[row]?.[col];
    const { next, keptValue } = restoreState(p.entry, cur, state.fillAt(sheet, address) !== undefined, state.notes !== null, cellKnown);
    restored++;
    if (keptValue) kept++;
    const before: CellState = {};
    for (const k of Object.keys(next) as (keyof CellState)[]) (before as Record<string, unknown>)[k] = cur[k];
    if (Object.keys(next).length) changes.push({ sheet, address, before, after: next, current: cur });
  }
  const remaining = keep.length ? { ...backup, entries: keep } : null;
  return { found: true, changes, restored, kept, unplaced, remaining, message: unplacedMessage(unplaced) };
}

/** The user's account of cells not restored (Chinese). */
export function unplacedMessage(unplaced: UnplacedCell[]): string {
  if (!unplaced.length) return '';
  const shown = unplaced.slice(0, 5).map((u) => `${u.cell}（${u.reason}）`).join('；');
  const more = unplaced.length > 5 ? `等 ${unplaced.length} 处` : '';
  return `有 ${unplaced.length} 个单元格没有恢复：${shown}${more}。为避免写错位置，这些单元格的原值仍保存在备份中；请把表格恢复到评分时的样子（如恢复被删除的行、工作表名称）后再点“撤销评分”，或手动核对。`;
}
