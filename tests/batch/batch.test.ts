/**
 * A 财政局's batch, end to end with the compiled CLI: `jixiao score 报送/* --out-dir 已评分 --summary 汇总.xlsx`
 * over good workbooks, one without a table and every kind of bad file. Each bad file gets one line on
 * stderr, the batch goes on, the summary lists what was scored, the inputs are never modified.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { WorkbookResult } from '../../src/core/result';
import { contractViolations } from '../core/helpers';
import { SEED, encryptedWorkbookBytes, jixiao, requireBuiltCli, sha256, writeNoTableWorkbook, writeSeedVariant, xlsBytes, type Run } from './helpers';

jest.setTimeout(60_000);

let tmp: string;
let inbox: string;
/** Input paths as given on the command line (relative to tmp), in order. */
let inputs: string[];
let checksums: Map<string, string>;
let batch: Run;
let json: WorkbookResult[];

const GOOD = ['报送/01-城管局.xlsx', '报送/02-教育局.xlsx', '报送/03-新城区热线.xlsx'];
const NO_TABLE = '报送/04-通讯录.xlsx';
/** Bad file → what its stderr line must say (besides naming the file). */
const BAD: Record<string, RegExp> = {
  '报送/05-损坏.xlsx': /损坏/,
  '报送/06-不完整.xlsx': /损坏|不完整/,
  '报送/07-加密.xlsx': /密码|加密/,
  '报送/08-旧版.xls': /\.xls/,
  '报送/09-清单.csv': /CSV|文本/,
  '报送/10-空文件.xlsx': /空/,
  '报送/11-文件夹.xlsx': /文件夹/,
};

