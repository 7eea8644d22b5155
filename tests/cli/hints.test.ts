/**
 * The CLI's own wording (issue 13, item 6): core messages — what the pane, the cell notes and the report
 * show — never name the command line, a JSON key or a layout id; the CLI adds its hints by issue code.
 * Real workbooks through the CLI's reader; argument quoting checked against a real bash.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { evaluateWorkbook } from '../../src/core/engine';
import { messages } from '../../src/core/messages';
import { NATIONAL_PROFILE } from '../../src/core/profile';
import type { Issue } from '../../src/core/result';
import { templateWorkbook } from '../../src/cli/commands/template';
import { CLI_HINTS, cliCommand, hintsFor, shellArg, suggestedCopyPath } from '../../src/cli/hints';
import { readWorkbookFile } from '../../src/cli/readWorkbook';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures');

/** Words that belong to the command line, never to a pane-facing message. */
const CLI_WORDS = ['命令行', 'includeExecutionInTotal', 'jixiao', '--config', '规则文件', '（national）', '一键评分会自动填写'];

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-hints-'));
});
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function issuesOf(file: string, profile = NATIONAL_PROFILE): Promise<Issue[]> {
  const { grids } = await readWorkbookFile(file);
  const result = evaluateWorkbook(grids, profile);
  return [...result.issues, ...result.tables.flatMap((t) => t.issues)];
}

describe('core messages carry no command-line text', () => {
  const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'));

  it.each(files)('%s', async (name) => {
    const issues = await issuesOf(path.join(FIXTURES, name));
    for (const issue of issues) for (const word of CLI_WORDS) expect(`${issue.code}: ${issue.message}`).not.toContain(word);
  });

  it('a blank template, and the seed under rules without 预算执行率', async () => {
    const blank = path.join(tmp, 'blank.xlsx');
    await templateWorkbook('national', 2026).xlsx.writeFile(blank);
    const noExec = { ...NATIONAL_PROFILE, includeExecutionInTotal: false };
    const issues = [...(await issuesOf(blank)), ...(await issuesOf(path.join(FIXTURES, 'xincheng-12345-2023.xlsx'), noExec))];
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) for (const word of CLI_WORDS) expect(issue.message).not.toContain(word);
  });
});

describe('the CLI adds its own hints, by issue code', () => {
  const seed = path.join(FIXTURES, 'xincheng-12345-2023.xlsx');

  it("the seed's WEIGHT_SUM (core's 设置 hint) gets the rules file and the command; the scored copy is suggested once", async () => {
    const issues = await issuesOf(seed);
    const weightSum = issues.filter((i) => i.code === 'WEIGHT_SUM');
    expect(weightSum).toHaveLength(1);
    expect(weightSum[0].message).toContain(messages.weightSumExcludingHint());
    const hints = hintsFor(issues, { file: seed, copyAsked: false });
    const rules = path.join(FIXTURES, '规则.json');
    expect(hints).toEqual([
      `评分副本会按计算结果改写这些单元格（原文件不变）：${cliCommand('score', seed, '--out', path.join(FIXTURES, 'xincheng-12345-2023-已评分.xlsx'))}`,
      `命令行中“总分不含预算执行率”由规则文件设定：新建 ${rules}，写入 {"includeExecutionInTotal": false}，再运行 ${cliCommand('score', seed, '--config', rules)}`,
    ]);
    // A copy already asked for: only the rules-file hint.
    expect(hintsFor(issues, { file: seed, copyAsked: true })).toHaveLength(1);
  });

  it('a WEIGHT_SUM that is not about 预算执行率 gets no rules-file hint', () => {
    const issue: Issue = { code: 'WEIGHT_SUM', severity: 'error', cell: 'G31', message: `G31 ${messages.weightSum('10', 10, '10+50+30+10=100', messages.weightSumFix())}` };
    expect(CLI_HINTS.WEIGHT_SUM!(issue, { file: seed, copyAsked: false })).toBeNull();
  });

  it('suggests a copy beside the input, an .xlsx for legacy files', () => {
    expect(suggestedCopyPath('/a/b/自评表.xlsx')).toBe(path.join('/a/b', '自评表-已评分.xlsx'));
    expect(suggestedCopyPath('/a/b/旧表.xls')).toBe(path.join('/a/b', '旧表-已评分.xlsx'));
    expect(suggestedCopyPath('/a/b/宏.xlsm')).toBe(path.join('/a/b', '宏-已评分.xlsm'));
  });
});

describe('arguments in printed commands survive a shell', () => {
  const awkward = ['/tmp/报送 材料/seed.xlsx', '/tmp/a"b/c.xlsx', '/tmp/$HOME/x.xlsx', '/tmp/`id`.xlsx', "/tmp/it's.xlsx", '/tmp/（一）表，2023.xlsx', '/tmp/a;b&c|d.xlsx'];

  it.each(awkward)('%s', (arg) => {
    const r = spawnSync('bash', ['-c', `printf '%s' ${shellArg(arg)}`], { encoding: 'utf8' });
    expect(r.stdout).toBe(arg);
  });

  it('plain paths stay bare, so the hint reads as typed', () => {
    expect(cliCommand('score', '/tmp/报送/自评表（2023）.xlsx', '--verbose')).toBe('npx jixiao score /tmp/报送/自评表（2023）.xlsx --verbose');
  });
});
