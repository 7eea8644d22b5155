/**
 * Which table a Word report is for, decided once for every front door (the Office pane, the WPS pane):
 * the named one, or the only one; with several and none named, nothing is picked silently — the message
 * lists them so the pane can ask.
 */
import type { TableResult, WorkbookResult } from '../result';
import { isBlankTable } from '../tableState';

export type ReportTableRequest = string | { sheet: string; range?: string };

/**
 * Why no report is drafted, for the front ends to pass on as they are: no table, or not the one asked for
 * (TABLE_NOT_FOUND), or tables nobody has filled in (TABLE_BLANK); `error` says it in Chinese.
 */
export type ReportRefusal = { error: string; code: 'TABLE_NOT_FOUND' | 'TABLE_BLANK' };

export type ReportTableChoice = { table: TableResult; fileName: string } | ReportRefusal;

/** “空白自评表”, or “自评表”A30 where the sheet holds more than one of the tables. */
function nameOf(t: TableResult, tables: TableResult[]): string {
  return tables.filter((o) => o.sheet === t.sheet).length > 1 ? `“${t.sheet}”${t.range.split(':')[0]}` : `“${t.sheet}”`;
}

/**
 * Why no report can be drafted for these tables: nobody has filled them in (a fresh template), and a report of one
 * would be placeholders and nothing else.
 */
function blankTables(blank: TableResult[], all: TableResult[]): ReportRefusal {
  const names = blank.map((t) => nameOf(t, all)).join('');
  const error = `工作表${names}中的自评表尚未填写（没有资金数，也没有实际完成值），还不能起草报告。请先填写项目资金和各指标的年度指标值、实际完成值，再生成报告。`;
  return { error, code: 'TABLE_BLANK' };
}

export type ReportableTables = { tables: TableResult[]; skipped: string | null } | ReportRefusal;

/**
 * The tables to draft reports for, for every front door (the ribbon, the panes, the CLI): all but those nobody has
 * filled in (tableState's isBlankTable), which `skipped` names; with none left, `error` says why.
 */
export function reportableTables(result: WorkbookResult): ReportableTables {
  if (!result.tables.length) return { error: result.issues[0]?.message ?? '未找到自评表，无法生成报告。', code: 'TABLE_NOT_FOUND' };
  const blank = result.tables.filter(isBlankTable);
  if (blank.length === result.tables.length) return blankTables(blank, result.tables);
  const skipped = blank.length ? `工作表${blank.map((t) => nameOf(t, result.tables)).join('')}中的自评表尚未填写，未为它生成报告。` : null;
  return { tables: result.tables.filter((t) => !isBlankTable(t)), skipped };
}

export function chooseReportTable(result: WorkbookResult, wanted?: ReportTableRequest): ReportTableChoice {
  const reportable = reportableTables(result);
  if ('error' in reportable) return reportable;
  const want = typeof wanted === 'string' ? { sheet: wanted, range: undefined } : wanted;
  // A table named is looked for among them all, so that choosing a blank one says why rather than "not found".
  const matches = want ? result.tables.filter((t) => t.sheet === want.sheet && (!want.range || t.range === want.range)) : reportable.tables;
  if (matches.length === 1 && isBlankTable(matches[0])) return blankTables(matches, result.tables);
  if (matches.length !== 1) {
    const list = (want ? result.tables : reportable.tables).map((t) => `“${t.sheet}”${t.range.split(':')[0]}（${t.project.name ?? '未填项目名称'}）`).join('、');
    const error = matches.length ? `工作簿中有多张自评表：${list}。请先选择要生成报告的一张。` : `没有找到所选的自评表。工作簿中的自评表：${list}。`;
    return { error, code: 'TABLE_NOT_FOUND' };
  }
  const table = matches[0];
  // Characters Windows and macOS refuse in a file name.
  const base = (table.project.name ?? table.sheet).replace(/[\\/:*?"<>|]/g, '_');
  return { table, fileName: `${base}绩效自评报告.docx` };
}
