/**
 * Every file the CLI writes parses as XML whatever text the inputs hold: random Unicode (U+FFFE,
 * U+FFFF, lone surrogates, C0 controls, astral characters, texts over 32,767) goes into the project
 * name, the department, an indicator's actual and the file name, and the scored copy (with its report
 * sheet), the summary workbook and the .docx are unzipped and every XML part parsed strictly.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import * as ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';
import { evaluateWorkbook } from '../../src/core/engine';
import { NATIONAL_PROFILE } from '../../src/core/profile';
import { draftReport } from '../../src/core/report/draft';
import { EXCEL_CELL_MAX_CHARS, cellText, xmlSafe } from '../../src/core/xmlText';
import { readWorkbook } from '../../src/cli/readWorkbook';
import { writeScoredCopy } from '../../src/cli/scoredCopy';
import { buildSummaryWorkbook, summaryEntry } from '../../src/cli/summaryWorkbook';
import { reportDocxBuffer } from '../../src/cli/report';
import { SEED } from '../batch/helpers';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

jest.setTimeout(180_000);

/** Well-formed UTF-16: every surrogate in a pair (Buffer round trip turns a lone one into U+FFFD). */
const wellFormed = (s: string) => Buffer.from(s, 'utf8').toString('utf8') === s;

const fromCodes = (codes: number[]) => codes.map((c) => (c <= 0xffff ? String.fromCharCode(c) : String.fromCodePoint(c))).join('');

/** Random Unicode weighted towards what XML forbids. */
const nastyText = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0x1f }),
      fc.constantFrom(0xfffe, 0xffff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0x7f, 0x85, 0x2028),
      fc.integer({ min: 0x20, max: 0xffff }),
      fc.integer({ min: 0x10000, max: 0x10ffff }),
      fc.integer({ min: 0x4e00, max: 0x9fa5 }),
    ),
    { minLength: 1, maxLength: 40 },
  )
  .map(fromCodes);

/** Every XML part of an OOXML package, strictly parsed; returns the problems found. */
async function xmlProblems(bytes: Buffer | ArrayBuffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const problems: string[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir || !/\.(xml|rels|vml)$/i.test(name)) continue;
    const raw = await zip.files[name].async('uint8array');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      problems.push(`${name}: not UTF-8`);
      continue;
    }
    const parser = new SaxesParser();
    parser.on('error', (e) => {
      problems.push(`${name}: ${e.message}`);
    });
    try {
      parser.write(text).close();
    } catch (e) {
      problems.push(`${name}: ${(e as Error).message}`);
    }
  }
  return problems;
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-wellformed-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function nastySeed(project: string, department: string, actual: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SEED);
  const ws = wb.worksheets[0];
  ws.getCell('C3').value = project;
  ws.getCell('C4').value = department;
  ws.getCell('F16').value = actual;
  return wb;
}

describe('xmlSafe / cellText', () => {
  it('keeps exactly the characters XML 1.0 allows', () => {
    fc.assert(
      fc.property(nastyText, (s) => {
        const safe = xmlSafe(s);
        // What remains is well-formed UTF-16 with no forbidden character…
        expect(wellFormed(safe)).toBe(true);
        // eslint-disable-next-line no-control-regex -- the characters under test
        expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(safe)).toBe(false);
        // …and every allowed character survives, in order.
        const allowed = [...s].filter((ch) => {
          const c = ch.codePointAt(0)!;
          return c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
        });
        expect(safe).toBe(allowed.join(''));
      }),
      { numRuns: 500 },
    );
  });

  it('cuts a text to 32,767 characters with a marker naming the original length, never splitting a pair', () => {
    const long = '𠀀'.repeat(20000) + '尾';
    const cut = cellText(long);
    expect(cut.length).toBeLessThanOrEqual(EXCEL_CELL_MAX_CHARS);
    expect(cut).toMatch(/已截断，原文共 40001 字）$/);
    expect(wellFormed(cut)).toBe(true);
    expect(cellText('短')).toBe('短');
  });
});

describe('every writer writes well-formed XML', () => {
  it('scored copy, report sheet, summary workbook and .docx parse, whatever the texts', async () => {
    await fc.assert(
      fc.asyncProperty(nastyText, nastyText, nastyText, nastyText, async (project, department, actual, file) => {
        const workbook = await nastySeed(project, department, actual);
        const grids = readWorkbook(workbook);
        const result = { ...evaluateWorkbook(grids, NATIONAL_PROFILE), file };
        expect(result.tables.length).toBeGreaterThan(0);

        const out = path.join(tmp, 'copy.xlsx');
        await writeScoredCopy({ workbook, result, grids, profile: NATIONAL_PROFILE }, out);
        expect(await xmlProblems(fs.readFileSync(out))).toEqual([]);

        const summary = buildSummaryWorkbook([summaryEntry(result)], { ...NATIONAL_PROFILE, grades: [{ min: 0, label: `优${project}` }] });
        expect(await xmlProblems((await summary.xlsx.writeBuffer()) as ArrayBuffer)).toEqual([]);

        const docx = await reportDocxBuffer(draftReport(result.tables[0], NATIONAL_PROFILE));
        expect(await xmlProblems(docx)).toEqual([]);
      }),
      { numRuns: 12 },
    );
  });

  it('texts over 32,767 characters arrive cut, with the marker, in the copy and the summary', async () => {
    const huge = '项目'.repeat(100_000);
    const workbook = await nastySeed(huge, '部门\uFFFE', '65\u0001 个');
    const grids = readWorkbook(workbook);
    const result = { ...evaluateWorkbook(grids, NATIONAL_PROFILE), file: 'a.xlsx' };
    const out = path.join(tmp, 'long.xlsx');
    await writeScoredCopy({ workbook, result, grids, profile: NATIONAL_PROFILE }, out);
    expect(await xmlProblems(fs.readFileSync(out))).toEqual([]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    let longest = 0;
    back.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (typeof c.value === 'string') longest = Math.max(longest, c.value.length);
        }),
      ),
    );
    expect(longest).toBeLessThanOrEqual(EXCEL_CELL_MAX_CHARS);
    expect(String(back.worksheets[0].getCell('C3').value)).toMatch(/已截断，原文共 200000 字）$/);
    expect(back.worksheets[0].getCell('C4').value).toBe('部门');

    const summary = buildSummaryWorkbook([summaryEntry(result)], NATIONAL_PROFILE);
    const bytes = (await summary.xlsx.writeBuffer()) as ArrayBuffer;
    expect(await xmlProblems(bytes)).toEqual([]);
    const s = new ExcelJS.Workbook();
    await s.xlsx.load(bytes);
    expect(String(s.getWorksheet('汇总')!.getCell('C2').value)).toMatch(/已截断/);
  });
});
