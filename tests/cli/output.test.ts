/**
 * What `jixiao score` prints, as a 财政局 reviewer reads and copies it (issue 13, item 9): every 提示 or a
 * count with the way to see them, absolute paths for every file it names, where --summary and the copies
 * went, and hints that run as printed (`npx jixiao …`, quoted where a path needs it). The compiled CLI is
 * spawned on real .xlsx files; needs `npm run build` (or `npx tsc -p tsconfig.cli.json`) first.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { BIN, SEED, jixiao, requireBuiltCli, sha256, writeSeedVariant } from '../batch/helpers';
import { MAX_INFO_SHOWN } from '../../src/cli/summaryText';

let tmp: string;
/** The seed in a folder whose name holds a space: hints must quote it to run. */
let seed: string;
/** The seed with five indicators far above target: more 提示 than are listed by default. */
let manyInfos: string;

beforeAll(async () => {
  requireBuiltCli();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-output-'));
  fs.mkdirSync(path.join(tmp, '报送 材料'));
  seed = path.join(tmp, '报送 材料', 'seed.xlsx');
  fs.copyFileSync(SEED, seed);
  manyInfos = path.join(tmp, '提示多.xlsx');
  await writeSeedVariant(manyInfos);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(manyInfos);
  const ws = wb.worksheets[0];
  // Targets 12 人 and 100%: actuals at 3× are OVER_ACHIEVED (提示) under the national threshold (1.3×).
  ws.getCell('F13').value = '40 人';
  for (const row of [15, 17, 18, 19]) ws.getCell(`F${row}`).value = '300%';
  await wb.xlsx.writeFile(manyInfos);
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** The lines of stdout carrying a severity label. */
const labelled = (stdout: string, label: string) => stdout.split('\n').filter((l) => l.startsWith(`  [${label}]`));

/** Runs a printed `npx jixiao …` line through bash, with this build standing in for npx's jixiao. */
function runPrinted(command: string, cwd: string) {
  expect(command.startsWith('npx jixiao ')).toBe(true);
  const r = spawnSync('bash', ['-c', `node ${JSON.stringify(BIN)} ${command.slice('npx jixiao '.length)}`], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('jixiao score: what a table lists', () => {
  it('heads the file with its absolute path and lists errors, warnings, then the 提示', async () => {
    const r = await jixiao(['score', path.join('报送 材料', 'seed.xlsx')], tmp);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(seed);
    expect(r.stdout).toContain('错误 1 · 警告 7 · 提示 1\n');
    const infos = labelled(r.stdout, '提示');
    expect(infos).toHaveLength(1);
    expect(infos[0]).toMatch(/^ {2}\[提示\] E6 的全年预算数 64\.95 万元与年初预算数 97\.9 万元不同/);
    const first = (label: string) => lines.findIndex((l) => l.startsWith(`  [${label}]`));
    expect(first('错误')).toBeGreaterThan(0);
    expect(first('错误')).toBeLessThan(first('警告'));
    const lastWarning = lines.length - 1 - [...lines].reverse().findIndex((l) => l.startsWith('  [警告]'));
    expect(lastWarning).toBeLessThan(first('提示'));
    // No English layout id beside the Chinese name.
    expect(r.stdout).toContain('全国通用格式\n');
    expect(r.stdout).not.toContain('（national）');
  });

  it(`lists ${MAX_INFO_SHOWN} 提示 by default and says how many more, with the command that shows them; --verbose lists all`, async () => {
    const json = JSON.parse((await jixiao(['score', manyInfos, '--json'], tmp)).stdout);
    const infoCount = json.tables[0].issues.filter((i: { severity: string }) => i.severity === 'info').length;
    expect(infoCount).toBeGreaterThan(MAX_INFO_SHOWN);

    const r = await jixiao(['score', '提示多.xlsx'], tmp);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`提示 ${infoCount}\n`);
    expect(labelled(r.stdout, '提示')).toHaveLength(MAX_INFO_SHOWN);
    const more = `另有 ${infoCount - MAX_INFO_SHOWN} 条提示，加 --verbose 查看：npx jixiao score ${manyInfos} --verbose`;
    expect(r.stdout).toContain(`  ${more}\n`);

    // The printed command runs, and lists every 提示.
    const verbose = runPrinted(more.slice(more.indexOf('npx jixiao')), os.tmpdir());
    expect(verbose.status).toBe(0);
    const listed = labelled(verbose.stdout, '提示');
    expect(listed).toHaveLength(infoCount);
    expect(listed.filter((l) => l.includes('远超目标'))).toHaveLength(5);
    expect(verbose.stdout).not.toContain('另有');
  });

  it('--verbose is in the help', async () => {
    const r = await jixiao(['score', '--help'], tmp);
    expect(r.stdout).toMatch(/--verbose\s+列出全部提示/);
  });
});

describe('jixiao score: hints run as printed', () => {
  it('the rules-file hint for 总分不含预算执行率: doing what it says scores the table without the error', async () => {
    const r = await jixiao(['score', seed], tmp);
    const line = r.stdout.split('\n').find((l) => l.includes('"includeExecutionInTotal": false'));
    expect(line).toBeDefined();
    const rules = path.join(path.dirname(seed), '规则.json');
    const m = /新建 (.+)，写入 (\{.*\})，再运行 (npx jixiao .+)$/.exec(line!);
    expect(m).not.toBeNull();
    expect(m![1]).toBe(rules);
    fs.writeFileSync(m![1], m![2]);
    try {
      // Run from elsewhere: the command's absolute, quoted paths must not depend on the working folder.
      const again = runPrinted(m![3], os.tmpdir());
      expect(again.stderr).toBe('');
      expect(again.status).toBe(0);
      expect(again.stdout).toContain('等级 优');
      expect(labelled(again.stdout, '错误')).toEqual([]);
      expect(again.stdout).toContain(`评分规则：${rules}`);
    } finally {
      fs.rmSync(rules);
    }
  });

  it('the scored-copy hint writes the copy it names and leaves the input alone', async () => {
    const before = sha256(seed);
    const r = await jixiao(['score', seed], tmp);
    const line = r.stdout.split('\n').find((l) => l.includes('评分副本会按计算结果改写'));
    expect(line).toBeDefined();
    const command = line!.slice(line!.indexOf('npx jixiao'));
    const copy = path.join(path.dirname(seed), 'seed-已评分.xlsx');
    expect(command).toBe(`npx jixiao score "${seed}" --out "${copy}"`);
    const ran = runPrinted(command, os.tmpdir());
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain(`已另存评分副本（含评分结果和绩效自评报告工作表）：${copy}\n`);
    // Asked for a copy already: the hint is not repeated.
    expect(ran.stdout).not.toContain('评分副本会按计算结果改写');
    expect(fs.existsSync(copy)).toBe(true);
    expect(sha256(seed)).toBe(before);

    // The copy, scored again: what the scoring corrected is listed apart, not as warnings to act on.
    const rescored = await jixiao(['score', copy], tmp);
    // One table: the report sheet the copy carries is not read as a second one.
    const tables = rescored.stdout.split('  工作表「').slice(1);
    expect(tables).toHaveLength(1);
    const firstTable = tables[0];
    expect(firstTable).toContain('错误 1 · 警告 3 · 提示 1 · 已自动更正 4\n');
    const cellOf = (l: string) => /^ {2}\[[^\]]+\] ([A-Z]+\d+)/.exec(l)?.[1];
    expect(labelled(firstTable, '已自动更正').map(cellOf)).toEqual(['H6', 'I6', 'H7', 'H16']);
    expect(labelled(firstTable, '警告').map(cellOf)).toEqual(['F13', 'F20', 'H21']);
    fs.rmSync(copy);
  });

  it('usage errors and help examples name npx jixiao', async () => {
    const unknown = await jixiao(['score', seed, '--frobnicate'], tmp);
    expect(unknown.stderr).toContain('运行 npx jixiao score --help 查看用法');
    const missing = await jixiao(['score'], tmp);
    expect(missing.stderr).toContain('例如 npx jixiao score 自评表.xlsx');
    for (const args of [['--help'], ['score', '--help'], ['report', '--help'], ['template', '--help']]) {
      const help = (await jixiao(args, tmp)).stdout;
      // Every command line shown as an example or a hint (the 用法 line is syntax, not a command to copy).
      const named = help.split('\n').filter((l) => /\bjixiao (score|report|template)\b/.test(l) && !l.startsWith('用法'));
      expect(named.length).toBeGreaterThan(0);
      for (const l of named) expect(l).toMatch(/npx jixiao (score|report|template)\b/);
      expect(help).not.toMatch(/(?<!npx )\bjixiao (score|report|template) \S+\.xlsx/);
    }
  });
});

describe('jixiao score: where the files went', () => {
  it('--summary: one line naming the summary absolutely; under --json on stderr, stdout stays JSON', async () => {
    const r = await jixiao(['score', seed, manyInfos, '--summary', 'out/汇总.xlsx'], tmp);
    expect(r.status).toBe(0);
    const summary = path.join(tmp, 'out', '汇总.xlsx');
    expect(r.stdout.endsWith(`已写出汇总表（2 个文件，2 张自评表）：${summary}\n`)).toBe(true);
    expect(fs.existsSync(summary)).toBe(true);

    const j = await jixiao(['score', seed, '--json', '--summary', 'out/汇总2.xlsx'], tmp);
    expect(j.status).toBe(0);
    expect(JSON.parse(j.stdout).file).toBe(seed);
    expect(j.stderr).toBe(`已写出汇总表（1 个文件，1 张自评表）：${path.join(tmp, 'out', '汇总2.xlsx')}\n`);
  });

  it('--out-dir: each copy named absolutely, inputs named absolutely however they were given', async () => {
    const r = await jixiao(['score', path.join('报送 材料', 'seed.xlsx'), '提示多.xlsx', '--out-dir', '已评分'], tmp);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    for (const [input, copy] of [
      [seed, path.join(tmp, '已评分', 'seed.xlsx')],
      [manyInfos, path.join(tmp, '已评分', '提示多.xlsx')],
    ]) {
      expect(r.stdout).toContain(`${input}\n  工作表「自评表」`);
      expect(r.stdout).toContain(`  已另存评分副本（含评分结果和绩效自评报告工作表）：${copy}\n`);
      expect(fs.existsSync(copy)).toBe(true);
    }
    expect(r.stdout).not.toContain('评分副本会按计算结果改写');
  });

  it('refusals name the files absolutely', async () => {
    const same = await jixiao(['score', 'seed.xlsx', '--out', './seed.xlsx'], path.dirname(seed));
    expect(same.status).toBe(1);
    expect(same.stderr).toContain(`--out 不能与输入文件相同（${seed}）`);
    const summary = await jixiao(['score', seed, '--summary', seed], tmp);
    expect(summary.status).toBe(1);
    expect(summary.stderr).toContain(`--summary ${seed} 会覆盖输入文件或评分副本`);
  });
});

describe('jixiao score: a blank template', () => {
  it('shows what to fill in (待填写), not errors, and the command to score it once filled', async () => {
    const blank = path.join(tmp, '空白.xlsx');
    const made = await jixiao(['template', '空白.xlsx'], tmp);
    expect(made.status).toBe(0);
    const r = await jixiao(['score', '空白.xlsx'], tmp);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toContain('待填写：表格尚未填写资金和实际完成值，暂无可评分的内容');
    expect(labelled(r.stdout, '待填写').map((l) => l.split(' ')[3])).toEqual(['C3', 'E6', 'F6', '各指标的分值、年度指标值和实际完成值']);
    expect(labelled(r.stdout, '错误')).toEqual([]);
    expect(r.stdout).toContain(`填写后运行：npx jixiao score ${blank}\n`);
  });
});