beforeAll(async () => {
  requireBuiltCli();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-batch-'));
  inbox = path.join(tmp, '报送');
  fs.mkdirSync(inbox);
  const at = (rel: string) => path.join(tmp, rel);
  await writeSeedVariant(at(GOOD[0]), { project: '城市道路清扫保洁经费', department: '新城区城市管理和综合执法局', budget: 120, executed: 108, graded: true });
  await writeSeedVariant(at(GOOD[1]), { project: '义务教育学生营养改善计划', department: '新城区教育局', budget: 80, executed: 60, graded: true, onTimeRate: 0 });
  fs.copyFileSync(SEED, at(GOOD[2]));
  await writeNoTableWorkbook(at(NO_TABLE));

  const seedBytes = fs.readFileSync(SEED);
  // A zip signature followed by garbage; and the seed cut off two thirds of the way (an interrupted upload).
  fs.writeFileSync(at('报送/05-损坏.xlsx'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 0x5a)]));
  fs.writeFileSync(at('报送/06-不完整.xlsx'), seedBytes.subarray(0, Math.floor((seedBytes.length * 2) / 3)));
  fs.writeFileSync(at('报送/07-加密.xlsx'), encryptedWorkbookBytes());
  fs.writeFileSync(at('报送/08-旧版.xls'), xlsBytes());
  fs.writeFileSync(at('报送/09-清单.csv'), '项目名称,全年预算数,全年执行数\n城市道路清扫保洁经费,120,108\n');
  fs.writeFileSync(at('报送/10-空文件.xlsx'), '');
  fs.mkdirSync(at('报送/11-文件夹.xlsx'));

  // What a shell makes of 报送/*: every entry, sorted.
  inputs = fs.readdirSync(inbox).sort().map((f) => `报送/${f}`);
  checksums = new Map(inputs.filter((f) => fs.statSync(at(f)).isFile()).map((f) => [f, sha256(at(f))]));

  batch = await jixiao(['score', ...inputs, '--out-dir', '已评分', '--summary', '汇总.xlsx'], tmp);
  const j = await jixiao(['score', ...inputs, '--json'], tmp);
  json = JSON.parse(j.stdout) as WorkbookResult[];
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('a batch with bad files', () => {
  it('has the inputs the test means to have', () => {
    expect(inputs).toEqual([...GOOD, NO_TABLE, ...Object.keys(BAD)].sort());
  });

  it('ends with a non-zero exit status (1: some files could not be read)', () => {
    expect(batch.status).toBe(1);
  });

  it('names every bad file and the file without a table in exactly one stderr line each, no stack traces', () => {
    expect(batch.stderr).not.toMatch(/\n\s+at |Error:|TypeError|undefined/);
    const lines = batch.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(Object.keys(BAD).length + 1);
    for (const [file, reason] of Object.entries(BAD)) {
      const mine = lines.filter((l) => l.includes(file));
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatch(reason);
      expect(mine[0]).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(lines.filter((l) => l.includes(NO_TABLE))).toEqual([expect.stringContaining('未找到绩效自评表')]);
    for (const good of GOOD) expect(batch.stderr).not.toContain(good);
  });

  it('shows no progress bar when stderr is not a terminal', () => {
    expect(batch.stderr).not.toContain('\r');
    expect(batch.stderr).not.toContain('评分中');
  });

  it('goes on past every bad file: the good ones are scored and printed, in order', () => {
    const positions = GOOD.map((f) => batch.stdout.indexOf(f));
    for (const p of positions) expect(p).toBeGreaterThanOrEqual(0);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(batch.stdout).toContain('城市道路清扫保洁经费');
    expect(batch.stdout).toContain('义务教育学生营养改善计划');
  });

  it('writes a scored copy of each file with a table, and none for the others', async () => {
    const written = fs.readdirSync(path.join(tmp, '已评分')).sort();
    expect(written).toEqual(GOOD.map((f) => path.basename(f)).sort());
    for (const f of written) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(tmp, '已评分', f));
      expect(wb.getWorksheet('自评表')).toBeDefined();
    }
  });

  it('never modifies an input (sha256 before and after both runs)', () => {
    for (const [f, sum] of checksums) expect([f, sha256(path.join(tmp, f))]).toEqual([f, sum]);
    expect(fs.readdirSync(path.join(tmp, '报送/11-文件夹.xlsx'))).toEqual([]);
    expect(fs.readdirSync(inbox).sort().map((f) => `报送/${f}`)).toEqual(inputs);
  });

  it('gives --json one contract-shaped result per input, UNREADABLE_FILE for the bad ones', () => {
    expect(json.map((r) => r.file)).toEqual(inputs);
    for (const r of json) expect([r.file, contractViolations(r)]).toEqual([r.file, []]);
    for (const r of json) {
      if ((r.file ?? '') in BAD) expect(r.issues.map((i) => i.code)).toEqual(['UNREADABLE_FILE']);
    }
    expect(json.find((r) => r.file === NO_TABLE)!.issues.map((i) => i.code)).toEqual(['TABLE_NOT_FOUND']);
    for (const f of GOOD) expect(json.find((r) => r.file === f)!.tables).toHaveLength(1);
  });

  it('the bad-file messages of stderr and of the results agree', () => {
    const lines = batch.stderr.trimEnd().split('\n');
    for (const f of Object.keys(BAD)) {
      const msg = json.find((r) => r.file === f)!.issues[0].message;
      expect(lines).toContain(msg);
    }
  });
});

