/**
 * Writes a scored copy of a workbook: core's change list applied, its backup stored in the very-hidden
 * backup sheet (so 撤销评分 in Excel restores the original from the copy), extra sheets added, every text
 * writable, the input untouched.
 */
import * as ExcelJS from 'exceljs';
import { backupOfGrids, newBackupId } from '../core/backup';
import { planScoring, type ScoringPlan } from '../core/changeList';
import { planUndo, type UndoPlan, type UndoScope } from '../core/undoPlan';
import { cellText, xmlSafe } from '../core/xmlText';
import { readWorkbook } from './readWorkbook';
import { applyChanges, exceljsState, summarize, writeBackupSheet, type ApplySummary } from './writeChanges';
import { addExtraSheets, type ScoredCopyInput } from './extraSheets';
import { writeFileAtomic } from './writeFileAtomic';
import { keepWhatExcelJSDrops } from './copyFidelity';

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
export async function writeScoredCopy(input: ScoredCopyInput, output: string, original?: Buffer): Promise<CopyOutcome> {
  const summary = await scoreIntoWorkbook(input);
  const written = Buffer.from((await input.workbook.xlsx.writeBuffer()) as ArrayBuffer);
  // A macro-enabled name keeps the macros; an .xlsx cannot hold them (Excel refuses the file).
  const fidelity = original ? await keepWhatExcelJSDrops(original, written, { macros: /\.xl[st]m$/i.test(output) }) : { bytes: written, restored: [], lost: [] };
  await writeFileAtomic(output, fidelity.bytes);
  return { ...summary, restored: fidelity.restored, lost: fidelity.lost };
}

/** The scoring written into the loaded workbook: core's changes and backup, the extra sheets added, every text writable. */
export async function scoreIntoWorkbook(input: ScoredCopyInput): Promise<ApplySummary> {
  const decided = scoreInPlace(input);
  await addExtraSheets(input);
  makeTextsWritable(input.workbook);
  return summarize(decided.plan, decided.changes, input.grids);
}

/** What writing the copy did: the plan's counts, the parts copied back from the original, the kinds of part the copy lacks. */
export interface CopyOutcome extends ApplySummary {
  restored: string[];
  lost: string[];
}

/**
 * Every text of the workbook made writable: exceljs writes strings as they are, so one character XML
 * forbids (a U+FFFE in a project name) or a text over Excel's 32,767 would make the copy unopenable.
 */
export function makeTextsWritable(workbook: ExcelJS.Workbook): void {
  workbook.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const v = cell.value;
        if (typeof v === 'string') {
          const safe = cellText(v);
          if (safe !== v) cell.value = safe;
        } else if (v && typeof v === 'object' && 'richText' in v && Array.isArray(v.richText)) {
          if (v.richText.some((r) => xmlSafe(r.text ?? '') !== r.text)) {
            cell.value = { richText: v.richText.map((r) => ({ ...r, text: xmlSafe(r.text ?? '') })) };
          }
        } else if (v && typeof v === 'object' && 'formula' in v && typeof (v as ExcelJS.CellFormulaValue).result === 'string') {
          const f = v as ExcelJS.CellFormulaValue;
          const safe = cellText(f.result as string);
          if (safe !== f.result) cell.value = { ...f, result: safe };
        }
      });
    });
  });
}
