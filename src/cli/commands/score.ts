/**
 * `jixiao score FILE… [--json] [--config rules.json] [--out OUT.xlsx | --out-dir DIR] [--summary SUMMARY.xlsx]`
 * Files are handled one at a time (memory stays flat over big batches); one bad file never stops the rest.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Command } from 'commander';
import { evaluateWorkbook } from '../../core/engine';
import { nothingToScore } from '../../core/tableState';
import { NATIONAL_PROFILE, parseProfile, type RuleProfile } from '../../core/profile';
import type { ProfileSource } from '../../core/savedProfile';
import type { Issue, WorkbookResult } from '../../core/result';
import { CliContext, EXIT_NO_TABLE, UsageError } from '../context';
import { savedProfileWarning } from '../hints';
import { loadProfileInput, profileForWorkbook } from '../profileFile';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, WorkbookReadError, oneLine, readWorkbookFile, type LoadedWorkbook, type ReadOptions } from '../readWorkbook';
import { mayLoseParts } from '../copyFidelity';
import { ZipPackage } from '../zipPackage';
import { MAX_INFO_SHOWN, formatResultText } from '../summaryText';
import { summaryEntry, writeSummaryWorkbook, type SummaryEntry } from '../summaryWorkbook';

/** The copy writers (and exceljs with them), loaded only when a copy is asked for. */
const copyWriters = async () => ({ ...(await import('../scoredCopy')), ...(await import('../graftCopy')) });
import { Progress } from '../progress';

export interface ScoreOptions {
  json?: boolean;
  config?: string;
  out?: string;
  outDir?: string;
  summary?: string;
  /** List every 提示, not only the first few per table. */
  verbose?: boolean;
  /** --max-size in MB. */
  maxSize?: string;
  /** --timeout in seconds. */
  timeout?: string;
}

export function registerScore(program: Command, ctx: CliContext): void {
  program
    .command('score')
    .description('检测、校验并评分 .xlsx/.xlsm（以及旧版 .xls、WPS .et）中的绩效自评表（可一次处理多个文件）')
    .argument('<files...>', '要评分的文件（.xlsx、.xlsm、.xls、.et）（FILE…）')
    .option('--json', '以 JSON 输出评分结果（一个文件输出对象，多个文件输出数组），标准输出中不含其他内容')
    .option('--config <rules.json>', '评分规则文件（JSON），逐项覆盖工作簿中保存的规则；未写的项取工作簿中保存的规则，再取全国默认规则')
    .option('--out <OUT.xlsx>', '另存一份写入评分结果的副本（仅限一个输入文件；原文件不会被修改）')
    .option('--out-dir <DIR>', '把每个文件的评分副本写入该文件夹（文件名不变；原文件不会被修改）')
    .option('--summary <SUMMARY.xlsx>', '生成汇总表（每张自评表一行，另附问题清单）')
    .option('--verbose', `列出全部提示（默认每张表最多列出 ${MAX_INFO_SHOWN} 条提示，其余只计数）`)
    .option('--max-size <MB>', `单个文件的大小上限（MB，默认 ${DEFAULT_MAX_BYTES / 1048576}），超过的文件不读取`)
    .option('--timeout <秒>', `读取单个文件的时限（秒，默认 ${DEFAULT_TIMEOUT_MS / 1000}），超时的文件放弃并说明`)
    .addHelpText(
      'after',
      '\n退出状态 (exit status)：0 全部文件已评分；2 某个文件中未找到自评表；1 文件无法读取或参数有误。\n' +
        '\n示例 (Examples):\n  npx jixiao score examples/xincheng-12345-2023.xlsx\n  npx jixiao score a.xlsx b.xlsx --json\n' +
        '  npx jixiao score 自评表.xlsx --config rules.json --out 自评表-已评分.xlsx\n  npx jixiao score 报送/*.xlsx --out-dir 已评分/ --summary 汇总.xlsx\n',
    )
    .action(async (files: string[], opts: ScoreOptions) => {
      await scoreFiles(files, opts, ctx);
    });
}

/** The file-level result for a file that could not be opened (CONTRACT.md: UNREADABLE_FILE). */
export function unreadableResult(file: string, message: string): WorkbookResult {
  return { file, tables: [], issues: [{ code: 'UNREADABLE_FILE', severity: 'error', cell: null, message }] };
}

