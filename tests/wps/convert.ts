/**
 * A workbook carried between the two doubles: what a file saved by one host holds when the other opens
 * it (values, formulas, number formats, fills, notes/legacy comments, merges, sheet visibility). Lets the
 * WPS adapter be driven through the structural edits the Office double models (src/excel/testing/
 * structuralEdits.ts, with the Microsoft pages they follow), without a second model of them.
 */
import { toA1 } from '../../src/core/grid';
import { fakeWorkbookFromGrids, type FakeWorkbook } from '../../src/excel/testing/fakeExcel';
import { fillOf } from '../../src/wps/readEt';
import { etAppFromGrids, hexToBgr, type EtDoubleApp } from '../../src/wps/testing/etDouble';

const SETS = { ExcelApi: '1.18', SharedRuntime: '1.1' };

export function officeFromWps(app: EtDoubleApp): FakeWorkbook {
  const fake = fakeWorkbookFromGrids([], { supportedSets: SETS });
  const vis: Record<number, 'Visible' | 'Hidden' | 'VeryHidden'> = { [-1]: 'Visible', 0: 'Hidden', 2: 'VeryHidden' };
  for (const s of app.workbook.sheets) {
    const sheet = fake.addSheet(s.name, { visibility: vis[s.visible] });
    sheet.merges = s.merges.map((m) => ({ ...m }));
    for (const [k, c] of s.cells) {
      const [r, col] = k.split(',').map(Number);
      const a1 = toA1(r, col);
      fake.setCell(s.name, a1, {
        value: c.value === undefined ? null : (c.value as string | number | boolean | null),
        ...(c.formula ? { formula: c.formula.replace(/^=/, '') } : {}),
        ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}),
        ...(c.color !== undefined ? { fill: fillOf(s.Range(a1)) } : {}),
        ...(c.comment !== undefined ? { note: c.comment } : {}),
      });
    }
  }
  return fake;
}

export function wpsFromOffice(fake: FakeWorkbook): EtDoubleApp {
  const app = etAppFromGrids([]);
  const vis = { Visible: -1, Hidden: 0, VeryHidden: 2 } as const;
  for (const s of fake.sheets) {
    const sheet = app.workbook.addSheet(s.name);
    sheet.visible = vis[s.visibility];
    sheet.merges = s.merges.map((m) => ({ ...m }));
    const keys = new Set([...s.cells.keys(), ...fake.notes.filter((n) => n.sheetId === s.id).map((n) => `${n.row},${n.col}`)]);
    for (const k of keys) {
      const [r, c] = k.split(',').map(Number);
      const cell = fake.cell(s.name, toA1(r, c));
      sheet.cells.set(k, {
        value: cell.value,
        ...(cell.formula ? { formula: `=${cell.formula.replace(/^=/, '')}` } : {}),
        ...(cell.numberFormat && cell.numberFormat !== 'General' ? { numberFormat: cell.numberFormat } : {}),
        ...(cell.fill ? { color: hexToBgr(cell.fill) } : {}),
        ...(cell.note !== null ? { comment: cell.note } : {}),
      });
    }
  }
  return app;
}
