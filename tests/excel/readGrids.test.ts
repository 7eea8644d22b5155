/** Reading the workbook into Grids: absolute coordinates, merges, errors, hidden sheets, bounded syncs. */
import { readWorkbook } from '../../src/excel/readGrids';
import { Session } from '../../src/excel/session';
import { fakeFromCells, installFakeOffice, uninstallFakeOffice, type FakeWorkbook } from '../../src/excel/testing/fakeExcel';

afterEach(() => uninstallFakeOffice(globalThis));

async function read(wb: FakeWorkbook, options = {}) {
  installFakeOffice(globalThis, wb);
  return Excel.run(async (context) => {
    const session = new Session(context);
    const snap = await readWorkbook(session, options);
    return { snap, syncs: session.syncs };
  });
}

test('a used range starting at C5 keeps absolute addresses; merges, formulas, errors and text come through', async () => {
  const wb = fakeFromCells(
    {
      表: {
        C5: '执行率',
        D5: { value: 0.66, numberFormat: '0%', text: '66%' },
        C6: { value: 1, formula: 'F6/E6', numberFormat: '0.00%', text: '100.00%' },
        D6: { value: { error: '#DIV/0!' }, formula: 'A1/0' },
        E7: true,
      },
      藏: { A1: '不读' },
    },
    { merges: { 表: ['C5:C6'] } },
  );
  wb.sheet('藏')!.visibility = 'Hidden';
  const { snap, syncs } = await read(wb, { fills: true });
  expect(syncs).toBe(3);
  expect(snap.grids.map((g) => g.name)).toEqual(['表']);
  const g = snap.grids[0];
  expect(g.cells[4][2]).toEqual({ value: '执行率', text: '执行率', numberFormat: 'General' });
  expect(g.cells[4][3]).toMatchObject({ value: 0.66, text: '66%', numberFormat: '0%' });
  expect(g.cells[5][2]).toMatchObject({ value: 1, formula: 'F6/E6', text: '100.00%' });
  expect(g.cells[5][3]).toMatchObject({ value: { error: '#DIV/0!' }, formula: 'A1/0' });
  expect(g.cells[6][4]).toMatchObject({ value: true });
  expect(g.cells[0]).toBeUndefined();
  expect(g.merges).toEqual([{ top: 4, left: 2, bottom: 5, right: 2 }]);
  expect(snap.regions.get('表')).toEqual({ top: 4, left: 2, bottom: 8, right: 6 });
  expect(snap.fills?.get('表!C5')).toBeNull();
  expect(snap.sheets.map((s) => [s.name, s.visibility])).toEqual([
    ['表', 'Visible'],
    ['藏', 'Hidden'],
  ]);
});

test('without ExcelApi 1.13 merges are not asked for; without 1.9 no fills', async () => {
  const wb = fakeFromCells({ 表: { A1: 'x', B2: 2 } }, { merges: { 表: ['A1:B1'] }, supportedSets: { ExcelApi: '1.8' } });
  const { snap, syncs } = await read(wb, { fills: true });
  expect(syncs).toBe(3);
  expect(snap.grids[0].merges).toEqual([]);
  expect(snap.fills).toBeNull();
});

test.each([1, 10, 50])('%i small sheets: three syncs (sheet list, where the values are, the cells)', async (n) => {
  const sheets: Record<string, Record<string, string>> = {};
  for (let i = 0; i < n; i++) sheets[`S${i}`] = { A1: `表 ${i}`, C3: 'x' };
  const wb = fakeFromCells(sheets);
  const { snap, syncs } = await read(wb, { fills: true, annotations: 'notes', backup: true });
  expect(syncs).toBe(3);
  expect(wb.syncCount).toBe(3);
  expect(snap.grids).toHaveLength(n);
});

test('the double refuses a response over its limit; the reader retries in smaller pieces and never fails', async () => {
  // 1,000 cells of 1,000 characters: any one sync of all of them is over the (shrunken) limit.
  const cells: Record<string, string> = { A1: '项目名称' };
  for (let r = 2; r <= 1001; r++) cells[`B${r}`] = `${r}`.padEnd(1000, '长');
  const wb = fakeFromCells({ 表: cells }, { payloadLimit: 600_000 });
  installFakeOffice(globalThis, wb);
  await expect(
    Excel.run(async (context) => {
      context.workbook.worksheets.getItem('表').getRange('A1:B1001').load('values');
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  wb.resetCounters();
  const { snap } = await read(wb);
  const g = snap.grids[0];
  expect(g.cells[1000]?.[1]?.value).toBe('1001'.padEnd(1000, '长'));
  expect(g.cells.filter((row) => row?.[1]).length).toBe(1000);
  expect(snap.messages).toEqual([]);
});
