/**
 * Whole sheets the add-in adds — the report draft (生成报告) and the blank template (插入空白模板) — come
 * out the same through the WPS applier as through the Office one: names, values, merges, validations.
 */
import { loadNumfmt } from '../../src/cli/numberFormat';
import * as path from 'path';
import { readWorkbookFile } from '../../src/cli/readWorkbook';
import { toA1 } from '../../src/core/grid';
import { NATIONAL_PROFILE } from '../../src/core/profile';
import { OfficeWorkbookAdapter } from '../../src/excel/officeAdapter';
import { fakeWorkbookFromGrids, installFakeOffice, uninstallFakeOffice, type FakeWorkbook } from '../../src/excel/testing/fakeExcel';
import { etAppFromGrids, type EtDoubleApp } from '../../src/wps/testing/etDouble';
import { WpsWorkbookAdapter } from '../../src/wps/wpsAdapter';

const SETS = { ExcelApi: '1.18', SharedRuntime: '1.1' };
afterEach(() => uninstallFakeOffice(globalThis));

function officeSheet(fake: FakeWorkbook, name: string) {
  const s = fake.sheet(name)!;
  const values: Record<string, unknown> = {};
  for (const [k, c] of s.cells) {
    const [r, col] = k.split(',').map(Number);
    if (c.value !== null && c.value !== '') values[toA1(r, col)] = c.value;
  }
  return { values, merges: fake.mergesList(name).sort(), validations: s.validations.length };
}

function wpsSheet(app: EtDoubleApp, name: string) {
  const s = app.workbook.sheet(name);
  const values: Record<string, unknown> = {};
  for (const [k, c] of s.cells) {
    const [r, col] = k.split(',').map(Number);
    if (c.value !== null && c.value !== undefined && c.value !== '') values[toA1(r, col)] = c.value;
  }
  const merges = s.merges.map((m) => (m.top === m.bottom && m.left === m.right ? toA1(m.top, m.left) : `${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`)).sort();
  return { values, merges, validations: s.validations.length };
}

test('生成报告: the same report sheet in WPS and in Excel', async () => {
  const { grids } = await readWorkbookFile(path.join(__dirname, '../fixtures/xincheng-12345-2023.xlsx'));
  const fake = fakeWorkbookFromGrids(structuredClone(grids), { supportedSets: SETS });
  installFakeOffice(globalThis, fake);
  const app = etAppFromGrids(structuredClone(grids));
  const office = await new OfficeWorkbookAdapter().generateReport(NATIONAL_PROFILE);
  const wps = await new WpsWorkbookAdapter(app, undefined, loadNumfmt).generateReport(NATIONAL_PROFILE);
  expect(wps.sheets).toEqual(office.sheets);
  const w = wpsSheet(app, wps.sheets[0]);
  const o = officeSheet(fake, office.sheets[0]);
  expect(Object.keys(w.values).length).toBeGreaterThan(10);
  expect(w.values).toEqual(o.values);
  expect(w.merges).toEqual(o.merges);
  // The new sheet is the active one, as in Excel.
  expect(app.workbook.sheets[app.workbook.active].name).toBe(wps.sheets[0]);
  // A second run replaces the unedited draft instead of adding another sheet.
  const again = await new WpsWorkbookAdapter(app, undefined, loadNumfmt).generateReport(NATIONAL_PROFILE);
  expect(again.sheets).toEqual(wps.sheets);
  expect(app.workbook.sheets.filter((s) => s.name.startsWith(wps.sheets[0])).length).toBe(1);
});

test('插入空白模板: the same blank form (values, merges, drop-downs) in WPS and in Excel', async () => {
  const fake = fakeWorkbookFromGrids([{ name: 'Sheet1', cells: [], merges: [] }], { supportedSets: SETS });
  installFakeOffice(globalThis, fake);
  const app = etAppFromGrids([{ name: 'Sheet1', cells: [], merges: [] }]);
  const office = await new OfficeWorkbookAdapter().insertTemplate('national');
  const wps = await new WpsWorkbookAdapter(app, undefined, loadNumfmt).insertTemplate('national');
  expect(wps.sheet).toBe(office.sheet);
  const w = wpsSheet(app, wps.sheet);
  const o = officeSheet(fake, office.sheet);
  expect(w.values).toEqual(o.values);
  expect(w.merges).toEqual(o.merges);
  expect(w.validations).toBe(o.validations);
  expect(w.validations).toBeGreaterThan(0);
  // A second template gets its own name.
  expect((await new WpsWorkbookAdapter(app, undefined, loadNumfmt).insertTemplate('national')).sheet).not.toBe(wps.sheet);
});

test('生成报告 beside a blank template: both hosts draft the filled table only and name the blank one; on the blank alone both refuse alike', async () => {
  const { grids } = await readWorkbookFile(path.join(__dirname, '../fixtures/xincheng-12345-2023.xlsx'));
  const fake = fakeWorkbookFromGrids(structuredClone(grids), { supportedSets: SETS });
  installFakeOffice(globalThis, fake);
  const app = etAppFromGrids(structuredClone(grids));
  const officeAdapter = new OfficeWorkbookAdapter();
  const wpsAdapter = new WpsWorkbookAdapter(app, undefined, loadNumfmt);
  await officeAdapter.insertTemplate('national');
  await wpsAdapter.insertTemplate('national');
  const office = await officeAdapter.generateReport(NATIONAL_PROFILE);
  const wps = await wpsAdapter.generateReport(NATIONAL_PROFILE);
  expect(wps.sheets).toEqual(office.sheets);
  expect(wps.sheets).toHaveLength(1);
  expect(wps.message).toBe(office.message);
  expect(wps.message).toMatch(/工作表“空白自评表”中的自评表尚未填写，未为它生成报告。$/);

  const blankOnly = etAppFromGrids([{ name: 'Sheet1', cells: [], merges: [] }]);
  const blankWps = new WpsWorkbookAdapter(blankOnly, undefined, loadNumfmt);
  await blankWps.insertTemplate('national');
  const refused = await blankWps.generateReport(NATIONAL_PROFILE).catch((e: unknown) => e);
  expect(refused).toMatchObject({ code: 'TABLE_BLANK', userMessage: expect.stringMatching(/尚未填写.*还不能起草报告/) });
  expect(blankOnly.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1', '空白自评表']);
});
