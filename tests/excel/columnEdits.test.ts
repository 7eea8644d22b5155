/**
 * Columns inserted or deleted between 一键评分 and 撤销评分, at every position from A to L, on the seed and
 * every table of the corpus (the double moves them as Excel's Range.insert right / Range.delete left do).
 * An inserted column never hides anything of ours: undo leaves exactly the user's workbook with the new
 * column. A deleted column may take a role column (or the 三级指标 names) with it: then what cannot be
 * placed is named, and whatever undo does write lands where the user's workbook has it — never elsewhere.
 */
import { BACKUP_SHEET } from '../../src/core/backup';
import type { Grid } from '../../src/core/grid';
import { isBlankTable } from '../../src/core/tableState';
import { OfficeWorkbookAdapter } from '../../src/excel/officeAdapter';
import { fakeWorkbookFromGrids, installFakeOffice, uninstallFakeOffice, type FakeWorkbook } from '../../src/excel/testing/fakeExcel';
import { evaluateFixture, fixtureGrids, loadCorpus } from '../corpus/corpusLoad';
import { seedGridsOnce } from './helpers';
import { fakeCells } from './xlsxDouble';

jest.setTimeout(120_000);
afterEach(() => uninstallFakeOffice(globalThis));

const COLUMNS = Array.from({ length: 12 }, (_, i) => i + 1);

/** Every visible cell's value, formula, format, fill and note, and the merges. */
function stateOf(wb: FakeWorkbook): { cells: Record<string, unknown>; merges: unknown } {
  const visible = wb.sheets.filter((s) => s.name !== BACKUP_SHEET);
  return { cells: fakeCells(wb) as Record<string, unknown>, merges: visible.map((s) => [s.name, wb.mergesList(s.name).sort()]) };
}

type Op = 'insertColumns' | 'deleteColumns';

interface Run {
  /** Cells that differ from the user's workbook after undo. */
  differ: string[];
  /** Of those, cells undo wrote to. */
  wrong: string[];
  unplaced: string[];
  message: string;
}

async function run(grids: Grid[], op: Op, column: number): Promise<Run> {
  const wb = fakeWorkbookFromGrids(structuredClone(grids));
  installFakeOffice(globalThis, wb);
  const adapter = new OfficeWorkbookAdapter();
  const scored = await adapter.score(undefined, { confirmed: 'all' });
  uninstallFakeOffice(globalThis);
  expect(scored.changed).toBeGreaterThan(0);
  const sheet = scored.result.tables[0].sheet;
  wb[op](sheet, column, 1);
  const edited = stateOf(wb).cells;
  installFakeOffice(globalThis, wb);
  const undo = await adapter.undo();
  const expected = fakeWorkbookFromGrids(structuredClone(grids));
  expected[op](sheet, column, 1);
  const got = stateOf(wb);
  const want = stateOf(expected);
  const keys = [...new Set([...Object.keys(got.cells), ...Object.keys(want.cells)])];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const differ = keys.filter((k) => !same(got.cells[k], want.cells[k]));
  expect(got.merges).toEqual(want.merges);
  return { differ, wrong: differ.filter((k) => !same(edited[k], got.cells[k])), unplaced: undo.unplaced.map((u) => u.cell), message: undo.message ?? '' };
}

/**
 * The seed and every corpus fixture holding a project table someone has filled in (the others have nothing to
 * score: no table, or only tables still to fill in, which 一键评分 leaves untouched).
 */
const cases: [string, () => Promise<Grid[]>][] = [
  ['the seed', () => seedGridsOnce()],
  ...loadCorpus()
    .filter(({ fixture }) => {
      const tables = evaluateFixture(fixture).tables;
      return tables.length > 0 && !tables.every(isBlankTable);
    })
    .map(({ file, fixture }): [string, () => Promise<Grid[]>] => [file, async () => fixtureGrids(fixture)]),
];

describe.each(cases)('%s', (name, grids) => {
  test('a column inserted anywhere: undo leaves exactly the user’s workbook with the new column', async () => {
    for (const column of COLUMNS) {
      const r = await run(await grids(), 'insertColumns', column);
      expect({ column, ...r }).toEqual({ column, differ: [], wrong: [], unplaced: [], message: '' });
    }
  });

  test('a column deleted anywhere: nothing written elsewhere; what is not restored is named', async () => {
    for (const column of COLUMNS) {
      const r = await run(await grids(), 'deleteColumns', column);
      expect({ column, wrong: r.wrong }).toEqual({ column, wrong: [] });
      // Our output left in place only where undo said it could not place something.
      if (r.differ.length) expect({ column, unplaced: r.unplaced.length > 0, message: /没有恢复/.test(r.message) }).toEqual({ column, unplaced: true, message: true });
    }
  });
});
