/**
 * The report in the CLI: report sheets added to a workbook (for --out and `jixiao report`), and the
 * Word file written with docx's Node packer.
 */
import * as path from 'path';
import type * as ExcelJS from 'exceljs';
import type { RuleProfile } from '../../core/profile';
import type { Grid } from '../../core/grid';
import type { TableResult, WorkbookResult } from '../../core/result';
import { draftReport, type DraftOptions } from '../../core/report/draft';
import type { ReportDraft } from '../../core/report/model';
import { reportableTables } from '../../core/report/reportChoice';
import { REPORT_SHEET_BASE, decideReportTarget, findingsSheetName, findingsSheetSpec, reportSheetNames, reportSheetSpec } from '../../core/report/reportSheet';
import { FINDINGS_TITLE } from '../../core/report/model';
import { applySheetSpec } from '../applySheetSpec';
import { readWorksheet } from '../readWorkbook';
import { reportDocxBytes } from '../../report/docx';

export interface ReportSheetOutcome {
  /** The table's sheet. */
  table: string;
  /** The report sheet written. */
  sheet: string;
  /** True when an unedited earlier draft was replaced. */
  replaced: boolean;
  /** The 填报问题清单 sheet written beside it. */
  findings?: string;
}

/**
 * Adds one 绩效自评报告 sheet per table: replacing an unedited earlier draft, otherwise under a new
 * name, so a user's edits to an earlier draft are never overwritten.
 */
export function addReportSheets(workbook: ExcelJS.Workbook, result: WorkbookResult, profile: RuleProfile, options: DraftOptions = {}): ReportSheetOutcome[] {
  // Not for a table nobody has filled in: its report would be placeholders only (core's reportableTables).
  const reportable = reportableTables(result);
  const tables = 'tables' in reportable ? reportable.tables : [];
  const names = reportSheetNames(tables);
  const out: ReportSheetOutcome[] = [];
  // Only earlier drafts matter to the decision: read those once, not every sheet per table.
  const existing: { name: string; grid: ReturnType<typeof readWorksheet> }[] = [];
  workbook.eachSheet((ws) => {
    if (ws.name.startsWith(REPORT_SHEET_BASE) || ws.name.startsWith(FINDINGS_TITLE)) existing.push({ name: ws.name, grid: readWorksheet(ws) });
  });
  const place = (base: string, spec: (name: string) => ReturnType<typeof reportSheetSpec>) => {
    const target = decideReportTarget(existing, base);
    const name = 'replace' in target ? target.replace : target.create;
    applySheetSpec(workbook, spec(name), { replace: 'replace' in target });
    const written = workbook.getWorksheet(name);
    const at = existing.findIndex((e) => e.name === name);
    if (written) existing.splice(at < 0 ? existing.length : at, at < 0 ? 0 : 1, { name, grid: readWorksheet(written) });
    return { name, replaced: 'replace' in target };
  };
  tables.forEach((table, i) => {
    const source = workbook.getWorksheet(table.sheet);
    const draft = draftReport(table, profile, { ...options, grid: source ? readWorksheet(source) : undefined });
    // exceljs draws no charts: the sheet keeps no rows for one.
    const report = place(names[i], (name) => reportSheetSpec(draft, table, name, { charts: false }));
    const findings = place(findingsSheetName(names[i]), (name) => findingsSheetSpec(draft, name));
    out.push({ table: table.sheet, sheet: report.name, replaced: report.replaced, findings: findings.name });
  });
  return out;
}

/** Drafts for every table of a result, each with its 自评表 attached (the table's grid). */
export function draftAll(result: WorkbookResult, profile: RuleProfile, options: DraftOptions = {}, grids: Grid[] = []): { table: TableResult; draft: ReportDraft }[] {
  return result.tables.map((table) => ({ table, draft: draftReport(table, profile, { ...options, grid: grids.find((g) => g.name === table.sheet) }) }));
}

/** Packs a draft into .docx bytes (the renderer's, as a Node Buffer for the file writer). */
export async function reportDocxBuffer(draft: ReportDraft): Promise<Buffer> {
  return Buffer.from(await reportDocxBytes(draft));
}

/** Characters Windows and macOS refuse in file names. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what a file name cannot hold
const UNSAFE_FILE_CHARS = /[\\/:*?"<>|\u0000-\u001f]/g;

/**
 * Output paths for the Word files: OUT.docx for one table; for several, one document per project
 * (each is submitted on its own) named for it — OUT-<项目名称>.docx, or the sheet's name where the
 * project has none, the table's first cell added when two would collide. Never a bare number.
 */
export function docxPaths(out: string, tables: Pick<TableResult, 'sheet' | 'range' | 'project'>[]): string[] {
  if (tables.length <= 1) return [out];
  const ext = path.extname(out) || '.docx';
  const stem = out.slice(0, out.length - path.extname(out).length);
  const clean = (s: string) => s.replace(UNSAFE_FILE_CHARS, ' ').replace(/\s+/g, ' ').trim().slice(0, 60);
  const labels = tables.map((t) => clean(t.project.name ?? '') || clean(t.sheet));
  return tables.map((t, i) => {
    const label = labels.filter((l) => l === labels[i]).length > 1 ? `${labels[i]} ${clean(t.sheet)} ${t.range.split(':')[0]}` : labels[i];
    return `${stem}-${label}${ext}`;
  });
}

export { writeFileAtomic } from '../writeFileAtomic';
