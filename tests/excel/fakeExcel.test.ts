/**
 * The test double must behave like Office where it matters to the adapter: lazy proxies, load/sync,
 * null objects, failures that leave earlier operations applied, protection.
 */
import { fakeFromCells, installFakeOffice, uninstallFakeOffice, FakeWorkbook } from '../../src/excel/testing/fakeExcel';

function setup(wb: FakeWorkbook) {
  installFakeOffice(globalThis, wb);
  return wb;
}

afterEach(() => uninstallFakeOffice(globalThis));

test('properties are readable only after load + sync, and each sync is counted', async () => {
  const wb = setup(fakeFromCells({ 表一: { C5: 12, D5: { value: 0.66, numberFormat: '0%', text: '66%' } } }));
  await Excel.run(async (context) => {
    const used = context.workbook.worksheets.getItem('表一').getUsedRange(true);
    expect(() => used.values).toThrow(/not available/);
    used.load('address,values,text,numberFormat');
    expect(() => used.values).toThrow(/not available/);
    await context.sync();
    expect(used.address).toBe('表一!C5:D5');
    expect(used.values).toEqual([[12, 0.66]]);
    expect(used.text).toEqual([['12', '66%']]);
    expect(used.numberFormat).toEqual([['General', '0%']]);
    expect(() => used.formulas).toThrow(/not available/);
  });
  expect(wb.syncCount).toBe(1);
  expect(wb.bytesRead).toBeGreaterThan(10);
});

test('collections list items with the requested properties; null objects say so', async () => {
  const wb = setup(fakeFromCells({ A: { A1: 1 }, B: {} }));
  wb.sheets[1].visibility = 'VeryHidden';
  wb.sheets[0].protected = true;
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/name,items/visibility,items/protection/protected');
    const missing = context.workbook.worksheets.getItemOrNullObject('无此表');
    missing.load('name');
    const emptyUsed = context.workbook.worksheets.getItem('B').getUsedRangeOrNullObject(true);
    emptyUsed.load('address');
    await context.sync();
    expect(sheets.items.map((s) => [s.name, s.visibility, s.protection.protected])).toEqual([
      ['A', 'Visible', true],
      ['B', 'VeryHidden', false],
    ]);
    expect(missing.isNullObject).toBe(true);
    expect(emptyUsed.isNullObject).toBe(true);
  });
});

test('writes: number-like text is converted, an apostrophe keeps text, formulas come back with their last value', async () => {
  const wb = setup(fakeFromCells({ S: { A1: { value: 5, formula: 'B1+1' } } }));
  await Excel.run(async (context) => {
    const s = context.workbook.worksheets.getItem('S');
    s.getRange('A1').values = [[7]];
    s.getRange('A2:B2').values = [['001', "'001"]];
    await context.sync();
    s.getRange('A1').formulas = [['=B1+1']];
    await context.sync();
  });
  expect(wb.cell('S', 'A2').value).toBe(1);
  expect(wb.cell('S', 'B2').value).toBe('001');
  expect(wb.cell('S', 'A1')).toMatchObject({ value: 5, formula: 'B1+1' });
});

test('a failing operation rejects the sync with its code and keeps earlier operations applied', async () => {
  const wb = setup(fakeFromCells({ S: { A1: 1 }, P: { A1: 1 } }));
  wb.sheet('P')!.protected = true;
  await expect(
    Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1').values = [[2]];
      context.workbook.worksheets.getItem('P').getRange('A1').values = [[2]];
      context.workbook.worksheets.getItem('S').getRange('A2').values = [[3]];
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: 'AccessDenied' });
  expect(wb.cell('S', 'A1').value).toBe(2);
  expect(wb.cell('P', 'A1').value).toBe(1);
  expect(wb.cell('S', 'A2').value).toBeNull();

  wb.injectFailure({ onSync: wb.syncCount + 1, code: 'InvalidOperation', afterOps: 2 });
  await expect(
    Excel.run(async (context) => {
      const s = context.workbook.worksheets.getItem('S'); // op 1
      s.getRange('B1').values = [[9]]; // ops 2 (resolve) and 3 (write): fails before the write
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: 'InvalidOperation' });
  expect(wb.cell('S', 'B1').value).toBeNull();

  wb.cellEditMode = true;
  await expect(Excel.run(async (context) => context.sync())).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
});

test('notes, fills, merges, cell properties and selection', async () => {
  const wb = setup(fakeFromCells({ S: { A1: 'x', B2: 3 } }, { merges: { S: ['A1:B1'] } }));
  await Excel.run(async (context) => {
    const s = context.workbook.worksheets.getItem('S');
    s.getRange('B2').format.fill.color = '#ffc7ce';
    context.workbook.notes.add('S!B2', '说明');
    s.getRange('B2').select();
    const merged = s.getRange('A1:B2').getMergedAreasOrNullObject();
    merged.load('address');
    const props = s.getRange('A2:B2').getCellProperties({ format: { fill: { color: true, pattern: true } } });
    const notes = context.workbook.notes.load('items/content');
    await context.sync();
    expect(merged.address).toBe('S!A1:B1');
    expect(props.value[0][1]).toEqual({ format: { fill: { color: '#FFC7CE', pattern: 'Solid' } } });
    expect(props.value[0][0]).toEqual({ format: { fill: { color: '#FFFFFF', pattern: 'None' } } });
    const loc = notes.items[0].getLocation().load('address');
    await context.sync();
    expect([notes.items[0].content, loc.address]).toEqual(['说明', 'S!B2']);
  });
  expect(wb.cell('S', 'B2')).toMatchObject({ fill: '#FFC7CE', note: '说明' });
  expect(wb.selection).toEqual({ sheet: 'S', address: 'B2' });
});

test('APIs above the supported requirement sets fail with ApiNotFound', async () => {
  const wb = setup(fakeFromCells({ S: { A1: 1 } }, { supportedSets: { ExcelApi: '1.9' } }));
  expect(Office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(false);
  expect(Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(true);
  await expect(
    Excel.run(async (context) => {
      context.workbook.notes.load('items');
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: 'ApiNotFound' });
  expect(wb.syncCount).toBe(1);
});
