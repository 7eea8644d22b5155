/**
 * `jixiao template OUT.xlsx [--layout national|transfer] [--year YYYY] [--force]`, run in-process
 * through the CLI's own run() (the same code bin/jixiao.js calls once compiled).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { parseTemplateArgs, templateWorkbook } from '../../src/cli/commands/template';
import { UsageError } from '../../src/cli/context';
import { loadWorkbookFile, readWorkbookFile } from '../../src/cli/readWorkbook';
import { templateAddresses } from '../../src/core/template';
import { fillFromSeed } from './fillFromSeed';

const SEED = path.join(__dirname, '..', 'fixtures', 'xincheng-12345-2023.xlsx');

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-template-cli-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function jixiao(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await run(args, {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    cwd: tmp,
  });
  return { status, stdout, stderr };
}

function expectOneLine(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr.trim()).not.toBe('');
}

describe('jixiao template', () => {
  it('writes the national template, which opens with merges, validations and frozen rows', async () => {
    const r = await jixiao(['template', '自评表.xlsx', '--year', '2026']);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toContain(`已生成空白项目支出绩效自评表（2026年度）：${path.join(tmp, '自评表.xlsx')}\n`);
    // The next step, runnable where jixiao is installed in a project (not on PATH).
    expect(r.stdout).toContain(`填写浅黄色单元格后评分：npx jixiao score ${path.join(tmp, '自评表.xlsx')}\n`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, '自评表.xlsx'));
    const ws = wb.getWorksheet('空白自评表') as ExcelJS.Worksheet;
    expect(ws.getCell('A1').value).toBe('项目支出绩效自评表');
    expect(ws.getCell('A2').value).toBe('（2026年度）');
    expect((ws.model as { merges: string[] }).merges).toEqual(expect.arrayContaining(['A1:I1', 'C3:I3', 'A5:B9', 'A31:D31']));
    expect(ws.getCell('C13').dataValidation).toMatchObject({ type: 'list' });
    expect(ws.getCell('C21').dataValidation).toMatchObject({ type: 'list', formulae: ['"经济效益指标,社会效益指标,生态效益指标,可持续影响指标"'] });
    expect(ws.getCell('G13').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 100] });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
    // The 分值合计 formula is computed when Excel opens the file.
    expect(ws.getCell('G31').formula).toBe('SUM(G6,G13:G30)');
    // (exceljs writes calcPr fullCalcOnLoad but does not read it back: checked on the workbook written.)
    expect(templateWorkbook('national', 2026).calcProperties.fullCalcOnLoad).toBe(true);
  });

  it('the written file is scored by jixiao score (the table is found: exit 0)', async () => {
    expect((await jixiao(['template', 'blank.xlsx', '--year', '2025'])).status).toBe(0);
    const r = await jixiao(['score', 'blank.xlsx', '--json']);
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.tables).toHaveLength(1);
    expect(result.tables[0]).toMatchObject({ layout: 'national', year: 2025, grade: null });
    expect(result.tables[0].issues.some((i: { code: string }) => i.code === 'MISSING_VALUE')).toBe(true);
  });

  it('insert → fill → score --out: the scored copy carries the total and the grade in the template’s cells', async () => {
    expect((await jixiao(['template', 'tofill.xlsx', '--year', '2023'])).status).toBe(0);
    const { grids } = await readWorkbookFile(SEED);
    const { workbook } = await loadWorkbookFile(path.join(tmp, 'tofill.xlsx'));
    fillFromSeed(grids[0], workbook.getWorksheet('空白自评表') as ExcelJS.Worksheet, 'national');
    await workbook.xlsx.writeFile(path.join(tmp, 'filled.xlsx'));
    fs.writeFileSync(path.join(tmp, 'rules.json'), JSON.stringify({ includeExecutionInTotal: false }));
    const r = await jixiao(['score', 'filled.xlsx', '--config', 'rules.json', '--out', 'scored.xlsx']);
    expect(r.status).toBe(0);
    const A = templateAddresses('national');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, 'scored.xlsx'));
    const ws = wb.getWorksheet('空白自评表') as ExcelJS.Worksheet;
    expect(ws.getCell(A.total.score).value).toBe(100);
    expect(ws.getCell(A.total.gradeLabel).value).toBe('评价等级');
    expect(ws.getCell(A.total.grade).value).toBe('优');
    expect(ws.getCell(A.funds[0].rate).value).toBe(1);
  });

  it('--layout transfer writes the 绩效目标自评表', async () => {
    const r = await jixiao(['template', 'sub/转移支付.xlsx', '--layout', 'transfer', '--year', '2026']);
    expect(r.status).toBe(0);
    const s = await jixiao(['score', 'sub/转移支付.xlsx', '--json']);
    expect(JSON.parse(s.stdout).tables[0]).toMatchObject({ layout: 'transfer', title: '绩效目标自评表' });
  });

  it('never overwrites a file unless --force is given', async () => {
    const file = path.join(tmp, 'mine.xlsx');
    fs.writeFileSync(file, 'what the user had');
    const r = await jixiao(['template', 'mine.xlsx']);
    expect(r.status).toBe(1);
    expectOneLine(r.stderr);
    expect(r.stderr).toMatch(/已存在.*--force/);
    expect(fs.readFileSync(file, 'utf8')).toBe('what the user had');
    expect((await jixiao(['template', 'mine.xlsx', '--force'])).status).toBe(0);
    expect(fs.readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it.each([
    [['template', 'x.xlsx', '--layout', 'sichuan'], /--layout 只能是 national 或 transfer/],
    [['template', 'x.xlsx', '--year', '26'], /--year 应为四位年份/],
    [['template', 'x.xlsx', '--year', '二〇二六'], /--year 应为四位年份/],
    [['template', 'x.csv'], /\.xlsx 结尾/],
    [['template', '.'], /\.xlsx 结尾/],
    [['template'], /缺少参数/],
    [['template', 'x.xlsx', '--bogus'], /未知选项/],
    [['template', 'x.xlsx', 'y.xlsx'], /参数过多/],
  ])('bad arguments %j: one line, exit 1, nothing written', async (args, message) => {
    const r = await jixiao(args as string[]);
    expect(r.status).toBe(1);
    expectOneLine(r.stderr);
    expect(r.stderr).toMatch(message);
    expect(fs.existsSync(path.join(tmp, 'x.xlsx'))).toBe(false);
  });

  it('a directory named like a workbook is refused', async () => {
    fs.mkdirSync(path.join(tmp, 'dir.xlsx'));
    const r = await jixiao(['template', 'dir.xlsx', '--force']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/是一个文件夹/);
  });

  it('the default year follows defaultTemplateYear', () => {
    expect(parseTemplateArgs('a.xlsx', {}, tmp, new Date(2027, 1, 1))).toMatchObject({ layout: 'national', year: 2026 });
    expect(() => parseTemplateArgs('a.xlsx', { year: '1800' }, tmp)).toThrow(UsageError);
  });

  it('is listed in jixiao --help', async () => {
    const r = await jixiao(['--help']);
    expect(r.stdout).toMatch(/template/);
    const h = await jixiao(['template', '--help']);
    expect(h.status).toBe(0);
    expect(h.stdout).toMatch(/--layout/);
  });
});

describe('jixiao report on a template nobody has filled in', () => {
  it('drafts nothing: one line on stderr saying why, exit 2, no Word file', async () => {
    expect((await jixiao(['template', 'empty.xlsx', '--year', '2026'])).status).toBe(0);
    const r = await jixiao(['report', 'empty.xlsx', '--docx', 'empty.docx']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expectOneLine(r.stderr);
    expect(r.stderr).toContain(`${path.join(tmp, 'empty.xlsx')}：工作表“空白自评表”中的自评表尚未填写`);
    expect(r.stderr).toContain('请先填写项目资金和各指标的年度指标值、实际完成值，再生成报告');
    expect(fs.existsSync(path.join(tmp, 'empty.docx'))).toBe(false);
    // As text too.
    expect((await jixiao(['report', 'empty.xlsx'])).status).toBe(2);
  });

  it('score --out writes the copy 一键评分 would leave: the workbook as it was — no marks, no backup, no report', async () => {
    const r = await jixiao(['score', 'empty.xlsx', '--out', 'empty-scored.xlsx']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`  表格尚未填写，没有可写入的评分结果：已另存副本（与原文件相同）：${path.join(tmp, 'empty-scored.xlsx')}\n`);
    const read = async (f: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(tmp, f));
      const ws = wb.getWorksheet('空白自评表') as ExcelJS.Worksheet;
      const cells: string[] = [];
      ws.eachRow((row, rn) => row.eachCell((c, cn) => void cells.push(`${rn},${cn}:${JSON.stringify(c.value)}:${JSON.stringify(c.fill ?? null)}:${JSON.stringify(c.note ?? null)}`)));
      return { sheets: wb.worksheets.map((w) => w.name), cells };
    };
    const copy = await read('empty-scored.xlsx');
    expect(copy.sheets).toEqual(['空白自评表']);
    expect(copy.cells).toEqual((await read('empty.xlsx')).cells);
  });

  it('beside a filled table: the filled one is drafted, the blank one named on stderr, exit 0', async () => {
    const { workbook } = await loadWorkbookFile(SEED);
    const blank = templateWorkbook('national', 2026).getWorksheet('空白自评表') as ExcelJS.Worksheet;
    const copy = workbook.addWorksheet('空白自评表');
    blank.eachRow({ includeEmpty: true }, (row, r) => row.eachCell({ includeEmpty: false }, (c, col) => void (copy.getCell(r, col).value = c.value)));
    for (const m of (blank.model as { merges: string[] }).merges) copy.mergeCells(m);
    await workbook.xlsx.writeFile(path.join(tmp, 'both.xlsx'));
    const r = await jixiao(['report', 'both.xlsx']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('12345市民热线服务中心运行经费项目绩效自评报告');
    expect(r.stdout.match(/项目绩效自评报告/g)).toHaveLength(1);
    expect(r.stderr.trim()).toBe(`${path.join(tmp, 'both.xlsx')}：工作表“空白自评表”中的自评表尚未填写，未为它生成报告。`);
    // The scored copy carries the report of the filled table only.
    expect((await jixiao(['score', 'both.xlsx', '--out', 'both-scored.xlsx'])).status).toBe(0);
    const scoredCopy = new ExcelJS.Workbook();
    await scoredCopy.xlsx.readFile(path.join(tmp, 'both-scored.xlsx'));
    expect(scoredCopy.worksheets.map((w) => w.name).filter((n) => /报告|清单/.test(n))).toEqual(['绩效自评报告', '填报问题清单']);
  });
});