function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** Where each input's scored copy goes; refuses anything that would overwrite an input. */
export function planOutputs(files: string[], opts: ScoreOptions, cwd: string): (string | null)[] {
  if (opts.out !== undefined && opts.outDir !== undefined) throw new UsageError('--out 与 --out-dir 只能选一个（use either --out or --out-dir）');
  if (opts.out !== undefined) {
    if (files.length > 1) throw new UsageError(`--out 只能用于一个输入文件，当前有 ${files.length} 个；多个文件请用 --out-dir DIR（--out takes one file）`);
    const out = path.resolve(cwd, opts.out);
    if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new UsageError(`--out ${out} 是一个文件夹；要写入文件夹请用 --out-dir（--out is a directory）`);
    if (sameFile(path.resolve(cwd, files[0]), out)) throw new UsageError(`--out 不能与输入文件相同（${out}），原文件不会被修改，请另取一个文件名（--out equals the input）`);
    return [out];
  }
  if (opts.outDir !== undefined) {
    const dir = path.resolve(cwd, opts.outDir);
    if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UsageError(`--out-dir ${dir} 不是文件夹（--out-dir is not a directory）`);
    const used = new Set<string>();
    const inputs = new Set(files.map((f) => path.resolve(cwd, f)));
    return files.map((f) => {
      const base = path.basename(f);
      // A legacy workbook's copy is an .xlsx (what exceljs writes).
      const ext = /^\.(xls|et)$/i.test(path.extname(base)) ? '.xlsx' : path.extname(base) || '.xlsx';
      const stem = path.basename(base, path.extname(base));
      let out = path.join(dir, `${stem}${ext}`);
      // Two inputs with one name (a/x.xlsx, b/x.xlsx) must not overwrite each other.
      for (let n = 2; used.has(out); n++) out = path.join(dir, `${stem}-${n}${ext}`);
      used.add(out);
      if (inputs.has(out) || sameFile(path.resolve(cwd, f), out)) {
        throw new UsageError(`--out-dir ${dir} 会覆盖输入文件 ${path.resolve(cwd, f)}，请换一个文件夹（--out-dir would overwrite an input）`);
      }
      return out;
    });
  }
  return files.map(() => null);
}

/** The `profileSource` field of a result: which rules scored this file. */
export function profileSourceJson(source: ProfileSource): { workbook: boolean; config: string | null; description: string } {
  return { workbook: source.workbook, config: source.config, description: source.description };
}

function withTableNotFound(result: WorkbookResult): WorkbookResult {
  if (result.tables.length > 0 || result.issues.some((i) => i.code === 'TABLE_NOT_FOUND')) return result;
  const issue: Issue = {
    code: 'TABLE_NOT_FOUND',
    severity: 'error',
    cell: null,
    message: '未在文件中找到项目支出绩效自评表（需含“项目名称”“年度指标值”“实际完成值”等表头）。',
  };
  return { ...result, issues: [...result.issues, issue] };
}

