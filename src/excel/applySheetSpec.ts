/**
 * Applies a SheetSpec to the open workbook with Office.js, queued as one batch: values, formulas,
 * styles, merges, widths, heights, freeze, validations, notes, print setup, tab colour and charts.
 * Features from newer requirement sets are used only where the host supports them.
 */
import { columnLetters, rectFromA1 } from '../core/grid';
import type { SheetSpec, SpecStyle } from '../core/sheetSpec';
import { AdapterError, BASELINE_EXCEL_API } from './session';

export interface ApplySheetSpecOptions {
  /** Delete an existing sheet of that name first (the caller decided it may be replaced). */
  replace?: boolean;
  /** Activate the new sheet. */
  activate?: boolean;
  /** Requirement-set check; defaults to Office.context.requirements.isSetSupported. */
  isSetSupported?: (name: string, version: string) => boolean;
}

export interface SheetSpecOutcome {
  name: string;
  charts: number;
  /** Features the host lacked (e.g. "notes"), left out rather than failing the whole sheet. */
  skipped: string[];
  syncs: number;
}

/** Excel column width is in points here; one character of the default font is about 7 px wide. */
const charsToPoints = (chars: number) => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

function defaultSupport(name: string, version: string): boolean {
  try {
    return typeof Office !== 'undefined' && Boolean(Office.context?.requirements?.isSetSupported(name, version));
  } catch {
    return false;
  }
}

/**
 * A 2D array of `value` the size of the A1 range: Office refuses an array whose dimensions differ from
 * the range's (InvalidArgument), and a merged area is still all of its cells.
 */
export function filledArray<T>(address: string, value: T): T[][] {
  const r = rectFromA1(address);
  const rows = r.bottom - r.top + 1;
  const columns = r.right - r.left + 1;
  return Array.from({ length: rows }, () => Array.from({ length: columns }, () => value));
}

function styleRange(range: Excel.Range, address: string, s: SpecStyle, canProtect: boolean): void {
  const font = range.format.font;
  if (s.bold !== undefined) font.bold = s.bold;
  if (s.fontSize !== undefined) font.size = s.fontSize;
  if (s.fontName !== undefined) font.name = s.fontName;
  if (s.fontColor !== undefined) font.color = s.fontColor;
  if (s.fill) range.format.fill.color = s.fill;
  if (s.wrap !== undefined) range.format.wrapText = s.wrap;
  if (s.horizontal) range.format.horizontalAlignment = s.horizontal === 'left' ? 'Left' : s.horizontal === 'right' ? 'Right' : 'Center';
  if (s.vertical) range.format.verticalAlignment = s.vertical === 'top' ? 'Top' : s.vertical === 'bottom' ? 'Bottom' : 'Center';
  if (s.border) {
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) {
      const b = range.format.borders.getItem(edge);
      b.style = 'Continuous';
      b.weight = 'Thin';
      b.color = '#000000';
    }
  }
  if (s.numberFormat) range.numberFormat = filledArray(address, s.numberFormat);
  if (s.locked !== undefined && canProtect) range.format.protection.locked = s.locked;
}

