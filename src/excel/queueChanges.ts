/**
 * The Office.js translator of core's change list (src/core/changeList.ts): each cell change becomes
 * property assignments queued in one batch. What to change was decided in core; nothing is decided here.
 */
import type { CellState } from '../core/backup';
import type { CellChange } from '../core/changeList';
import type { WorkbookState } from '../core/changeList';
import { cellKey } from '../core/address';
import { cellLiteral } from '../core/cellLiteral';
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


/**
 * What the batch knows of the cells' annotations: each cell's note or comment now (with its kind), the kind a
 * mark takes on a cell with neither, and the kinds that could be read at all.
 */
export type AnnotationTarget = Pick<WorkbookSnapshot, 'annotations' | 'annotationKind' | 'annotationsRead'>;

/** A threaded comment to add after the batch, on a cell that may hold a note nobody could read (below ExcelApi 1.18). */
export interface DeferredComment {
  sheet: string;
  address: string;
  content: string;
}

/**
 * Queues one cell's changes: number format before the value (so the value is read under it), fill,
 * then the note. The note goes through the kind the cell already carries — a legacy note stays a note,
 * a threaded comment a comment — and a cell with neither gets `target.annotationKind`: Excel gives a cell one
 * or the other, never both (Microsoft Learn, "Range.AddCommentThreaded method (Excel)": adds a threaded
 * comment "if no comment already exists"; "Work with notes using the Excel JavaScript API" and "The difference
 * between threaded comments and notes"). A comment added where notes could not be read is returned in
 * `deferred` instead: the cell may hold an unseen note, and a refused add must not stop the batch.
 */
export function queueCellState(
  context: Excel.RequestContext,
  sheets: Map<string, Excel.Worksheet>,
  target: AnnotationTarget,
  sheet: string,
  address: string,
  next: CellState,
  deferred: DeferredComment[] = [],
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
    else range.values = [[cellLiteral(next.value)]];
  }
  if ('fill' in next) {
    if (next.fill) range.format.fill.color = next.fill;
    else range.format.fill.clear();
  }
  const bare = address.replace(/\$/g, '').toUpperCase();
  const current = target.annotations?.get(cellKey(sheet, bare)) ?? null;
  const wanted = next.note ?? null;
  if (!('note' in next) || !target.annotationKind || wanted === (current?.content ?? null)) return;
  // The documented address forms only: notes through the sheet's own collection with a bare "A1"
  // (NoteCollection.getItem takes a cell address string), comments through the Range object
  // (a comment string address must carry the sheet, a Range needs no quoting of its name).
  if (current) {
    const item = current.kind === 'notes' ? ws.notes.getItem(bare) : context.workbook.comments.getItemByCell(range);
    if (wanted === null) item.delete();
    else item.content = wanted;
  } else if (wanted !== null) {
    if (target.annotationKind === 'notes') ws.notes.add(range, wanted);
    else if (!target.annotationsRead.includes('notes')) deferred.push({ sheet, address: bare, content: wanted });
    else context.workbook.comments.add(range, wanted);
  }
}

/**
 * Queues every change of a scoring, undo or clearing (after the backup, in the same batch); returns the
 * comments to add once the batch has gone through (addDeferredComments).
 */
export function queueChanges(context: Excel.RequestContext, changes: CellChange[], target: AnnotationTarget): DeferredComment[] {
  const sheets = new Map<string, Excel.Worksheet>();
  const deferred: DeferredComment[] = [];
  for (const c of changes) queueCellState(context, sheets, target, c.sheet, c.address, c.after, deferred);
  return deferred;
}
