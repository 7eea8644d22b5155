/** Writes a scored copy of a workbook: the write plan applied, extra sheets added, the input untouched. */
import * as ExcelJS from 'exceljs';
import { planWrites } from '../core/engine';
import { cellText, xmlSafe } from '../core/xmlText';
import { applyPlan, type ApplySummary } from './applyPlan';
import { addExtraSheets, type ScoredCopyInput } from './extraSheets';
import { writeFileAtomic } from './writeFileAtomic';
import { keepWhatExcelJSDrops } from './copyFidelity';

/**
 * Applies the plan to the (already loaded) workbook and writes it to `output` through a temporary
 * file, so a failed write never leaves half a workbook behind.
 */
export async function writeScoredCopy(input: ScoredCopyInput, output: string, original?: Buffer): Promise<CopyOutcome> {
  const summary = await scoreIntoWorkbook(input);
  const written = Buffer.from((await input.workbook.xlsx.writeBuffer()) as ArrayBuffer);
  // A macro-enabled name keeps the macros; an .xlsx cannot hold them (Excel refuses the file).
  const fidelity = original ? await keepWhatExcelJSDrops(original, written, { macros: /\.xl[st]m$/i.test(output) }) : { bytes: written, restored: [], lost: [] };
  await writeFileAtomic(output, fidelity.bytes);
  return { ...summary, restored: fidelity.restored, lost: fidelity.lost };
}

/** The scoring written into the loaded workbook: the plan applied, the extra sheets added, every text writable. */
export async function scoreIntoWorkbook(input: ScoredCopyInput): Promise<ApplySummary> {
  const plan = planWrites(input.result, input.grids, input.profile);
  const summary = applyPlan(input.workbook, plan);
  await addExtraSheets(input);
  makeTextsWritable(input.workbook);
  return summary;
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
