/**
 * Files units really send, through the compiled CLI: an .xls (and the same bytes as WPS .et) built at
 * test time with SheetJS's BIFF8 writer from the seed; an .xlsm with a VBA project; a workbook with an
 * external link and a chart. Legacy files score like their .xlsx and get an .xlsx copy that says so;
 * the .xlsm copy keeps its macros and content type; the link parts are kept; the chart, which exceljs
 * cannot write, is named on stderr.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { WorkbookResult } from '../../src/core/result';
import { SEED, jixiao, requireBuiltCli } from './helpers';

jest.setTimeout(120_000);

let tmp: string;
const at = (rel: string) => path.join(tmp, rel);

/** The seed rewritten by SheetJS as BIFF8 (.xls): values, number formats and merges, as a unit's old file has them. */
function seedAsXls(): Buffer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const X = require('@e965/xlsx') as typeof import('@e965/xlsx');
  const wb = X.read(fs.readFileSync(SEED), { type: 'buffer', cellNF: true, cellFormula: true });
  return X.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer;
}

const MACRO_BYTES = Buffer.from('VBA project stand-in: the copy must carry these exact bytes');

async function withParts(edit: (zip: JSZip, text: (p: string) => Promise<string>) => Promise<void>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(fs.readFileSync(SEED));
  await edit(zip, async (p) => zip.file(p)!.async('string'));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The seed as an .xlsm: a vbaProject.bin part, its relationship and the macro-enabled content type. */
function seedAsXlsm(): Promise<Buffer> {
  return withParts(async (zip, text) => {
    zip.file('xl/vbaProject.bin', MACRO_BYTES);
    zip.file('xl/_rels/workbook.xml.rels', (await text('xl/_rels/workbook.xml.rels')).replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
    let types = await text('[Content_Types].xml');
    types = types.replace(/(PartName="\/xl\/workbook\.xml" ContentType=")[^"]*"/, '$1application/vnd.ms-excel.sheet.macroEnabled.main+xml"');
    types = types.replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
    zip.file('[Content_Types].xml', types);
  });
}

const LINK_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1"><sheetNames><sheetName val="预算"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>97.9</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>';

/** The seed with an external link (to 预算.xlsx, used by a formula in K1) and an orphan chart part. */
function seedWithLinkAndChart(): Promise<Buffer> {
  return withParts(async (zip, text) => {
    zip.file('xl/externalLinks/externalLink1.xml', LINK_XML);
    zip.file('xl/externalLinks/_rels/externalLink1.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="预算.xlsx" TargetMode="External"/></Relationships>');
    zip.file('xl/_rels/workbook.xml.rels', (await text('xl/_rels/workbook.xml.rels')).replace('</Relationships>', '<Relationship Id="rId98" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>'));
    let wb = await text('xl/workbook.xml');
    if (!/xmlns:r=/.test(wb)) wb = wb.replace('<workbook ', '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
    zip.file('xl/workbook.xml', wb.replace('</sheets>', '</sheets><externalReferences><externalReference r:id="rId98"/></externalReferences>'));
    zip.file('xl/charts/chart1.xml', '<?xml version="1.0" encoding="UTF-8"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
    zip.file(
      '[Content_Types].xml',
      (await text('[Content_Types].xml')).replace(
        '</Types>',
        '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
      ),
    );
    const sheet = await text('xl/worksheets/sheet1.xml');
    zip.file('xl/worksheets/sheet1.xml', sheet.replace(/<row r="1"([^>]*)>/, '<row r="1"$1><c r="K1"><f>[1]预算!A1</f><v>97.9</v></c>'));
  });
}

let runs: { stdout: string; stderr: string; status: number | null };
let json: WorkbookResult[];
const INPUTS = ['报送/旧版.xls', '报送/金山.et', '报送/宏.xlsm', '报送/外链.xlsx', '报送/原表.xlsx'];

beforeAll(async () => {
  requireBuiltCli();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-legacy-'));
  fs.mkdirSync(at('报送'));
  const xls = seedAsXls();
  fs.writeFileSync(at(INPUTS[0]), xls);
  fs.writeFileSync(at(INPUTS[1]), xls);
  fs.writeFileSync(at(INPUTS[2]), await seedAsXlsm());
  fs.writeFileSync(at(INPUTS[3]), await seedWithLinkAndChart());
  fs.copyFileSync(SEED, at(INPUTS[4]));
  runs = await jixiao(['score', ...INPUTS, '--out-dir', '已评分', '--summary', '汇总.xlsx'], tmp);
  json = JSON.parse((await jixiao(['score', ...INPUTS, '--json'], tmp)).stdout) as WorkbookResult[];
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('.xls and .et in', () => {
  it('starts from a real BIFF8 file', () => {
    expect(fs.readFileSync(at(INPUTS[0])).subarray(0, 8).toString('hex')).toBe('d0cf11e0a1b11ae1');
  });

  it('scores them as their .xlsx: same tables, funds, indicators, totals and issues', () => {
    const original = json[4];
    for (const legacy of [json[0], json[1]]) {
      expect(legacy.tables).toHaveLength(1);
      const { file: _a, ...a } = legacy;
      const { file: _b, ...b } = original;
      void _a;
      void _b;
      expect(a).toEqual(b);
    }
  });

  it('writes an .xlsx copy and says so', async () => {
    for (const name of ['旧版.xlsx', '金山.xlsx']) {
      const copy = new ExcelJS.Workbook();
      await copy.xlsx.readFile(at(`已评分/${name}`));
      expect(copy.getWorksheet('自评表')!.getCell('C3').value).toBe('12345 市民热线服务中心运行经费');
      expect(copy.getWorksheet('绩效自评报告')).toBeDefined();
    }
    expect(fs.existsSync(at('已评分/旧版.xls'))).toBe(false);
    expect(runs.stdout).toMatch(/已评分\/旧版\.xlsx\n\s+（原文件是旧版 \.xls\/\.et，副本存为 \.xlsx 格式/);
  });
});

describe('faithful copies', () => {
  it('keeps the .xlsm copy macro-enabled, with its VBA project byte for byte', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(at('已评分/宏.xlsm')));
    expect(await zip.file('xl/vbaProject.bin')!.async('nodebuffer')).toEqual(MACRO_BYTES);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toMatch(/PartName="\/xl\/workbook\.xml" ContentType="application\/vnd\.ms-excel\.sheet\.macroEnabled\.main\+xml"/);
    expect(await zip.file('xl/_rels/workbook.xml.rels')!.async('string')).toMatch(/relationships\/vbaProject" Target="vbaProject\.bin"/);
    expect(runs.stdout).toMatch(/已评分\/宏\.xlsm\n\s+（副本保留了原文件的宏（VBA 工程））/);
    // And the copy is still the scored workbook exceljs can read.
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(at('已评分/宏.xlsm'));
    expect(back.getWorksheet('绩效自评报告')).toBeDefined();
  });

  it('keeps the external link parts, referenced from the workbook, and the formula that uses them', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(at('已评分/外链.xlsx')));
    expect(await zip.file('xl/externalLinks/externalLink1.xml')!.async('string')).toBe(LINK_XML);
    expect(await zip.file('xl/externalLinks/_rels/externalLink1.xml.rels')!.async('string')).toMatch(/Target="预算\.xlsx" TargetMode="External"/);
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const id = /Id="(rId\d+)" Type="[^"]*\/externalLink" Target="externalLinks\/externalLink1\.xml"/.exec(rels)?.[1];
    expect(id).toBeDefined();
    expect(await zip.file('xl/workbook.xml')!.async('string')).toMatch(new RegExp(`</sheets><externalReferences><externalReference r:id="${id}"/></externalReferences>`));
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(at('已评分/外链.xlsx'));
    expect(back.getWorksheet('自评表')!.getCell('K1').formula).toBe('[1]预算!A1');
  });

  it('names on stderr, in one line, what the copy could not keep', () => {
    const lines = runs.stderr.trim().split('\n');
    expect(lines.filter((l) => l.includes('外链.xlsx'))).toEqual([expect.stringContaining(`评分副本 ${path.join(tmp, '已评分', '外链.xlsx')} 未能保留原文件中的：图表 1 个`)]);
    expect(lines).toHaveLength(1);
  });

  it('an .xlsm written under an .xlsx name drops the macros and says so', async () => {
    fs.copyFileSync(at(INPUTS[2]), at('宏.xlsm'));
    const r = await jixiao(['score', '宏.xlsm', '--out', '宏-已评分.xlsx'], tmp);
    const zip = await JSZip.loadAsync(fs.readFileSync(at('宏-已评分.xlsx')));
    expect(zip.file('xl/vbaProject.bin')).toBeNull();
    expect(r.stderr).toMatch(/未能保留原文件中的：宏（VBA 工程；副本为 \.xlsx/);
  });
});
