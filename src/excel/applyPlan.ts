/**
 * The Office.js applier of the engine's write plan (the CLI's exceljs applier takes the same plan):
 * decides, cell by cell and field by field, what must change (nothing, on a second identical scoring),
 * then queues the writes in one batch. Notes are composed exactly as the CLI composes them.
 */
import { cellAt } from '../core/grid';
import { OUR_FILLS, type WritePlan } from '../core/writePlan';
import { composeNote, ourNoteText, splitNote } from '../core/noteText';
import { cellKey } from './address';
import { sameValue, scalarOf, type Backup, type CellState } from './backup';
import type { AnnotationKind, WorkbookSnapshot } from './readGrids';
import { fromA1 } from '../core/grid';

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

const OUR_FILL_SET = new Set(OUR_FILLS.map((f) => f.toUpperCase()));

/** What the snapshot knows of a cell; unknown format/fill (outside the read region) read as General/none. */
export function currentState(snap: WorkbookSnapshot, sheet: string, address: string): CellState {
  const grid = snap.grids.find((g) => g.name === sheet);
  const { row, col } = fromA1(address);
  const cell = grid ? cellAt(grid, row, col) : undefined;
  const k = cellKey(sheet, address);
  return {
    value: cell ? scalarOf(cell.value) : null,
    formula: cell?.formula ?? null,
    numberFormat: cell?.numberFormat ?? 'General',
    fill: snap.fills?.get(k) ?? null,
    note: snap.annotations?.get(k)?.content ?? null,
  };
}

function currentText(snap: WorkbookSnapshot, sheet: string, address: string): string {
  const grid = snap.grids.find((g) => g.name === sheet);
  const { row, col } = fromA1(address);
  return grid ? cellAt(grid, row, col).text : '';
}

/**
 * Every field the plan changes, with what it replaces. Also removes marks of ours that no longer apply:
 * our part of the note goes, and the fill returns to what the previous backup says it was (or, for a fill
 * in one of our severity colours with no record, to none).
 */
export function planChanges(plan: WritePlan, snap: WorkbookSnapshot, previous: Backup | null): CellChange[] {
  const byKey = new Map<string, CellChange>();
  const entry = (sheet: string, address: string): CellChange => {
    const k = cellKey(sheet, address);
    let c = byKey.get(k);
    if (!c) {
      c = { sheet, address: address.replace(/\$/g, '').toUpperCase(), before: {}, after: {}, current: currentState(snap, sheet, address) };
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
      c.before.text = currentText(snap, w.sheet, w.address);
    }
    if (w.numberFormat && c.current.numberFormat !== w.numberFormat) change(c, 'numberFormat', w.numberFormat);
  }

  const marked = new Set<string>();
  for (const m of plan.marks) {
    const c = entry(m.sheet, m.address);
    marked.add(cellKey(m.sheet, m.address));
    const fill = m.fill.toUpperCase();
    if ((c.current.fill ?? '').toUpperCase() !== fill) change(c, 'fill', fill);
    if (snap.annotationKind) {
      const note = composeNote(c.current.note, ourNoteText(m));
      if (note !== c.current.note) change(c, 'note', note);
    }
  }

  const previousFill = new Map<string, { before: string | null; after: string | null }>();
  for (const e of previous?.entries ?? []) {
    if ('fill' in e.after) previousFill.set(cellKey(e.sheet, e.address), { before: e.before.fill ?? null, after: e.after.fill ?? null });
  }
  const staleFill = (c: CellChange, k: string) => {
    const known = snap.fills?.has(k);
    const cur = (c.current.fill ?? '').toUpperCase();
    const rec = previousFill.get(k);
    if (rec && known && cur === (rec.after ?? '').toUpperCase()) {
      if ((rec.before ?? null) !== (c.current.fill ?? null)) change(c, 'fill', rec.before);
    } else if (known && OUR_FILL_SET.has(cur)) change(c, 'fill', null);
  };
  for (const [k, a] of snap.annotations ?? []) {
    if (marked.has(k) || splitNote(a.content).ours === null) continue;
    const c = entry(a.sheet, a.address);
    change(c, 'note', composeNote(a.content, null));
    staleFill(c, k);
  }
  // Fills-only marks (hosts without notes) are found through the previous backup.
  for (const [k, rec] of previousFill) {
    if (marked.has(k) || byKey.has(k) || !rec.after || !OUR_FILL_SET.has(rec.after.toUpperCase())) continue;
    const [sheet, address] = [k.slice(0, k.lastIndexOf('!')), k.slice(k.lastIndexOf('!') + 1)];
    if (!snap.grids.some((g) => g.name === sheet)) continue;
    const c = entry(sheet, address);
    staleFill(c, k);
    if (!Object.keys(c.after).length) byKey.delete(k);
  }

  return [...byKey.values()].filter((c) => Object.keys(c.after).length > 0);
}

/** A string Excel would turn into a number, boolean or formula goes in with the text prefix. */
export function literal(v: string | number | boolean | null | undefined): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return v;
  if (/^[=+\-@']/.test(v) || /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?%?\s*$/.test(v) || /^(true|false)$/i.test(v) || /^#/.test(v)) return `'${v}`;
  return v;
}

/**
 * Queues one cell's changes: number format before the value (so the value is read under it), fill,
 * then the note. `currentNote` is the note on the cell when the batch runs.
 */
export function queueCellState(
  context: Excel.RequestContext,
  sheets: Map<string, Excel.Worksheet>,
  kind: AnnotationKind | null,
  sheet: string,
  address: string,
  next: CellState,
  currentNote: string | null,
): void {
  let ws = sheets.get(sheet);
  if (!ws) {
    ws = context.workbook.worksheets.getItem(sheet);
    sheets.set(sheet, ws);
  }
  const range = ws.getRange(address);
  if ('numberFormat' in next && next.numberFormat !== undefined) range.numberFormat = [[next.numberFormat]];
  if ('value' in next || 'formula' in next) {
    if (next.formula) range.formulas = [[`=${next.formula}`]];
    else range.values = [[literal(next.value)]];
  }
  if ('fill' in next) {
    if (next.fill) range.format.fill.color = next.fill;
    else range.format.fill.clear();
  }
  if ('note' in next && kind && (next.note ?? null) !== currentNote) {
    // The documented address forms only: notes through the sheet's own collection with a bare "A1"
    // (NoteCollection.getItem takes a cell address string), comments through the Range object
    // (a comment string address must carry the sheet, a Range needs no quoting of its name).
    const bare = address.replace(/\$/g, '');
    const existing = () => (kind === 'notes' ? ws.notes.getItem(bare) : context.workbook.comments.getItemByCell(range));
    if (currentNote === null) {
      if (kind === 'notes') ws.notes.add(range, next.note);
      else context.workbook.comments.add(range, next.note ?? '');
    }
    else if (next.note === null || next.note === undefined) existing().delete();
    else existing().content = next.note;
  }
}

/** Queues every change of a scoring (after the backup, in the same batch). */
export function queueChanges(context: Excel.RequestContext, changes: CellChange[], kind: AnnotationKind | null): void {
  const sheets = new Map<string, Excel.Worksheet>();
  for (const c of changes) queueCellState(context, sheets, kind, c.sheet, c.address, c.after, c.current.note ?? null);
}
