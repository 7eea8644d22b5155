/**
 * The compiled CLI end to end (node bin/jixiao.js), as a user runs it.
 * Needs `npm run build` (or `npx tsc -p tsconfig.cli.json`) first.
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { NOTE_PREFIX } from '../../src/core/writePlan';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'jixiao.js');
const SEED_SRC = path.join(ROOT, 'tests', 'fixtures', 'xincheng-12345-2023.xlsx');

let tmp: string;
let seed: string; // a copy in tmp, so a bug can never touch the fixture

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function jixiao(args: string[], cwd = tmp): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sha256 = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

/** stderr holds exactly one line and no stack frame. */
function expectOneLine(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr.trim()).not.toBe('');
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'))) {
    throw new Error('lib/cli/main.js 不存在：CLI 测试需要先编译，请运行 npm run build（或 npx tsc -p tsconfig.cli.json）');
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-cli-'));
  seed = path.join(tmp, 'seed.xlsx');
  fs.copyFileSync(SEED_SRC, seed);
  fs.writeFileSync(path.join(tmp, 'notes.xlsx'), '这不是工作簿，只是改了扩展名的文本。\n');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('通讯录');
  ws.addRow(['姓名', '电话']);
  ws.addRow(['张三', '12345']);
  await wb.xlsx.writeFile(path.join(tmp, 'no-table.xlsx'));
  // A 部门整体支出绩效自评表 alone (labels as the 重庆 2021 form has them): not a project table.
  const dept = new ExcelJS.Workbook();
  const ds = dept.addWorksheet('部门整体');
  ds.addRow(['部门整体支出绩效自评表']);
  ds.addRow(['部门名称', '区融媒体中心']);
  ds.addRow(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分']);
  ds.addRow(['产出指标', '数量指标', '发布新闻条数', '≥1000条', '1200条', 50, 50]);
  await dept.xlsx.writeFile(path.join(tmp, 'department.xlsx'));
  fs.writeFileSync(path.join(tmp, 'rules.json'), JSON.stringify({ includeExecutionInTotal: false }));
  fs.writeFileSync(path.join(tmp, 'bad-rules.json'), JSON.stringify({ decimals: 'two' }));
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('jixiao score: exit status and messages', () => {
  it('scores the seed: exit 0, a readable summary, nothing on stderr', () => {
    const r = jixiao(['score', 'seed.xlsx']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('seed.xlsx');
    expect(r.stdout).toContain('自评表');
    expect(r.stdout).toContain('12345 市民热线服务中心运行经费');
    expect(r.stdout).toContain('执行率 100.00%');
    expect(r.stdout).toContain('未评级');
    expect(r.stdout).toMatch(/\[错误\] B13（产出指标）/);
    expect(r.stdout).toMatch(/\[警告\] H6 /);
    expect(r.stdout).not.toContain('\u001b['); // no colour when not a terminal
  });

  it('exit 2 when a file holds no table', () => {
    const r = jixiao(['score', 'no-table.xlsx']);
    expect(r.status).toBe(2);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain('no-table.xlsx');
  });

  it('exit 2 for a file holding only a 部门整体支出绩效自评表, saying what it holds', () => {
    const r = jixiao(['score', 'department.xlsx']);
    expect(r.status).toBe(2);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain('工作表「部门整体」是部门整体支出绩效自评表；本工具评的是项目支出绩效自评表');
    const json = jixiao(['score', 'department.xlsx', '--json']);
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ tables: [], issues: [{ code: 'TABLE_NOT_FOUND', severity: 'error', cell: null }] });
  });

  it('exit 1 for a text file renamed .xlsx', () => {
    const r = jixiao(['score', 'notes.xlsx']);
    expect(r.status).toBe(1);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain(`无法读取 ${path.join(tmp, 'notes.xlsx')}：不是 .xlsx 文件`);
  });

  it('exit 1 for a missing file', () => {
    const r = jixiao(['score', 'missing.xlsx']);
    expect(r.status).toBe(1);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain(`无法读取 ${path.join(tmp, 'missing.xlsx')}：文件不存在`);
  });

  it('exit 1 for an unknown option, in Chinese', () => {
    const r = jixiao(['score', 'seed.xlsx', '--frobnicate']);
    expect(r.status).toBe(1);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain('未知选项 --frobnicate');
    expect(r.stdout).toBe('');
  });

  it('exit 1 when no file is given, or for an unknown command', () => {
    const none = jixiao(['score']);
    expect(none.status).toBe(1);
    expectOneLine(none.stderr);
    expect(none.stderr).toContain('请指定至少一个 .xlsx 文件');
    const unknown = jixiao(['grade', 'seed.xlsx']);
    expect(unknown.status).toBe(1);
    expectOneLine(unknown.stderr);
  });

  it('one bad file does not stop the others; failure outranks "no table"', () => {
    const r = jixiao(['score', 'missing.xlsx', 'no-table.xlsx', 'seed.xlsx']);
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toContain('12345 市民热线服务中心运行经费');
  });

  it('prints usage in Chinese', () => {
    const top = jixiao(['--help']);
    expect(top.status).toBe(0);
    expect(top.stdout).toContain('用法');
    expect(top.stdout).toContain('score');
    const score = jixiao(['score', '--help']);
    expect(score.status).toBe(0);
    for (const opt of ['--json', '--config', '--out', '--out-dir', '--summary']) expect(score.stdout).toContain(opt);
    expect(score.stdout).toContain('退出状态');
  });
});

