/**
 * Undo anchored by identity: score, let the user edit the sheet's structure as Excel does (rows inserted,
 * deleted, sorted; the sheet renamed or moved; their own notes and fills), then 撤销评分. Every sequence must
 * leave exactly what the user had — their workbook with their own edits — or restore nothing it cannot
 * place, say which and why, and keep it in the backup.
 */
import { BACKUP_SHEET, parseBackup } from '../../src/core/backup';
import type { Grid } from '../../src/core/grid';
import { OfficeWorkbookAdapter } from '../../src/excel/officeAdapter';
import { fakeWorkbookFromGrids, installFakeOffice, uninstallFakeOffice, type FakeWorkbook } from '../../src/excel/testing/fakeExcel';
import { nationalTable, stack, toGrid } from '../core/helpers';
import { addIndicator, reverseIndicators, sortableTable, withDocNumberLine, withLeftColumn, type Edit } from './structuralSequences';
import { seedGridsOnce } from './helpers';
import { fakeCells } from './xlsxDouble';

jest.setTimeout(60_000);
afterEach(() => uninstallFakeOffice(globalThis));


function backupOf(wb: FakeWorkbook) {
  const s = wb.sheet(BACKUP_SHEET);
  if (!s) return null;
  const rows: string[] = [];
  for (let r = 0; s.cells.get(`${r},0`)?.value; r++) rows.push(String(s.cells.get(`${r},0`)!.value));
  return parseBackup(rows);
}

/** The whole visible state: cells (value, formula, format, fill, note), merges, and the sheet order. */
function stateOf(wb: FakeWorkbook) {
  const visible = wb.sheets.filter((s) => s.name !== BACKUP_SHEET);
  return { cells: fakeCells(wb), merges: visible.map((s) => [s.name, wb.mergesList(s.name).sort()]), order: visible.map((s) => s.name) };
}

/**
 * Scores `grids`, applies the user's `edits` (with a rescoring after them when asked), undoes, and
 * expects the user's workbook: the same grids with the same edits and no scoring at all.
 */
async function sequence(grids: () => Grid[], edits: Edit[], options: { rescore?: boolean; userEdits?: Edit[] } = {}) {
  const wb = fakeWorkbookFromGrids(grids());
  installFakeOffice(globalThis, wb);
  const adapter = new OfficeWorkbookAdapter();
  const scored = await adapter.score(undefined, { confirmed: 'all' });
  expect(scored.changed).toBeGreaterThan(0);
  for (const e of [...edits, ...(options.userEdits ?? [])]) e(wb);
  if (options.rescore) await adapter.score(undefined, { confirmed: 'all' });
  const undo = await adapter.undo();

  const expected = fakeWorkbookFromGrids(grids());
  for (const e of [...edits, ...(options.userEdits ?? [])]) e(expected);
  return { wb, undo, expected };
}

