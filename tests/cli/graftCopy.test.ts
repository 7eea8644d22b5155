/**
 * The scored copy of a workbook read only in part: the big data sheet is put back byte for byte, the
 * table sheet and the report sheet are what the ordinary copy (the whole workbook through exceljs)
 * holds, cell by cell (values, formulas, number formats, fills, notes), and every XML part parses.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { evaluateWorkbook } from '../../src/core/engine';
import { NATIONAL_PROFILE } from '../../src/core/profile';
import { readWorkbookFile } from '../../src/cli/readWorkbook';
import { scoreIntoWorkbook, writeScoredCopy } from '../../src/cli/scoredCopy';
import { graftObstacle, writeGraftedCopy } from '../../src/cli/graftCopy';
import { snapshotCells } from '../../src/cli/applyPlan';
import { requireBuiltCli } from '../batch/helpers';

jest.setTimeout(180_000);

let tmp: string;
const ROWS = 12_000;

beforeAll(async () => {
  requireBuiltCli(); // the generator writes through the compiled zip writer
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-graft-'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { writeBigWorkbook } = require('../../scripts/bigWorkbook.js') as { writeBigWorkbook: (f: string, r: number, c: number) => Promise<void> };
  await writeBigWorkbook(path.join(tmp, 'big.xlsx'), ROWS, 16);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const addresses = (ws: ExcelJS.Worksheet) => {
  const out: string[] = [];
  for (let r = 1; r <= Math.max(ws.rowCount, 1); r++) for (let c = 1; c <= Math.max(ws.columnCount, 1); c++) out.push(ws.getCell(r, c).address);
  return out;
};

async function xmlProblems(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const problems: string[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir || !/\.(xml|rels|vml)$/i.test(name)) continue;
    const parser = new SaxesParser();
    parser.on('error', (e) => void problems.push(`${name}: ${e.message}`));
    parser.write(await zip.files[name].async('string')).close();
  }
  return problems;
}

it('keeps the big sheet byte for byte and writes the table and report sheets as the ordinary copy does', async () => {
  const file = path.join(tmp, 'big.xlsx');
  const loaded = await readWorkbookFile(file);
  expect(loaded.partial.map((p) => p.sheet)).toEqual(['资金明细']);
  const result = { file, ...evaluateWorkbook(loaded.grids, NATIONAL_PROFILE) };
  const grafted = path.join(tmp, 'grafted.xlsx');
  // With the shared strings the table sheet uses (as the CLI passes them): exceljs gets the rest emptied.
  expect(loaded.stringsUsed!.size).toBeGreaterThan(0);
  expect(loaded.stringsUsed!.size).toBeLessThan(100);
  await writeGraftedCopy(
    file,
    loaded.partial,
    grafted,
    async (workbook) => {
      await scoreIntoWorkbook({ workbook, result, grids: loaded.grids, profile: NATIONAL_PROFILE });
    },
    loaded.stringsUsed,
  );
  const ordinary = path.join(tmp, 'ordinary.xlsx');
  await writeScoredCopy({ workbook: await loaded.open(), result, grids: loaded.grids, profile: NATIONAL_PROFILE }, ordinary);

  expect(await xmlProblems(grafted)).toEqual([]);
  const [src, g] = await Promise.all([file, grafted].map(async (f) => JSZip.loadAsync(fs.readFileSync(f))));
  expect(await g.file('xl/worksheets/sheet2.xml')!.async('string')).toBe(await src.file('xl/worksheets/sheet90.xml')!.async('string'));
  expect(await g.file('xl/sharedStrings.xml')!.async('string')).toBe(await src.file('xl/sharedStrings.xml')!.async('string'));

  const a = new ExcelJS.Workbook();
  await a.xlsx.readFile(grafted);
  const b = new ExcelJS.Workbook();
  await b.xlsx.readFile(ordinary);
  expect(a.worksheets.map((w) => w.name)).toEqual(b.worksheets.map((w) => w.name));
  for (const name of ['自评表', '绩效自评报告']) {
    const wa = a.getWorksheet(name)!;
    const wb = b.getWorksheet(name)!;
    const cells = addresses(wb);
    // An empty string cell reads back as "" from a shared string and as null from an inline one; Excel shows both as empty.
    const snap = (ws: ExcelJS.Worksheet) => snapshotCells(ws, cells).map((c) => (c.value === '' ? { ...c, value: null } : c));
    expect(snap(wa)).toEqual(snap(wb));
    // Fonts, borders and alignment too: the appended styles keep what exceljs wrote.
    for (const at of cells) expect([at, wa.getCell(at).style]).toEqual([at, wb.getCell(at).style]);
    expect(wa.model.merges).toEqual(wb.model.merges);
  }
  const data = a.getWorksheet('资金明细')!;
  expect(data.rowCount).toBe(ROWS);
  expect(data.getCell(`C${ROWS}`).value).toBe(`支付第${ROWS - 1}笔日常运转支出`);
  expect(data.getRow(ROWS).values).toEqual(b.getWorksheet('资金明细')!.getRow(ROWS).values);
});

it('refuses to graft a big sheet that holds the table, or one with parts of its own, saying which', async () => {
  const seed = path.join(__dirname, '..', 'fixtures', 'xincheng-12345-2023.xlsx');
  const loaded = await readWorkbookFile(seed, 'seed.xlsx', { limits: { cellsPerSheet: 20 } });
  expect(loaded.partial).toEqual([expect.objectContaining({ sheet: '自评表', reason: 'cell-limit' })]);
  expect(graftObstacle(seed, loaded.partial, ['自评表'])).toBe('工作表“自评表”上有自评表，评分要写入其中');

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(seed);
  wb.worksheets[0].getCell('K1').note = '批注';
  const noted = path.join(tmp, 'noted.xlsx');
  await wb.xlsx.writeFile(noted);
  expect(graftObstacle(noted, [{ sheet: '自评表', part: 'xl/worksheets/sheet1.xml', rowsRead: 1, reason: 'cell-limit' }], [])).toMatch(/自评表.*关联部件/);
});
