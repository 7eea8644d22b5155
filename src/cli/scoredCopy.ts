/** Writes a scored copy of a workbook: the write plan applied, extra sheets added, the input untouched. */
import * as fs from 'fs';
import * as path from 'path';
import { planWrites } from '../core/engine';
import { applyPlan, type ApplySummary } from './applyPlan';
import { addExtraSheets, type ScoredCopyInput } from './extraSheets';

/**
 * Applies the plan to the (already loaded) workbook and writes it to `output` through a temporary
 * file, so a failed write never leaves half a workbook behind.
 */
export async function writeScoredCopy(input: ScoredCopyInput, output: string): Promise<ApplySummary> {
  const plan = planWrites(input.result, input.grids, input.profile);
  const summary = applyPlan(input.workbook, plan);
  await addExtraSheets(input);
  const buffer = await input.workbook.xlsx.writeBuffer();
  await fs.promises.mkdir(path.dirname(path.resolve(output)), { recursive: true });
  const tmp = `${output}.${process.pid}.tmp`;
  try {
    await fs.promises.writeFile(tmp, Buffer.from(buffer as ArrayBuffer));
    await fs.promises.rename(tmp, output);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
  return summary;
}
