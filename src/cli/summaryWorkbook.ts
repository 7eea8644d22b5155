/**
 * The batch summary workbook (`jixiao score … --summary 汇总.xlsx`) for a 财政局 reviewing many files:
 * one row per table, a second sheet listing every issue. Built from results only, so a 200-file batch
 * holds nothing but these rows in memory.
 */
import type * as ExcelJS from 'exceljs';
import type { RuleProfile } from '../core/profile';
import type { Issue, Severity, WorkbookResult } from '../core/result';
import { writeFileAtomic } from './writeFileAtomic';
import { cellText, xmlSafe } from '../core/xmlText';

type RowValue = string | number | null | undefined;

/** Adds a row whose texts a cell can hold (file names, project names and messages come from the inputs). */
function addSafeRow(ws: ExcelJS.Worksheet, values: RowValue[]): void {
  ws.addRow(values.map((v) => (typeof v === 'string' ? cellText(v) : v)));
}

const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
/** Grade fills from best to worst (Excel's good / neutral / bad styles). */
const GRADE_FILLS = ['FFC6EFCE', 'FFDDEBF7', 'FFFFEB9C', 'FFFFC7CE'];
const HEADER_FILL = 'FFD9E1F2';

const TABLE_COLUMNS: { header: string; width: number; numFmt?: string }[] = [
  { header: '文件', width: 28 },
  { header: '工作表', width: 14 },
  { header: '项目名称', width: 30 },
  { header: '主管部门', width: 22 },
  { header: '全年预算数（万元）', width: 14, numFmt: '#,##0.00' },
  { header: '全年执行数（万元）', width: 14, numFmt: '#,##0.00' },
  { header: '执行率', width: 10, numFmt: '0.00%' },
  { header: '总分', width: 9, numFmt: '0.00' },
  { header: '等级', width: 8 },
  { header: '错误', width: 7 },
  { header: '警告', width: 7 },
  { header: '最主要的问题', width: 70 },
];
const GRADE_COL = 'I';

const ISSUE_COLUMNS: { header: string; width: number }[] = [
  { header: '文件', width: 28 },
  { header: '工作表', width: 14 },
  { header: '单元格', width: 8 },
  { header: '级别', width: 7 },
  { header: '代码', width: 24 },
  { header: '说明', width: 90 },
];

function mostSerious(issues: Issue[]): Issue | undefined {
  let best: Issue | undefined;
  for (const i of issues) if (!best || SEVERITY_RANK[i.severity] < SEVERITY_RANK[best.severity]) best = i;
  return best;
}

/** "H6 message", unless the message already opens with its cell. */
function describe(i: Issue): string {
  return i.cell && !i.message.startsWith(i.cell) ? `${i.cell} ${i.message}` : i.message;
}

function count(issues: Issue[], s: Severity): number {
  return issues.filter((i) => i.severity === s).length;
}

function styleHeader(ws: ExcelJS.Worksheet, columns: { header: string; width: number; numFmt?: string }[]): void {
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    // The header keeps the column's font and alignment but not its number format.
    const { numFmt, ...rest } = cell.style;
    void numFmt;
    cell.style = { ...rest, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } } };
  });
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
}

/** What the summary reads of one file's result; a WorkbookResult is one. */
export interface SummaryEntry {
  file?: string;
  issues: Issue[];
  tables: {
    sheet: string;
    project?: { name: string | null; department: string | null } | null;
    funds?: { budget: number | null; executed: number | null; rate: number | null } | null;
    totals?: { score: number | null } | null;
    grade: string | null;
    issues: Issue[];
  }[];
}

/**
 * Keeps only what the summary shows: a batch holds this per file, never the indicators, grids or
 * workbooks, so memory stays flat however many files are scored.
 */
export function summaryEntry(r: WorkbookResult): SummaryEntry {
  return {
    file: r.file,
    issues: r.issues,
    tables: r.tables.map((t) => ({
      sheet: t.sheet,
      project: t.project ? { name: t.project.name, department: t.project.department } : null,
      funds: t.funds ? { budget: t.funds.budget, executed: t.funds.executed, rate: t.funds.rate } : null,
      totals: t.totals ? { score: t.totals.score } : null,
      grade: t.grade,
      issues: t.issues,
    })),
  };
}

/** An Excel string literal ("" escapes a quote; JSON's backslash escapes mean nothing to Excel). */
function excelString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** Builds the summary workbook: 汇总 (one row per table, or per file without one) and 问题清单. */
export function buildSummaryWorkbook(results: SummaryEntry[], profile: RuleProfile): ExcelJS.Workbook {
  // Loaded here: the per-file summaryEntry must not pull exceljs into plain scoring.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wb = new (require('exceljs') as typeof ExcelJS).Workbook();
  wb.creator = '绩效自评助手';
  const summary = wb.addWorksheet('汇总');
  const issues = wb.addWorksheet('问题清单');
  styleHeader(summary, TABLE_COLUMNS);
  styleHeader(issues, ISSUE_COLUMNS);

  for (const r of results) {
    const file = r.file ?? '';
    for (const i of r.issues) addSafeRow(issues, [file, null, i.cell, SEVERITY_LABEL[i.severity], i.code, i.message]);
    if (r.tables.length === 0) {
      const top = mostSerious(r.issues);
      addSafeRow(summary, [file, null, null, null, null, null, null, null, null, count(r.issues, 'error'), count(r.issues, 'warning'), top?.message ?? '未找到绩效自评表']);
      continue;
    }
    for (const t of r.tables) {
      const all = [...r.issues, ...t.issues];
      const top = mostSerious(all);
      addSafeRow(summary, [
        file,
        t.sheet,
        t.project?.name ?? null,
        t.project?.department ?? null,
        t.funds?.budget ?? null,
        t.funds?.executed ?? null,
        t.funds?.rate ?? null,
        t.totals?.score ?? null,
        t.grade ?? '未评级',
        count(all, 'error'),
        count(all, 'warning'),
        top ? describe(top) : null,
      ]);
      for (const i of t.issues) addSafeRow(issues, [file, t.sheet, i.cell, SEVERITY_LABEL[i.severity], i.code, i.message]);
    }
  }

  const last = Math.max(summary.rowCount, 2);
  summary.autoFilter = { from: 'A1', to: { row: last, column: TABLE_COLUMNS.length } };
  issues.autoFilter = { from: 'A1', to: { row: Math.max(issues.rowCount, 2), column: ISSUE_COLUMNS.length } };
  const grades = [...profile.grades].sort((a, b) => b.min - a.min);
  summary.addConditionalFormatting({
    ref: `${GRADE_COL}2:${GRADE_COL}${last}`,
    rules: grades.map((g, idx) => ({
      type: 'expression' as const,
      priority: idx + 1,
      formulae: [`$${GRADE_COL}2=${excelString(xmlSafe(g.label))}`],
      style: { fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: GRADE_FILLS[Math.min(idx, GRADE_FILLS.length - 1)] } } },
    })),
  });
  return wb;
}

/** Writes the summary through a temporary file (never half a workbook). */
export async function writeSummaryWorkbook(results: SummaryEntry[], profile: RuleProfile, output: string): Promise<void> {
  const wb = buildSummaryWorkbook(results, profile);
  await writeFileAtomic(output, (await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
