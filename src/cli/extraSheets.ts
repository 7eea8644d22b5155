/**
 * Hook for sheets added to a scored copy (--out / --out-dir) after the write plan is applied:
 * the report engineer adds the 评分报告 sheet here (a SheetSpec applied with applySheetSpec).
 */
import type * as ExcelJS from 'exceljs';
import type { Grid } from '../core/grid';
import type { RuleProfile } from '../core/profile';
import type { WorkbookResult } from '../core/result';

export interface ScoredCopyInput {
  workbook: ExcelJS.Workbook;
  result: WorkbookResult;
  grids: Grid[];
  profile: RuleProfile;
}

/** Adds extra sheets to the scored copy: one 绩效自评报告 sheet per table. */
export async function addExtraSheets(input: ScoredCopyInput): Promise<void> {
  // Loaded only when a copy is written: the report code pulls in docx, which plain scoring never needs.
  const { addReportSheets } = await import('./report');
  addReportSheets(input.workbook, input.result, input.profile);
}
