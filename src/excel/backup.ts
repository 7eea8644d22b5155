/**
 * The backup of every cell a scoring changes, kept inside the workbook (Excel's undo does not cover
 * add-in writes): JSON in the first column of a very-hidden sheet, chunked under the 32 767-character
 * cell limit. Each entry holds only the fields the scoring changed, before and after, so that undo
 * touches nothing else and a later scoring can tell which cells still hold what we wrote.
 */
import { fromA1, type Cell, type Grid, type RawValue } from '../core/grid';
import type { AnnotationKind } from './readGrids';
import { BACKUP_SHEET, toRawValue } from './readGrids';

/** A cell's state, field by field; an absent field was not changed. `formula` travels with `value`. */
export interface CellState {
  value?: string | number | boolean | null;
  /** Formula without "=", null for a constant; present whenever `value` is. */
  formula?: string | null;
  numberFormat?: string;
  /** #RRGGBB, null for no fill. */
  fill?: string | null;
  /** Whole note text, null for none. */
  note?: string | null;
  /** Display text, kept with `value` in `before` only (never restored: it lets a rescoring see the original). */
  text?: string;
}

export interface BackupEntry {
  sheet: string;
  /** A1, no sheet. */
  address: string;
  before: CellState;
  after: CellState;
}

export interface Backup {
  version: 1;
  /** Random id of the scoring that wrote it (lets a failed write be told from an older backup). */
  id: string;
  createdAt: string;
  annotationKind: AnnotationKind | null;
  entries: BackupEntry[];
}

const ROW_PREFIX = 'jx|';
/** Under Excel's 32 767 characters per cell, with room for the prefix. */
export const CHUNK_CHARS = 30_000;

export function newBackupId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The backup as cell rows; every row starts with a letter so Excel never turns it into a number or formula. */
export function backupRows(backup: Backup): string[] {
  const json = JSON.stringify(backup);
  const rows: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK_CHARS) rows.push(ROW_PREFIX + json.slice(i, i + CHUNK_CHARS));
  return rows;
}

/** Reassembles the backup; null when absent, empty or unreadable (a damaged backup is no backup). */
export function parseBackup(rows: string[] | null): Backup | null {
  if (!rows || rows.length === 0) return null;
  const parts = rows.filter((r) => r.startsWith(ROW_PREFIX)).map((r) => r.slice(ROW_PREFIX.length));
  if (!parts.length) return null;
  try {
    const b = JSON.parse(parts.join('')) as Backup;
    if (b?.version !== 1 || !Array.isArray(b.entries)) return null;
    return b;
  } catch {
    return null;
  }
}

export const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

/** Whether `current` agrees with `expected` on every field `expected` has. */
export function matchesState(current: CellState, expected: CellState): boolean {
  for (const k of Object.keys(expected) as (keyof CellState)[]) {
    if (k === 'text') continue;
    if (k === 'value' || k === 'formula') {
      if (!sameValue(current.value ?? null, expected.value ?? null)) return false;
      if ((current.formula ?? null) !== (expected.formula ?? null)) return false;
    } else if (k === 'fill') {
      if ((current.fill ?? null)?.toUpperCase() !== (expected.fill ?? null)?.toUpperCase()) return false;
    } else if ((current[k] ?? null) !== (expected[k] ?? null)) return false;
  }
  return true;
}

const FIELD_GROUPS: (keyof CellState)[][] = [['value', 'formula', 'text'], ['numberFormat'], ['fill'], ['note']];

/**
 * The backup after a new scoring: for each changed field, the original state survives when the cell
 * still holds what the previous scoring wrote (so scoring twice never backs up our own results);
 * otherwise the state just before this scoring (the user changed it since). Entries of the previous
 * backup this scoring does not touch are carried over, so undo still reaches them.
 */
