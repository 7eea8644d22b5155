/**
 * A 财政局's inbox as it really arrives, through the compiled CLI: good files beside special files
 * (a FIFO, a symlink to /dev/zero, a device, a directory), a file with U+FFFE in its texts, a number
 * at 1e308. Every bad file gets one stderr line and the batch goes on to a summary; the size cap and
 * the per-file timeout say what happened.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import type { WorkbookResult } from '../../src/core/result';
import { ZipPackage } from '../../src/cli/zipPackage';
import { readWorkbookFile } from '../../src/cli/readWorkbook';
import { SEED, escapeRegExp, jixiao, loadSeed, requireBuiltCli, writeSeedVariant, type Run } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { writeBigWorkbook } = require('../../scripts/bigWorkbook.js') as { writeBigWorkbook: (file: string, rows: number, cols: number) => Promise<void> };

// Generating a 1,048,576-row workbook and scoring it twice takes minutes on a loaded machine.
jest.setTimeout(600_000);

let tmp: string;
let batch: Run;
let json: WorkbookResult[];
let inputs: string[];

const GOOD = ['报送/01-城管局.xlsx', '报送/02-特殊字符.xlsx', '报送/03-极大数.xlsx', '报送/04-二十万行明细.xlsx', '报送/05-百万行明细.xlsx', '报送/06-旧版.xls'];
/** Workbooks read only in part: scored, and copied with the big sheet grafted back byte for byte. */
const BIG = { '报送/04-二十万行明细.xlsx': 200_000, '报送/05-百万行明细.xlsx': 1_048_576 };
/** Bad entry → what its one stderr line must say. */
const BAD: Record<string, RegExp> = {
  '报送/20-管道.xlsx': /命名管道（FIFO）/,
  '报送/21-零设备.xlsx': /设备文件/,
  '报送/22-文件夹.xlsx': /文件夹/,
};
const DEVICE = '/dev/null';

beforeAll(async () => {
  requireBuiltCli();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-inbox-'));
  fs.mkdirSync(path.join(tmp, '报送'));
  const at = (rel: string) => path.join(tmp, rel);
  await writeSeedVariant(at(GOOD[0]), { project: '城市道路清扫保洁经费', budget: 120, executed: 108, graded: true });

  // U+FFFE, a C0 control and a lone surrogate, as a file carries them (OOXML's _xHHHH_ escapes).
  const odd = await loadSeed();
  odd.worksheets[0].getCell('C3').value = '热线_xFFFE_服务_x0001_中心_xD800_运行经费';
  await odd.xlsx.writeFile(at(GOOD[1]));

  const big = await loadSeed();
  big.worksheets[0].getCell('E6').value = 1e308;
  big.worksheets[0].getCell('F15').value = '2.5E-1';
  await big.xlsx.writeFile(at(GOOD[2]));

  for (const [file, rows] of Object.entries(BIG)) await writeBigWorkbook(at(file), rows, 16);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const X = require('@e965/xlsx') as typeof import('@e965/xlsx');
  fs.writeFileSync(at(GOOD[5]), X.write(X.read(fs.readFileSync(SEED), { type: 'buffer', cellNF: true }), { type: 'buffer', bookType: 'biff8' }) as Buffer);

  const mkfifo = spawnSync('mkfifo', [at('报送/20-管道.xlsx')]);
  if (mkfifo.status !== 0) throw new Error(`mkfifo failed: ${mkfifo.stderr}`);
  fs.symlinkSync('/dev/zero', at('报送/21-零设备.xlsx'));
  fs.mkdirSync(at('报送/22-文件夹.xlsx'));

  inputs = [...fs.readdirSync(at('报送')).sort().map((f) => `报送/${f}`), DEVICE];
  batch = await jixiao(['score', ...inputs, '--summary', '汇总.xlsx', '--out-dir', '已评分'], tmp);
  json = JSON.parse((await jixiao(['score', ...inputs, '--json'], tmp)).stdout) as WorkbookResult[];
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('special files in a batch', () => {
  it('has the inputs the test means to have', () => {
    expect(inputs).toEqual([...GOOD, ...Object.keys(BAD), DEVICE].sort((a, b) => (a === DEVICE ? 1 : b === DEVICE ? -1 : a < b ? -1 : 1)));
  });

  it('gives each special file exactly one stderr line saying what it is, and nothing else', () => {
    expect(batch.stderr).not.toMatch(/\n\s+at |Error:|TypeError/);
    const lines = batch.stderr.trimEnd().split('\n');
    for (const [file, what] of Object.entries({ ...BAD, [DEVICE]: /设备文件/ })) {
      const mine = lines.filter((l) => l.includes(file));
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatch(what);
    }
    expect(lines).toHaveLength(Object.keys(BAD).length + 1);
    expect(batch.status).toBe(1);
  });

  it('scores the good files and writes their copies and the summary', async () => {
    for (const g of GOOD) expect(fs.existsSync(path.join(tmp, '已评分', path.basename(g).replace(/\.xls$/, '.xlsx')))).toBe(true);
    const summary = new ExcelJS.Workbook();
    await summary.xlsx.readFile(path.join(tmp, '汇总.xlsx'));
    const files = summary.getWorksheet('汇总')!.getColumn(1).values.slice(2);
    expect(files).toEqual(inputs);
  });

  it('reads U+FFFE and controls from the file and writes none of them into the copy or the summary', async () => {
    const r = json.find((x) => x.file === GOOD[1])!;
    expect(r.tables[0].project.name).toBe('热线\uFFFE服务\u0001中心\uD800运行经费');
    for (const out of [path.join(tmp, '已评分', path.basename(GOOD[1])), path.join(tmp, '汇总.xlsx')]) {
      const back = new ExcelJS.Workbook();
      await back.xlsx.readFile(out); // exceljs's XML parser refuses ill-formed parts
      const texts: string[] = [];
      back.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value)))));
      expect(texts.some((t) => t.includes('\uFFFE') || t.includes('\u0001'))).toBe(false);
    }
  });

  it('reads 1e308 as a number too large to compute with, and 2.5E-1 as a number', () => {
    const t = json.find((x) => x.file === GOOD[2])!.tables[0];
    const e6 = t.issues.find((i) => i.cell === 'E6')!;
    expect(e6.message).toMatch(/是数字 1E\+308，但超出可准确计算的范围/);
    expect(t.issues.every((i) => !/不是数字/.test(i.message))).toBe(true);
    expect(t.indicators.find((i) => i.row === 15)!.actual).toBe('2.5E-1');
  });
});

