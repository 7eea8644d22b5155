/**
 * Reads bounded by the tables, not the workbook (src/excel/boundedRead.ts, readGrids.ts), against the double's
 * 5 MB per-sync limit (Microsoft Learn, "Resource limits and performance optimization for Office Add-ins": Excel
 * on the web refuses a request or response over 5 MB). Realistic payloads: the double measures the JSON it returns.
 */
import type { Cell, Grid } from '../../src/core/grid';
import { OfficeWorkbookAdapter } from '../../src/excel/officeAdapter';
import { fakeWorkbookFromGrids, installFakeOffice, uninstallFakeOffice } from '../../src/excel/testing/fakeExcel';
import { seedGridsOnce, seedWorkbook } from './helpers';

afterEach(() => uninstallFakeOffice(globalThis));

const text = (s: string): Cell => ({ value: s, text: s, numberFormat: 'General' });
const num = (n: number): Cell => ({ value: n, text: String(n), numberFormat: 'General' });

/** A sheet of `rows`×26 cells of 20-character text (the "1000×26" case). */
function textSheet(name: string, rows: number): Grid {
  const cells: (Cell | undefined)[][] = [];
  for (let r = 0; r < rows; r++) cells.push(Array.from({ length: 26 }, (_, c) => text(`第${r}行第${c}列的说明文字内容示例`.slice(0, 20))));
  return { name, cells, merges: [] };
}

/** The seed's header rows with `n` indicator rows under 产出指标 and the 总分 row after them. */
async function longTable(n: number): Promise<Grid> {
  const seed = (await seedGridsOnce())[0];
  const cells = seed.cells.slice(0, 12).map((row) => row?.slice());
  for (let i = 0; i < n; i++) {
    const w = 100 / n;
    cells.push([undefined, text(i === 0 ? '产出指标' : ''), text('数量指标'), text(`完成事项${i + 1}`), text('10 个'), text('10 个'), num(w), num(w)]);
  }
  cells.push([text('总分'), undefined, undefined, undefined, undefined, undefined, num(100), num(100)]);
  const merges = seed.merges.filter((m) => m.bottom < 11);
  merges.push({ top: 12, left: 1, bottom: 11 + n, right: 1 });
  return { name: '自评表', cells, merges };
}

test('a 5,000-indicator table is read to its end and scored whole', async () => {
  const wb = fakeWorkbookFromGrids([await longTable(5000)]);
  installFakeOffice(globalThis, wb);
  const adapter = new OfficeWorkbookAdapter();
  const result = await adapter.analyze();
  const t = result.tables[0];
  expect(t.indicators).toHaveLength(5000);
  expect(t.indicators[4999]).toMatchObject({ name: '完成事项5000', row: 5012 });
  // 预算执行率 10 + the indicators' 100 (the seed's funds block is kept).
  expect(t.totals.score).toBeCloseTo(110, 6);
  expect(adapter.lastMessages).toEqual([]);
});

test('the seed beside a 1000×26 sheet of text: scored, every sync under the limit, details only for the table', async () => {
  const seedOnly = await seedWorkbook();
  await new OfficeWorkbookAdapter().score(undefined, { confirmed: 'all' });
  const seedBytes = seedOnly.bytesRead;
  uninstallFakeOffice(globalThis);

  const grids = [...(await seedGridsOnce()), textSheet('附表', 1000)];
  const wb = fakeWorkbookFromGrids(grids);
  installFakeOffice(globalThis, wb);
  const out = await new OfficeWorkbookAdapter().score(undefined, { confirmed: 'all' });
  expect(out.result.tables.map((t) => t.sheet)).toEqual(['自评表']);
  expect(out.changed).toBeGreaterThan(0);
  // The text sheet's values once (about 1.6 MB of JSON), never its text, formulas, formats or fills:
  // before, this workbook read 5.25 MiB in one sync and failed on Excel on the web.
  const valuesOnly = JSON.stringify(grids[1].cells.map((row) => row.map((c) => c?.value))).length;
  expect(wb.bytesRead - seedBytes).toBeLessThan(valuesOnly * 3 * 1.5);
  expect(wb.bytesRead).toBeLessThan(5 * 1024 * 1024);
});

test('200 sheets: scored, no sync over the limit', async () => {
  const grids = [...(await seedGridsOnce())];
  for (let i = 0; i < 199; i++) grids.push(textSheet(`附表${i + 1}`, 40));
  const wb = fakeWorkbookFromGrids(grids, { payloadLimit: 5 * 1024 * 1024 });
  installFakeOffice(globalThis, wb);
  const result = await new OfficeWorkbookAdapter().analyze();
  expect(result.tables).toHaveLength(1);
});

test('when a sync is refused for its size the read goes sheet by sheet, then by chunk, and the scoring still happens', async () => {
  const grids = [...(await seedGridsOnce()), textSheet('附表甲', 300), textSheet('附表乙', 300)];
  // A limit far below the budget: every multi-sheet batch is refused and must be split.
  const wb = fakeWorkbookFromGrids(grids, { payloadLimit: 200_000 });
  installFakeOffice(globalThis, wb);
  const adapter = new OfficeWorkbookAdapter();
  const result = await adapter.analyze();
  expect(result.tables.map((t) => t.sheet)).toEqual(['自评表']);
  expect(result.tables[0].totals.score).not.toBeNull();
  expect(adapter.lastMessages).toEqual([]);
});
