/**
 * One plan, two appliers: the CLI's exceljs applier and the Office.js applier (on the test double)
 * must leave every cell the plan touches with the same value, number format, fill and note.
 */
import { evaluateWorkbook, planWrites } from '../../src/core/engine';
import { NATIONAL_PROFILE } from '../../src/core/profile';
import { applyPlan as applyWithExcelJs, snapshotCells } from '../../src/cli/writeChanges';
import { loadWorkbookFile } from '../../src/cli/readWorkbook';
import { OfficeWorkbookAdapter } from '../../src/excel/officeAdapter';
import { fakeWorkbookFromGrids, installFakeOffice, uninstallFakeOffice } from '../../src/excel/testing/fakeExcel';
import { SEED } from './helpers';

afterEach(() => uninstallFakeOffice(globalThis));

test.each([
  ['notes (ExcelApi 1.18)', { ExcelApi: '1.18', SharedRuntime: '1.1' }],
  ['a user note already on a marked cell', { ExcelApi: '1.18' }],
])('the seed scored through both appliers: identical cells (%s)', async (name, supportedSets) => {
  const { grids, workbook } = await loadWorkbookFile(SEED);
  const fake = fakeWorkbookFromGrids(structuredClone(grids), { supportedSets });
  if (name.startsWith('a user note')) {
    workbook.getWorksheet('自评表')!.getCell('H16').note = '用户批注：经费按实际核减';
    fake.setCell('自评表', 'H16', { note: '用户批注：经费按实际核减' });
  }
  installFakeOffice(globalThis, fake);

  const result = evaluateWorkbook(grids, NATIONAL_PROFILE);
  const plan = planWrites(result, grids, NATIONAL_PROFILE);
  expect(plan.writes.length).toBeGreaterThan(0);
  expect(plan.marks.length).toBeGreaterThan(0);
  applyWithExcelJs(workbook, plan);

  const outcome = await new OfficeWorkbookAdapter().score(NATIONAL_PROFILE, { confirmed: 'all' });
  // Same engine, same grids: the Office adapter planned the very same writes (exceljs leaves a General
  // format undefined where Office says "General": `previous` differs only there).
  const bare = (p: typeof plan) => ({ writes: p.writes.map(({ previous: _previous, ...w }) => w), marks: p.marks });
  expect(bare(outcome.plan)).toEqual(bare(plan));

  const addresses = [...new Set([...plan.writes, ...plan.marks].map((c) => c.address))];
  const viaExcelJs = snapshotCells(workbook.getWorksheet('自评表')!, addresses);
  const viaOffice = addresses.map((address) => {
    const c = fake.cell('自评表', address);
    const state: Record<string, unknown> = {
      address,
      value: c.value,
      numFmt: c.numberFormat && c.numberFormat !== 'General' ? c.numberFormat : null,
      fill: c.fill ?? null,
      note: c.note,
    };
    if (c.formula) state.formula = c.formula;
    return state;
  });
  const norm = (s: Record<string, unknown>) => ({ ...s, numFmt: s.numFmt === 'General' ? null : s.numFmt });
  expect(viaOffice.map(norm)).toEqual(viaExcelJs.map((s) => norm(s as unknown as Record<string, unknown>)));
});
