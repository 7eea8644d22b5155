/**
 * The Office.js translator of core's change list (src/core/changeList.ts): each cell change becomes
 * property assignments queued in one batch. What to change was decided in core; nothing is decided here.
 */
import type { AnnotationKind } from '../core/backup';
import type { CellState } from '../core/backup';
import type { CellChange } from '../core/changeList';
import type { WorkbookState } from '../core/changeList';
import { cellKey } from '../core/address';
import type { WorkbookSnapshot } from './readGrids';

/** The snapshot as core's host-neutral workbook state. */
export function workbookState(snap: WorkbookSnapshot, backup: WorkbookState['backup']): WorkbookState {
  return {
    grids: snap.grids,
    fillAt: (sheet, address) => snap.fills?.get(cellKey(sheet, address)),
    notes: snap.annotations ? [...snap.annotations.values()] : null,
    annotationKind: snap.annotationKind,
    backup,
  };
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
