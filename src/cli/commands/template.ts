/**
 * `jixiao template OUT.xlsx [--layout national|transfer] [--year 2026] [--force]`
 * Writes a blank 项目支出绩效自评表 (or the 转移支付 绩效目标自评表) to fill in and score.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Command } from 'commander';
import type * as ExcelJS from 'exceljs';
import { TEMPLATE_TITLES, defaultTemplateYear, isTemplateLayout, templateSpec, type TemplateLayout } from '../../core/template';
import { applySheetSpec } from '../applySheetSpec';
import { CliContext, UsageError } from '../context';
import { cliCommand } from '../hints';
import { oneLine } from '../readWorkbook';

export interface TemplateCommandOptions {
  layout?: string;
  year?: string;
  force?: boolean;
}

export function registerTemplate(program: Command, ctx: CliContext): void {
  program
    .command('template')
    .description('生成空白的项目支出绩效自评表（.xlsx），填写后可直接用 npx jixiao score 评分')
    .argument('<out>', '要写出的 .xlsx 文件（OUT.xlsx）')
    .option('--layout <national|transfer>', '表样：national（项目支出绩效自评表，默认）或 transfer（转移支付绩效目标自评表）')
    .option('--year <YYYY>', '自评年度，如 2026（默认：上半年为上一年度，下半年为本年度）')
    .option('--force', '文件已存在时覆盖它')
    .addHelpText(
      'after',
      '\n退出状态 (exit status)：0 已生成；1 参数有误或无法写出文件。\n' +
        '\n示例 (Examples):\n  npx jixiao template 自评表.xlsx --year 2026\n  npx jixiao template 转移支付自评表.xlsx --layout transfer\n',
    )
    .action(async (out: string, opts: TemplateCommandOptions) => {
      await writeTemplate(out, opts, ctx);
    });
}

/** Checks the arguments; throws UsageError with one Chinese line when they are wrong. */
export function parseTemplateArgs(out: string, opts: TemplateCommandOptions, cwd: string, today: Date = new Date()): { file: string; layout: TemplateLayout; year: number } {
  const layout = opts.layout ?? 'national';
  if (!isTemplateLayout(layout)) {
    throw new UsageError(`--layout 只能是 national 或 transfer，当前为“${layout}”（invalid layout）`);
  }
  let year = defaultTemplateYear(today);
  if (opts.year !== undefined) {
    const y = opts.year.trim();
    if (!/^\d{4}$/.test(y) || Number(y) < 1900 || Number(y) > 2200) {
      throw new UsageError(`--year 应为四位年份，如 2026，当前为“${opts.year}”（invalid year）`);
    }
    year = Number(y);
  }
  if (!/\.xlsx$/i.test(out)) {
    throw new UsageError(`输出文件应以 .xlsx 结尾，当前为“${out}”（OUT must be an .xlsx file）`);
  }
  const file = path.resolve(cwd, out);
  if (fs.existsSync(file)) {
    if (fs.statSync(file).isDirectory()) throw new UsageError(`${file} 是一个文件夹，请给出 .xlsx 文件名（OUT is a directory）`);
    if (!opts.force) throw new UsageError(`${file} 已存在；为免覆盖已填写的内容，请换一个文件名，或加 --force 覆盖（file exists）`);
  }
  return { file, layout, year };
}

/** The template workbook, ready to save. */
export function templateWorkbook(layout: TemplateLayout, year: number): ExcelJS.Workbook {
  // Loaded on use: every jixiao command registers this one, and exceljs costs a third of a second.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const workbook = new (require('exceljs') as typeof ExcelJS).Workbook();
  workbook.creator = '绩效自评助手';
  // The 分值合计 cell is a formula written without a cached result: have Excel compute it on opening.
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  applySheetSpec(workbook, templateSpec({ layout, year }));
  return workbook;
}

export async function writeTemplate(out: string, opts: TemplateCommandOptions, ctx: CliContext): Promise<void> {
  const { file, layout, year } = parseTemplateArgs(out, opts, ctx.io.cwd);
  try {
    const bytes = Buffer.from(await templateWorkbook(layout, year).xlsx.writeBuffer());
    // Loaded here, not at startup: '../report' pulls in docx, which every other command would pay for.
    const { writeFileAtomic } = await import('../writeFileAtomic');
    await writeFileAtomic(file, bytes);
  } catch (e) {
    ctx.fail(`无法写出 ${file}：${oneLine(e)}`);
    return;
  }
  ctx.io.out(`已生成空白${TEMPLATE_TITLES[layout]}（${year}年度）：${file}\n填写浅黄色单元格后评分：${cliCommand('score', file)}\n`);
}
