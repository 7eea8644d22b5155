/**
 * The backup of every cell a scoring changes, kept inside the workbook (Excel's undo does not cover
 * add-in writes, and a scored copy written by the CLI must undo in Excel too): JSON in the first column
 * of a very-hidden sheet, chunked under the 32 767-character cell limit. Each entry holds only the
 * fields the scoring changed, before and after, and what the cell belongs to (its anchor), so undo can
 * find it again after the user inserts rows, sorts or renames the sheet. Pure data: both hosts read
 * and write it through this module.
 */
import type { Grid, RawValue } from './grid';
import type { CellAnchor } from './cellAnchor';

/** The very-hidden sheet holding the backup. */
export const BACKUP_SHEET = '_jixiao_backup';

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
  /** Sheet name when backed up (the fallback when the host gives sheets no stable id). */
  sheet: string;
  /** The sheet's stable id (Office.js worksheet.id), when the host has one. */
  sheetId?: string;
  /** A1, no sheet, where the cell was when backed up. */
  address: string;
  /** What the cell belongs to (table, row identity, column role); absent in backups of version 1. */
  anchor?: CellAnchor;
  before: CellState;
  after: CellState;
}

export type AnnotationKind = 'notes' | 'comments';

export interface Backup {
  /** 1: address-keyed entries; 2: entries carry anchors and sheet ids. Both are read. */
  version: 1 | 2;
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
    if ((b?.version !== 1 && b?.version !== 2) || !Array.isArray(b.entries)) return null;
    return b;
  } catch {
    return null;
  }
}

/** The backup sheet's first column, as read into a Grid by a host that reads hidden sheets (the CLI). */
export function backupRowsOfGrid(grid: Grid | undefined): string[] | null {
  if (!grid) return null;
  const rows: string[] = [];
  for (let r = 0; r < grid.cells.length; r++) {
    const c = grid.cells[r]?.[0];
    rows.push(c ? String(c.value ?? '') : '');
  }
  while (rows.length && rows[rows.length - 1] === '') rows.pop();
  return rows;
}

/** The backup found among a workbook's Grids (the backup sheet read like any other), or null. */
export function backupOfGrids(grids: Grid[]): Backup | null {
  return parseBackup(backupRowsOfGrid(grids.find((g) => g.name === BACKUP_SHEET)));
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

/** The state a raw grid value stands for (errors back to their text). */
export function scalarOf(v: RawValue): string | number | boolean | null {
  return v !== null && typeof v === 'object' ? v.error : v;
}

/** Field groups that change together: a value with its formula and text. */
export const FIELD_GROUPS: (keyof CellState)[][] = [['value', 'formula', 'text'], ['numberFormat'], ['fill'], ['note']];

/** The fields of `state` in `group`. */
export function pickGroup(state: CellState, group: (keyof CellState)[]): CellState {
  const out: CellState = {};
  for (const f of group) if (f in state) (out as Record<string, unknown>)[f] = state[f];
  return out;
}

export const hasGroup = (state: CellState, group: (keyof CellState)[]): boolean => group.some((f) => f in state);
