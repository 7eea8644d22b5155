/**
 * Writes a scored copy of a workbook: core's change list applied, its backup stored in the very-hidden
 * backup sheet (so 撤销评分 in Excel restores the original from the copy), extra sheets added, the
 * input untouched.
 */
import { backupOfGrids, newBackupId } from '../core/backup';
import { planScoring, type ScoringPlan } from '../core/changeList';
import { planUndo, type UndoPlan, type UndoScope } from '../core/undoPlan';
import type * as ExcelJS from 'exceljs';
import { readWorkbook } from './readWorkbook';
import { applyChanges, exceljsState, writeBackupSheet } from './writeChanges';
import { addExtraSheets, type ScoredCopyInput } from './extraSheets';
import { writeFileAtomic } from './writeFileAtomic';

/** Core's scoring of the loaded workbook, applied in place (the copy's content, before it is saved). */
export function scoreInPlace(input: Omit<ScoredCopyInput, 'result'>): ScoringPlan {
  const decided = planScoring(exceljsState(input.workbook, input.grids, backupOfGrids(input.grids)), input.profile, newBackupId());
  applyChanges(input.workbook, decided.changes);
  if (decided.backup) writeBackupSheet(input.workbook, decided.backup);
  return decided;
}

/** 撤销评分 on a loaded workbook, as core decides it (what Excel's 撤销评分 does with the same backup). */
export function undoInPlace(workbook: ExcelJS.Workbook, scope?: UndoScope): UndoPlan {
  const grids = readWorkbook(workbook);
  const undo = planUndo(exceljsState(workbook, grids, backupOfGrids(grids)), scope);
  applyChanges(workbook, undo.changes);
  if (undo.found) writeBackupSheet(workbook, undo.remaining);
  return undo;
}

/**
 * Scores the (already loaded) workbook and writes it to `output` through a temporary file, so a
 * failed write never leaves half a workbook behind.
 */
export async function writeScoredCopy(input: ScoredCopyInput, output: string): Promise<ScoringPlan> {
  const decided = scoreInPlace(input);
  await addExtraSheets(input);
  await writeFileAtomic(output, (await input.workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return decided;
}
