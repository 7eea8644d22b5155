/**
 * The sequences of issue 12 through the WPS adapter: score in WPS, the user edits the sheet's structure
 * (rows inserted, deleted, sorted; the sheet renamed and moved; their own notes and fills), then 撤销评分
 * in WPS. The edits are made by the Office double's model of them (documented in
 * src/excel/testing/structuralEdits.ts) on the same workbook carried across (./convert.ts). Each sequence
 * leaves exactly what the user had, or restores nothing it cannot place and says so.
 */
import { loadNumfmt } from '../../src/cli/numberFormat';
import { BACKUP_SHEET } from '../../src/core/backup';
import { toA1, type Grid } from '../../src/core/grid';
import { fakeWorkbookFromGrids } from '../../src/excel/testing/fakeExcel';
import { etAppFromGrids, type EtDoubleApp } from '../../src/wps/testing/etDouble';
import { WpsWorkbookAdapter } from '../../src/wps/wpsAdapter';
import { seedGridsOnce } from '../excel/helpers';
import { addIndicator, reverseIndicators, sortableTable, withDocNumberLine, withLeftColumn, type Edit } from '../excel/structuralSequences';
import { officeFromWps, wpsFromOffice } from './convert';

const adapter = (app: EtDoubleApp) => new WpsWorkbookAdapter(app, undefined, loadNumfmt);

/** Every non-empty cell of the visible sheets, and their order: the user's view. */
function view(app: EtDoubleApp) {
  const cells: Record<string, unknown> = {};
  for (const s of app.workbook.sheets) {
    if (s.visible !== -1) continue;
    for (const [k, c] of s.cells) {
      const [r, col] = k.split(',').map(Number);
      const v = { value: c.value ?? null, formula: c.formula ?? null, numberFormat: c.numberFormat ?? 'General', color: c.color ?? null, comment: c.comment ?? null };
      if (v.value === null && !v.formula && v.numberFormat === 'General' && v.color === null && v.comment === null) continue;
      cells[`${s.name}!${toA1(r, col)}`] = v;
    }
  }
  return { cells, order: app.workbook.sheets.filter((s) => s.visible === -1).map((s) => s.name) };
}

/** Score in WPS, edit (as Excel/WPS do), optionally rescore, undo in WPS; and the user's expected workbook. */
async function sequence(grids: () => Grid[], edits: Edit[], options: { rescore?: boolean } = {}) {
  const scoredApp = etAppFromGrids(grids());
  expect((await adapter(scoredApp).score(undefined, { confirmed: 'all' })).changed).toBeGreaterThan(0);
  const fake = officeFromWps(scoredApp);
  for (const e of edits) e(fake);
  const app = wpsFromOffice(fake);
  if (options.rescore) await adapter(app).score(undefined, { confirmed: 'all' });
  const undo = await adapter(app).undo();
  const expectedFake = fakeWorkbookFromGrids(grids());
  for (const e of edits) e(expectedFake);
  return { app, undo, expected: wpsFromOffice(expectedFake) };
}

let seedGrids: Grid[];
beforeAll(async () => {
  seedGrids = await seedGridsOnce();
});
const seed = () => structuredClone(seedGrids);

describe('WPS: structural edits between scoring and undo', () => {
  test('a row inserted above the table: every value goes back to its own row', async () => {
    const { app, undo, expected } = await sequence(seed, [(w) => w.insertRows('自评表', 1, 1), (w) => w.setCell('自评表', 'A1', { value: '新政办〔2024〕1号' })]);
    expect(undo.message).toBe('');
    expect(view(app)).toEqual(view(expected));
    expect(app.workbook.sheet('自评表').at('H17').value).toBe(6);
    expect(app.workbook.sheets.map((s) => s.name)).not.toContain(BACKUP_SHEET);
  });

  test('a column inserted left of the table, and one inside it: every value goes back to its own row and column role', async () => {
    for (const column of [1, 5]) {
      const { app, undo, expected } = await sequence(seed, [(w) => w.insertColumns('自评表', column, 1)]);
      expect(undo.message).toBe('');
      expect(view(app)).toEqual(view(expected));
      expect(app.workbook.sheet('自评表').at('I16').value).toBe(6);
    }
  });

  test('a column deleted left of the table', async () => {
    const { app, undo, expected } = await sequence(() => withLeftColumn(seed()), [(w) => w.deleteColumns('自评表', 1, 1)]);
    expect(undo.message).toBe('');
    expect(view(app)).toEqual(view(expected));
    expect(app.workbook.sheet('自评表').at('H16').value).toBe(6);
  });

  test('a row deleted above the table', async () => {
    const { app, undo, expected } = await sequence(() => withDocNumberLine(seed()), [(w) => w.deleteRows('自评表', 1, 1)]);
    expect(undo.message).toBe('');
    expect(view(app)).toEqual(view(expected));
  });

  test('a row inserted inside the table, a new indicator typed in, and scored again', async () => {
    const { app, undo, expected } = await sequence(seed, [addIndicator], { rescore: true });
    expect(undo.message).toBe('');
    expect(view(app)).toEqual(view(expected));
  });

  test('indicator rows sorted after scoring: each score goes back to its indicator', async () => {
    const grids = () => sortableTable('热线服务', [25, 28, 15, 7]);
    const first = grids()[0].cells.map((r) => r?.[3]?.text).indexOf('热线来电受理量') + 1;
    const { app, undo, expected } = await sequence(grids, [reverseIndicators(grids())]);
    expect(undo.message).toBe('');
    expect(view(app)).toEqual(view(expected));
    expect(app.workbook.sheet('自评表').at(`H${first}`).value).toBe(7);
  });

  test('the sheet renamed and moved (WPS has no sheet id): core finds the table by what it holds, all goes back', async () => {
    const withOther = () => [...seed(), { name: '说明', cells: [[{ value: '填表说明', text: '填表说明' }]], merges: [] } as Grid];
    const { app, undo, expected } = await sequence(withOther, [(w) => w.renameSheet('自评表', '2023自评表'), (w) => w.moveSheet('2023自评表', 1)]);
    expect(undo.message).toBe('');
    expect(undo.restored).toBeGreaterThan(0);
    expect(view(app)).toEqual(view(expected));
    expect(app.workbook.sheet('2023自评表').at('H16').value).toBe(6);
  });

  test("the user's own comment and fill added after scoring stay", async () => {
    const app = etAppFromGrids(seed());
    await adapter(app).score(undefined, { confirmed: 'all' });
    const s = app.workbook.sheet('自评表');
    s.at('H6').color = 0x50b000; // #00B050 as BGR
    s.at('D16').comment = '经费说明见附件';
    await adapter(app).undo();
    expect(s.at('H6').value).toBe(0.66);
    expect(s.at('H6').color).toBe(0x50b000);
    expect(s.at('D16').comment).toBe('经费说明见附件');
    expect(s.at('H16').value).toBe(6);
  });
});
