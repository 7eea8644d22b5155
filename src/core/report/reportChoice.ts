/**
 * Which table a Word report is for, decided once for every front door (the Office pane, the WPS pane):
 * the named one, or the only one; with several and none named, nothing is picked silently — the message
 * lists them so the pane can ask.
 */
import type { TableResult, WorkbookResult } from '../result';

export type ReportTableRequest = string | { sheet: string; range?: string };

export type ReportTableChoice = { table: TableResult; fileName: string } | { error: string };

export function chooseReportTable(result: WorkbookResult, wanted?: ReportTableRequest): ReportTableChoice {
  if (!result.tables.length) return { error: result.issues[0]?.message ?? '未找到自评表，无法生成报告。' };
  const want = typeof wanted === 'string' ? { sheet: wanted, range: undefined } : wanted;
  const matches = want ? result.tables.filter((t) => t.sheet === want.sheet && (!want.range || t.range === want.range)) : result.tables;
  if (matches.length !== 1) {
    const list = result.tables.map((t) => `“${t.sheet}”${t.range.split(':')[0]}（${t.project.name ?? '未填项目名称'}）`).join('、');
    return { error: matches.length ? `工作簿中有多张自评表：${list}。请先选择要生成报告的一张。` : `没有找到所选的自评表。工作簿中的自评表：${list}。` };
  }
  const table = matches[0];
  // Characters Windows and macOS refuse in a file name.
  const base = (table.project.name ?? table.sheet).replace(/[\\/:*?"<>|]/g, '_');
  return { table, fileName: `${base}绩效自评报告.docx` };
}