describe('jixiao score --json', () => {
  it('prints one contract-shaped object for one file, and nothing else', () => {
    const r = jixiao(['score', 'seed.xlsx', '--json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout);
    expect(Array.isArray(result)).toBe(false);
    expect(Object.keys(result)[0]).toBe('file');
    expect(result.file).toBe('seed.xlsx');
    expect(result.issues).toEqual([]);
    expect(result.tables).toHaveLength(1);
    const t = result.tables[0];
    for (const k of ['sheet', 'range', 'layout', 'title', 'year', 'project', 'funds', 'indicators', 'totals', 'grade', 'issues']) expect(t).toHaveProperty(k);
    expect(t).toMatchObject({ sheet: '自评表', range: 'A1:I21', layout: 'national', year: 2023, grade: null });
    for (const k of ['name', 'department', 'implementer']) expect(t.project).toHaveProperty(k);
    for (const k of ['initialBudget', 'budget', 'executed', 'rate', 'weight', 'score', 'statedRate', 'statedScore', 'rateCell', 'scoreCell', 'sources']) {
      expect(t.funds).toHaveProperty(k);
    }
    // values read through the exceljs reader: 0.66 under "0%", cached numbers
    expect(t.funds).toMatchObject({ initialBudget: 97.9, budget: 64.95, executed: 64.95, rate: 1, statedRate: 0.66, rateCell: 'H6' });
    for (const ind of t.indicators) {
      for (const k of ['level1', 'level2', 'name', 'target', 'actual', 'kind', 'weight', 'score', 'statedScore', 'scoreSource', 'row', 'scoreCell']) {
        expect(ind).toHaveProperty(k);
      }
    }
    expect(t.indicators.find((i: { name: string }) => i.name === '劳务派遣话务员人数')).toMatchObject({ target: '12 人', actual: '100%' });
    for (const k of ['weight', 'score', 'statedWeight', 'statedScore', 'scoreCell']) expect(t.totals).toHaveProperty(k);
    for (const issue of t.issues) {
      expect(Object.keys(issue)).toEqual(expect.arrayContaining(['code', 'severity', 'cell', 'message']));
      expect(['error', 'warning', 'info']).toContain(issue.severity);
    }
  });

  it('prints an array for several files, with UNREADABLE_FILE and TABLE_NOT_FOUND entries', () => {
    const r = jixiao(['score', 'seed.xlsx', 'notes.xlsx', 'no-table.xlsx', '--json']);
    expect(r.status).toBe(1);
    const results = JSON.parse(r.stdout);
    expect(results.map((x: { file: string }) => x.file)).toEqual(['seed.xlsx', 'notes.xlsx', 'no-table.xlsx']);
    expect(results[0].tables).toHaveLength(1);
    expect(results[1]).toMatchObject({ tables: [], issues: [{ code: 'UNREADABLE_FILE', severity: 'error', cell: null }] });
    expect(results[1].issues[0].message).toContain('notes.xlsx');
    expect(results[2].tables).toEqual([]);
    expect(results[2].issues.map((i: { code: string }) => i.code)).toContain('TABLE_NOT_FOUND');
  });

  it('applies --config; a bad config is one line and exit 1', () => {
    const r = jixiao(['score', 'seed.xlsx', '--json', '--config', 'rules.json']);
    expect(r.status).toBe(0);
    const t = JSON.parse(r.stdout).tables[0];
    expect(t.totals.weight).toBe(100);
    expect(t.grade).toBe('优');
    const bad = jixiao(['score', 'seed.xlsx', '--config', 'bad-rules.json']);
    expect(bad.status).toBe(1);
    expectOneLine(bad.stderr);
    expect(bad.stderr).toContain('bad-rules.json');
    expect(bad.stderr).toContain('decimals');
    expect(bad.stdout).toBe('');
    const missing = jixiao(['score', 'seed.xlsx', '--config', 'nope.json']);
    expect(missing.status).toBe(1);
    expectOneLine(missing.stderr);
  });
});

describe('jixiao score --out / --out-dir', () => {
  it('writes a scored copy and leaves the input byte-identical', async () => {
    const before = sha256(seed);
    const mtime = fs.statSync(seed).mtimeMs;
    const r = jixiao(['score', 'seed.xlsx', '--out', 'scored/seed-scored.xlsx']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`已另存评分副本（含评分结果和绩效自评报告工作表）：${path.join(tmp, 'scored', 'seed-scored.xlsx')}\n`);
    expect(sha256(seed)).toBe(before);
    expect(fs.statSync(seed).mtimeMs).toBe(mtime);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, 'scored', 'seed-scored.xlsx'));
    const ws = wb.getWorksheet('自评表')!;
    expect(ws.getCell('H6').value).toBe(1);
    expect(ws.getCell('I6').value).toBe(10);
    expect(String(ws.getCell('H6').note)).toContain(NOTE_PREFIX);
    // no stray temporary file left beside the output
    expect(fs.readdirSync(path.join(tmp, 'scored'))).toEqual(['seed-scored.xlsx']);
  });

  it('refuses --out equal to the input, however it is spelled', () => {
    const before = sha256(seed);
    for (const out of ['seed.xlsx', './seed.xlsx', path.join(tmp, 'seed.xlsx')]) {
      const r = jixiao(['score', 'seed.xlsx', '--out', out]);
      expect(r.status).toBe(1);
      expectOneLine(r.stderr);
      expect(r.stderr).toContain('不能与输入文件相同');
    }
    expect(sha256(seed)).toBe(before);
  });

  it('refuses --out with several files and --out together with --out-dir', () => {
    const several = jixiao(['score', 'seed.xlsx', 'no-table.xlsx', '--out', 'x.xlsx']);
    expect(several.status).toBe(1);
    expectOneLine(several.stderr);
    const both = jixiao(['score', 'seed.xlsx', '--out', 'x.xlsx', '--out-dir', 'd']);
    expect(both.status).toBe(1);
    expectOneLine(both.stderr);
    expect(fs.existsSync(path.join(tmp, 'x.xlsx'))).toBe(false);
  });

  it('--out-dir writes one copy per scored file and refuses to overwrite inputs', () => {
    fs.mkdirSync(path.join(tmp, 'a'), { recursive: true });
    fs.copyFileSync(seed, path.join(tmp, 'a', 'seed.xlsx'));
    const r = jixiao(['score', 'seed.xlsx', 'a/seed.xlsx', 'no-table.xlsx', '--out-dir', 'out']);
    expect(r.status).toBe(2);
    expect(fs.readdirSync(path.join(tmp, 'out')).sort()).toEqual(['seed-2.xlsx', 'seed.xlsx']);
    const same = jixiao(['score', 'seed.xlsx', '--out-dir', '.']);
    expect(same.status).toBe(1);
    expectOneLine(same.stderr);
  });
});

