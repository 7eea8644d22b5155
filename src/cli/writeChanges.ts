/**
 * The exceljs translator of core's change list (src/core/changeList.ts), the CLI's twin of the Office.js
 * one in src/excel: each cell change becomes exceljs assignments, and the backup core decided is written
 * into the very-hidden backup sheet, so a scored copy is the workbook 一键评分 would have produced.
 * What to change was decided in core; nothing is decided here.
 */
import * as ExcelJS from 'exceljs';
import type { RawValue } from '../core/grid';
import { fromA1, type Grid } from '../core/grid';
import { BACKUP_SHEET, backupRows, type Backup, type CellState as ChangeState } from '../core/backup';
import { planChanges, type Annotation, type CellChange, type WorkbookState } from '../core/changeList';
import { placeBackup } from '../core/backupPlacement';
import type { WritePlan } from '../core/writePlan';
import { dateToSerial, readWorkbook } from './readWorkbook';
import { composeNote, ourPartStart, splitNote } from '../core/noteText';
import { cellText } from '../core/xmlText';

/** Thrown when a change names a sheet the workbook lacks (change list and workbook out of step). */
export class ApplyPlanError extends Error {}

/** '#FFC7CE' → 'FFFFC7CE' (opaque ARGB as exceljs stores colours). */
export function hexToArgb(hex: string): string {
  return `FF${hex.replace(/^#/, '').toUpperCase()}`;
}

/** 'FFFFC7CE' → '#FFC7CE'. */
export function argbToHex(argb: string): string {
  return `#${argb.slice(-6).toUpperCase()}`;
}

/**
 * exceljs shares one style object among every cell read with the same style id, so mutating
 * cell.numFmt or cell.fill would repaint unrelated cells: give the cell its own copy first.
 */
function setStyle(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style>): void {
  const next = { ...(cell.style ?? {}), ...patch } as Partial<ExcelJS.Style> & Record<string, unknown>;
  for (const k of Object.keys(patch)) if ((patch as Record<string, unknown>)[k] === undefined) delete next[k];
  cell.style = next as ExcelJS.Style;
}

type NoteValue = string | ExcelJS.Comment | undefined;

/** Plain text of an exceljs note (a string, or rich text runs as read from a file). */
export function noteText(note: NoteValue | null): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  if (!Array.isArray(texts)) return null;
  return texts.map((t) => t.text ?? '').join('');
}

/**
 * The next note value with ours replaced (or removed when `ours` is null). A user's rich-text
 * note keeps its runs and formatting; ours is appended as one more run.
 */
function composeNoteValue(note: NoteValue, ours: string | null): NoteValue {
  if (note === undefined || typeof note === 'string') return composeNote(note, ours) ?? undefined;
  const texts = (note as { texts?: ExcelJS.RichText[] }).texts;
  if (!Array.isArray(texts)) return ours ?? undefined;
  const cut = ourPartStart(texts.map((t) => t.text ?? '').join(''));
  const userRuns: ExcelJS.RichText[] = [];
  let offset = 0;
  for (const run of texts) {
    const t = run.text ?? '';
    if (cut >= 0 && offset + t.length > cut) {
      if (cut > offset) userRuns.push({ ...run, text: t.slice(0, cut - offset) });
      break;
    }
    userRuns.push(run);
    offset += t.length;
  }
  // Trim the separator we put between their text and ours.
  while (userRuns.length > 0) {
    const last = userRuns[userRuns.length - 1];
    const trimmed = last.text.replace(/\s+$/, '');
    if (trimmed !== '') {
      userRuns[userRuns.length - 1] = { ...last, text: trimmed };
      break;
    }
    userRuns.pop();
  }
  if (userRuns.length === 0) return ours ?? undefined;
  const runs = ours === null ? userRuns : [...userRuns, { text: `\n${ours}` }];
  return { ...(note as object), texts: runs } as ExcelJS.Comment;
}