export function mergeBackup(
  previous: Backup | null,
  changes: { sheet: string; address: string; before: CellState; after: CellState; current: CellState }[],
  id: string,
  annotationKind: AnnotationKind | null,
  createdAt = new Date().toISOString(),
): Backup {
  const old = new Map((previous?.entries ?? []).map((e) => [`${e.sheet}!${e.address}`, e]));
  const entries: BackupEntry[] = [];
  for (const c of changes) {
    const k = `${c.sheet}!${c.address}`;
    const prev = old.get(k);
    old.delete(k);
    const before: CellState = {};
    const after: CellState = {};
    for (const group of FIELD_GROUPS) {
      const changedNow = group.some((f) => f in c.after);
      const prevHas = !!prev && group.some((f) => f in prev.after);
      const pick = (src: CellState, dst: CellState) => group.forEach((f) => f in src && ((dst as Record<string, unknown>)[f] = src[f]));
      if (changedNow) {
        const stillOurs = prevHas && matchesState(c.current, Object.fromEntries(group.filter((f) => f in prev!.after).map((f) => [f, prev!.after[f]])));
        pick(stillOurs ? prev!.before : c.before, before);
        pick(c.after, after);
      } else if (prevHas) {
        pick(prev!.before, before);
        pick(prev!.after, after);
      }
    }
    entries.push({ sheet: c.sheet, address: c.address, before, after });
  }
  for (const e of old.values()) entries.push(e);
  return { version: 1, id, createdAt, annotationKind: annotationKind ?? previous?.annotationKind ?? null, entries };
}

/**
 * Queues the backup write (before any cell write of the same batch): the sheet is created very hidden
 * when missing, rows are written from A1, and rows left over from a longer older backup are cleared.
 */
export function queueBackupWrite(context: Excel.RequestContext, backup: Backup, exists: boolean, oldRowCount: number): void {
  const rows = backupRows(backup);
  let sheet: Excel.Worksheet;
  if (exists) sheet = context.workbook.worksheets.getItem(BACKUP_SHEET);
  else {
    sheet = context.workbook.worksheets.add(BACKUP_SHEET);
    sheet.visibility = Excel.SheetVisibility.veryHidden;
  }
  sheet.getRange(`A1:A${rows.length}`).values = rows.map((r) => [r]);
  if (oldRowCount > rows.length) sheet.getRange(`A${rows.length + 1}:A${oldRowCount}`).clear();
}

/** Queues removal of the backup: the sheet is deleted, or emptied when the workbook structure is protected. */
export function queueBackupClear(context: Excel.RequestContext, structureProtected: boolean): void {
  const sheet = context.workbook.worksheets.getItem(BACKUP_SHEET);
  if (structureProtected) sheet.getRange().clear();
  else {
    // Worksheet.delete() fails (InvalidOperation) on a "VeryHidden" sheet, by design (office-js#365):
    // it must be made merely hidden first, in the same batch.
    sheet.visibility = Excel.SheetVisibility.hidden;
    sheet.delete();
  }
}

/** The state a raw grid value stands for (errors back to their text). */
export function scalarOf(v: RawValue): string | number | boolean | null {
  return v !== null && typeof v === 'object' ? v.error : v;
}

/**
 * The Grids the engine should see: cells that still hold what an earlier scoring wrote read as they
 * were before it (value, formula, text, format). Scoring is then a function of the user's data, not of
 * our own output, so scoring twice plans the same writes and marks ("原填 6 分…" stays true).
 */
export function withOriginals(grids: Grid[], backup: Backup | null): Grid[] {
  if (!backup?.entries.length) return grids;
  const bySheet = new Map<string, BackupEntry[]>();
  for (const e of backup.entries) if ('value' in e.before && 'value' in e.after) (bySheet.get(e.sheet) ?? bySheet.set(e.sheet, []).get(e.sheet)!).push(e);
  return grids.map((g) => {
    const entries = bySheet.get(g.name);
    if (!entries) return g;
    const cells = g.cells.map((row) => (row ? [...row] : row));
    for (const e of entries) {
      const { row, col } = fromA1(e.address);
      const cur = cells[row]?.[col];
      const now: CellState = { value: cur ? scalarOf(cur.value) : null, formula: cur?.formula ?? null };
      if (!matchesState(now, { value: e.after.value ?? null, formula: e.after.formula ?? null })) continue;
      const value = e.before.value ?? null;
      if (value === null && !e.before.formula) {
        if (cells[row]) cells[row]![col] = undefined;
        continue;
      }
      const numberFormat = e.before.numberFormat ?? (e.after.numberFormat !== undefined ? undefined : cur?.numberFormat);
      const cell: Cell = { value: typeof value === 'string' && /^#/.test(value) ? toRawValue(value) : value, text: e.before.text ?? String(value ?? '') };
      if (numberFormat) cell.numberFormat = numberFormat;
      if (e.before.formula) cell.formula = e.before.formula;
      (cells[row] ??= [])[col] = cell;
    }
    return { ...g, cells };
  });
}
