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
  /** The value as displayed ("66%", "满分"), when known. */
  text?: string;
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
  /** True when every issue of the cell is resolved by this plan's own write there (shown green). */
  corrected?: boolean;
  /** Fill colour #RRGGBB for the severity (CORRECTED_FILL when corrected). */
  fill: string;
  /** The note text: every message for that cell, one per line. */
  note: string;
}

export interface WritePlan {
  writes: CellWrite[];
  marks: CellMark[];
}

/**
 * Fills by meaning, each colour one meaning (the pane's and the report's legend say the same): red an error
 * to fix, yellow a value to fill in or check, blue a hint. Excel's own "bad/neutral" styles, light enough to
 * keep the text readable.
 */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
};

/** A cell whose issue this scoring resolved by writing the computed value (Excel's "good" green). */
export const CORRECTED_FILL = '#C6EFCE';

/** Every fill the add-in puts on a cell, so a later run and 清除标记 can tell ours from the user's. */
export const OUR_FILLS: readonly string[] = [...Object.values(SEVERITY_FILL), CORRECTED_FILL];

/** The legend, in the order the pane and the report show it. */
export const FILL_LEGEND: readonly { fill: string; label: string }[] = [
  { fill: CORRECTED_FILL, label: '已自动更正（评分写入的计算值）' },
  { fill: SEVERITY_FILL.warning, label: '请填写或核对' },
  { fill: SEVERITY_FILL.error, label: '错误，须改正' },
  { fill: SEVERITY_FILL.info, label: '提示' },
];

/** Prefix of every note the add-in writes, so a later run can tell its own notes from the user's. */
export const NOTE_PREFIX = '【绩效自评助手】';