describe('the seed: structural edits between scoring and undo', () => {
  const seed = () => seedGridsOnceSync();
  let seedGrids: Grid[];
  beforeAll(async () => {
    seedGrids = await seedGridsOnce();
  });
  const seedGridsOnceSync = () => structuredClone(seedGrids);

  test('a row inserted above the table (a 文号 line): every value goes back to its own row', async () => {
    const { wb, undo, expected } = await sequence(seed, [(w) => w.insertRows('自评表', 1, 1), (w) => w.setCell('自评表', 'A1', { value: '新政办〔2024〕1号' })]);
    expect(undo.message).toBe('');
    expect(stateOf(wb)).toEqual(stateOf(expected));
    // 运行经费's stated 6 is back in its row (now 17); 按时办结率 (now 16) keeps its 10.
    expect(wb.cell('自评表', 'H17').value).toBe(6);
    expect(wb.cell('自评表', 'H16').value).toBe(10);
    expect(wb.sheet(BACKUP_SHEET)).toBeUndefined();
  });

  test('a row deleted above the table', async () => {
    const { wb, undo, expected } = await sequence(() => withDocNumberLine(seed()), [(w) => w.deleteRows('自评表', 1, 1)]);
    expect(undo.message).toBe('');
    expect(stateOf(wb)).toEqual(stateOf(expected));
    expect(wb.cell('自评表', 'H16').value).toBe(6);
  });

  test('a row inserted inside the table, a new indicator typed in, and scored again', async () => {
    const { wb, undo, expected } = await sequence(seed, [addIndicator], { rescore: true });
    expect(undo.message).toBe('');
    expect(stateOf(wb)).toEqual(stateOf(expected));
    expect(wb.cell('自评表', 'H16').value).toBe(6);
    expect(wb.cell('自评表', 'H17').value).toBeNull();
    expect(wb.cell('自评表', 'H22').value).toBe(96);
  });

  test('the sheet renamed, then moved behind another sheet', async () => {
    const withOther = () => [...seed(), { name: '说明', cells: [[{ value: '填表说明', text: '填表说明' }]], merges: [] } as Grid];
    const { wb, undo, expected } = await sequence(withOther, [(w) => w.renameSheet('自评表', '2023自评表'), (w) => w.moveSheet('2023自评表', 1)]);
    expect(undo.message).toBe('');
    expect(stateOf(wb)).toEqual(stateOf(expected));
    expect(wb.cell('2023自评表', 'H16').value).toBe(6);
  });

  test("the user's own note and fill added after scoring stay", async () => {
    const mine: Edit[] = [
      (w) => w.setCell('自评表', 'H16', { note: `财务科：已核对\n${w.cell('自评表', 'H16').note}` }),
      (w) => w.setCell('自评表', 'H6', { fill: '#00B050' }),
      (w) => w.setCell('自评表', 'D16', { note: '经费说明见附件' }),
    ];
    const wb = fakeWorkbookFromGrids(seed());
    installFakeOffice(globalThis, wb);
    const adapter = new OfficeWorkbookAdapter();
    await adapter.score(undefined, { confirmed: 'all' });
    for (const e of mine) e(wb);
    await adapter.undo();
    expect(wb.cell('自评表', 'H16')).toMatchObject({ value: 6, note: '财务科：已核对' });
    expect(wb.cell('自评表', 'H6')).toMatchObject({ value: 0.66, fill: '#00B050' });
    expect(wb.cell('自评表', 'D16').note).toBe('经费说明见附件');
  });

  test('a deleted indicator row: nothing written for it, the user is told, the backup keeps it', async () => {
    const wb = fakeWorkbookFromGrids(seed());
    installFakeOffice(globalThis, wb);
    const adapter = new OfficeWorkbookAdapter();
    await adapter.score(undefined, { confirmed: 'all' });
    wb.deleteRows('自评表', 16, 1); // 运行经费: its written 10 and its mark go with the row
    const undo = await adapter.undo();
    expect(undo.message).toMatch(/运行经费/);
    expect(undo.message).toMatch(/没有恢复/);
    expect(undo.unplaced.map((u) => u.cell)).toContain('自评表!H16');
    // Nothing was written into the row that took its place (总分 moved up to 20).
    expect(wb.cell('自评表', 'H16').value).toBe(10); // row 16 is now 涉及营商环境…'s own 10
    expect(wb.cell('自评表', 'H20').value).toBe(96);
    expect(wb.cell('自评表', 'H6').value).toBe(0.66);
    const kept = backupOf(wb)!;
    expect(kept.entries.map((e) => e.address)).toContain('H16');
    expect(kept.entries.every((e) => e.anchor?.row.kind === 'indicator' && e.anchor.row.name === '运行经费')).toBe(true);
    // A second undo still says so, and still writes nothing there.
    const again = await adapter.undo();
    expect(again.restored).toBe(0);
    expect(again.message).toMatch(/运行经费/);
  });

  test('an indicator row duplicated by the user: ambiguous, not written, said so', async () => {
    const wb = fakeWorkbookFromGrids(seed());
    installFakeOffice(globalThis, wb);
    const adapter = new OfficeWorkbookAdapter();
    await adapter.score(undefined, { confirmed: 'all' });
    wb.insertRows('自评表', 17, 1);
    for (const col of ['C', 'D', 'E', 'F', 'G', 'H']) {
      const c = wb.cell('自评表', `${col}16`);
      wb.setCell('自评表', `${col}17`, { value: c.value, text: c.text, numberFormat: c.numberFormat });
    }
    const undo = await adapter.undo();
    expect(undo.message).toMatch(/有 2 处指标“运行经费”/);
    expect(wb.cell('自评表', 'H16').value).toBe(10);
    expect(wb.cell('自评表', 'H17').value).toBe(10);
    expect(wb.cell('自评表', 'H6').value).toBe(0.66);
  });
});