describe('big data sheets beside the table', () => {
  it('scores the table of a workbook with a 200,000-row and with a 1,048,576 × 16 data sheet', () => {
    const seed = json.find((x) => x.file === GOOD[0])!;
    for (const file of Object.keys(BIG)) {
      const r = json.find((x) => x.file === file)!;
      expect(r.tables.map((t) => t.sheet)).toEqual(['自评表']);
      expect(r.tables[0].funds.budget).toBe(64.95);
      expect(r.tables[0].indicators.length).toBe(seed.tables[0].indicators.length);
      expect(r.tables[0].totals.statedScore).toBe(96);
    }
  });

  it('copies them with the data sheet byte for byte (same compressed bytes, same CRC) and the table scored', async () => {
    for (const file of Object.keys(BIG)) {
      const copy = path.join(tmp, '已评分', path.basename(file));
      expect(batch.stdout).toContain(`工作表“资金明细”等大表原样保留）：${path.join(tmp, '已评分', path.basename(file))}`);
      const sheetEntry = (f: string, part: string) => {
        const fd = fs.openSync(f, 'r');
        try {
          return ZipPackage.open(fd, fs.fstatSync(fd).size).entry(part);
        } finally {
          fs.closeSync(fd);
        }
      };
      const before = sheetEntry(path.join(tmp, file), 'xl/worksheets/sheet90.xml')!;
      const after = sheetEntry(copy, 'xl/worksheets/sheet2.xml')!;
      expect([after.crc, after.size, after.compressedSize]).toEqual([before.crc, before.size, before.compressedSize]);
      const back = await readWorkbookFile(copy);
      // The copy carries the very-hidden backup sheet (CONTRACT.md: 撤销评分 in Excel restores the original from it).
      expect(back.grids.map((g) => g.name)).toEqual(['自评表', '资金明细', '_jixiao_backup', '绩效自评报告', '填报问题清单']);
      expect(back.grids[2].hidden).toBe(true);
      expect(back.grids[0].cells[20][7]).toMatchObject({ value: 96 }); // H21: the stated total stays while WEIGHT_SUM withholds it
      // The data sheet's texts come from a shared-string table far bigger than one chunk: every
      // string kept lines up with its index (row r holds 支付第(r-1)笔).
      const data = back.grids[1].cells;
      for (const r of [1, 2, 1234, 4999]) expect(data[r][2]).toMatchObject({ value: `支付第${r}笔日常运转支出` });
    }
  });

  it('reads the legacy .xls in the same batch', () => {
    expect(json.find((x) => x.file === GOOD[5])!.tables[0].project.name).toBe('12345 市民热线服务中心运行经费');
  });
});

describe('size cap and timeout', () => {
  it('refuses a file over --max-size with one line naming both sizes', async () => {
    const r = await jixiao(['score', GOOD[0], '--max-size', '0.005'], tmp);
    expect(r.status).toBe(1);
    // The input named absolutely, as every CLI message names files.
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^无法读取 ${escapeRegExp(path.join(tmp, GOOD[0]))}：文件大小 0\\.0\\d+ MB，超过上限 0\\.005 MB`))]);
  });

  it('gives up on a file that takes longer than --timeout, saying where it stopped', async () => {
    const wb = await loadSeed();
    const ws = wb.addWorksheet('明细');
    for (let r = 1; r <= 30000; r++) ws.addRow([r, `第${r}笔`, r * 1.5, '项目支出']);
    const slow = path.join(tmp, 'slow.xlsx');
    await wb.xlsx.writeFile(slow);
    const r = await jixiao(['score', 'slow.xlsx', 'slow.xlsx', '--timeout', '0.001'], tmp);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/读取超过 0 秒仍未完成，已放弃（停在工作表“.+”）；如确需处理，请用 --timeout 调高时限/);
  });

  it('refuses a --max-size or --timeout that is not a positive number', async () => {
    const r = await jixiao(['score', GOOD[0], '--timeout', '0'], tmp);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--timeout 需要一个正数/);
  });
});
