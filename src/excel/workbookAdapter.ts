/**
 * What the pane and the ribbon commands ask of the open workbook. The Office.js implementation
 * lives beside this file; components and commands only ever see this interface.
 */
import type { RuleProfile } from '../core/profile';
import type { WorkbookResult } from '../core/result';
import type { Replacement } from '../core/replacements';
import type { WritePlan } from '../core/writePlan';
import type { UndoScope } from '../core/undoPlan';
import type { GeneratedSheet } from '../core/report/staleReports';

export interface ScoreOutcome {
  result: WorkbookResult;
  plan: WritePlan;
  /** Cells whose value changed (0 on a second, identical scoring). */
  changed: number;
  /** context.sync() calls this operation made. */
  syncs: number;
  /**
   * Set when nothing was written because the scoring would replace what the user typed (a text, a
   * differing number, a formula) that was not confirmed: the preview to show. Empty or absent otherwise.
   */
  pending?: Replacement[];
}

export interface ScoreOptions {
  /** Also select the grade (or total) cell, in the same batch (the ribbon's "see the result"). */
  select?: boolean;
  /**
   * The replacements the user saw in the preview and confirmed, as "sheet!A1" keys: a scoring writes
   * over user input only where it is listed here (anything new is shown again first). 'all': the caller
   * is not a user's click but a script or a test of the write mechanics, and answers for every replacement.
   */
  confirmed?: string[] | 'all';
}

/** The key of a confirmed replacement. */
export const replacementKey = (r: { sheet: string; address: string }): string => `${r.sheet}!${r.address}`;

/** Whether a scoring may write: every replacement of the user's input is among those confirmed. */
export function allConfirmed(replacements: Replacement[], confirmed: ScoreOptions['confirmed'] = []): boolean {
  if (confirmed === 'all') return true;
  const keys = new Set(confirmed);
  return replacements.every((r) => keys.has(replacementKey(r)));
}

export interface UndoOutcome {
  /** Cells restored from the backup; 0 when there was nothing to undo. */
  restored: number;
  syncs: number;
  /** Of those, cells whose value the user changed after the scoring: their value was kept. */
  kept?: number;
  /** Chinese: the cells not restored because their place could not be found, and why ('' when none). */
  message?: string;
  /** Report sheets generated from the numbers just undone (core's generatedSheets): stale now. */
  reports?: GeneratedSheet[];
}

export interface WorkbookAdapter {
  /** Read and evaluate; writes nothing. */
  analyze(profile?: RuleProfile): Promise<WorkbookResult>;
  /**
   * Read, evaluate, back up what will be overwritten, write results and marks.
   * `options.select`: also select the grade/total cell, in the same batch (the ribbon's 一键评分).
   */
  score(profile?: RuleProfile, options?: ScoreOptions): Promise<ScoreOutcome>;
  /**
   * Restore the cells the scoring changed, each where its thing is now (rows inserted or sorted, the sheet
   * renamed); only `scope`'s table when given. Cells that cannot be placed are kept and named in `message`.
   */
  undo(scope?: UndoScope): Promise<UndoOutcome>;
  /** Activate the sheet and select the cell (A1 address). */
  selectCell(sheet: string, address: string): Promise<void>;
  /** The rule profile saved with the workbook (national defaults when none, or when it is damaged). */
  loadProfile(): Promise<RuleProfile>;
  /**
   * After loadProfile: why the profile saved in the workbook could not be used (Chinese: a damaged
   * `_jixiao_settings` sheet, not JSON or out of range), so the national rules apply; null when it could.
   */
  readonly profileWarning?: string | null;
  saveProfile(profile: RuleProfile): Promise<void>;
  /** Name of the active sheet. */
  activeSheet(): Promise<string>;
  /** Calls back when the user activates another sheet; returns an unsubscribe function. */
  onSheetActivated(callback: (sheet: string) => void): Promise<() => void>;
  /**
   * Calls back when the user edits cells on any sheet: once per burst of edits, and only while the pane shows
   * (edits made while it is hidden are delivered once when it shows), so the pane re-checks on each call.
   * Returns an unsubscribe function.
   */
  onCellsChanged?(callback: (sheet: string) => void): Promise<() => void>;
  /**
   * 清除标记（定稿）: removes the add-in's fills, notes and the undo backup, keeping every value — the copy a
   * unit submits. Resolves with the number of cells cleaned.
   */
  clearMarks?(): Promise<{ cells: number; backupRemoved: boolean }>;
  /**
   * Optional capabilities: present only once the feature exists. The pane enables the matching
   * button when `typeof adapter.generateReport === 'function'` (and likewise for insertTemplate).
   */
  /** After an undo: delete the stale report sheets, or rename them （已过期）. */
  retireReports?(names: string[], how: 'delete' | 'mark'): Promise<{ sheets: string[]; message: string }>;
  /** Write the 绩效自评报告 (a report sheet or document); resolves with where it went, when known. */
  generateReport?(profile?: RuleProfile): Promise<{ sheet?: string; message?: string } | void>;
  /** Insert the blank 项目支出绩效自评表 template as a new sheet; resolves with its name, when known. */
  insertTemplate?(layout?: 'national' | 'transfer'): Promise<{ sheet?: string; message?: string } | void>;
  /** The report of the first (or named) table as a Word document, for a download. */
  reportDocx?(profile?: RuleProfile, sheet?: string): Promise<{ fileName: string; blob: Blob }>;
}

/** Undo keeps values the user typed after the scoring: say so, so nobody wonders why they stayed. */
export function keptNote(kept: number | undefined, message = ''): string {
  return (kept ? `其中 ${kept} 个单元格在评分后被改过，保留了改后的值，只撤销了底色和批注。` : '') + message;
}