describe('sorting, and two tables on one sheet', () => {
  test('indicator rows sorted after scoring: each score goes back to its indicator', async () => {
    const grids = () => sortableTable('热线服务', [25, 28, 15, 7]);
    const first = grids()[0].cells.map((r) => r?.[3]?.text).indexOf('热线来电受理量') + 1;
    const { wb, undo, expected } = await sequence(grids, [reverseIndicators(grids())]);
    expect(undo.message).toBe('');
    expect(stateOf(wb)).toEqual(stateOf(expected));
    expect(wb.cell('自评表', `H${first}`).value).toBe(7); // 来电群众满意度, now first, has its own 7 back
  });

  test('the double refuses a sort across a merged 一级 label, as Excel does', () => {
    const wb = fakeWorkbookFromGrids(structuredClone([toGrid(nationalTable())]));
    expect(() => wb.sortRows('自评表', 14, 15, [15, 14])).toThrow(/合并单元格/);
  });

  const two = () => {
    const a = sortableTable('甲项目', [25, 28, 15, 7])[0];
    const b = sortableTable('乙项目', [20, 20, 20, 5])[0];
    const built = stack([{ rows: a.cells.map((r) => (r ?? []).map((c) => c ?? null)), merges: [] }, { rows: b.cells.map((r) => (r ?? []).map((c) => c ?? null)), merges: [] }]);
    const grid = toGrid(built);
    grid.merges = [...a.merges, ...b.merges.map((m) => ({ ...m, top: m.top + a.cells.length + 2, bottom: m.bottom + a.cells.length + 2 }))];
    return [grid];
  };

  test('rows inserted between two tables: both undo to their own rows', async () => {
    const between = two()[0].cells.length - sortableTable('乙项目', [0, 0, 0, 0])[0].cells.length;
    const { wb, undo, expected } = await sequence(two, [(w) => w.insertRows('自评表', between, 3)]);
    expect(undo.message).toBe('');
    expect(stateOf(wb)).toEqual(stateOf(expected));
  });

  test('per-table undo: the first table only, then the second', async () => {
    const wb = fakeWorkbookFromGrids(two());
    installFakeOffice(globalThis, wb);
    const adapter = new OfficeWorkbookAdapter();
    const scored = await adapter.score(undefined, { confirmed: 'all' });
    const [t1, t2] = scored.result.tables;
    expect([t1.project.name, t2.project.name]).toEqual(['甲项目', '乙项目']);
    wb.insertRows('自评表', 1, 2);
    const first = await adapter.undo({ sheet: '自评表', range: (await adapter.analyze()).tables[0].range });
    expect(first.restored).toBeGreaterThan(0);
    const mid = await adapter.analyze();
    // Table 1 reads as the user filled it; table 2 still holds the scoring's values.
    expect(mid.tables[0].issues.every((i) => i.status === 'open')).toBe(true);
    expect(mid.tables[1].issues.some((i) => i.status === 'corrected')).toBe(true);
    expect(backupOf(wb)!.entries.every((e) => e.anchor?.table.key === '乙项目')).toBe(true);
    await adapter.undo();
    const expected = fakeWorkbookFromGrids(two());
    expected.insertRows('自评表', 1, 2);
    expect(stateOf(wb)).toEqual(stateOf(expected));
    expect(wb.sheet(BACKUP_SHEET)).toBeUndefined();
  });
});