describe('bin/jixiao.js without a build', () => {
  it('says to run npm run build', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'nobuild-'));
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.copyFileSync(BIN, path.join(dir, 'bin', 'jixiao.js'));
    const r = spawnSync(process.execPath, [path.join(dir, 'bin', 'jixiao.js'), 'score', 'x.xlsx'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('请先运行 npm run build');
    expectOneLine(r.stderr);
  });
});

describe('jixiao score --summary', () => {
  it('writes one row per table (and per failed file) plus an issue list; a bad file does not stop the batch', async () => {
    const before = sha256(seed);
    const r = jixiao(['score', 'seed.xlsx', 'notes.xlsx', 'no-table.xlsx', '--summary', 'reports/汇总.xlsx']);
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(2); // notes.xlsx unreadable, no-table.xlsx without table
    expect(sha256(seed)).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, 'reports', '汇总.xlsx'));
    const summary = wb.getWorksheet('汇总')!;
    expect(summary.getRow(1).getCell(1).value).toBe('文件');
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(summary.autoFilter).toBeTruthy();
    expect(summary.rowCount).toBe(4);
    const seedRow = summary.getRow(2);
    expect(seedRow.getCell(1).value).toBe('seed.xlsx');
    expect(seedRow.getCell(3).value).toBe('12345 市民热线服务中心运行经费');
    expect(seedRow.getCell(7).value).toBe(1);
    expect(seedRow.getCell(9).value).toBe('未评级');
    expect(Number(seedRow.getCell(10).value)).toBeGreaterThan(0);
    expect(String(summary.getRow(3).getCell(12).value)).toContain(`无法读取 ${path.join(tmp, 'notes.xlsx')}`);
    const issues = wb.getWorksheet('问题清单')!;
    const codes = new Set<string>();
    issues.eachRow((row, n) => {
      if (n > 1) codes.add(String(row.getCell(5).value));
    });
    for (const c of ['WEIGHT_SUM', 'RATE_MISMATCH', 'UNREADABLE_FILE', 'TABLE_NOT_FOUND']) expect(codes.has(c)).toBe(true);
  });

  it('refuses a --summary path equal to an input', () => {
    const r = jixiao(['score', 'seed.xlsx', '--summary', 'seed.xlsx']);
    expect(r.status).toBe(1);
    expectOneLine(r.stderr);
  });
});

