/**
 * `jixiao score` honours the profile saved in the workbook (`_jixiao_settings`!A1, very hidden: CONTRACT.md),
 * lets --config override it key by key, and says which rules it used. The compiled CLI, as a user runs it
 * (needs `npm run build` or `npx tsc -p tsconfig.cli.json`).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { SETTINGS_SHEET } from '../../src/core/savedProfile';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'jixiao.js');
const SEED = path.join(ROOT, 'tests', 'fixtures', 'xincheng-12345-2023.xlsx');
let tmp: string;

function jixiao(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The seed with a saved profile, as the add-in leaves it: a very hidden sheet, A1 the JSON as text. */
async function seedWithProfile(file: string, a1: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SEED);
  const ws = wb.addWorksheet(SETTINGS_SHEET, { state: 'veryHidden' });
  ws.getCell('A1').numFmt = '@';
  ws.getCell('A1').value = a1;
  const out = path.join(tmp, file);
  await wb.xlsx.writeFile(out);
  return out;
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'))) {
    throw new Error('lib/cli/main.js 不存在：CLI 测试需要先编译，请运行 npm run build（或 npx tsc -p tsconfig.cli.json）');
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-profile-'));
  fs.copyFileSync(SEED, path.join(tmp, 'plain.xlsx'));
  await seedWithProfile('saved.xlsx', JSON.stringify({ includeExecutionInTotal: false, decimals: 1 }));
  await seedWithProfile('damaged.xlsx', '{"decimals":"two"}');
  await seedWithProfile('notjson.xlsx', '{"weights": {');
  fs.writeFileSync(path.join(tmp, 'rules.json'), JSON.stringify({ decimals: 3 }));
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const scored = (args: string[]) => {
  const r = jixiao(['score', ...args, '--json']);
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
};

test('a workbook without a saved profile is scored by the national rules, and says so', () => {
  const out = scored(['plain.xlsx']);
  expect(out.profileSource).toEqual({ workbook: false, config: null, description: '评分规则：全国默认规则（财预〔2020〕10号）' });
  const text = jixiao(['score', 'plain.xlsx']);
  expect(text.stdout).toContain('评分规则：全国默认规则');
});

test('the saved profile scores the workbook: the total leaves out the execution rate', () => {
  const plain = scored(['plain.xlsx']).tables[0];
  const saved = scored(['saved.xlsx']);
  expect(saved.profileSource).toMatchObject({ workbook: true, config: null, description: `评分规则：工作簿中保存的规则（${SETTINGS_SHEET}）` });
  const t = saved.tables[0];
  expect(t.totals.score).toBeCloseTo(plain.totals.score - plain.funds.score, 9);
  expect(jixiao(['score', 'saved.xlsx']).stdout).toContain(`评分规则：工作簿中保存的规则（${SETTINGS_SHEET}）`);
});

test('--config overrides the saved profile key by key, and the output names both', () => {
  const saved = scored(['saved.xlsx']).tables[0];
  const both = scored(['saved.xlsx', '--config', 'rules.json']);
  // The rules file named absolutely, as the CLI names every file.
  const rules = path.join(tmp, 'rules.json');
  expect(both.profileSource).toEqual({ workbook: true, config: rules, description: `评分规则：${rules}，未写的项取工作簿中保存的规则（${SETTINGS_SHEET}）` });
  // includeExecutionInTotal still comes from the workbook: the same total as the saved profile alone.
  expect(both.tables[0].totals.score).toBeCloseTo(saved.totals.score, 9);
  const text = jixiao(['score', 'saved.xlsx', '--config', 'rules.json']).stdout;
  expect(text).toContain(`评分规则：${rules}，未写的项取工作簿中保存的规则`);
});

test('a damaged saved profile: national rules, one warning line on stderr, exit 0', () => {
  const r = jixiao(['score', 'damaged.xlsx', '--json']);
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout).profileSource.workbook).toBe(false);
  const [line, ...rest] = r.stderr.trim().split('\n');
  expect(rest).toEqual([]);
  const file = path.join(tmp, 'damaged.xlsx');
  expect(line.startsWith(`${file}：工作簿中保存的评分规则有误：保留小数位数`)).toBe(true);
  // What to do from the command line (a rules file, the command to run), not only the pane's 设置.
  expect(line).toContain(`已改用全国默认规则。如需其他规则，可用规则文件指定：npx jixiao score ${file} --config ${path.join(tmp, '规则.json')}。`);
  expect(line).toMatch(/在 Excel 任务窗格“设置”中点“保存设置”可覆盖工作簿中损坏的规则。$/);
});

test('a saved profile that is not JSON, with --config: the rules file applies over the national rules, and the line says so', () => {
  const r = jixiao(['score', 'notjson.xlsx', '--config', 'rules.json', '--json']);
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout).profileSource).toMatchObject({ workbook: false, config: path.join(tmp, 'rules.json') });
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(`工作表 ${SETTINGS_SHEET} 的 A1）不是有效的 JSON，已改用全国默认规则。本次按 --config 规则文件评分，文件中未写的项取全国默认规则。`);
});

test('jixiao report on a damaged saved profile names the report command in its step', () => {
  const r = jixiao(['report', 'damaged.xlsx']);
  expect(r.status).toBe(0);
  expect(r.stderr).toContain(`npx jixiao report ${path.join(tmp, 'damaged.xlsx')} --config ${path.join(tmp, '规则.json')}`);
});

test('jixiao report uses the saved profile too', () => {
  const r = jixiao(['report', 'saved.xlsx']);
  const plain = jixiao(['report', 'plain.xlsx']);
  expect(r.status).toBe(0);
  expect(r.stdout).not.toBe(plain.stdout);
});
