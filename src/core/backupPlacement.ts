/**
 * An earlier scoring's backup read against the workbook as it is now: every entry placed where its
 * thing is today (by sheet id, then name; by table, row identity and column role), or left unplaced
 * with the reason. Rescoring, issue statuses and undo all start from these placements, so the three
 * agree on where our earlier output is.
 */
import { cellKey } from './address';
import { anchorOf, placeAnchor, tablesBySheet, type CellAnchor } from './cellAnchor';
import type { DetectedTable } from './detect';
import { fromA1, toA1, type Cell, type Grid } from './grid';
import {
  FIELD_GROUPS,
  hasGroup,
  matchesState,
  pickGroup,
  scalarOf,
  type AnnotationKind,
  type Backup,
  type BackupEntry,
  type CellState,
} from './backup';

/** Where a backed-up cell is now, or why it cannot be said. */
export interface PlacedEntry {
  entry: BackupEntry;
  /** Current sheet name and cell; null when the entry cannot be placed unambiguously. */
  at: { sheet: string; row: number; col: number; address: string } | null;
  /** Chinese: why the entry could not be placed. */
  reason?: string;
}

export { cellKey };

/** The sheet an entry belongs to now: its stable id, else its name, else the one sheet holding its table. */
function sheetOf(entry: BackupEntry, grids: Grid[], tables: Map<string, DetectedTable[]>): Grid | { reason: string } {
  const visible = grids.filter((g) => !g.hidden);
  if (entry.sheetId) {
    const byId = visible.find((g) => g.id === entry.sheetId);
    if (byId) return byId;
  }
  const byName = visible.find((g) => g.name === entry.sheet);
  // A sheet of that name that carries another id is another sheet (the original was renamed away).
  if (byName && !(entry.sheetId && byName.id && byName.id !== entry.sheetId && visible.some((g) => g.id === entry.sheetId))) return byName;
  if (entry.anchor) {
    const key = entry.anchor.table.key;
    const holding = visible.filter((g) => (tables.get(g.name) ?? []).some((t) => (t.projectName?.text ?? t.title ?? '').trim() === key));
    if (holding.length === 1) return holding[0];
    if (holding.length > 1) return { reason: `工作表“${entry.sheet}”已改名或移走，且有 ${holding.length} 张工作表含同名项目，无法确定是哪一张` };
  }
  return { reason: `工作表“${entry.sheet}”已不存在或已改名` };
}

/**
 * The column, right of its table, where a value the scoring wrote beside the table now is. Nothing of the
 * table moves when the user inserts or deletes a column between the table's edge and such a cell (the grade
 * beside the total row), so where the anchored cell no longer holds the value, the one cell of the same row
 * right of the table that holds exactly that value is taken; none or several: the anchored cell stays.
 */
function besideTable(entry: BackupEntry, grid: Grid, tables: DetectedTable[], row: number, col: number, tableRight: number): number {
  const written = { value: entry.after.value ?? null, formula: entry.after.formula ?? null };
  if (!('value' in entry.after) || written.value === null || matchesState(valueStateAt(grid, row, col), written)) return col;
  // Up to the next table on the row (side-by-side tables): its cells are its own.
  const next = Math.min(...tables.filter((t) => t.left > tableRight && row >= t.top && row <= t.bottom).map((t) => t.left));
  const cells = grid.cells[row] ?? [];
  const found: number[] = [];
  for (let c = tableRight + 1; c < Math.min(cells.length, next); c++) if (cells[c] && matchesState(valueStateAt(grid, row, c), written)) found.push(c);
  return found.length === 1 ? found[0] : col;
}

/** Whether the cell a placed entry landed on holds the value that entry's scoring wrote. */
function holdsItsValue(p: PlacedEntry, grids: Grid[]): boolean {
  return 'value' in p.entry.after && p.entry.after.value != null && stillHoldsOurValue(p, grids);
}