describe('the summary workbook', () => {
  let wb: ExcelJS.Workbook;
  let summary: ExcelJS.Worksheet;
  let issues: ExcelJS.Worksheet;
  const rowOf = (file: string): ExcelJS.Row => {
    for (let r = 2; r <= summary.rowCount; r++) if (summary.getRow(r).getCell(1).value === file) return summary.getRow(r);
    throw new Error(`no summary row for ${file}`);
  };

  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, '汇总.xlsx'));
    summary = wb.getWorksheet('汇总')!;
    issues = wb.getWorksheet('问题清单')!;
  });

  it('has the two sheets, in order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '问题清单']);
  });

  it('has one row per table and one per file without a table, in input order', () => {
    const files: unknown[] = [];
    for (let r = 2; r <= summary.rowCount; r++) files.push(summary.getRow(r).getCell(1).value);
    expect(files).toEqual(inputs);
  });

  it('has the columns the issue names', () => {
    const header = (summary.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['文件', '工作表', '项目名称', '主管部门', '全年预算数（万元）', '全年执行数（万元）', '执行率', '总分', '等级', '错误', '警告', '最主要的问题']);
  });

  it('fills each table row from the result (project, department, budget, executed, rate, total, grade, counts)', () => {
    for (const f of GOOD) {
      const t = json.find((r) => r.file === f)!.tables[0];
      const row = rowOf(f);
      const v = (c: number) => row.getCell(c).value;
      expect([v(2), v(3), v(4)]).toEqual([t.sheet, t.project.name, t.project.department]);
      expect(v(5)).toBeCloseTo(t.funds.budget!, 9);
      expect(v(6)).toBeCloseTo(t.funds.executed!, 9);
      expect(v(7)).toBeCloseTo(t.funds.rate!, 9);
      expect(v(8)).toBeCloseTo(t.totals.score!, 9);
      expect(v(9)).toBe(t.grade ?? '未评级');
      expect(v(10)).toBe(t.issues.filter((i) => i.severity === 'error').length);
      expect(v(11)).toBe(t.issues.filter((i) => i.severity === 'warning').length);
    }
    // The variants differ where they were made to.
    expect(rowOf(GOOD[0]).getCell(5).value).toBe(120);
    expect(rowOf(GOOD[0]).getCell(7).value).toBeCloseTo(0.9, 9);
  });

  it('grades the fixed variants and leaves the seed (weights sum to 110, an error) ungraded', () => {
    // 01: 9 + 50 + 30 + 10 = 99 → 优; 02: 7.5 (60 of 80 spent) + 40 (按时办结率 0) + 30 + 10 = 87.5 → 良.
    expect([GOOD[0], GOOD[1]].map((f) => rowOf(f).getCell(9).value)).toEqual(['优', '良']);
    expect(rowOf(GOOD[1]).getCell(8).value).toBeCloseTo(87.5, 9);
    expect(rowOf(GOOD[2]).getCell(9).value).toBe('未评级');
    expect(String(rowOf(GOOD[2]).getCell(12).value)).toMatch(/B13/);
  });

  it('names the most serious issue: an error before any warning', () => {
    const seedTable = json.find((r) => r.file === GOOD[2])!.tables[0];
    const firstError = seedTable.issues.find((i) => i.severity === 'error')!;
    expect(String(rowOf(GOOD[2]).getCell(12).value)).toContain(firstError.message);
  });

  it('gives every unreadable file a row with its reason', () => {
    for (const [f, reason] of Object.entries(BAD)) {
      const row = rowOf(f);
      expect(row.getCell(10).value).toBe(1);
      expect(String(row.getCell(12).value)).toMatch(reason);
    }
    expect(String(rowOf(NO_TABLE).getCell(12).value)).toContain('未找到');
  });

  it('freezes the header row and puts an autofilter over every row', () => {
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(issues.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const af = summary.autoFilter as unknown as string | { from: string; to: string };
    const ref = typeof af === 'string' ? af : `${af.from}:${af.to}`;
    expect(ref).toBe(`A1:L${summary.rowCount}`);
    expect(issues.autoFilter).toBeTruthy();
  });

  it('colours grades with conditional formatting rules, one per grade, not static fills', async () => {
    const cfs = (summary as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[]; style?: { fill?: unknown } }[] }[] }).conditionalFormattings;
    expect(cfs).toHaveLength(1);
    expect(cfs[0].ref).toBe(`I2:I${summary.rowCount}`);
    const formulae = cfs[0].rules.map((r) => r.formulae?.[0]);
    expect(formulae).toEqual(['$I2="优"', '$I2="良"', '$I2="中"', '$I2="差"']);
    for (const r of cfs[0].rules) expect(r.style?.fill).toBeTruthy();
    // No static fill on the grade cells: the colour is the rule's, so it follows edits and filters.
    for (let r = 2; r <= summary.rowCount; r++) expect(summary.getRow(r).getCell(9).fill).toBeUndefined();

    // And in the file itself: a cfRule with a differential format (dxf) carrying a fill.
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(tmp, '汇总.xlsx')));
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).toMatch(/<conditionalFormatting sqref="I2:I\d+">/);
    expect((sheetXml.match(/<cfRule type="expression" dxfId="\d+"/g) ?? []).length).toBe(4);
    const styles = await zip.file('xl/styles.xml')!.async('string');
    expect(styles).toMatch(/<dxfs count="4">[\s\S]*<fill>[\s\S]*<\/dxfs>/);
  });

  it('lists every issue of every file on 问题清单 with file, sheet and cell', () => {
    const rows: unknown[][] = [];
    for (let r = 2; r <= issues.rowCount; r++) rows.push((issues.getRow(r).values as unknown[]).slice(1, 7));
    const header = (issues.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['文件', '工作表', '单元格', '级别', '代码', '说明']);
    const expected: unknown[][] = [];
    const label = { error: '错误', warning: '警告', info: '提示' };
    for (const r of json) {
      for (const i of r.issues) expected.push([r.file, undefined, undefined, label[i.severity], i.code, i.message]);
      for (const t of r.tables) for (const i of t.issues) expected.push([r.file, t.sheet, i.cell ?? undefined, label[i.severity], i.code, i.message]);
    }
    expect(rows).toEqual(expected);
    // Table issues carry a cell; the seed's WEIGHT_SUM is at the 产出指标 cell that causes it (B13).
    expect(rows).toContainEqual([GOOD[2], '自评表', 'B13', '错误', 'WEIGHT_SUM', expect.any(String)]);
  });
});

