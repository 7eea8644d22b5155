/**
 * The report in the CLI: report sheets added to a workbook (for --out and `jixiao report`), and the
 * Word file written with docx's Node packer.
 */
import * as path from 'path';
import type * as ExcelJS from 'exceljs';
import { Packer } from 'docx';
import type { RuleProfile } from '../../core/profile';
import type { TableResult, WorkbookResult } from '../../core/result';
import { draftReport, type DraftOptions } from '../../core/report/draft';
import type { ReportDraft } from '../../core/report/model';
import { REPORT_SHEET_BASE, decideReportTarget, reportSheetNames, reportSheetSpec } from '../../core/report/reportSheet';
import { applySheetSpec } from '../applySheetSpec';
import { readWorksheet } from '../readWorkbook';
import { buildReportDocument } from './docx';
import { xmlSafeDeep } from '../../core/xmlText';

export interface ReportSheetOutcome {
  /** The table's sheet. */
  table: string;
  /** The report sheet written. */
  sheet: string;
  /** True when an unedited earlier draft was replaced. */
  replaced: boolean;
}

/**
 * Adds one 绩效自评报告 sheet per table: replacing an unedited earlier draft, otherwise under a new
 * name, so a user's edits to an earlier draft are never overwritten.
 */
export function addReportSheets(workbook: ExcelJS.Workbook, result: WorkbookResult, profile: RuleProfile, options: DraftOptions = {}): ReportSheetOutcome[] {
  const names = reportSheetNames(result.tables);
  const out: ReportSheetOutcome[] = [];
  // Only earlier drafts matter to the decision: read those once, not every sheet per table.
  const existing: { name: string; grid: ReturnType<typeof readWorksheet> }[] = [];
  workbook.eachSheet((ws) => {
    if (ws.name.startsWith(REPORT_SHEET_BASE)) existing.push({ name: ws.name, grid: readWorksheet(ws) });
  });
  result.tables.forEach((table, i) => {
    const target = decideReportTarget(existing, names[i]);
    const draft = draftReport(table, profile, options);
    const name = 'replace' in target ? target.replace : target.create;
    applySheetSpec(workbook, reportSheetSpec(draft, table, name), { replace: 'replace' in target });
    const written = workbook.getWorksheet(name);
    const at = existing.findIndex((e) => e.name === name);
    if (written) existing.splice(at < 0 ? existing.length : at, at < 0 ? 0 : 1, { name, grid: readWorksheet(written) });
    out.push({ table: table.sheet, sheet: name, replaced: 'replace' in target });
  });
  return out;
}

/** Drafts for every table of a result. */
export function draftAll(result: WorkbookResult, profile: RuleProfile, options: DraftOptions = {}): { table: TableResult; draft: ReportDraft }[] {
  return result.tables.map((table) => ({ table, draft: draftReport(table, profile, options) }));
}

/** Packs a draft into .docx bytes. */
export async function reportDocxBuffer(draft: ReportDraft): Promise<Buffer> {
  // Texts come from the workbook: drop what XML forbids, or Word refuses the file.
  return Packer.toBuffer(buildReportDocument(xmlSafeDeep(draft)));
}

/**
 * Output paths for the Word files: OUT.docx for one table; OUT-1.docx, OUT-2.docx … for several
 * (one document per project, as each is submitted on its own).
 */
export function docxPaths(out: string, count: number): string[] {
  if (count <= 1) return [out];
  const ext = path.extname(out) || '.docx';
  const stem = out.slice(0, out.length - path.extname(out).length);
  return Array.from({ length: count }, (_, i) => `${stem}-${i + 1}${ext}`);
}

export { writeFileAtomic } from '../writeFileAtomic';