describe('the seed: columns inserted or deleted between scoring and undo (Range.insert right / Range.delete left)', () => {
  let seedGrids: Grid[];
  beforeAll(async () => {
    seedGrids = await seedGridsOnce();
  });
  const seed = () => structuredClone(seedGrids);

  /** Each restored value is in the row of its own indicator and the column of its own role. */
  function expectOwnPlaces(wb: FakeWorkbook, cols: { label: string; name: string; score: string; rate: string; fundsScore: string }) {
    const at = (a: string) => wb.cell('自评表', a);
    const rowOf = (text: string) => {
      for (let r = 1; r <= 30; r++) if (at(`${cols.name}${r}`).value === text || at(`${cols.label}${r}`).value === text) return r;
      throw new Error(`no row for ${text}`);
    };
    expect(at(`${cols.score}${rowOf('运行经费')}`).value).toBe(6);
    expect(at(`${cols.score}${rowOf('按时办结率')}`).value).toBe(10);
    expect(at(`${cols.score}${rowOf('劳务派遣话务员人数')}`).value).toBe(20);
    expect(at(`${cols.rate}${rowOf('年度资金总额')}`).value).toBe(0.66);
    expect(at(`${cols.fundsScore}${rowOf('年度资金总额')}`).value).toBe(7);
  }

  type Places = Parameters<typeof expectOwnPlaces>[1];
  test.each<[string, () => Grid[], Edit[], { rescore?: boolean }, Places]>([
    ['a column inserted left of the table', seed, [(w) => w.insertColumns('自评表', 1, 1), (w) => w.setCell('自评表', 'A1', { value: '附件1' })], {}, { label: 'D', name: 'E', score: 'I', rate: 'I', fundsScore: 'J' }],
    ['a column deleted left of the table', () => withLeftColumn(seed()), [(w) => w.deleteColumns('自评表', 1, 1)], {}, { label: 'C', name: 'D', score: 'H', rate: 'H', fundsScore: 'I' }],
    ['a column inserted inside the table (before 年度指标值 / 全年预算数)', seed, [(w) => w.insertColumns('自评表', 5, 1)], {}, { label: 'C', name: 'D', score: 'I', rate: 'I', fundsScore: 'J' }],
    ['two columns inserted inside the table, the table scored again', seed, [(w) => w.insertColumns('自评表', 9, 2)], { rescore: true }, { label: 'C', name: 'D', score: 'H', rate: 'H', fundsScore: 'K' }],
  ])('%s: every value goes back to the cell of its own row and column role', async (_name, grids, edits, options, places) => {
    const { wb, undo, expected } = await sequence(grids, edits, options);
    expect(undo.message).toBe('');
    expect(stateOf(wb)).toEqual(stateOf(expected));
    expectOwnPlaces(wb, places);
    expect(wb.sheet(BACKUP_SHEET)).toBeUndefined();
  });

  test('a column inserted between the table and the grade the scoring wrote beside its total row', async () => {
    // The table (A…I) does not move, only what lies right of it: 未评级 goes from J21 to K21.
    const { wb, undo, expected } = await sequence(seed, [(w) => w.insertColumns('自评表', 10, 1)]);
    expect(undo.message).toBe('');
    expect(stateOf(wb)).toEqual(stateOf(expected));
    expect(wb.cell('自评表', 'K21').value).toBeNull();
  });

  test('column H deleted (执行率 of the funds rows, 得分 of the indicator rows): its entries are written nowhere and named; the rest goes back', async () => {
    const wb = fakeWorkbookFromGrids(seed());
    installFakeOffice(globalThis, wb);
    const adapter = new OfficeWorkbookAdapter();
    await adapter.score(undefined, { confirmed: 'all' });
    const inH = backupOf(wb)!.entries.filter((e) => e.address.startsWith('H')).map((e) => `自评表!${e.address}`);
    expect(inH).toEqual(expect.arrayContaining(['自评表!H6', '自评表!H16', '自评表!H21']));
    wb.deleteColumns('自评表', 8, 1);
    const undo = await adapter.undo();
    // Every entry of the deleted column is unplaced, with the reason; none of the others is.
    expect(undo.unplaced.map((u) => u.cell).sort()).toEqual([...inH].sort());
    expect(undo.unplaced.find((u) => u.cell === '自评表!H16')!.reason).toMatch(/运行经费.*原来的列已不存在/);
    expect(undo.message).toMatch(/没有恢复/);
    expect(undo.restored).toBeGreaterThan(0);
    // The user's workbook with column H deleted: 得分 of the funds row (was I6, now H6) has its 7 back,
    // nothing of H's went into the column that took its place, and every other mark is gone.
    const expected = fakeWorkbookFromGrids(seed());
    expected.deleteColumns('自评表', 8, 1);
    expect(stateOf(wb)).toEqual(stateOf(expected));
    expect(wb.cell('自评表', 'H6').value).toBe(7);
    // The backup keeps exactly what could not be restored.
    expect(backupOf(wb)!.entries.map((e) => `${e.sheet}!${e.address}`).sort()).toEqual([...inH].sort());
  });
});