describe('run() in process', () => {
  it('colours the summary only when stdout is a terminal', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { run } = require('../../src/cli/main') as typeof import('../../src/cli/main');
    const saved = process.env.NO_COLOR;
    delete process.env.NO_COLOR;
    try {
      for (const tty of [true, false]) {
        let out = '';
        let err = '';
        const code = await run(['score', 'seed.xlsx'], { out: (t) => void (out += t), err: (t) => void (err += t), stdoutIsTTY: tty, stderrIsTTY: false, cwd: tmp });
        expect(code).toBe(0);
        expect(err).toBe('');
        expect(out.includes('\u001b[')).toBe(tty);
      }
    } finally {
      if (saved !== undefined) process.env.NO_COLOR = saved;
    }
  });
});

describe('jixiao and a closed pipe', () => {
  it("ends quietly when the reader closes the pipe at once (| head -c 0), no stack trace", () => {
    const r = spawnSync('bash', ['-c', `node "${BIN}" score "${seed}" "${seed}" "${seed}" --json 2>"${tmp}/epipe.err" | head -c 0; echo "\${PIPESTATUS[0]}"`], {
      encoding: 'utf8',
    });
    expect(r.stdout.trim()).toBe('0');
    expect(fs.readFileSync(path.join(tmp, 'epipe.err'), 'utf8')).toBe('');
  });
});