/** --max-size and --timeout as reader options; a value that is not a positive number is a usage error. */
export function readOptions(opts: { maxSize?: string; timeout?: string }): ReadOptions {
  const positive = (v: string, flag: string, unit: string) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} 需要一个正数（${unit}），当前为“${v}”（${flag} takes a positive number）`);
    return n;
  };
  const out: ReadOptions = {};
  if (opts.maxSize !== undefined) out.maxBytes = positive(opts.maxSize, '--max-size', 'MB') * 1048576;
  if (opts.timeout !== undefined) out.timeoutMs = positive(opts.timeout, '--timeout', '秒') * 1000;
  return out;
}

/**
 * The scored copy of one file, and what it says: a legacy file's copy is an .xlsx; macros and external
 * links are kept; kinds of part the copy cannot keep are named on stderr. A workbook read only in part
 * (a huge data sheet) gets no copy: the copy is made by loading the whole workbook, which it does not fit.
 */
async function writeCopy(
  input: string,
  planned: string,
  loaded: LoadedWorkbook,
  scored: { result: WorkbookResult; profile: RuleProfile },
  ctx: CliContext,
  progress: Progress,
): Promise<string> {
  const { graftObstacle, scoreIntoWorkbook, writeGraftedCopy, writeScoredCopy } = await copyWriters();
  const big = loaded.partial[0];
  if (big) {
    // Too big to load whole: the big sheets are grafted back into the copy byte for byte.
    const shownOut = planned;
    const obstacle = graftObstacle(input, loaded.partial, scored.result.tables.map((t) => t.sheet));
    if (obstacle) {
      progress.fail(
        `未生成 ${input} 的评分副本：工作表“${big.sheet}”过大（评分只读取了其前 ${big.rowsRead.toLocaleString('en')} 行），且${obstacle}，无法原样保留；评分结果和汇总不受影响（copy not written: workbook too large）`,
      );
      return '';
    }
    try {
      const { lost } = await writeGraftedCopy(
        input,
        loaded.partial,
        planned,
        async (workbook) => {
          await scoreIntoWorkbook({ workbook, result: scored.result, grids: loaded.grids, profile: scored.profile });
        },
        loaded.stringsUsed,
      );
      if (lost.length > 0) progress.errorLine(`评分副本 ${shownOut} 未能保留原文件中的：${lost.join('、')}（所用的 exceljs 不支持；原文件未改动）`);
    } catch (e) {
      progress.fail(`无法写入评分副本 ${shownOut}：${oneLine(e)}`);
      return '';
    }
    return `  已另存评分副本（含评分结果和绩效自评报告工作表；工作表“${big.sheet}”等大表原样保留）：${shownOut}\n`;
  }
  let out = planned;
  if (loaded.format === 'legacy' && !/\.xlsx$/i.test(out)) out = `${out.slice(0, out.length - path.extname(out).length)}.xlsx`;
  const shown = out;
  try {
    // The original is re-read for parts exceljs drops only when its directory lists any (most files: none).
    const original = loaded.format !== 'legacy' && mayLoseParts(ZipPackage.namesOf(input)) ? fs.readFileSync(input) : undefined;
    const copy = await writeScoredCopy({ workbook: await loaded.open(), result: scored.result, grids: loaded.grids, profile: scored.profile }, out, original);
    if (copy.lost.length > 0) progress.errorLine(`评分副本 ${shown} 未能保留原文件中的：${copy.lost.join('、')}（所用的 exceljs 不支持；原文件未改动）`);
    // The copy is what 一键评分 would leave (CONTRACT.md): for tables nobody has filled in, the workbook as it was.
    let line = nothingToScore(scored.result)
      ? `  表格尚未填写，没有可写入的评分结果：已另存副本（与原文件相同）：${shown}\n`
      : `  已另存评分副本（含评分结果和绩效自评报告工作表）：${shown}\n`;
    if (loaded.format === 'legacy') line += '  （原文件是旧版 .xls/.et，副本存为 .xlsx 格式；数值、公式、数字格式和合并单元格已保留，字体、边框、列宽未能保留）\n';
    if (copy.restored.length > 0) line += `  （副本保留了原文件的${copy.restored.join('、')}）\n`;
    return line;
  } catch (e) {
    progress.fail(`无法写入评分副本 ${shown}：${oneLine(e)}`);
    return '';
  }
}

export async function scoreFiles(files: string[], opts: ScoreOptions, ctx: CliContext): Promise<void> {
  const reading = readOptions(opts);
  // Each workbook may carry its own saved profile; --config keys go over it (CONTRACT.md). `profile` is the
  // workbook-free one (config over national), for the summary's grade colours.
  const override = opts.config !== undefined ? loadProfileInput(path.resolve(ctx.io.cwd, opts.config)) : undefined;
  const profile: RuleProfile = override ? parseProfile(override.input) : NATIONAL_PROFILE;
  const outputs = planOutputs(files, opts, ctx.io.cwd);
  // A command the output suggests repeats --config, so it scores by the same rules.
  const rerun = opts.config !== undefined ? ['--config', path.resolve(ctx.io.cwd, opts.config)] : [];
  const summaryPath = opts.summary !== undefined ? path.resolve(ctx.io.cwd, opts.summary) : null;
  if (summaryPath) {
    if (files.some((f) => sameFile(path.resolve(ctx.io.cwd, f), summaryPath)) || outputs.some((o) => o === summaryPath)) {
      throw new UsageError(`--summary ${summaryPath} 会覆盖输入文件或评分副本，请另取一个文件名（--summary would overwrite a file）`);
    }
  }
  // Workbooks and grids are dropped after each file. Full results are kept only for --json; --summary
  // keeps its few fields per table (summaryEntry), so a big batch's memory stays flat.
  const results: WorkbookResult[] = [];
  const summaryRows: SummaryEntry[] = [];
  const keep = (r: WorkbookResult, forSummary: WorkbookResult = r) => {
    if (opts.json) results.push(r);
    if (summaryPath) summaryRows.push(summaryEntry(forSummary));
  };
  const progress = new Progress(ctx, files.length);
  // JIXIAO_MEMLOG=1: after each file, one stderr line with the process's memory (scripts/bench-batch.js).
  const memlog = (done: number) => {
    if (process.env.JIXIAO_MEMLOG !== '1' || done === 0) return;
    const m = process.memoryUsage();
    const mb = (n: number) => (n / 1048576).toFixed(1);
    progress.errorLine(`[memlog] ${done}/${files.length} rss=${mb(m.rss)}MB heapUsed=${mb(m.heapUsed)}MB external=${mb(m.external)}MB`);
  };

  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    // Messages name the input absolutely (a reviewer copies them); the result keeps `file` as given (CONTRACT.md).
    const input = path.resolve(ctx.io.cwd, file);
    memlog(i);
    progress.tick(file);
    let result: WorkbookResult;
    let loaded: Awaited<ReturnType<typeof readWorkbookFile>>;
    try {
      loaded = await readWorkbookFile(input, input, reading);
    } catch (e) {
      const message = e instanceof WorkbookReadError ? e.message : `无法读取 ${input}：${oneLine(e)}`;
      progress.fail(message);
      keep(unreadableResult(file, message));
      continue;
    }
    const rules = profileForWorkbook(loaded.grids, override);
    if (rules.source.warning) progress.errorLine(savedProfileWarning(input, rules.source.warning, override !== undefined, 'score'));
    try {
      // "file" first, as in CONTRACT.md; `profileSource` (added) says which rules were used.
      result = { file, ...withTableNotFound(evaluateWorkbook(loaded.grids, rules.profile)), profileSource: profileSourceJson(rules.source) } as WorkbookResult;
      result.file = file;
    } catch (e) {
      const message = `评分 ${input} 时出错（engine error）：${oneLine(e)}`;
      progress.fail(message);
      keep({ ...unreadableResult(file, message), issues: [], error: message } as WorkbookResult, unreadableResult(file, message));
      continue;
    }
    if (result.tables.length === 0) {
      // The engine's message says what the file holds instead (a 部门整体 table, a 申报表…).
      const why = result.issues.find((x) => x.code === 'TABLE_NOT_FOUND')?.message;
      progress.errorLine(`${input}：未找到绩效自评表（no self-evaluation table found）${why ? `：${oneLine(why)}` : ''}`);
      ctx.worsen(EXIT_NO_TABLE);
    }
    const out = outputs[i];
    let saved = '';
    if (out && result.tables.length > 0) saved = await writeCopy(input, out, loaded, { result, profile: rules.profile }, ctx, progress);
    keep(result);
    if (!opts.json) {
      const text = formatResultText(result, { colour: ctx.colour, decimals: rules.profile.decimals, shownFile: input, verbose: opts.verbose, copyAsked: out !== null, rerun });
      progress.out(text + `  ${rules.source.description}\n` + saved);
    }
  }
  memlog(files.length);
  progress.done();

  if (summaryPath) {
    try {
      await writeSummaryWorkbook(summaryRows, profile, summaryPath);
      const tables = summaryRows.reduce((n, r) => n + r.tables.length, 0);
      // stdout holds only the JSON under --json (CONTRACT.md): the confirmation goes to stderr there.
      const say = (line: string) => (opts.json ? ctx.io.err(line) : ctx.io.out(line));
      say(`已写出汇总表（${files.length} 个文件，${tables} 张自评表）：${summaryPath}\n`);
    } catch (e) {
      ctx.fail(`无法写入汇总表 ${summaryPath}：${oneLine(e)}`);
    }
  }

  if (opts.json) {
    const payload = files.length === 1 ? results[0] : results;
    ctx.io.out(`${JSON.stringify(payload, null, 2)}\n`);
  }
}
