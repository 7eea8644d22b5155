/**
 * The WPS reader gives the engine the same Grids as the CLI's exceljs reader, for the seed and every
 * layout fixture, and the same scoring result; with a bounded number of host calls.
 */
import { loadNumfmt } from '../../src/cli/numberFormat';
import * as path from 'path';
import { readWorkbookFile } from '../../src/cli/readWorkbook';
import { evaluateWorkbook } from '../../src/core/engine';
import type { Grid } from '../../src/core/grid';
import { readEtWorkbook } from '../../src/wps/readEt';
import { etAppFromGrids } from '../../src/wps/testing/etDouble';

const FIXTURES = ['xincheng-12345-2023.xlsx', 'core-offset-c5.xlsx', 'core-sichuan.xlsx', 'core-stacked.xlsx', 'core-transfer.xlsx', 'core-yunnan.xlsx'];

/** Value, text, formula and format of every non-empty cell, by address: what the engine reads. */
function cellsOf(g: Grid): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  g.cells.forEach((row, r) =>
    row?.forEach((c, col) => {
      if (c && (c.value !== null || c.formula)) out[`${r},${col}`] = { value: c.value, text: c.text, formula: c.formula ?? null };
    }),
  );
  return out;
}

describe('WPS reader against the CLI reader', () => {
  for (const file of FIXTURES) {
    it(`${file}: same cells, merges and result`, async () => {
      const { grids } = await readWorkbookFile(path.join(__dirname, '../fixtures', file));
      const app = etAppFromGrids(grids);
      const snap = readEtWorkbook(app, { numfmt: loadNumfmt });
      const visible = grids.filter((g) => !g.hidden);
      expect(snap.grids.map((g) => g.name)).toEqual(visible.map((g) => g.name));
      snap.grids.forEach((g, i) => {
        expect(cellsOf(g)).toEqual(cellsOf(visible[i]));
        const key = (m: { top: number; left: number; bottom: number; right: number }) => `${m.top},${m.left},${m.bottom},${m.right}`;
        // Merges holding a label are what detection uses; every one the reader reports is a real merge.
        const real = new Set(visible[i].merges.map(key));
        for (const m of g.merges) expect(real.has(key(m))).toBe(true);
      });
      expect(JSON.stringify(evaluateWorkbook(snap.grids))).toBe(JSON.stringify(evaluateWorkbook(visible)));
    });
  }

  it('reads whole blocks: host calls for the seed stay in the low hundreds', async () => {
    const { grids } = await readWorkbookFile(path.join(__dirname, '../fixtures', FIXTURES[0]));
    const app = etAppFromGrids(grids);
    readEtWorkbook(app, { numfmt: loadNumfmt });
    const perCellValueReads = app.log.filter((x) => x === 'Range.Value2').length;
    // One Value2 read per sheet (plus none per cell): the block is read at once.
    expect(perCellValueReads).toBe(grids.filter((g) => !g.hidden).length);
    expect(app.calls).toBeLessThan(600);
  });

  it('skips hidden and very hidden sheets, and reads the backup and settings sheets', () => {
    const app = etAppFromGrids([
      { name: '表', cells: [[{ value: '项目名称', text: '项目名称' }]], merges: [] },
      { name: '藏', cells: [[{ value: 1, text: '1' }]], merges: [], hidden: true },
    ]);
    const backup = app.workbook.addSheet('_jixiao_backup');
    backup.visible = 2;
    backup.at('A1').value = 'jx|{"version":1}';
    const settings = app.workbook.addSheet('_jixiao_settings');
    settings.visible = 2;
    settings.at('A1').value = '{"decimals":0}';
    const snap = readEtWorkbook(app, { numfmt: loadNumfmt });
    expect(snap.grids.map((g) => g.name)).toEqual(['表']);
    expect(snap.sheets.map((s) => s.visibility)).toEqual(['Visible', 'Hidden', 'VeryHidden', 'VeryHidden']);
    expect(snap.backupRows).toEqual(['jx|{"version":1}']);
    expect(snap.settingsJson).toBe('{"decimals":0}');
  });
});
