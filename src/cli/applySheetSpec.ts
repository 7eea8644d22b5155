/**
 * Applies a SheetSpec (a whole new sheet described as data) to an exceljs workbook: values, formulas,
 * styles, merges, widths, heights, freeze, validations, notes, print setup, tab colour.
 * exceljs cannot draw charts: they are skipped (the spec keeps their data visible as cells).
 */
import type * as ExcelJS from 'exceljs';
import type { SheetSpec, SpecStyle } from '../core/sheetSpec';
import { cellText, xmlSafe } from '../core/xmlText';

/** Excel's limits on a validation's texts (longer ones make Excel repair the file). */
const PROMPT_MAX = 255;
const TITLE_MAX = 32;
const limited = (s: string | undefined, max: number) => (s === undefined ? undefined : xmlSafe(s).slice(0, max));

export interface SheetSpecApplied {
  worksheet: ExcelJS.Worksheet;
  /** Charts in the spec that exceljs could not draw. */
  skippedCharts: number;
}

export interface ApplySheetSpecOptions {
  /** Remove an existing sheet of the same name first (the caller decided it may be replaced). */
  replace?: boolean;
}

const argb = (hex: string) => `FF${hex.replace(/^#/, '').toUpperCase()}`;

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };

function decodeRange(range: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = range.split(':');
  const p = (s: string) => {
    const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(s.trim());
    if (!m) throw new Error(`bad address ${s}`);
    let col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]), col };
  };
  const x = p(a);
  const y = p(b);
  return { top: Math.min(x.row, y.row), left: Math.min(x.col, y.col), bottom: Math.max(x.row, y.row), right: Math.max(x.col, y.col) };
}

function styleCell(cell: ExcelJS.Cell, s: SpecStyle): void {
  if (s.bold !== undefined || s.fontSize !== undefined || s.fontName !== undefined || s.fontColor !== undefined) {
    cell.font = {
      ...(cell.font ?? {}),
      ...(s.bold !== undefined ? { bold: s.bold } : {}),
      ...(s.fontSize !== undefined ? { size: s.fontSize } : {}),
      ...(s.fontName !== undefined ? { name: s.fontName } : {}),
      ...(s.fontColor !== undefined ? { color: { argb: argb(s.fontColor) } } : {}),
    };
  }
  if (s.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.wrap !== undefined || s.horizontal || s.vertical) {
    cell.alignment = {
      ...(cell.alignment ?? {}),
      ...(s.wrap !== undefined ? { wrapText: s.wrap } : {}),
      ...(s.horizontal ? { horizontal: s.horizontal } : {}),
      ...(s.vertical ? { vertical: s.vertical } : {}),
    };
  }
  if (s.border) cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  if (s.numberFormat) cell.numFmt = s.numberFormat;
  if (s.locked !== undefined) cell.protection = { locked: s.locked };
}

/** Adds the sheet described by `spec`; returns it with the number of charts it could not draw. */
export function applySheetSpec(workbook: ExcelJS.Workbook, spec: SheetSpec, options: ApplySheetSpecOptions = {}): SheetSpecApplied {
  const existing = workbook.getWorksheet(spec.name);
  if (existing) {
    if (!options.replace) throw new Error(`工作表“${spec.name}”已存在`);
    workbook.removeWorksheet(existing.id);
  }
  const ws = workbook.addWorksheet(spec.name, spec.tabColor ? { properties: { tabColor: { argb: argb(spec.tabColor) } } } : undefined);

  spec.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const [row, h] of Object.entries(spec.rowHeights ?? {})) ws.getRow(Number(row)).height = h;

  for (const c of spec.cells) {
    const cell = ws.getCell(c.address);
    if (c.formula !== undefined) cell.value = { formula: xmlSafe(c.formula) } as ExcelJS.CellFormulaValue;
    else if (c.value !== undefined) cell.value = typeof c.value === 'string' ? cellText(c.value) : c.value;
    styleCell(cell, c);
    if (c.note) cell.note = cellText(c.note);
  }
  for (const m of spec.merges) {
    const r = decodeRange(m.range);
    // Borders and fills belong on every cell of the area, or Excel draws them only around the first.
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const cell = ws.getCell(row, col);
        const isMaster = row === r.top && col === r.left;
        styleCell(cell, isMaster ? m : { fill: m.fill, border: m.border });
      }
    }
    if (r.top !== r.bottom || r.left !== r.right) ws.mergeCells(r.top, r.left, r.bottom, r.right);
  }

  for (const v of spec.validations ?? []) {
    const r = decodeRange(v.range);
    const common = {
      allowBlank: true,
      showInputMessage: Boolean(v.prompt),
      promptTitle: limited(v.promptTitle, TITLE_MAX),
      prompt: limited(v.prompt, PROMPT_MAX),
      showErrorMessage: true,
      errorStyle: 'stop',
      error: limited(v.error, PROMPT_MAX),
    };
    const dv: ExcelJS.DataValidation =
      v.type === 'list'
        ? { type: 'list', formulae: [`"${xmlSafe((v.list ?? []).join(','))}"`], ...common }
        : { type: 'decimal', operator: 'between', formulae: [v.min ?? (v.type === 'percent' ? 0 : -1e15), v.max ?? (v.type === 'percent' ? 1 : 1e15)], ...common };
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) ws.getCell(row, col).dataValidation = dv;
  }

  if (spec.freeze && (spec.freeze.rows || spec.freeze.columns)) {
    ws.views = [{ state: 'frozen', xSplit: spec.freeze.columns, ySplit: spec.freeze.rows }];
  }
  if (spec.print) {
    const m = spec.print.margins;
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9, // A4
      orientation: spec.print.orientation,
      ...(spec.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
      margins: { top: m.top, bottom: m.bottom, left: m.left, right: m.right, header: 0.3, footer: 0.3 },
    };
  }
  return { worksheet: ws, skippedCharts: spec.charts?.length ?? 0 };
}
