/**
 * The command line's own wording. Core messages speak to whoever reads the sheet (the pane, cell notes,
 * the report) and so never name a command or a JSON key; where a CLI user needs one more step — a rules
 * file, a scored copy — it is added here, keyed by issue code, and printed once per table.
 */
import * as path from 'path';
import { messages } from '../core/messages';
import type { Issue, IssueCode } from '../core/result';

/**
 * How hints name the program: installed in a project, `jixiao` is in node_modules/.bin, not on PATH,
 * so a hint that says `jixiao …` would not run as typed.
 */
export const CLI_NAME = 'npx jixiao';

/**
 * An argument as a shell takes it: bare when it holds only safe characters (CJK included), else in double
 * quotes, which cmd.exe and POSIX shells both read; inside them only " $ ` are escaped, so a Windows path's
 * backslashes stay as they are.
 */
export function shellArg(arg: string): string {
  return /^[\w./\\:@+=,\-\u3400-\u9fff\uff08\uff09\uff0c]+$/u.test(arg) ? arg : `"${arg.replace(/(["$`])/g, '\\$1')}"`;
}

/** A runnable command line: `npx jixiao score "/path/with space.xlsx" --verbose`. */
export function cliCommand(...args: string[]): string {
  return [CLI_NAME, ...args.map(shellArg)].join(' ');
}

/** Where a scored copy of `file` could go: beside it, "-已评分" added to its name, always an .xlsx. */
export function suggestedCopyPath(file: string): string {
  const ext = path.extname(file);
  const out = /^\.(xlsx|xlsm)$/i.test(ext) ? ext : '.xlsx';
  return path.join(path.dirname(file), `${path.basename(file, ext)}-已评分${out}`);
}

/** What a hint may use: the input (absolute), whether this run already writes a scored copy, and the options to repeat. */
export interface HintContext {
  file: string;
  copyAsked: boolean;
  /** Options a suggested `score` command repeats so it scores by the same rules (--config with its absolute path). */
  rerun?: string[];
}

type Hint = (issue: Issue, ctx: HintContext) => string | null;

const RULES_FILE = '规则.json';

/** The scoring's own corrections reach the file only through a copy (the input is never modified). */
const scoredCopyHint: Hint = (_issue, { file, copyAsked, rerun = [] }) =>
  copyAsked ? null : `评分副本会按计算结果改写这些单元格（原文件不变）：${cliCommand('score', file, ...rerun, '--out', suggestedCopyPath(file))}`;

/** Per issue code, the CLI's extra step; codes without one need nothing beyond the core message. */
export const CLI_HINTS: Partial<Record<IssueCode, Hint>> = {
  // Core points at the pane's 设置 when the indicators alone sum to 100; on the command line that is a rules file.
  WEIGHT_SUM: (issue, { file }) => {
    if (!issue.message.includes(messages.weightSumExcludingHint())) return null;
    const rules = path.join(path.dirname(file), RULES_FILE);
    return `命令行中“总分不含预算执行率”由规则文件设定：新建 ${rules}，写入 {"includeExecutionInTotal": false}，再运行 ${cliCommand('score', file, '--config', rules)}`;
  },
  RATE_MISMATCH: scoredCopyHint,
  SCORE_MISMATCH: scoredCopyHint,
};

/**
 * The line for a saved profile the workbook holds but that cannot be used: core's reason (national rules apply),
 * then the command line's way to choose the rules, since the pane's 设置 is not at hand here.
 */
export function savedProfileWarning(file: string, warning: string, configGiven: boolean, command: 'score' | 'report'): string {
  const step = configGiven
    ? '本次按 --config 规则文件评分，文件中未写的项取全国默认规则。'
    : `如需其他规则，可用规则文件指定：${cliCommand(command, file, '--config', path.join(path.dirname(file), RULES_FILE))}。`;
  return `${file}：${warning}${step}在 Excel 任务窗格“设置”中点“保存设置”可覆盖工作簿中损坏的规则。`;
}

/** The distinct hints for a table's open issues, in the order their issues come. */
export function hintsFor(issues: Issue[], ctx: HintContext): string[] {
  const out: string[] = [];
  for (const issue of issues) {
    const hint = CLI_HINTS[issue.code]?.(issue, ctx);
    if (hint && !out.includes(hint)) out.push(hint);
  }
  return out;
}
