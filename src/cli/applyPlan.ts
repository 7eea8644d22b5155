/**
 * The exceljs applier of the engine's write plan (the Office.js applier in src/excel takes the same plan):
 * values and number formats, issue fills and notes, and removal of our stale marks from an earlier run.
 */
import * as ExcelJS from 'exceljs';
import type { RawValue } from '../core/grid';
import { OUR_FILLS, type CellMark, type WritePlan } from '../core/writePlan';
import { dateToSerial } from './readWorkbook';
import { composeNote, ourNoteText, ourPartStart, splitNote } from '../core/noteText';
import { cellText } from '../core/xmlText';

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

/** Thrown when a plan names a sheet the workbook lacks (plan and workbook out of step). */
export class ApplyPlanError extends Error {}

const OUR_FILL_ARGB = new Set(OUR_FILLS.map(hexToArgb));

/** '#FFC7CE' → 'FFFFC7CE' (opaque ARGB as exceljs stores colours). */
export function hexToArgb(hex: string): string {
  return `FF${hex.replace(/^#/, '').toUpperCase()}`;
}

/** 'FFFFC7CE' → '#FFC7CE'. */
export function argbToHex(argb: string): string {
  return `#${argb.slice(-6).toUpperCase()}`;
}

/** Applies the plan in place. Never touches a cell the plan does not name, except to remove our own stale marks. */
export function applyPlan(workbook: ExcelJS.Workbook, plan: WritePlan): ApplySummary {
  const summary: ApplySummary = { written: 0, keptFormulas: 0, marked: 0, cleared: 0 };
  const sheet = (name: string): ExcelJS.Worksheet => {
    const ws = workbook.getWorksheet(name);
    if (!ws) throw new ApplyPlanError(`写回失败：工作簿中没有工作表“${name}”（sheet not found）`);
    return ws;
  };

  for (const w of plan.writes) {
    const cell = sheet(w.sheet).getCell(w.address);
    if (w.keepFormula && cell.type === ExcelJS.ValueType.Formula) {
      summary.keptFormulas++;
    } else {
      cell.value = typeof w.value === 'string' ? cellText(w.value) : w.value;
      summary.written++;
    }
    if (w.numberFormat && cell.numFmt !== w.numberFormat) setStyle(cell, { numFmt: w.numberFormat });
  }

  const marked = new Set<string>();
  for (const m of plan.marks) {
    const cell = sheet(m.sheet).getCell(m.address);
    markCell(cell, m);
    marked.add(key(m.sheet, cell.address));
    summary.marked++;
  }

  workbook.eachSheet((ws) => {
    forEachNotedCell(ws, (cell) => {
      if (marked.has(key(ws.name, cell.address))) return;
      if (clearOurMark(cell)) summary.cleared++;
    });
  });
  return summary;
}

function key(sheet: string, address: string): string {
  return `${sheet}!${address}`;
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

function markCell(cell: ExcelJS.Cell, mark: CellMark): void {
  setStyle(cell, { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: hexToArgb(mark.fill) } } });
  setNote(cell, composeNoteValue(cell.note, cellText(ourNoteText(mark))));
}

/** Removes our note (keeping the user's) and our fill; true when the cell carried a mark of ours. */
function clearOurMark(cell: ExcelJS.Cell): boolean {
  const text = noteText(cell.note);
  if (text === null || splitNote(text).ours === null) return false;
  setNote(cell, composeNoteValue(cell.note, null));
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (fill && fill.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb && OUR_FILL_ARGB.has(fill.fgColor.argb.toUpperCase())) {
    setStyle(cell, { fill: undefined });
  }
  return true;
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
