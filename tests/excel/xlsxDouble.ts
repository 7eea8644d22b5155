/**
 * Test glue between a real .xlsx (exceljs) and the Excel double: a workbook opened in "Excel" exactly as
 * saved (values, formulas, formats, fills, notes, the very-hidden backup sheet), and every cell's state
 * on either side in one shape, so the two appliers can be compared cell by cell.
 */
import * as ExcelJS from 'exceljs';
import { BACKUP_SHEET } from '../../src/core/backup';
import { readWorkbook } from '../../src/cli/readWorkbook';
import { applyCellState, snapshotCells } from '../../src/cli/writeChanges';
import { fakeWorkbookFromGrids, type FakeWorkbook, type FakeWorkbookOptions } from '../../src/excel/testing/fakeExcel';
import { toA1 } from '../../src/core/grid';

export interface CellRecord {
  v: string | number | boolean | null;
  f: string | null;
  nf: string | null;
  fill: string | null;
  note: string | null;
}

export async function loadXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Saved and opened again: what a user (or the next CLI run) sees of the file. */
export async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load((await wb.xlsx.writeBuffer()) as ExcelJS.Buffer);
  return again;
}

function eachCell(ws: ExcelJS.Worksheet, visit: (cell: ExcelJS.Cell) => void): void {
  ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => visit(cell)));
}

const nf = (s: string | null | undefined): string | null => (!s || s === 'General' ? null : s);

function keep(r: CellRecord): boolean {
  return r.v !== null || r.f !== null || r.nf !== null || r.fill !== null || r.note !== null;
}

/** Every non-empty cell state of the visible sheets of an exceljs workbook. */
export function xlsxCells(wb: ExcelJS.Workbook): Record<string, CellRecord> {
  const out: Record<string, CellRecord> = {};
  wb.eachSheet((ws) => {
    if (ws.name === BACKUP_SHEET) return;
    eachCell(ws, (cell) => {
      const s = snapshotCells(ws, [cell.address])[0];
      const merged = cell.type === ExcelJS.ValueType.Merge;
      const v = merged ? null : s.value;
      const r: CellRecord = { v: v === '' ? null : v !== null && typeof v === 'object' ? v.error : v, f: s.formula ?? null, nf: nf(s.numFmt), fill: s.fill, note: s.note };
      if (keep(r)) out[`${ws.name}!${cell.address}`] = r;
    });
  });
  return out;
}

/** Every non-empty cell state of the visible sheets of the double. */
export function fakeCells(fake: FakeWorkbook): Record<string, CellRecord> {
  const out: Record<string, CellRecord> = {};
  const at = (sheet: string, address: string): CellRecord => (out[`${sheet}!${address}`] ??= { v: null, f: null, nf: null, fill: null, note: null });
  for (const s of fake.sheets) {
    if (s.name === BACKUP_SHEET) continue;
    for (const [k, c] of s.cells) {
      const [r, col] = k.split(',').map(Number);
      const rec = at(s.name, toA1(r, col));
      rec.v = c.value === '' ? null : c.value;
      rec.f = c.formula ?? null;
      rec.nf = nf(c.numberFormat);
      rec.fill = c.fill ? c.fill.toUpperCase() : null;
    }
  }
  for (const n of [...fake.notes, ...fake.comments]) {
    const s = fake.sheet(n.sheetId)!;
    if (s.name !== BACKUP_SHEET) at(s.name, toA1(n.row, n.col)).note = n.content;
  }
  for (const k of Object.keys(out)) if (!keep(out[k])) delete out[k];
  return out;
}

/** The .xlsx opened in "Excel": the double holding every value, format, fill and note, sheet states kept. */
export function fakeFromXlsx(wb: ExcelJS.Workbook, options: FakeWorkbookOptions = {}): FakeWorkbook {
  const fake = fakeWorkbookFromGrids(readWorkbook(wb), options);
  wb.eachSheet((ws) => {
    const sheet = fake.sheet(ws.name)!;
    if (ws.state === 'veryHidden') sheet.visibility = 'VeryHidden';
    eachCell(ws, (cell) => {
      const s = snapshotCells(ws, [cell.address])[0];
      const patch: Parameters<FakeWorkbook['setCell']>[2] = {};
      if (s.fill) patch.fill = s.fill;
      if (s.note !== null) patch.note = s.note;
      if (nf(s.numFmt) && !fake.cell(ws.name, cell.address).numberFormat) patch.numberFormat = s.numFmt!;
      if (Object.keys(patch).length) fake.setCell(ws.name, cell.address, patch);
    });
  });
  return fake;
}

/** One user edit, made the same way on the double and on .xlsx workbooks. */
export interface UserEdit {
  name: string;
  sheet: string;
  address: string;
  value?: string | number | null;
  note?: string | null;
  fill?: string | null;
}

export function editFake(fake: FakeWorkbook, e: UserEdit): void {
  const patch: Parameters<FakeWorkbook['setCell']>[2] = {};
  if (e.value !== undefined) Object.assign(patch, { value: e.value, formula: undefined, text: e.value === null ? '' : String(e.value) });
  if (e.note !== undefined) patch.note = e.note;
  if (e.fill !== undefined) patch.fill = e.fill;
  fake.setCell(e.sheet, e.address, patch);
}

export function editXlsx(wb: ExcelJS.Workbook, e: UserEdit): void {
  const ws = wb.getWorksheet(e.sheet)!;
  applyCellState(ws, e.address, {
    ...(e.value !== undefined ? { value: e.value, formula: null } : {}),
    ...(e.note !== undefined ? { note: e.note } : {}),
    ...(e.fill !== undefined ? { fill: e.fill } : {}),
  });
}