function setNote(cell: ExcelJS.Cell, note: NoteValue): void {
  if (note === undefined) {
    // exceljs has no public way to delete a note, and a cell read from a file also keeps the note
    // in its value model, which the writer falls back to: clear both.
    const internals = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
    internals._comment = undefined;
    if (internals._value?.model && 'comment' in internals._value.model) delete internals._value.model.comment;
  } else {
    cell.note = note;
  }
}

/** Visits every cell that carries a note, including empty cells (which eachCell would skip). */
function forEachNotedCell(ws: ExcelJS.Worksheet, visit: (cell: ExcelJS.Cell) => void): void {
  const rows = (ws as unknown as { _rows?: (ExcelJS.Row | undefined)[] })._rows;
  if (Array.isArray(rows)) {
    for (const row of rows) {
      const cells = row && (row as unknown as { _cells?: (ExcelJS.Cell | undefined)[] })._cells;
      if (!Array.isArray(cells)) continue;
      for (const c of cells) if (c && c.note !== undefined) visit(c);
    }
    return;
  }
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => {
      if (c.note !== undefined) visit(c);
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Read-back, for tests and the parity check against the Office.js applier

export interface CellState {
  address: string;
  /** Raw value (a formula's cached result; dates as serials). */
  value: RawValue;
  formula?: string;
  numFmt: string | null;
  /** Solid fill colour as #RRGGBB, or null. */
  fill: string | null;
  /** Note as plain text, or null. */
  note: string | null;
}

/** What a set of cells holds now: value, formula, number format, fill and note. */
export function snapshotCells(ws: ExcelJS.Worksheet, addresses: string[]): CellState[] {
  return addresses.map((address) => {
    const cell = ws.getCell(address);
    const state: CellState = {
      address,
      value: rawOf(cell.value),
      numFmt: cell.numFmt || null,
      fill: fillHex(cell),
      note: noteText(cell.note),
    };
    if (cell.type === ExcelJS.ValueType.Formula && cell.formula) state.formula = cell.formula.replace(/^=/, '');
    return state;
  });
}

function fillHex(cell: ExcelJS.Cell): string | null {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid' || !fill.fgColor?.argb) return null;
  return argbToHex(fill.fgColor.argb);
}

function rawOf(v: ExcelJS.CellValue): RawValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v !== 'object') return v;
  if ('error' in v) return { error: String(v.error) };
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : String(v.text);
  if ('formula' in v || 'sharedFormula' in v) {
    const r = (v as ExcelJS.CellFormulaValue).result;
    if (r === undefined || r === null) return null;
    if (r instanceof Date) return dateToSerial(r);
    if (typeof r === 'object') return 'error' in r ? { error: String(r.error) } : null;
    return r;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The workbook as core's host-neutral state, and the change list applied

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new ApplyPlanError(`写回失败：工作簿中没有工作表“${name}”（sheet not found）`);
  return ws;
}

/** The loaded workbook as core's WorkbookState (exceljs knows every cell's fill and note). */
export function exceljsState(workbook: ExcelJS.Workbook, grids: Grid[], backup: Backup | null): WorkbookState {
  const notes: Annotation[] = [];
  workbook.eachSheet((ws) => {
    if (ws.name === BACKUP_SHEET) return;
    forEachNotedCell(ws, (cell) => {
      const content = noteText(cell.note);
      if (content !== null) notes.push({ sheet: ws.name, address: cell.address, content });
    });
  });
  return {
    grids,
    fillAt: (sheet, address) => {
      const ws = workbook.getWorksheet(sheet);
      if (!ws) return undefined;
      const { row, col } = fromA1(address);
      const cell = ws.findCell(row + 1, col + 1);
      return cell ? fillHex(cell) : null;
    },
    notes,
    annotationKind: 'notes',
    backup,
  };
}

/** The note a change asks for, keeping a user's rich-text runs where their part is unchanged. */
function nextNote(cell: ExcelJS.Cell, next: string | null): NoteValue {
  if (next === null) return composeNoteValue(cell.note, null);
  const now = noteText(cell.note);
  const ours = splitNote(next).ours;
  // Every text written is made XML-safe and cut at Excel's 32,767 (cellText), or the copy would not open.
  if (now !== null && splitNote(now).user === splitNote(next).user) return composeNoteValue(cell.note, ours === null ? null : cellText(ours));
  return cellText(next);
}

/** Applies one cell's changed fields, as core decided them. */
export function applyCellState(ws: ExcelJS.Worksheet, address: string, next: ChangeState): void {
  const cell = ws.getCell(address);
  if ('numberFormat' in next && next.numberFormat !== undefined) {
    if (cell.numFmt !== next.numberFormat) setStyle(cell, { numFmt: next.numberFormat === 'General' ? undefined : next.numberFormat });
  }
  if ('value' in next || 'formula' in next) {
    if (next.formula) cell.value = { formula: next.formula, result: (next.value ?? undefined) as ExcelJS.CellFormulaValue['result'] } as ExcelJS.CellFormulaValue;
    else cell.value = typeof next.value === 'string' ? cellText(next.value) : (next.value ?? null);
  }
  if ('fill' in next) {
    setStyle(cell, { fill: next.fill ? { type: 'pattern', pattern: 'solid', fgColor: { argb: hexToArgb(next.fill) } } : undefined });
  }
  if ('note' in next) setNote(cell, nextNote(cell, next.note ?? null));
}

/** Applies a change list in place. */
export function applyChanges(workbook: ExcelJS.Workbook, changes: CellChange[]): void {
  for (const c of changes) applyCellState(sheetOf(workbook, c.sheet), c.address, c.after);
}

/**
 * Writes the backup into the very-hidden backup sheet (created when missing), or removes the sheet when
 * there is nothing left to back up. exceljs writes `state: 'veryHidden'` as Excel does.
 */
export function writeBackupSheet(workbook: ExcelJS.Workbook, backup: Backup | null): void {
  const existing = workbook.getWorksheet(BACKUP_SHEET);
  if (!backup) {
    if (existing) workbook.removeWorksheet(existing.id);
    return;
  }
  const ws = existing ?? workbook.addWorksheet(BACKUP_SHEET, { state: 'veryHidden' });
  ws.state = 'veryHidden';
  const rows = backupRows(backup);
  const old = ws.rowCount;
  rows.forEach((r, i) => (ws.getCell(i + 1, 1).value = r));
  for (let i = rows.length + 1; i <= old; i++) ws.getCell(i, 1).value = null;
}

export interface ApplySummary {
  /** Cells whose value was written. */
  written: number;
  /** Cells whose formula was kept (format only). */
  keptFormulas: number;
  /** Cells marked with a fill and a note. */
  marked: number;
  /** Cells whose stale mark of ours was removed. */
  cleared: number;
}

/** What a change list did, counted the way the CLI reports it. */
export function summarize(plan: WritePlan, changes: CellChange[], grids: Grid[]): ApplySummary {
  const marked = new Set(plan.marks.map((m) => `${m.sheet}!${m.address}`));
  const formulaAt = (sheet: string, address: string) => {
    const { row, col } = fromA1(address);
    return !!grids.find((g) => g.name === sheet)?.cells[row]?.[col]?.formula;
  };
  return {
    written: changes.filter((c) => 'value' in c.after).length,
    keptFormulas: plan.writes.filter((w) => w.keepFormula && formulaAt(w.sheet, w.address)).length,
    marked: plan.marks.length,
    cleared: changes.filter((c) => !marked.has(`${c.sheet}!${c.address}`) && 'note' in c.after).length,
  };
}

/**
 * A hand-made write plan applied as core's change list (tests and tools that hold a plan, not a
 * scoring): core plans the field changes against the workbook, this applies them.
 */
export function applyPlan(workbook: ExcelJS.Workbook, plan: WritePlan, backup: Backup | null = null): ApplySummary {
  for (const x of [...plan.writes, ...plan.marks]) sheetOf(workbook, x.sheet);
  const grids = readWorkbook(workbook);
  const state = exceljsState(workbook, grids, backup);
  const changes = planChanges(plan, state, placeBackup(backup, grids));
  applyChanges(workbook, changes);
  return summarize(plan, changes, grids);
}