/** Places every entry of the backup on the workbook as it is now. */
export function placeBackup(backup: Backup | null, grids: Grid[], known?: Map<string, DetectedTable[]>): PlacedEntry[] {
  if (!backup?.entries.length) return [];
  // Detected only when there is something to place: a workbook never scored is not searched twice.
  const tables = known ?? tablesBySheet(grids);
  const taken = new Map<string, PlacedEntry[]>();
  const placed: PlacedEntry[] = backup.entries.map((entry) => {
    const sheet = sheetOf(entry, grids, tables);
    if ('reason' in sheet) return { entry, at: null, reason: sheet.reason };
    let row: number;
    let col: number;
    if (entry.anchor) {
      const p = placeAnchor(tables.get(sheet.name) ?? [], entry.anchor);
      if ('reason' in p) return { entry, at: null, reason: p.reason };
      ({ row, col } = p);
      if (col > p.tableRight) col = besideTable(entry, sheet, tables.get(sheet.name) ?? [], row, col, p.tableRight);
    } else {
      // Backups of version 1 and cells outside every table: the address, on the sheet found above.
      ({ row, col } = fromA1(entry.address));
    }
    return { entry, at: { sheet: sheet.name, row, col, address: toA1(row, col) } };
  });
  for (const p of placed) {
    if (p.at) (taken.get(cellKey(p.at.sheet, p.at.address)) ?? taken.set(cellKey(p.at.sheet, p.at.address), []).get(cellKey(p.at.sheet, p.at.address))!).push(p);
  }
  // Two entries landing on one cell means at least one thing moved onto another's place. Where exactly
  // one of them finds there the value its scoring wrote, that one is there; the others' cells are gone.
  // Otherwise neither is placed.
  for (const [k, same] of taken) {
    if (same.length < 2) continue;
    const holders = same.filter((x) => holdsItsValue(x, grids));
    for (const x of same) {
      if (holders.length === 1 && x === holders[0]) continue;
      x.at = null;
      x.reason = holders.length === 1 ? `原来的单元格已被删除或移走（${k} 现在是另一处评分结果）` : `两处备份内容都对应到 ${k}，无法确定原来的位置`;
    }
  }
  return placed;
}

/** The values an earlier scoring wrote, by cell key, where their cells are placed: what issue statuses compare against. */
export function writtenValues(placed: PlacedEntry[]): Map<string, CellState> {
  const written = new Map<string, CellState>();
  for (const p of placed) if (p.at && 'value' in p.entry.after) written.set(cellKey(p.at.sheet, p.at.address), p.entry.after);
  return written;
}

/** The current value state of a cell in a grid. */
export function valueStateAt(grid: Grid | undefined, row: number, col: number): CellState {
  const cell = grid?.cells[row]?.[col];
  return { value: cell ? scalarOf(cell.value) : null, formula: cell?.formula ?? null };
}

/** Whether a placed entry's cell still holds the value the scoring wrote. */
export function stillHoldsOurValue(p: PlacedEntry, grids: Grid[]): boolean {
  if (!p.at || !('value' in p.entry.after)) return false;
  const grid = grids.find((g) => g.name === p.at!.sheet);
  return matchesState(valueStateAt(grid, p.at.row, p.at.col), { value: p.entry.after.value ?? null, formula: p.entry.after.formula ?? null });
}

const ERROR_TEXT = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/**
 * The Grids the engine should see: cells that still hold what an earlier scoring wrote read as they
 * were before it (value, formula, text, format). Scoring is then a function of the user's data, not of
 * our own output, so scoring twice plans the same writes and marks ("原填 6 分…" stays true).
 */
