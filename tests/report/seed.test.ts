/** The real pipeline on the seed workbook: read → evaluate → draft → sheet / Word / CLI. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Packer } from 'docx';
import { loadWorkbookFile, readWorkbook, readWorkbookFile } from '../../src/cli/readWorkbook';
import { addReportSheets } from '../../src/cli/report';
import { buildReportDocument } from '../../src/cli/report/docx';
import { run } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/context';
import { evaluateWorkbook } from '../../src/core/engine';
import { NATIONAL_PROFILE, parseProfile } from '../../src/core/profile';
import { draftReport } from '../../src/core/report/draft';
import { draftPlaceholders, draftToPlainText } from '../../src/core/report/model';
import { FINGERPRINT_MARK, PLACEHOLDER_FILL } from '../../src/core/report/reportSheet';
import { expectTraceable } from './helpers';

const SEED = path.join(__dirname, '../fixtures/xincheng-12345-2023.xlsx');
const SNAPSHOT = path.join(__dirname, 'seed-draft.txt');

async function seedTable(profile = NATIONAL_PROFILE) {
  const { grids } = await readWorkbookFile(SEED);
  return evaluateWorkbook(grids, profile);
}

/** The text of word/document.xml, paragraph by paragraph. */
async function docxParagraphs(bytes: Buffer | Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function captureIO(cwd: string): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', stdoutIsTTY: false, stderrIsTTY: false, cwd, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

describe('report on the seed workbook (engine result)', () => {
  test('the draft matches the committed, reviewed snapshot and traces every figure', async () => {
    const result = await seedTable();
    expect(result.tables).toHaveLength(1);
    const table = result.tables[0];
    const draft = draftReport(table, NATIONAL_PROFILE);
    const text = draftToPlainText(draft);
    expect(text).toBe(fs.readFileSync(SNAPSHOT, 'utf8'));
    for (const fact of ['12345 市民热线服务中心运行经费', '97.9 万元', '64.95 万元', '预算执行率 100%']) expect(text).toContain(fact);
    for (const ind of table.indicators) expect(text).toContain(ind.name.replace(/,/g, '，'));
    expectTraceable(table, draft);
  });

  test('with the profile that excludes execution from the total: total 100, grade 优', async () => {
    const profile = parseProfile({ includeExecutionInTotal: false });
    const table = (await seedTable(profile)).tables[0];
    const draft = draftReport(table, profile);
    expect(draftToPlainText(draft)).toContain('自评总分 100 分（满分 100 分），评价等级为“优”');
    expectTraceable(table, draft);
  });

  test('the .docx is a valid package carrying the same text, placeholders highlighted', async () => {
    const table = (await seedTable()).tables[0];
    const draft = draftReport(table, NATIONAL_PROFILE);
    const bytes = await Packer.toBuffer(buildReportDocument(draft));
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    const paragraphs = (await docxParagraphs(bytes)).map(unescapeXml).filter((p) => p !== '');
    const expected = draftToPlainText(draft).split('\n').filter((l) => l !== '');
    // Body paragraphs in order, then the footer's page number lives in its own part.
    expect(paragraphs).toEqual(expected);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect((xml.match(/<w:highlight w:val="yellow"\/>/g) ?? []).length).toBe(draftPlaceholders(draft).length);
    expect(xml).toContain('仿宋_GB2312');
    expect(xml).toContain('方正小标宋简体');
    const footer = Object.keys(zip.files).find((f) => /word\/footer\d*\.xml/.test(f));
    expect(footer).toBeDefined();
    expect(await zip.file(footer!)!.async('string')).toContain('PAGE');
    const sect = /<w:pgSz [^>]*>/.exec(xml)?.[0] ?? '';
    expect(sect).toContain('w:w="11906"');
  });

  test('report sheet via exceljs: text, highlighted placeholders, print setup; regenerating respects edits', async () => {
    const { workbook } = await loadWorkbookFile(SEED);
    const result = evaluateWorkbook(readWorkbook(workbook), NATIONAL_PROFILE);
    expect(addReportSheets(workbook, result, NATIONAL_PROFILE)).toEqual([{ table: '自评表', sheet: '绩效自评报告', replaced: false }]);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const ws = reread.getWorksheet('绩效自评报告')!;
    expect(ws).toBeDefined();
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && !texts.includes(c.value) && texts.push(c.value)));
    const draft = draftReport(result.tables[0], NATIONAL_PROFILE);
    for (const line of draftToPlainText(draft).split('\n').filter((l) => l)) expect(texts).toContain(line);
    let highlighted = 0;
    ws.eachRow((row) => {
      const c = row.getCell(1);
      if (typeof c.value === 'string' && c.value.includes('【请补充：')) {
        expect((c.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${PLACEHOLDER_FILL.slice(1)}`);
        highlighted++;
      }
    });
    expect(highlighted).toBeGreaterThan(5);
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(texts.some((t) => t.includes(FINGERPRINT_MARK))).toBe(true);
    expect(texts).toEqual(expect.arrayContaining(['一级指标', '产出指标']));

    // Unedited: replaced in place. Edited: kept, and a new sheet made beside it.
    expect(addReportSheets(reread, result, NATIONAL_PROFILE)).toEqual([{ table: '自评表', sheet: '绩效自评报告', replaced: true }]);
    const sheet = reread.getWorksheet('绩效自评报告')!;
    sheet.getCell('A10').value = '我们自己写的资金管理情况。';
    expect(addReportSheets(reread, result, NATIONAL_PROFILE)).toEqual([{ table: '自评表', sheet: '绩效自评报告 (2)', replaced: false }]);
    expect(reread.getWorksheet('绩效自评报告')!.getCell('A10').value).toBe('我们自己写的资金管理情况。');
    expect(addReportSheets(reread, result, NATIONAL_PROFILE)).toEqual([{ table: '自评表', sheet: '绩效自评报告 (2)', replaced: true }]);
  });

  test('jixiao report writes the .docx and prints where; errors are one line with the score exit codes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-report-'));
    try {
      fs.copyFileSync(SEED, path.join(dir, 'seed.xlsx'));
      const before = fs.readFileSync(path.join(dir, 'seed.xlsx'));
      let io = captureIO(dir);
      expect(await run(['report', 'seed.xlsx', '--docx', 'out/报告.docx'], io)).toBe(0);
      expect(io.stdout).toContain(path.join('out', '报告.docx'));
      expect(io.stderr).toBe('');
      const paragraphs = await docxParagraphs(fs.readFileSync(path.join(dir, 'out/报告.docx')));
      expect(paragraphs.join('\n')).toContain('12345 市民热线服务中心运行经费项目绩效自评报告');
      expect(fs.readFileSync(path.join(dir, 'seed.xlsx')).equals(before)).toBe(true);

      io = captureIO(dir);
      expect(await run(['report', 'seed.xlsx'], io)).toBe(0);
      expect(io.stdout).toBe(fs.readFileSync(SNAPSHOT, 'utf8'));

      io = captureIO(dir);
      expect(await run(['report', 'missing.xlsx', '--docx', 'x.docx'], io)).toBe(1);
      expect(io.stderr.trim().split('\n')).toHaveLength(1);
      expect(io.stderr).not.toMatch(/\n\s+at /);

      const empty = new ExcelJS.Workbook();
      empty.addWorksheet('Sheet1').getCell('A1').value = '无关内容';
      await empty.xlsx.writeFile(path.join(dir, 'empty.xlsx'));
      io = captureIO(dir);
      expect(await run(['report', 'empty.xlsx', '--docx', 'y.docx'], io)).toBe(2);
      expect(fs.existsSync(path.join(dir, 'y.docx'))).toBe(false);

      io = captureIO(dir);
      expect(await run(['report', 'seed.xlsx', '--outline', 'other'], io)).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
