/**
 * The one change list both appliers execute. A host (Office.js, exceljs, a future WPS) describes the
 * workbook as it is now (a WorkbookState); core decides everything else — the user's originals behind
 * an earlier scoring's output, the evaluation, the cells to write and mark, the stale marks to remove,
 * the new backup, and every issue's status — and hands back cell changes, field by field. The appliers
 * translate those changes into their API and decide nothing.
 */
import { tablesBySheet } from './cellAnchor';
import { sameValue, scalarOf, type AnnotationKind, type Backup, type CellState } from './backup';
import { cellKey, mergeBackup, placeBackup, stillHoldsOurValue, valueStateAt, withOriginals, writtenValues, type CellChange, type PlacedEntry } from './backupPlacement';
import { evaluateTables, planWrites } from './engine';
import { cellAt, fromA1, type Grid } from './grid';
import { applyStatuses } from './issueStatus';
import { replacementsOf, type Replacement } from './replacements';
import { composeNote, ourNoteText, splitNote } from './noteText';
import type { RuleProfile } from './profile';
import type { WorkbookResult } from './result';
import { OUR_FILLS as OUR_FILL_LIST, type WritePlan } from './writePlan';

export type { CellChange };

export interface Annotation {
  sheet: string;
  /** A1 without sheet. */
  address: string;
  content: string;
}

/** The workbook as a host reads it, before anything is decided. */
export interface WorkbookState {
  /** The searched sheets (a sheet's `id` where the host has stable ids). */
  grids: Grid[];
  /** A cell's fill as #RRGGBB, null for none, undefined where the host did not read it. */
  fillAt(sheet: string, address: string): string | null | undefined;
  /** Every note (or comment) of the workbook; null when the host has no annotation API. */
  notes: Annotation[] | null;
  /** What the host writes marks' notes as; null: fills only. */
  annotationKind: AnnotationKind | null;
  /** The backup of an earlier scoring, when there is one. */
  backup: Backup | null;
}

// Every fill we put on a cell (the corrected green too), so a later run knows ours from the user's.
const OUR_FILLS = new Set(OUR_FILL_LIST.map((f) => f.toUpperCase()));

function gridOf(state: WorkbookState, sheet: string): Grid | undefined {
  return state.grids.find((g) => g.name === sheet);
}

function noteIndex(state: WorkbookState): Map<string, Annotation> {
  return new Map((state.notes ?? []).map((a) => [cellKey(a.sheet, a.address), a]));
}

/** What the state knows of a cell; unknown format/fill read as General/none. */
export function currentState(state: WorkbookState, notes: Map<string, Annotation>, sheet: string, address: string): CellState {
  const grid = gridOf(state, sheet);
  const { row, col } = fromA1(address);
  const cell = grid?.cells[row]?.[col];
  return {
    value: cell ? scalarOf(cell.value) : null,
    formula: cell?.formula ?? null,
    numberFormat: cell?.numberFormat ?? 'General',
    fill: state.fillAt(sheet, address) ?? null,
    note: notes.get(cellKey(sheet, address))?.content ?? null,
  };
}

/**
 * Every field the plan changes, with what it replaces. Also removes marks of ours that no longer apply:
 * our part of the note goes, and the fill returns to what the previous backup says it was (or, for a fill
 * in one of our severity colours with no record, to none).
 */
export function planChanges(plan: WritePlan, state: WorkbookState, placed: PlacedEntry[]): CellChange[] {
  const notes = noteIndex(state);
  const byKey = new Map<string, CellChange>();
  const entry = (sheet: string, address: string): CellChange => {
    const k = cellKey(sheet, address);
    let c = byKey.get(k);
    if (!c) {
      const a = address.replace(/\$/g, '').toUpperCase();
      c = { sheet, address: a, before: {}, after: {}, current: currentState(state, notes, sheet, a) };
      byKey.set(k, c);
    }
    return c;
  };
  const change = <F extends keyof CellState>(c: CellChange, field: F, next: CellState[F]) => {
    c.before[field] = c.current[field];
    c.after[field] = next;
  };

  for (const w of plan.writes) {
    const c = entry(w.sheet, w.address);
    const keep = w.keepFormula && !!c.current.formula;
    if (!keep && (c.current.formula || !sameValue(c.current.value, w.value))) {
      change(c, 'value', w.value);
      change(c, 'formula', null);
      const { row, col } = fromA1(c.address);
      const grid = gridOf(state, w.sheet);
      c.before.text = grid ? cellAt(grid, row, col).text : '';
    }
    if (w.numberFormat && c.current.numberFormat !== w.numberFormat) change(c, 'numberFormat', w.numberFormat);
  }

  const marked = new Set<string>();
  for (const m of plan.marks) {
    const c = entry(m.sheet, m.address);
    marked.add(cellKey(m.sheet, m.address));
    const fill = m.fill.toUpperCase();
    if ((c.current.fill ?? '').toUpperCase() !== fill) change(c, 'fill', fill);
    if (state.annotationKind) {
      const note = composeNote(c.current.note, ourNoteText(m));
      if (note !== c.current.note) change(c, 'note', note);
    }
  }

  const previousFill = new Map<string, { sheet: string; address: string; before: string | null; after: string | null }>();
  for (const p of placed) {
    if (p.at && 'fill' in p.entry.after) {
      previousFill.set(cellKey(p.at.sheet, p.at.address), { sheet: p.at.sheet, address: p.at.address, before: p.entry.before.fill ?? null, after: p.entry.after.fill ?? null });
    }
  }
  const staleFill = (c: CellChange, k: string) => {
    const known = state.fillAt(c.sheet, c.address) !== undefined;
    const cur = (c.current.fill ?? '').toUpperCase();
    const rec = previousFill.get(k);
    if (rec && known && cur === (rec.after ?? '').toUpperCase()) {
      if ((rec.before ?? null) !== (c.current.fill ?? null)) change(c, 'fill', rec.before);
    } else if (known && OUR_FILLS.has(cur)) change(c, 'fill', null);
  };
  for (const [k, a] of notes) {
    if (marked.has(k) || splitNote(a.content).ours === null || !gridOf(state, a.sheet)) continue;
    const c = entry(a.sheet, a.address);
    change(c, 'note', composeNote(a.content, null));
    staleFill(c, k);
  }
  // Fills-only marks (hosts without notes) are found through the previous backup.
  for (const [k, rec] of previousFill) {
    if (marked.has(k) || byKey.has(k) || !rec.after || !OUR_FILLS.has(rec.after.toUpperCase())) continue;
    if (!gridOf(state, rec.sheet)) continue;
    const c = entry(rec.sheet, rec.address);
    staleFill(c, k);
    if (!Object.keys(c.after).length) byKey.delete(k);
  }

  return [...byKey.values()].filter((c) => Object.keys(c.after).length > 0);
}

