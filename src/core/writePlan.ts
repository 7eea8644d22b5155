/**
 * The write plan: every cell the engine wants written back, with what it replaces, and every mark
 * (fill + note) for a cell with an issue. Both appliers (Office.js and exceljs) take this one list.
 */
import type { RawValue } from './grid';
import type { Severity } from './result';

export type WriteRole = 'rate' | 'executionScore' | 'indicatorScore' | 'totalScore' | 'gradeLabel' | 'grade';

export interface CellSnapshot {
  value: RawValue;
  formula?: string;
  numberFormat?: string;
  /** Fill colour as #RRGGBB, when known. */
  fill?: string | null;
  /** A note already on the cell, when known. */
  note?: string | null;
}

export interface CellWrite {
  sheet: string;
  /** A1 address. */
  address: string;
  row: number;
  col: number;
  role: WriteRole;
  /** The value to write (already rounded as the profile says). */
  value: number | string;
  /** Number format to set ("0.00%" for 执行率, "0.00" for scores). */
  numberFormat?: string;
  /** What the cell held when the plan was made. */
  previous: CellSnapshot;
  /**
   * True when the cell's own formula already yields the value: the applier leaves the formula alone
   * (and only sets the number format if needed).
   */
  keepFormula?: boolean;
}

export interface CellMark {
  sheet: string;
  address: string;
  row: number;
  col: number;
  severity: Severity;
  /** Fill colour #RRGGBB for the severity. */
  fill: string;
  /** The note text: every message for that cell, one per line. */
  note: string;
}

export interface WritePlan {
  writes: CellWrite[];
  marks: CellMark[];
}

/** Fills by severity, light enough to keep the text readable (Excel's own "bad/neutral" styles). */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
};

/** Prefix of every note the add-in writes, so a later run can tell its own notes from the user's. */
export const NOTE_PREFIX = '【绩效自评助手】';
