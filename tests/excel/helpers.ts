/** Shared setup for the Office adapter tests: the seed workbook inside the Excel test double. */
import * as path from 'path';
import type { Grid } from '../../src/core/grid';
import { readWorkbookFile } from '../../src/cli/readWorkbook';
import { fakeWorkbookFromGrids, installFakeOffice, type FakeWorkbook, type FakeWorkbookOptions } from '../../src/excel/testing/fakeExcel';
import { BACKUP_SHEET } from '../../src/excel/readGrids';

export const SEED = path.join(__dirname, '..', 'fixtures', 'xincheng-12345-2023.xlsx');

let seedGrids: Grid[] | null = null;

/** The seed's Grids as the CLI reads them (exceljs), cached across tests. */
export async function seedGridsOnce(): Promise<Grid[]> {
  seedGrids ??= (await readWorkbookFile(SEED)).grids;
  return structuredClone(seedGrids);
}

/** A fake workbook holding the seed (plus `extraSheets` filler sheets), installed as the global Office. */
export async function seedWorkbook(options: FakeWorkbookOptions & { extraSheets?: number } = {}): Promise<FakeWorkbook> {
  const grids = await seedGridsOnce();
  for (let i = 0; i < (options.extraSheets ?? 0); i++) {
    grids.push({ name: `附表${i + 1}`, cells: [[{ value: `说明 ${i + 1}`, text: `说明 ${i + 1}` }], [undefined, { value: i, text: String(i) }]], merges: [] });
  }
  const wb = fakeWorkbookFromGrids(grids, options);
  installFakeOffice(globalThis, wb);
  return wb;
}

/** Every visible cell's state (value, formula, format, fill, note) outside the backup sheet. */
export function stateOf(wb: FakeWorkbook): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of wb.sheets) {
    if (s.name === BACKUP_SHEET) continue;
    for (const k of s.cells.keys()) {
      const [r, c] = k.split(',').map(Number);
      const address = `${String.fromCharCode(65 + c)}${r + 1}`;
      const cell = wb.cell(s.name, address);
      if (cell.value === null && !cell.formula && (cell.numberFormat ?? 'General') === 'General' && !cell.fill) continue;
      out[`${s.name}!${address}`] = { v: cell.value, f: cell.formula ?? null, nf: cell.numberFormat ?? 'General', fill: cell.fill ?? null };
    }
  }
  for (const n of wb.notes) out[`note:${wb.sheet(n.sheetId)!.name}:${n.row},${n.col}`] = n.content;
  for (const n of wb.comments) out[`comment:${wb.sheet(n.sheetId)!.name}:${n.row},${n.col}`] = n.content;
  return out;
}