export interface ScoringPlan {
  /** The result the pane shows, statuses as they stand once the changes are applied. */
  result: WorkbookResult;
  plan: WritePlan;
  /** What the applier must change, cell by cell (empty on a second identical scoring). */
  changes: CellChange[];
  /** The backup to store with the changes (null when nothing changes). */
  backup: Backup | null;
  /**
   * The writes that would replace what the user typed (a text, a differing number, a formula): the preview a
   * front end shows and has confirmed before applying `changes`. A cell still holding an earlier scoring's
   * output is ours, not the user's: writing there again needs no confirmation.
   */
  replacements: Replacement[];
  /**
   * The same evaluation with the statuses of the cells as they are, nothing written (what evaluateWorkbook gives):
   * the result a front end shows while `replacements` await confirmation, without evaluating the workbook again.
   */
  resultAsIs(): WorkbookResult;
}

function sheetIdsOf(grids: Grid[]): Map<string, string> {
  return new Map(grids.filter((g) => g.id).map((g) => [g.name, g.id!]));
}

/** Scoring, decided: read the user's originals behind our earlier output, evaluate, plan, back up. */
export function planScoring(state: WorkbookState, profile: RuleProfile, id: string, createdAt = new Date().toISOString()): ScoringPlan {
  const tablesNow = tablesBySheet(state.grids);
  const placed = placeBackup(state.backup, state.grids, tablesNow);
  const grids = withOriginals(state.grids, placed);
  const result = evaluateTables(grids, profile);
  const plan = planWrites(result, grids, profile);
  const changes = planChanges(plan, state, placed);
  const backup = changes.length
    ? mergeBackup(state.backup, placed, changes, { tables: grids === state.grids ? tablesNow : tablesBySheet(grids), sheetIds: sheetIdsOf(state.grids) }, id, state.annotationKind, createdAt)
    : null;

  // Statuses as they will stand after the write: a cell holding (or about to hold) the value a scoring wrote.
  let written: Map<string, CellState>;
  if (backup) {
    written = new Map<string, CellState>();
    for (const e of backup.entries) if ('value' in e.after) written.set(cellKey(e.sheet, e.address), e.after);
  } else written = writtenValues(placed);
  const pending = new Map(changes.map((c) => [cellKey(c.sheet, c.address), c]));
  applyStatuses(result, written, (sheet, address) => {
    const c = pending.get(cellKey(sheet, address));
    if (c && 'value' in c.after) return { value: c.after.value ?? null, formula: c.after.formula ?? null };
    const grid = gridOf(state, sheet);
    const { row, col } = fromA1(address);
    const cell = grid?.cells[row]?.[col];
    return { value: cell ? scalarOf(cell.value) : null, formula: cell?.formula ?? null };
  });
  const ours = new Set(placed.filter((p) => p.at && 'value' in p.entry.before && stillHoldsOurValue(p, state.grids)).map((p) => cellKey(p.at!.sheet, p.at!.address)));
  const resultAsIs = (): WorkbookResult => {
    // The issues are copied (applyStatuses sets each one's status); every other part is the same evaluation.
    const copy: WorkbookResult = {
      ...result,
      issues: result.issues.map((i) => ({ ...i })),
      tables: result.tables.map((t) => ({ ...t, issues: t.issues.map((i) => ({ ...i })) })),
    };
    applyStatuses(copy, writtenValues(placed), (sheet, address) => {
      const { row, col } = fromA1(address);
      return valueStateAt(gridOf(state, sheet), row, col);
    });
    return copy;
  };
  const replacements = replacementsOf(plan, (w) => {
    if (ours.has(cellKey(w.sheet, w.address))) return { value: null };
    const { row, col } = fromA1(w.address);
    const cell = gridOf(state, w.sheet)?.cells[row]?.[col];
    return { value: cell ? scalarOf(cell.value) : null, formula: cell?.formula ?? undefined, text: cell?.text };
  });
  return { result, plan, changes, backup, replacements, resultAsIs };
}
