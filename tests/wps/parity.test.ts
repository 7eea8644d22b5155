/**
 * The WPS adapter and the Office adapter, given the same workbook, leave the same cells, number
 * formats, fills and notes after 一键评分, and restore the original exactly after 撤销评分; a workbook
 * scored in WPS undoes through the Office adapter and the reverse (same very hidden backup sheet,
 * notes as legacy comments).
 */
import { loadNumfmt } from '../../src/cli/numberFormat';
import * as path from 'path';
import { readWorkbookFile } from '../../src/cli/readWorkbook';
import { toA1, type Grid } from '../../src/core/grid';
import { NATIONAL_PROFILE, parseProfile } from '../../src/core/profile';
import { OfficeWorkbookAdapter } from '../../src/excel/officeAdapter';
import { fakeWorkbookFromGrids, installFakeOffice, uninstallFakeOffice, type FakeWorkbook } from '../../src/excel/testing/fakeExcel';
import { fillOf } from '../../src/wps/readEt';
import { etAppFromGrids, type EtDoubleApp } from '../../src/wps/testing/etDouble';
import { WpsWorkbookAdapter } from '../../src/wps/wpsAdapter';
import { officeFromWps, wpsFromOffice } from './convert';

const FIXTURES = ['xincheng-12345-2023.xlsx', 'core-offset-c5.xlsx', 'core-sichuan.xlsx', 'core-stacked.xlsx', 'core-transfer.xlsx', 'core-yunnan.xlsx'];
const SETS = { ExcelApi: '1.18', SharedRuntime: '1.1' };

interface CellView {
  value: unknown;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  note: string | null;
}

const isBlank = (c: CellView) => (c.value === null || c.value === '' || c.value === undefined) && !c.formula && c.numberFormat === 'General' && !c.fill && !c.note;

/** Every non-blank cell of the visible sheets (and which helper sheets exist), as the Office double holds them. */
function officeView(fake: FakeWorkbook): { cells: Record<string, CellView>; sheets: string[] } {
  const cells: Record<string, CellView> = {};
  for (const s of fake.sheets) {
    if (s.visibility !== 'Visible') continue;
    const keys = new Set([...s.cells.keys()]);
    for (const n of fake.notes.filter((x) => x.sheetId === s.id)) keys.add(`${n.row},${n.col}`);
    for (const k of keys) {
      const [r, c] = k.split(',').map(Number);
      const a1 = toA1(r, c);
      const cell = fake.cell(s.name, a1);
      const view: CellView = { value: cell.value ?? null, formula: cell.formula ? cell.formula.replace(/^=/, '') : null, numberFormat: cell.numberFormat ?? 'General', fill: cell.fill ? cell.fill.toUpperCase() : null, note: cell.note };
      if (!isBlank(view)) cells[`${s.name}!${a1}`] = view;
    }
  }
  return { cells, sheets: fake.sheets.map((s) => `${s.name}:${s.visibility}`) };
}

function wpsView(app: EtDoubleApp): { cells: Record<string, CellView> ; sheets: string[] } {
  const cells: Record<string, CellView> = {};
  const names: Record<number, string> = { [-1]: 'Visible', 0: 'Hidden', 2: 'VeryHidden' };
  for (const s of app.workbook.sheets) {
    if (s.visible !== -1) continue;
    for (const [k, c] of s.cells) {
      const [r, col] = k.split(',').map(Number);
      const a1 = toA1(r, col);
      const view: CellView = {
        value: c.value === undefined || c.value === '' ? null : c.value,
        formula: c.formula ? c.formula.replace(/^=/, '') : null,
        numberFormat: c.numberFormat ?? 'General',
        fill: c.color === undefined ? null : (fillOf(s.Range(a1)) as string),
        note: c.comment ?? null,
      };
      if (!isBlank(view)) cells[`${s.name}!${a1}`] = view;
    }
  }
  return { cells, sheets: app.workbook.sheets.map((s) => `${s.name}:${names[s.visible]}`) };
}

async function load(file: string): Promise<Grid[]> {
  return (await readWorkbookFile(path.join(__dirname, '../fixtures', file))).grids;
}

afterEach(() => uninstallFakeOffice(globalThis));

