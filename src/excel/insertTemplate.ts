/**
 * 插入空白模板 in the add-in: a new sheet holding the blank 项目支出绩效自评表 (or the 转移支付
 * 绩效目标自评表), under a name no sheet has yet, activated with the 项目名称 cell selected.
 */
import { DEFAULT_TEMPLATE_NAME, TEMPLATE_TITLES, defaultTemplateYear, templateAddresses, templateSpec, uniqueSheetName, type TemplateLayout } from '../core/template';
import { applySheetSpec, type ApplySheetSpecOptions } from './applySheetSpec';
import { toAdapterError } from './session';

export interface InsertTemplateOptions {
  layout?: TemplateLayout;
  /** Default: the year a self-evaluation started today is most likely for (see defaultTemplateYear). */
  year?: number;
  /** Base sheet name; default 空白自评表, then 空白自评表 (2)… */
  name?: string;
  /** Requirement-set check passed to the applier (tests). */
  isSetSupported?: ApplySheetSpecOptions['isSetSupported'];
  /** Today, for the default year (tests). */
  today?: Date;
}

export interface InsertTemplateOutcome {
  /** The new sheet's name. */
  sheet: string;
  /** A Chinese line for the pane. */
  message: string;
  /** Features the host lacked and that were left out (e.g. "validations"). */
  skipped: string[];
  syncs: number;
}

const SKIPPED_NAMES: Record<string, string> = {
  notes: '单元格批注',
  validations: '下拉列表和输入提示',
  print: '打印设置',
  freeze: '冻结窗格',
};

/** Inserts the template within an existing request context (3 syncs). */
export async function insertTemplateInContext(context: Excel.RequestContext, options: InsertTemplateOptions = {}): Promise<InsertTemplateOutcome> {
  const layout = options.layout ?? 'national';
  const year = options.year ?? defaultTemplateYear(options.today ?? new Date());
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const name = uniqueSheetName(options.name ?? DEFAULT_TEMPLATE_NAME, sheets.items.map((s) => s.name));

  const applied = await applySheetSpec(context, templateSpec({ layout, year, name }), {
    activate: true,
    ...(options.isSetSupported ? { isSetSupported: options.isSetSupported } : {}),
  });
  // The sheet exists once the applier has synced: put the cursor where filling starts.
  context.workbook.worksheets.getItem(name).getRange(templateAddresses(layout).projectName).select();
  await context.sync();

  const skipped = applied.skipped;
  const missing = skipped.map((s) => SKIPPED_NAMES[s] ?? s);
  const message =
    `已插入“${name}”（${TEMPLATE_TITLES[layout]}，${year}年度）。请填写浅黄色单元格，完成后点击“一键评分”。` +
    (missing.length ? `当前 Excel 版本不支持${missing.join('、')}，已略去。` : '');
  return { sheet: name, message, skipped, syncs: 1 + applied.syncs + 1 };
}

/**
 * Inserts the template in its own Excel.run. Office failures arrive as AdapterError with a Chinese
 * message (protected workbook structure, cell edit mode…).
 */
export async function insertTemplateSheet(options: InsertTemplateOptions = {}): Promise<InsertTemplateOutcome> {
  try {
    return await Excel.run((context) => insertTemplateInContext(context, options));
  } catch (e) {
    throw toAdapterError(e, '插入空白模板');
  }
}
