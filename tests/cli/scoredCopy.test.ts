/**
 * `--out` copies carry the backup (CONTRACT.md): the copy holds the very-hidden backup sheet, `jixiao score
 * COPY --json` reports the issues the scoring resolved as corrected, and scoring the copy again changes
 * nothing. Runs the CLI in process (run()), on the seed.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import type { WorkbookResult } from '../../src/core/result';

const SEED = path.join(__dirname, '..', 'fixtures', 'xincheng-12345-2023.xlsx');
let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-copy-'));
  fs.copyFileSync(SEED, path.join(tmp, 'seed.xlsx'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function jixiao(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => void (out += t), err: (t) => void (err += t), stdoutIsTTY: false, stderrIsTTY: false, cwd: tmp });
  return { code, out, err };
}

test('score --out, then score COPY --json: the backup travels, resolved issues read as corrected', async () => {
  const before = fs.readFileSync(path.join(tmp, 'seed.xlsx'));
  const scored = await jixiao('score', 'seed.xlsx', '--out', 'copy.xlsx', '--json');
  expect(scored.code).toBe(0);
  expect(fs.readFileSync(path.join(tmp, 'seed.xlsx')).equals(before)).toBe(true);
  const original = JSON.parse(scored.out) as WorkbookResult;
  expect(original.tables[0].issues.every((i) => i.status === 'open')).toBe(true);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(tmp, 'copy.xlsx'));
  expect(wb.getWorksheet('_jixiao_backup')?.state).toBe('veryHidden');

  const again = await jixiao('score', 'copy.xlsx', '--json');
  expect(again.code).toBe(0);
  const copy = JSON.parse(again.out) as WorkbookResult;
  const status = (code: string, cell: string) => copy.tables[0].issues.find((i) => i.code === code && i.cell === cell)?.status;
  // The same issues as on the original (the engine reads the user's values behind the written ones)…
  expect(copy.tables[0].issues.map((i) => [i.code, i.cell])).toEqual(original.tables[0].issues.map((i) => [i.code, i.cell]));
  // …and those a written value resolved are corrected; the rest stand.
  expect(status('RATE_MISMATCH', 'H6')).toBe('corrected');
  expect(status('SCORE_MISMATCH', 'H16')).toBe('corrected');
  // The total is not written while WEIGHT_SUM (an error) stands, so its mismatch is still the user's.
  expect(status('TOTAL_MISMATCH', 'H21')).toBe('open');
  expect(status('WEIGHT_SUM', 'B13')).toBe('open');
  expect(status('VAGUE_ACTUAL', 'F20')).toBe('open');

  // Scoring the scored copy again writes the same workbook content (no drift, backup kept).
  const twice = await jixiao('score', 'copy.xlsx', '--out', 'copy2.xlsx');
  expect(twice.code).toBe(0);
  const wb2 = new ExcelJS.Workbook();
  await wb2.xlsx.readFile(path.join(tmp, 'copy2.xlsx'));
  const cells = (w: ExcelJS.Workbook) => {
    const out: Record<string, unknown> = {};
    w.getWorksheet('自评表')!.eachRow((row) => row.eachCell((c) => (out[c.address] = [c.value, c.numFmt, JSON.stringify(c.fill ?? null), c.note ?? null])));
    return out;
  };
  expect(cells(wb2)).toEqual(cells(wb));
});