describe.each(FIXTURES)('%s through WPS and Office', (file) => {
  for (const [label, profile] of [
    ['national rules', NATIONAL_PROFILE],
    ['总分不含预算执行率', parseProfile({ includeExecutionInTotal: false })],
  ] as const) {
    it(`score (${label}): identical cells, formats, fills and notes; undo restores the original`, async () => {
      const grids = await load(file);
      const fake = fakeWorkbookFromGrids(structuredClone(grids), { supportedSets: SETS });
      installFakeOffice(globalThis, fake);
      const app = etAppFromGrids(structuredClone(grids));
      const before = { office: officeView(fake), wps: wpsView(app) };
      expect(before.wps.cells).toEqual(before.office.cells);

      const office = await new OfficeWorkbookAdapter().score(profile, { confirmed: 'all' });
      const wps = await new WpsWorkbookAdapter(app, undefined, loadNumfmt).score(profile, { confirmed: 'all' });
      expect(wps.changed).toBe(office.changed);
      expect(JSON.stringify(wps.result)).toBe(JSON.stringify(office.result));
      expect(wpsView(app).cells).toEqual(officeView(fake).cells);
      expect(wpsView(app).sheets).toEqual(officeView(fake).sheets);

      // A second scoring changes nothing in either host.
      expect((await new WpsWorkbookAdapter(app, undefined, loadNumfmt).score(profile, { confirmed: 'all' })).changed).toBe(0);

      await new OfficeWorkbookAdapter().undo();
      const undone = await new WpsWorkbookAdapter(app, undefined, loadNumfmt).undo();
      expect(undone.unplaced).toEqual([]);
      expect(wpsView(app)).toEqual(before.wps);
      expect(officeView(fake)).toEqual(before.office);
    });
  }
});

describe('across hosts', () => {
  it('scored in WPS, undone in Excel: the original comes back', async () => {
    const grids = await load(FIXTURES[0]);
    const app = etAppFromGrids(structuredClone(grids));
    const original = wpsView(app).cells;
    await new WpsWorkbookAdapter(app, undefined, loadNumfmt).score(NATIONAL_PROFILE, { confirmed: 'all' });
    const fake = officeFromWps(app);
    installFakeOffice(globalThis, fake);
    const undone = await new OfficeWorkbookAdapter().undo();
    expect(undone.restored).toBeGreaterThan(0);
    expect(officeView(fake).cells).toEqual(original);
    expect(fake.sheets.map((s) => s.name)).not.toContain('_jixiao_backup');
  });

  it('scored in Excel, undone in WPS: the original comes back', async () => {
    const grids = await load(FIXTURES[0]);
    const fake = fakeWorkbookFromGrids(structuredClone(grids), { supportedSets: SETS });
    installFakeOffice(globalThis, fake);
    const original = officeView(fake).cells;
    await new OfficeWorkbookAdapter().score(NATIONAL_PROFILE, { confirmed: 'all' });
    const app = wpsFromOffice(fake);
    const undone = await new WpsWorkbookAdapter(app, undefined, loadNumfmt).undo();
    expect(undone.restored).toBeGreaterThan(0);
    expect(undone.unplaced).toEqual([]);
    expect(wpsView(app).cells).toEqual(original);
    expect(app.workbook.sheets.map((s) => s.name)).not.toContain('_jixiao_backup');
  });

  it('a profile saved in WPS lives in the very hidden _jixiao_settings sheet (A1 JSON) and is read back', async () => {
    const grids = await load(FIXTURES[0]);
    const app = etAppFromGrids(structuredClone(grids));
    const wps = new WpsWorkbookAdapter(app, undefined, loadNumfmt);
    await wps.saveProfile(parseProfile({ includeExecutionInTotal: false, decimals: 1 }));
    expect(app.workbook.sheet('_jixiao_settings').visible).toBe(2);
    expect(JSON.parse(String(app.workbook.sheet('_jixiao_settings').at('A1').value))).toMatchObject({ includeExecutionInTotal: false, decimals: 1 });
    const loaded = await wps.loadProfile();
    expect(loaded.includeExecutionInTotal).toBe(false);
    expect(loaded.decimals).toBe(1);
  });
});