/** Adds (or, when told, replaces) the sheet described by `spec`, in two syncs. */
export async function applySheetSpec(context: Excel.RequestContext, spec: SheetSpec, options: ApplySheetSpecOptions = {}): Promise<SheetSpecOutcome> {
  const supported = options.isSetSupported ?? defaultSupport;
  // getItemOrNullObject is ExcelApi 1.4; column widths, row heights and merge are 1.2: no fallback for those.
  if (!supported('ExcelApi', BASELINE_EXCEL_API)) {
    throw new AdapterError('API_UNAVAILABLE', `当前 Excel 版本过旧，无法新建工作表。请使用 Microsoft 365 版 Excel、Excel 2019 或更高版本，或 Excel 网页版。`);
  }
  const skipped: string[] = [];
  let syncs = 0;
  const sheets = context.workbook.worksheets;

  const existing = sheets.getItemOrNullObject(spec.name);
  await context.sync();
  syncs++;
  if (!existing.isNullObject) {
    if (!options.replace) throw new Error(`工作表“${spec.name}”已存在`);
    existing.delete();
  }
  const ws = sheets.add(spec.name);

  // Whole-column ranges ("B:B") work on every host; getRangeByIndexes needs ExcelApi 1.7.
  spec.columnWidths.forEach((w, i) => (ws.getRange(`${columnLetters(i)}:${columnLetters(i)}`).format.columnWidth = charsToPoints(w)));
  for (const [row, h] of Object.entries(spec.rowHeights ?? {})) ws.getRange(`${row}:${row}`).format.rowHeight = h;

  const canProtect = supported('ExcelApi', '1.2');
  for (const c of spec.cells) {
    const range = ws.getRange(c.address);
    if (c.formula !== undefined) range.formulas = [[`=${c.formula}`]];
    else if (c.value !== undefined && c.value !== null) {
      // Text that looks like a formula ("=100%", "-5%" typed by a user) must stay text: Excel
      // parses a value string beginning with = + - @ as a formula unless the cell is formatted as text.
      // A cell the spec formats as text ("100%" in a report table) gets its format before its value, or Excel converts it.
      if (typeof c.value === 'string' && (c.numberFormat === '@' || (/^[=+\-@]/.test(c.value) && !c.numberFormat))) range.numberFormat = [['@']];
      range.values = [[c.value]];
    }
    styleRange(range, c.address, c, canProtect);
  }
  for (const m of spec.merges) {
    const range = ws.getRange(m.range);
    range.merge(false);
    styleRange(range, m.range, m, canProtect);
  }

  const notes = spec.cells.filter((c) => c.note);
  if (notes.length) {
    // Notes (ExcelApi 1.18) are the closest to exceljs' cell notes; threaded comments (1.10) otherwise.
    if (supported('ExcelApi', '1.18')) for (const c of notes) ws.notes.add(ws.getRange(c.address), c.note as string);
    else if (supported('ExcelApi', '1.10')) for (const c of notes) context.workbook.comments.add(`'${spec.name.replace(/'/g, "''")}'!${c.address}`, c.note as string);
    else skipped.push('notes');
  }

  if (spec.validations?.length) {
    if (supported('ExcelApi', '1.8')) {
      for (const v of spec.validations) {
        const dv = ws.getRange(v.range).dataValidation;
        dv.rule =
          v.type === 'list'
            ? { list: { inCellDropDown: true, source: (v.list ?? []).join(',') } }
            : { decimal: { operator: Excel.DataValidationOperator.between, formula1: v.min ?? (v.type === 'percent' ? 0 : -1e15), formula2: v.max ?? (v.type === 'percent' ? 1 : 1e15) } };
        if (v.prompt) dv.prompt = { showPrompt: true, title: v.promptTitle ?? '', message: v.prompt };
        if (v.error) dv.errorAlert = { showAlert: true, style: Excel.DataValidationAlertStyle.stop, title: '输入无效', message: v.error };
      }
    } else skipped.push('validations');
  }

  if (spec.freeze && (spec.freeze.rows || spec.freeze.columns)) {
    // freezePanes (and getRangeByIndexes) are ExcelApi 1.7.
    if (!supported('ExcelApi', '1.7')) skipped.push('freeze');
    else if (spec.freeze.rows && spec.freeze.columns) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, spec.freeze.rows, spec.freeze.columns));
    else if (spec.freeze.rows) ws.freezePanes.freezeRows(spec.freeze.rows);
    else ws.freezePanes.freezeColumns(spec.freeze.columns);
  }

  if (spec.print) {
    if (supported('ExcelApi', '1.9')) {
      const p = ws.pageLayout;
      p.paperSize = Excel.PaperType.a4;
      p.orientation = spec.print.orientation === 'landscape' ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
      const m = spec.print.margins;
      // pageLayout margins are in points.
      p.topMargin = m.top * 72;
      p.bottomMargin = m.bottom * 72;
      p.leftMargin = m.left * 72;
      p.rightMargin = m.right * 72;
      if (spec.print.fitToWidth) p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    } else skipped.push('print');
  }

  if (spec.tabColor && supported('ExcelApi', '1.7')) ws.tabColor = spec.tabColor;

  let charts = 0;
  for (const c of spec.charts ?? []) {
    const type = c.type === 'clusteredBar' ? Excel.ChartType.barClustered : Excel.ChartType.columnClustered;
    const chart = ws.charts.add(type, ws.getRange(c.dataRange), Excel.ChartSeriesBy.columns);
    chart.title.text = c.title;
    chart.setPosition(c.from, c.to);
    charts++;
  }

  if (options.activate) ws.activate();
  await context.sync();
  syncs++;
  return { name: spec.name, charts, skipped, syncs };
}