describe('progress bar', () => {
  const hasScript = fs.existsSync('/usr/bin/script');
  (hasScript ? it : it.skip)('is drawn on a terminal (under script(1)) and the batch result is the same', () => {
    // script gives the CLI a pseudo-terminal; -e returns the child's exit status.
    const cmd = [process.execPath, path.join(__dirname, '..', '..', 'bin', 'jixiao.js'), 'score', ...inputs].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('/usr/bin/script', ['-qec', cmd, '/dev/null'], { cwd: tmp, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TERM: 'xterm' } });
    expect(r.stdout).toContain('评分中');
    expect(r.stdout).toMatch(/\d+\/11/);
    for (const f of Object.keys(BAD)) expect(r.stdout).toContain(f);
    expect(r.status).toBe(1);
  });
});

describe('exit status and memory log', () => {
  it('is 2 when the only trouble is a file without a table, 0 when every file has one', async () => {
    const noTable = await jixiao(['score', ...GOOD, NO_TABLE, '--summary', '汇总-2.xlsx'], tmp);
    expect(noTable.status).toBe(2);
    expect(noTable.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining(NO_TABLE)]);
    const clean = await jixiao(['score', ...GOOD, '--summary', '汇总-0.xlsx'], tmp);
    expect([clean.status, clean.stderr]).toEqual([0, '']);
    expect(fs.existsSync(path.join(tmp, '汇总-0.xlsx'))).toBe(true);
  });

  it('logs memory after every file with JIXIAO_MEMLOG=1 (and only then), on stderr', async () => {
    const r = await jixiao(['score', ...inputs, '--summary', '汇总-3.xlsx'], tmp, { JIXIAO_MEMLOG: '1' });
    const mem = r.stderr.split('\n').filter((l) => l.startsWith('[memlog]'));
    expect(mem.map((l) => /^\[memlog\] (\d+)\/(\d+) rss=[\d.]+MB heapUsed=[\d.]+MB external=[\d.]+MB$/.exec(l)?.slice(1, 3))).toEqual(
      inputs.map((_, i) => [String(i + 1), String(inputs.length)]),
    );
    expect(r.status).toBe(1);
    expect(batch.stderr).not.toContain('[memlog]');
  });
});
