/**
 * `jixiao report FILE.xlsx [--docx OUT.docx] [--config rules.json] [--outline seed|national]`
 * Drafts the 绩效自评报告 from the file's table(s): into Word with --docx, else as text on stdout.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Command } from 'commander';
import { evaluateWorkbook } from '../../core/engine';
import { draftToPlainText } from '../../core/report/model';
import { CliContext, EXIT_NO_TABLE, UsageError, shownPath } from '../context';
import { loadProfileInput, profileForWorkbook } from '../profileFile';
import { WorkbookReadError, oneLine, readWorkbookFile } from '../readWorkbook';
// '../report' pulls in docx (~50 ms): loaded inside the action, so other commands never pay for it.
type ReportModule = typeof import('../report');

export interface ReportOptions {
  docx?: string;
  config?: string;
  outline?: string;
}

export function registerReport(program: Command, ctx: CliContext): void {
  program
    .command('report')
    .description('根据自评表起草绩效自评报告（Word 文档，或不加 --docx 时输出文本）')
    .argument('<file>', '自评表 .xlsx 文件（FILE.xlsx）')
    .option('--docx <OUT.docx>', '写出 Word 文档；文件中有多张自评表时依次写为 OUT-1.docx、OUT-2.docx …')
    .option('--config <rules.json>', '评分规则文件（JSON），逐项覆盖工作簿中保存的规则；未写的项取工作簿中保存的规则，再取全国默认规则')
    .option('--outline <seed|national>', '报告提纲：seed（七部分自评报告，默认）或 national（财预〔2020〕10号参考提纲）')
    .addHelpText(
      'after',
      '\n退出状态 (exit status)：0 已生成；2 文件中未找到自评表；1 文件无法读取、无法写出或参数有误。\n' +
        '\n示例 (Examples):\n  jixiao report examples/xincheng-12345-2023.xlsx --docx 绩效自评报告.docx\n  jixiao report 自评表.xlsx\n',
    )
    .action(async (file: string, opts: ReportOptions) => {
      await reportFile(file, opts, ctx);
    });
}

export async function reportFile(file: string, opts: ReportOptions, ctx: CliContext): Promise<void> {
  if (opts.outline !== undefined && opts.outline !== 'seed' && opts.outline !== 'national') {
    throw new UsageError(`--outline 只能是 seed 或 national，当前为“${opts.outline}”（invalid outline）`);
  }
  const override = opts.config !== undefined ? loadProfileInput(path.resolve(ctx.io.cwd, opts.config), opts.config) : undefined;
  const outline = opts.outline as 'seed' | 'national' | undefined;
  if (opts.docx !== undefined) {
    const out = path.resolve(ctx.io.cwd, opts.docx);
    if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new UsageError(`--docx ${opts.docx} 是一个文件夹，请给出 .docx 文件名（--docx is a directory）`);
    if (path.resolve(ctx.io.cwd, file) === out) throw new UsageError('--docx 不能与输入文件相同（--docx equals the input）');
  }

  let loaded: Awaited<ReturnType<typeof readWorkbookFile>>;
  try {
    loaded = await readWorkbookFile(path.resolve(ctx.io.cwd, file), file);
  } catch (e) {
    ctx.fail(e instanceof WorkbookReadError ? e.message : `无法读取 ${file}：${oneLine(e)}`);
    return;
  }
  // The workbook's saved profile, with --config keys over it (CONTRACT.md).
  const { profile, source } = profileForWorkbook(loaded.grids, override);
  if (source.warning) ctx.errorLine(`${file}：${source.warning}`);
  const { docxPaths, draftAll, reportDocxBuffer, writeFileAtomic }: ReportModule = await import('../report');
  let drafts: ReturnType<ReportModule['draftAll']>;
  try {
    drafts = draftAll(evaluateWorkbook(loaded.grids, profile), profile, { outline });
  } catch (e) {
    ctx.fail(`起草 ${file} 的报告时出错（report error）：${oneLine(e)}`);
    return;
  }
  if (drafts.length === 0) {
    ctx.errorLine(`${file}：未找到绩效自评表，无法生成报告（no self-evaluation table found）`);
    ctx.worsen(EXIT_NO_TABLE);
    return;
  }

  if (opts.docx === undefined) {
    ctx.io.out(drafts.map((d) => draftToPlainText(d.draft)).join('\n'));
    return;
  }
  const paths = docxPaths(path.resolve(ctx.io.cwd, opts.docx), drafts.length);
  for (let i = 0; i < drafts.length; i++) {
    const shown = shownPath(ctx.io.cwd, paths[i]);
    try {
      await writeFileAtomic(paths[i], await reportDocxBuffer(drafts[i].draft));
    } catch (e) {
      ctx.fail(`无法写出报告 ${shown}：${oneLine(e)}`);
      continue;
    }
    ctx.io.out(`已生成绩效自评报告（${drafts[i].table.sheet}）：${shown}\n`);
  }
}
