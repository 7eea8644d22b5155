/**
 * `jixiao report FILE.xlsx [--docx OUT.docx] [--config rules.json] [--outline seed|national]`
 * Drafts the 绩效自评报告 from the file's table(s): into Word with --docx, else as text on stdout.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Command } from 'commander';
import { evaluateWorkbook } from '../../core/engine';
import { draftToPlainText, findingsToPlainText, scoreTableToPlainText } from '../../core/report/model';
import { reportableTables } from '../../core/report/reportChoice';
import { CliContext, EXIT_NO_TABLE, UsageError } from '../context';
import { savedProfileWarning } from '../hints';
import { loadProfileInput, profileForWorkbook } from '../profileFile';
import { WorkbookReadError, oneLine, readWorkbookFile } from '../readWorkbook';
// '../report' pulls in docx (~50 ms): loaded inside the action, so other commands never pay for it.
type ReportModule = typeof import('../report');

export interface ReportOptions {
  docx?: string;
  /** Which table: its sheet name, or sheet!A1 of its first cell where a sheet holds several. */
  table?: string;
  config?: string;
  outline?: string;
}

export function registerReport(program: Command, ctx: CliContext): void {
  program
    .command('report')
    .description('根据自评表起草绩效自评报告（Word 文档，或不加 --docx 时输出文本）')
    .argument('<file>', '自评表 .xlsx 文件（FILE.xlsx）')
    .option('--docx <OUT.docx>', '写出 Word 文档；文件中有多张自评表时每张一个文件，按项目名称命名为 OUT-项目名称.docx（也可用 --table 只选一张）')
    .option('--table <工作表>', '只为这张自评表起草：工作表名称；一张工作表中有多张表时写作 工作表!首个单元格（如 自评表!A30）')
    .option('--config <rules.json>', '评分规则文件（JSON），逐项覆盖工作簿中保存的规则；未写的项取工作簿中保存的规则，再取全国默认规则')
    .option('--outline <seed|national>', '报告提纲：seed（七部分自评报告，默认）或 national（财预〔2020〕10号参考提纲）')
    .addHelpText(
      'after',
      '\n退出状态 (exit status)：0 已生成；2 文件中未找到自评表，或自评表尚未填写；1 文件无法读取、无法写出或参数有误。\n' +
        '\n示例 (Examples):\n  npx jixiao report examples/xincheng-12345-2023.xlsx --docx 绩效自评报告.docx\n  npx jixiao report 自评表.xlsx\n',
    )
    .action(async (file: string, opts: ReportOptions) => {
      await reportFile(file, opts, ctx);
    });
}

export async function reportFile(file: string, opts: ReportOptions, ctx: CliContext): Promise<void> {
  if (opts.outline !== undefined && opts.outline !== 'seed' && opts.outline !== 'national') {
    throw new UsageError(`--outline 只能是 seed 或 national，当前为“${opts.outline}”（invalid outline）`);
  }
  const override = opts.config !== undefined ? loadProfileInput(path.resolve(ctx.io.cwd, opts.config)) : undefined;
  const outline = opts.outline as 'seed' | 'national' | undefined;
  if (opts.docx !== undefined) {
    const out = path.resolve(ctx.io.cwd, opts.docx);
    if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new UsageError(`--docx ${out} 是一个文件夹，请给出 .docx 文件名（--docx is a directory）`);
    if (path.resolve(ctx.io.cwd, file) === out) throw new UsageError('--docx 不能与输入文件相同（--docx equals the input）');
  }

  // Messages name the input absolutely, so it can be copied from the terminal as is.
  const input = path.resolve(ctx.io.cwd, file);
  let loaded: Awaited<ReturnType<typeof readWorkbookFile>>;
  try {
    loaded = await readWorkbookFile(input, input);
  } catch (e) {
    ctx.fail(e instanceof WorkbookReadError ? e.message : `无法读取 ${input}：${oneLine(e)}`);
    return;
  }
  // The workbook's saved profile, with --config keys over it (CONTRACT.md).
  const { profile, source } = profileForWorkbook(loaded.grids, override);
  if (source.warning) ctx.errorLine(savedProfileWarning(input, source.warning, override !== undefined, 'report'));
  const { docxPaths, draftAll, reportDocxBuffer, writeFileAtomic }: ReportModule = await import('../report');
  let drafts: ReturnType<ReportModule['draftAll']>;
  try {
    const result = evaluateWorkbook(loaded.grids, profile);
    if (opts.table !== undefined) {
      const wanted = opts.table;
      const chosen = result.tables.filter((t) => t.sheet === wanted || `${t.sheet}!${t.range.split(':')[0]}` === wanted);
      if (chosen.length !== 1) {
        const names = result.tables.map((t) => `${t.sheet}!${t.range.split(':')[0]}（${t.project.name ?? '未填项目名称'}）`).join('、');
        throw new UsageError(`--table ${wanted} ${chosen.length ? '对应多张自评表，请写作 工作表!首个单元格' : '没有对应的自评表'}；文件中的自评表：${names || '无'}（--table matches ${chosen.length} tables）`);
      }
      result.tables = chosen;
    }
    // A table nobody has filled in has no report to draft (core's reportableTables, as in the panes).
    const reportable = reportableTables(result);
    if ('error' in reportable && reportable.code === 'TABLE_BLANK') {
      ctx.errorLine(`${input}：${reportable.error}`);
      ctx.worsen(EXIT_NO_TABLE);
      return;
    }
    if ('tables' in reportable) {
      if (reportable.skipped) ctx.errorLine(`${input}：${reportable.skipped}`);
      result.tables = reportable.tables;
    }
    drafts = draftAll(result, profile, { outline }, loaded.grids);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    ctx.fail(`起草 ${input} 的报告时出错（report error）：${oneLine(e)}`);
    return;
  }
  if (drafts.length === 0) {
    ctx.errorLine(`${input}：未找到绩效自评表，无法生成报告（no self-evaluation table found）`);
    ctx.worsen(EXIT_NO_TABLE);
    return;
  }

  if (opts.docx === undefined) {
    ctx.io.out(drafts.map((d) => `${draftToPlainText(d.draft)}\n${scoreTableToPlainText(d.draft)}\n${findingsToPlainText(d.draft)}`).join('\n'));
    return;
  }
  const paths = docxPaths(path.resolve(ctx.io.cwd, opts.docx), drafts.map((d) => d.table));
  for (let i = 0; i < drafts.length; i++) {
    const shown = paths[i];
    try {
      await writeFileAtomic(paths[i], await reportDocxBuffer(drafts[i].draft));
    } catch (e) {
      ctx.fail(`无法写出报告 ${shown}：${oneLine(e)}`);
      continue;
    }
    ctx.io.out(`已生成绩效自评报告（${drafts[i].table.sheet}）：${shown}\n`);
  }
}
