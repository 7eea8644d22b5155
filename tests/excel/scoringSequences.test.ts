/**
 * One truth, two appliers: sequences of scoring, user edits, rescoring and undo run through the Office.js
 * applier (on the Excel double) and through the exceljs applier (the CLI's scored copy, saved and opened
 * again after every step), on every fixture. After each step every cell's value, formula, number format,
 * fill and note must agree on both sides; after undo both must hold exactly what the user had. The CLI's
 * scored copy opened in "Excel" undoes to the original, and the add-in after 一键评分 and the CLI reading
 * the scored copy report the same issues with the same statuses.
 */
import * as fs from 'fs';
import * as path from 'path';
import type * as ExcelJS from 'exceljs';
import { detectTables } from '../../src/core/detect';
import { evaluateWorkbook } from '../../src/core/engine';
import { toA1 } from '../../src/core/grid';
import { NATIONAL_PROFILE } from '../../src/core/profile';
import type { WorkbookResult } from '../../src/core/result';
import { readWorkbook } from '../../src/cli/readWorkbook';
import { scoreInPlace, undoInPlace } from '../../src/cli/scoredCopy';
import { OfficeWorkbookAdapter } from '../../src/excel/officeAdapter';
import { installFakeOffice, uninstallFakeOffice, type FakeWorkbook } from '../../src/excel/testing/fakeExcel';
import { editFake, editXlsx, fakeCells, fakeFromXlsx, loadXlsx, roundTrip, xlsxCells, type UserEdit } from './xlsxDouble';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')).sort();

jest.setTimeout(120_000);
afterEach(() => uninstallFakeOffice(globalThis));

let compared = 0;
let sequences = 0;
const runs = new Set<string>();
afterAll(() => {
  // The parity figures for the closing note (sequences × fixtures × cells compared).
  console.log(`parity: ${sequences} sequence runs over ${files.length} fixtures (${runs.size} sequence kinds), ${compared} cell states compared`);
});

/** Both sides agree on every cell; returns the cells compared. */
function expectSame(fake: FakeWorkbook, xlsx: ExcelJS.Workbook, step: string): void {
  const o = fakeCells(fake);
  const c = xlsxCells(xlsx);
  expect({ step, cells: o }).toEqual({ step, cells: c });
  compared += Object.keys(c).length;
}

const issuesOf = (r: WorkbookResult) =>
  r.tables.map((t) => ({ sheet: t.sheet, range: t.range, grade: t.grade, issues: t.issues.map((i) => ({ code: i.code, cell: i.cell, severity: i.severity, status: i.status, message: i.message })) }));

/** The edits a user makes between scorings, found by labels on the fixture (never fixed addresses). */
function editsFor(xlsx: ExcelJS.Workbook, result: WorkbookResult): Record<string, UserEdit[]> {
  const t = result.tables[0];
  const grid = readWorkbook(xlsx).find((g) => g.name === t.sheet)!;
  const detected = detectTables(grid)[0];
  const written = t.indicators.find((i) => i.scoreSource === 'computed' && i.scoreCell)?.scoreCell ?? t.totals.scoreCell!;
  const marked = t.issues.find((i) => i.cell && i.cell !== written)?.cell ?? written;
  const ind = detected.indicators.rows.find((r) => detected.indicators.cols.actual !== undefined && r.name) ?? detected.indicators.rows[0];
  const actualCol = detected.indicators.cols.actual ?? detected.indicators.cols.target!;
  return {
    'rescore unchanged': [],
    'user types over a written score': [{ name: 'typed', sheet: t.sheet, address: written, value: 3 }],
    'user changes an input (an actual)': [{ name: 'actual', sheet: t.sheet, address: toA1(ind.row, actualCol), value: '0' }],
    'user writes in our note and fills a marked cell': [
      { name: 'note', sheet: t.sheet, address: marked, note: '用户意见：已与财务核对' },
      { name: 'fill', sheet: t.sheet, address: written, fill: '#00B050' },
    ],
  };
}

