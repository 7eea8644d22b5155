/** `jixiao report` end to end (run() in-process): Word written and named explicitly, text with its list. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { run } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/context';
import { fixturePath } from './fixtures';

function captureIO(cwd: string): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', stdoutIsTTY: false, stderrIsTTY: false, cwd, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-report-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('one table: OUT.docx written, the input untouched, the path printed', async () => {
  fs.copyFileSync(fixturePath('xincheng-12345-2023.xlsx'), path.join(dir, 'seed.xlsx'));
  const before = fs.readFileSync(path.join(dir, 'seed.xlsx'));
  const io = captureIO(dir);
  expect(await run(['report', 'seed.xlsx', '--docx', 'out/报告.docx'], io)).toBe(0);
  expect(io.stdout).toContain(path.join('out', '报告.docx'));
  expect(io.stderr).toBe('');
  expect(await docxText(path.join(dir, 'out/报告.docx'))).toContain('12345市民热线服务中心运行经费项目绩效自评报告');
  expect(fs.readFileSync(path.join(dir, 'seed.xlsx')).equals(before)).toBe(true);
});

test('text output: the report, then its 填报问题清单', async () => {
  const io = captureIO(dir);
  expect(await run(['report', fixturePath('xincheng-12345-2023.xlsx')], io)).toBe(0);
  const [body, list] = io.stdout.split('填报问题清单（自评表）');
  expect(body).toContain('四、项目绩效情况');
  expect(body).not.toContain('自评表!B13');
  expect(list).toContain('自评表!B13'); // WEIGHT_SUM at the 一级 cell that causes it
});

test('two tables: each file named for its project, never -1/-2; --table picks one', async () => {
  const io = captureIO(dir);
  expect(await run(['report', fixturePath('core-stacked.xlsx'), '--docx', 'r.docx'], io)).toBe(0);
  const written = fs.readdirSync(dir).filter((f) => f.endsWith('.docx')).sort();
  expect(written).toHaveLength(2);
  for (const f of written) {
    expect(f).toMatch(/^r-.+\.docx$/);
    expect(f).not.toMatch(/^r-\d+\.docx$/);
    expect(io.stdout).toContain(f);
  }
  const io2 = captureIO(dir);
  expect(await run(['report', fixturePath('core-stacked.xlsx'), '--table', '两个项目', '--docx', 'one.docx'], io2)).toBe(1);
  expect(io2.stderr).toContain('两个项目!A1');
  const first = io2.stderr.match(/两个项目!A\d+/g)!;
  const io3 = captureIO(dir);
  expect(await run(['report', fixturePath('core-stacked.xlsx'), '--table', first[first.length - 1], '--docx', 'one.docx'], io3)).toBe(0);
  expect(fs.existsSync(path.join(dir, 'one.docx'))).toBe(true);
});

test('errors: one line, the exit codes of score', async () => {
  let io = captureIO(dir);
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
  expect(await run(['report', 'empty.xlsx', '--outline', 'other'], io)).toBe(1);
});