export function withOriginals(grids: Grid[], placed: PlacedEntry[]): Grid[] {
  const bySheet = new Map<string, PlacedEntry[]>();
  for (const p of placed) {
    if (!p.at || !('value' in p.entry.before) || !stillHoldsOurValue(p, grids)) continue;
    (bySheet.get(p.at.sheet) ?? bySheet.set(p.at.sheet, []).get(p.at.sheet)!).push(p);
  }
  if (!bySheet.size) return grids;
  return grids.map((g) => {
    const entries = bySheet.get(g.name);
    if (!entries) return g;
    const cells = g.cells.map((row) => (row ? [...row] : row));
    for (const { entry: e, at } of entries) {
      const { row, col } = at!;
      const cur = cells[row]?.[col];
      const value = e.before.value ?? null;
      if (value === null && !e.before.formula) {
        if (cells[row]) cells[row]![col] = undefined;
        continue;
      }
      const numberFormat = e.before.numberFormat ?? (e.after.numberFormat !== undefined ? undefined : cur?.numberFormat);
      const cell: Cell = { value: typeof value === 'string' && ERROR_TEXT.test(value) ? { error: value } : value, text: e.before.text ?? String(value ?? '') };
      if (numberFormat) cell.numberFormat = numberFormat;
      if (e.before.formula) cell.formula = e.before.formula;
      (cells[row] ??= [])[col] = cell;
    }
    return { ...g, cells };
  });
}

/** A change the appliers make to one cell, field by field. */
export interface CellChange {
  sheet: string;
  address: string;
  /** The changed fields as they are now. */
  before: CellState;
  /** The changed fields as they will be. */
  after: CellState;
  /** Everything known about the cell now (for merging with an older backup). */
  current: CellState;
}

/**
 * The backup after a new scoring: for each changed field, the original state survives when the cell
 * still holds what the previous scoring wrote (so scoring twice never backs up our own results);
 * otherwise the state just before this scoring (the user changed it since). Entries of the previous
 * backup this scoring does not touch are carried over (moved to where they are now), so undo still
 * reaches them; entries that cannot be placed are carried over unchanged.
 */
export function mergeBackup(
  previous: Backup | null,
  placed: PlacedEntry[],
  changes: CellChange[],
  anchors: { tables: Map<string, DetectedTable[]>; sheetIds: Map<string, string> },
  id: string,
  annotationKind: AnnotationKind | null,
  createdAt = new Date().toISOString(),
): Backup {
  const old = new Map<string, BackupEntry>();
  const unplaced: BackupEntry[] = [];
  for (const p of placed) {
    if (!p.at) unplaced.push(p.entry);
    else old.set(cellKey(p.at.sheet, p.at.address), { ...p.entry, sheet: p.at.sheet, address: p.at.address });
  }
  const entries: BackupEntry[] = [];
  for (const c of changes) {
    const k = cellKey(c.sheet, c.address);
    const prev = old.get(k);
    old.delete(k);
    const before: CellState = {};
    const after: CellState = {};
    for (const group of FIELD_GROUPS) {
      const changedNow = hasGroup(c.after, group);
      const prevHas = !!prev && hasGroup(prev.after, group);
      if (changedNow) {
        const stillOurs = prevHas && matchesState(c.current, pickGroup(prev!.after, group));
        Object.assign(before, pickGroup(stillOurs ? prev!.before : c.before, group));
        Object.assign(after, pickGroup(c.after, group));
      } else if (prevHas) {
        Object.assign(before, pickGroup(prev!.before, group));
        Object.assign(after, pickGroup(prev!.after, group));
      }
    }
    const { row, col } = fromA1(c.address);
    const anchor: CellAnchor | undefined = anchorOf(anchors.tables.get(c.sheet) ?? [], row, col) ?? prev?.anchor;
    const sheetId = anchors.sheetIds.get(c.sheet);
    entries.push({ sheet: c.sheet, ...(sheetId ? { sheetId } : {}), address: c.address, ...(anchor ? { anchor } : {}), before, after });
  }
  for (const e of old.values()) entries.push(e);
  entries.push(...unplaced);
  return { version: 2, id, createdAt, annotationKind: annotationKind ?? previous?.annotationKind ?? null, entries };
}