describe.each(files)('%s', (file) => {
  test('score → edit → rescore → undo, through both appliers, cell by cell', async () => {
    const source = await loadXlsx(path.join(FIXTURES, file));
    const base = evaluateWorkbook(readWorkbook(source), NATIONAL_PROFILE);
    if (!base.tables.length) return;
    const edits = editsFor(source, base);
    for (const [kind, steps] of Object.entries(edits)) {
      const fake = fakeFromXlsx(source);
      installFakeOffice(globalThis, fake);
      let xlsx = await roundTrip(source);
      const expected = await roundTrip(source);
      expectSame(fake, xlsx, `${kind}: opened`);
      const adapter = new OfficeWorkbookAdapter();

      await adapter.score(undefined, { confirmed: 'all' });
      scoreInPlace({ workbook: xlsx, grids: readWorkbook(xlsx), profile: NATIONAL_PROFILE });
      xlsx = await roundTrip(xlsx);
      expectSame(fake, xlsx, `${kind}: scored`);
      expect(issuesOf(await adapter.analyze())).toEqual(issuesOf(evaluateWorkbook(readWorkbook(xlsx), NATIONAL_PROFILE)));

      // The user's edit, on both sides and on the expected original, as the user would make it
      // (a note written into the cell's note as it now reads: theirs first, ours kept after it).
      for (const e of steps) {
        const edit = e.note !== undefined ? { ...e, note: [e.note, fake.cell(e.sheet, e.address).note].filter(Boolean).join('\n') } : e;
        editFake(fake, edit);
        editXlsx(xlsx, edit);
        editXlsx(expected, e);
      }
      expectSame(fake, xlsx, `${kind}: edited`);

      await adapter.score(undefined, { confirmed: 'all' });
      scoreInPlace({ workbook: xlsx, grids: readWorkbook(xlsx), profile: NATIONAL_PROFILE });
      xlsx = await roundTrip(xlsx);
      expectSame(fake, xlsx, `${kind}: rescored`);
      expect(issuesOf(await adapter.analyze())).toEqual(issuesOf(evaluateWorkbook(readWorkbook(xlsx), NATIONAL_PROFILE)));

      const undo = await adapter.undo();
      const cliUndo = undoInPlace(xlsx);
      xlsx = await roundTrip(xlsx);
      expect(undo.message).toBe('');
      expect(cliUndo.unplaced).toEqual([]);
      expectSame(fake, xlsx, `${kind}: undone`);
      // Exactly what the user had: the original with their own edits (a fill or a typed value stays theirs).
      expect({ kind, cells: fakeCells(fake) }).toEqual({ kind, cells: xlsxCells(await roundTrip(expected)) });
      expect(fake.sheet('_jixiao_backup')).toBeUndefined();
      uninstallFakeOffice(globalThis);
      sequences++;
      runs.add(kind);
    }
  });

  test('the CLI scored copy: 一键评分 parity, statuses, and undo in Excel restores the original', async () => {
    const source = await loadXlsx(path.join(FIXTURES, file));
    if (!evaluateWorkbook(readWorkbook(source), NATIONAL_PROFILE).tables.length) return;
    // The add-in: 一键评分 on the original.
    const fake = fakeFromXlsx(source);
    installFakeOffice(globalThis, fake);
    const adapter = new OfficeWorkbookAdapter();
    const scored = await adapter.score(undefined, { confirmed: 'all' });
    const paneAfter = await adapter.analyze();
    uninstallFakeOffice(globalThis);

    // The CLI: the scored copy, saved; then read again as `jixiao score COPY --json` does.
    let copy = await roundTrip(source);
    scoreInPlace({ workbook: copy, grids: readWorkbook(copy), profile: NATIONAL_PROFILE });
    copy = await roundTrip(copy);
    const cliAfter = evaluateWorkbook(readWorkbook(copy), NATIONAL_PROFILE);
    expect(issuesOf(cliAfter)).toEqual(issuesOf(paneAfter));
    expect(issuesOf(scored.result)).toEqual(issuesOf(cliAfter));
    expectSame(fake, copy, 'copy vs 一键评分');
    // An issue is corrected exactly where the scoring wrote a new value into its cell.
    const sourceGrids = readWorkbook(source);
    const changedValue = new Set(
      scored.plan.writes
        .filter((w) => !w.keepFormula && sourceGrids.find((g) => g.name === w.sheet)?.cells[w.row]?.[w.col]?.value !== w.value)
        .map((w) => `${w.sheet}!${w.address}`),
    );
    for (const t of cliAfter.tables) {
      for (const i of t.issues) expect([i.code, i.cell, i.status]).toEqual([i.code, i.cell, i.cell && changedValue.has(`${t.sheet}!${i.cell}`) ? 'corrected' : 'open']);
    }

    // The copy opened in Excel: 撤销评分 restores the original exactly.
    const opened = fakeFromXlsx(copy);
    installFakeOffice(globalThis, opened);
    expect(opened.sheet('_jixiao_backup')?.visibility).toBe('VeryHidden');
    const undo = await new OfficeWorkbookAdapter().undo();
    expect(undo.restored).toBeGreaterThan(0);
    expect(undo.message).toBe('');
    expect(fakeCells(opened)).toEqual(xlsxCells(await roundTrip(source)));
    compared += Object.keys(fakeCells(opened)).length;
    sequences++;
    runs.add('CLI copy → undo in Excel');
  });
});
