/**
 * Applies a SheetSpec (core/sheetSpec.ts: the report draft, the blank template) to a WPS 表格 workbook
 * through the ET object model: values, formulas, styles, merges, widths, heights, notes (legacy
 * comments), validations, print setup and tab colour. Frozen panes belong to a window (ActiveWindow),
 * not a sheet, and charts are left out as in the CLI's copy; both are named in `skipped`.
 */
import { fromA1, toA1 } from '../core/grid';
import type { SheetSpec, SpecStyle } from '../core/sheetSpec';
import { XL, type EtRange, type EtWorkbook, type EtWorksheet } from './etApi';
import { bgrOf } from './readEt';
import { findSheet } from './wpsWorkbook';

export interface EtSheetSpecOutcome {
  name: string;
  skipped: string[];
}

function styleRange(range: EtRange, s: SpecStyle): void {
  if (s.bold !== undefined || s.fontSize !== undefined || s.fontName !== undefined || s.fontColor !== undefined) {
    const font = range.Font;
    if (s.bold !== undefined) font.Bold = s.bold;
    if (s.fontSize !== undefined) font.Size = s.fontSize;
    if (s.fontName !== undefined) font.Name = s.fontName;
    if (s.fontColor !== undefined) font.Color = bgrOf(s.fontColor);
  }
  if (s.fill) range.Interior.Color = bgrOf(s.fill);
  if (s.wrap !== undefined) range.WrapText = s.wrap;
  if (s.horizontal) range.HorizontalAlignment = s.horizontal === 'left' ? XL.hAlignLeft : s.horizontal === 'right' ? XL.hAlignRight : XL.hAlignCenter;
  if (s.vertical) range.VerticalAlignment = s.vertical === 'top' ? XL.vAlignTop : s.vertical === 'bottom' ? XL.vAlignBottom : XL.vAlignCenter;
  if (s.border) {
    const b = range.Borders;
    b.LineStyle = XL.continuous;
    b.Weight = XL.thin;
  }
  if (s.numberFormat) range.NumberFormat = s.numberFormat;
  if (s.locked !== undefined) range.Locked = s.locked;
}

/** Adds (or, when told, replaces) the sheet `spec` describes, after the last sheet. */
export function applySheetSpecEt(wb: EtWorkbook, spec: SheetSpec, options: { replace?: boolean; activate?: boolean } = {}): EtSheetSpecOutcome {
  const skipped: string[] = [];
  const existing = findSheet(wb, spec.name);
  if (existing) {
    if (!options.replace) throw new Error(`工作表“${spec.name}”已存在`);
    existing.Delete();
  }
  const sheets = wb.Worksheets;
  const ws: EtWorksheet = sheets.Add(null, sheets.Item(sheets.Count));
  ws.Name = spec.name;

  spec.columnWidths.forEach((w, i) => (ws.Range(toA1(0, i)).ColumnWidth = w));
  for (const [row, h] of Object.entries(spec.rowHeights ?? {})) ws.Range(`A${row}`).RowHeight = h;

  for (const c of spec.cells) {
    const range = ws.Range(c.address);
    if (c.formula !== undefined) range.Formula = `=${c.formula}`;
    else if (c.value !== undefined && c.value !== null) {
      // Text that a spreadsheet would parse (=, +, -, @ first) stays text: formatted as text first.
      if (typeof c.value === 'string' && /^[=+\-@]/.test(c.value) && !c.numberFormat) range.NumberFormat = '@';
      range.Value2 = c.value;
    }
    styleRange(range, c);
    if (c.note) range.AddComment(c.note);
  }
  for (const m of spec.merges) {
    const range = ws.Range(m.range);
    range.Merge();
    styleRange(range, m);
  }
  for (const v of spec.validations ?? []) {
    const dv = ws.Range(v.range).Validation;
    dv.Delete();
    if (v.type === 'list') dv.Add(XL.validateList, XL.validAlertStop, XL.between, (v.list ?? []).join(','));
    else dv.Add(XL.validateDecimal, XL.validAlertStop, XL.between, v.min ?? (v.type === 'percent' ? 0 : -1e15), v.max ?? (v.type === 'percent' ? 1 : 1e15));
    if (v.prompt) {
      dv.InputTitle = v.promptTitle ?? '';
      dv.InputMessage = v.prompt;
    }
    if (v.error) {
      dv.ErrorTitle = '输入无效';
      dv.ErrorMessage = v.error;
    }
  }
  if (spec.print) {
    const p = ws.PageSetup;
    p.PaperSize = XL.paperA4;
    p.Orientation = spec.print.orientation === 'landscape' ? XL.landscape : XL.portrait;
    // PageSetup margins are in points; the spec's in inches.
    p.TopMargin = spec.print.margins.top * 72;
    p.BottomMargin = spec.print.margins.bottom * 72;
    p.LeftMargin = spec.print.margins.left * 72;
    p.RightMargin = spec.print.margins.right * 72;
    if (spec.print.fitToWidth) {
      p.Zoom = false;
      p.FitToPagesWide = 1;
      p.FitToPagesTall = false;
    }
  }
  if (spec.tabColor) ws.Tab.Color = bgrOf(spec.tabColor);
  if (spec.freeze && (spec.freeze.rows || spec.freeze.columns)) skipped.push('freeze');
  if (spec.charts?.length) skipped.push('charts');
  if (options.activate) {
    ws.Activate();
    const first = spec.cells[0]?.address;
    if (first) ws.Range(toA1(fromA1(first).row, fromA1(first).col)).Select();
  }
  return { name: spec.name, skipped };
}
