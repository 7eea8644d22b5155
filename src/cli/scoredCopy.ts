/** Writes a scored copy of a workbook: the write plan applied, extra sheets added, the input untouched. */
import { planWrites } from '../core/engine';
import { applyPlan, type ApplySummary } from './applyPlan';
import { addExtraSheets, type ScoredCopyInput } from './extraSheets';
import { writeFileAtomic } from './writeFileAtomic';

/**
 * Applies the plan to the (already loaded) workbook and writes it to `output` through a temporary
 * file, so a failed write never leaves half a workbook behind.
 */
export async function writeScoredCopy(input: ScoredCopyInput, output: string): Promise<ApplySummary> {
  const plan = planWrites(input.result, input.grids, input.profile);
  const summary = applyPlan(input.workbook, plan);
  await addExtraSheets(input);
  await writeFileAtomic(output, (await input.workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return summary;
}
