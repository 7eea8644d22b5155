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
import { fakeWorkbookFromGrids, type FakeWorkbook } from '../../src/excel/testing/fakeExcel';
import { etAppFromGrids, type EtDoubleApp } from '../../src/wps/testing/etDouble';
import { WpsWorkbookAdapter } from '../../src/wps/wpsAdapter';
import { nationalTable, toGrid, type Ind } from '../core/helpers';
import { seedGridsOnce } from '../excel/helpers';
import { officeFromWps, wpsFromOffice } from './convert';

type Edit = (wb: FakeWorkbook) => void;
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
  expect((await adapter(scoredApp).score()).changed).toBeGreaterThan(0);
  const fake = officeFromWps(scoredApp);
  for (const e of edits) e(fake);
  const app = wpsFromOffice(fake);
  if (options.rescore) await adapter(app).score();
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

  test('a row deleted above the table', async () => {
    const withLine = () => {
      const g = seed();
      g[0].cells.unshift([{ value: '新政办〔2024〕1号', text: '新政办〔2024〕1号' }]);
      g[0].merges = g[0].merges.map((m) => ({ ...m, top: m.top + 1, bottom: m.bottom + 1 }));
      return g;
    };
    const { app, undo, expected } = await sequence(withLine, [(w) => w.deleteRows('自评表', 1, 1)]);
    expect(undo.message).toBe('');
    expect(view(app)).toEqual(view(expected));
  });

  test('a row inserted inside the table, a new indicator typed in, and scored again', async () => {
    const addIndicator: Edit = (w) => {
      w.insertRows('自评表', 17, 1);
      for (const [a, v] of [['C17', '经济效益指标'], ['D17', '新增指标'], ['E17', '100%'], ['F17', '100%'], ['G17', 5]] as const) w.setCell('自评表', a, { value: v, text: String(v) });
    };
    const { app, undo, expected } = await sequence(seed, [addIndicator], { rescore: true });
    expect(undo.message).toBe('');
    expect(view(app)).toEqual(view(expected));
  });

  test('indicator rows sorted after scoring: each score goes back to its indicator', async () => {
    const inds: Ind[] = [
      { l1: '产出指标', l2: '数量指标', name: '热线来电受理量', target: '≥30万件', actual: '32.6万件', weight: 30, score: 25 },
      { l1: '产出指标', l2: '质量指标', name: '工单按时办结率', target: '≥95%', actual: '97.5%', weight: 30, score: 28 },
      { l1: '效益指标', l2: '社会效益指标', name: '群众诉求解决率', target: '≥90%', actual: '92%', weight: 20, score: 15 },
      { l1: '满意度指标', l2: '服务对象满意度指标', name: '来电群众满意度', target: '≥90%', actual: '96.5%', weight: 10, score: 7 },
    ];
    const grids = () => {
      const b = nationalTable({ name: '热线服务', indicators: inds, mergeLevels: false, total: [100, 80] });
      b.merges = b.merges.filter((m) => !/^A1[0-9]:A/.test(m) || m.split(':')[0].slice(1) === m.split(':')[1].slice(1));
      return [toGrid(b)];
    };
    const first = grids()[0].cells.map((r) => r?.[3]?.text).indexOf('热线来电受理量') + 1;
    const { app, undo, expected } = await sequence(grids, [(w) => w.sortRows('自评表', first, first + 3, [first + 3, first + 2, first + 1, first])]);
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
    await adapter(app).score();
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
