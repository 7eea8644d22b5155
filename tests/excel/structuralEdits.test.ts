/**
 * The double's structural edits behave as Excel's (structuralEdits.ts cites the pages): what moves with a
 * row, what grows or shrinks, what references follow, and what survives a rename or a move.
 */
import { fakeFromCells, installFakeOffice, uninstallFakeOffice, type FakeValidation } from '../../src/excel/testing/fakeExcel';

afterEach(() => uninstallFakeOffice(globalThis));

function workbook() {
  const wb = fakeFromCells(
    {
      表: {
        A1: '标题',
        A3: '运行经费',
        B3: { value: 6, numberFormat: '0.00' },
        C3: { value: 12, formula: 'B3*2' },
        A4: '按时办结率',
        B4: 10,
        C4: { value: 16, formula: 'SUM(B3:B4)' },
        A6: { value: 20, formula: '$B$4*2' },
      },
      汇总: { A1: { value: 6, formula: "'表'!B3" } },
    },
    { merges: { 表: ['A1:C1', 'D3:D4'] } },
  );
  wb.setCell('表', 'B3', { fill: '#FFEB9C', note: '原填 6 分' });
  const s = wb.sheet('表')!;
  const rule: FakeValidation = { range: 'B3:B4', rect: { top: 2, left: 1, bottom: 3, right: 1 }, type: 'Decimal', rule: null, prompt: null, errorAlert: null, ignoreBlanks: true };
  s.validations.push(rule);
  s.formats.set('2,1', { font: { bold: true } });
  return wb;
}

test('insertRows: cells move down with formula, format, fill, note; merges and validations cut through grow; references follow', () => {
  const wb = workbook();
  const id = wb.sheet('表')!.id;
  wb.insertRows('表', 4, 2);
  expect(wb.cell('表', 'B3')).toMatchObject({ value: 6, numberFormat: '0.00', fill: '#FFEB9C', note: '原填 6 分' });
  expect(wb.cell('表', 'B6').value).toBe(10);
  expect(wb.cell('表', 'B4').value).toBeNull();
  expect(wb.cell('表', 'C6').formula).toBe('SUM(B3:B6)');
  expect(wb.cell('表', 'A8').formula).toBe('$B$6*2');
  expect(wb.cell('汇总', 'A1').formula).toBe("'表'!B3");
  expect(wb.mergesList('表')).toEqual(['A1:C1', 'D3:D6']);
  expect(wb.validationAt('表', 'B6')?.range).toBe('B3:B6');
  expect(wb.formatOf('表', 'B3').bold).toBe(true);
  expect(wb.sheet('表')!.id).toBe(id);
});

test('deleteRows: the rows and their notes go, rows below move up, a reference to a deleted cell is #REF!, ranges shrink', () => {
  const wb = workbook();
  wb.deleteRows('表', 3, 1);
  expect(wb.cell('表', 'A3').value).toBe('按时办结率');
  expect(wb.cell('表', 'B3').note).toBeNull();
  expect(wb.notes).toHaveLength(0);
  expect(wb.cell('表', 'C3').formula).toBe('SUM(B3:B3)');
  expect(wb.cell('汇总', 'A1').formula).toBe('#REF!');
  expect(wb.cell('表', 'A5').formula).toBe('$B$3*2');
  expect(wb.mergesList('表')).toEqual(['A1:C1']);
  expect(wb.validationAt('表', 'B3')?.range).toBe('B3');
});

test('sortRows: whole rows move with their notes and fills; a moved formula shifts its relative rows; merged rows refuse', () => {
  const wb = workbook();
  wb.sheet('表')!.merges = wb.sheet('表')!.merges.filter((m) => m.top === 0);
  wb.sortRows('表', 3, 4, [4, 3]);
  expect(wb.cell('表', 'A3').value).toBe('按时办结率');
  expect(wb.cell('表', 'A4').value).toBe('运行经费');
  expect(wb.cell('表', 'B4')).toMatchObject({ value: 6, fill: '#FFEB9C', note: '原填 6 分' });
  expect(wb.cell('表', 'C4').formula).toBe('B4*2');
  expect(wb.cell('表', 'C3').formula).toBe('SUM(B2:B3)');
  const merged = workbook();
  expect(() => merged.sortRows('表', 3, 4, [4, 3])).toThrow(/merged cells/);
  expect(() => merged.sortRows('表', 3, 4, [3, 3])).toThrow(/once each/);
});

test('renameSheet and moveSheet: the id stays; formulas naming the sheet follow the rename; the position changes', () => {
  const wb = workbook();
  const id = wb.sheet('表')!.id;
  wb.renameSheet('表', '自评 表');
  expect(wb.sheet(id)!.name).toBe('自评 表');
  expect(wb.cell('汇总', 'A1').formula).toBe("'自评 表'!B3");
  wb.moveSheet('自评 表', 1);
  expect(wb.sheets.map((s) => s.name)).toEqual(['汇总', '自评 表']);
  expect(wb.sheet(id)!.name).toBe('自评 表');
  expect(() => wb.renameSheet('汇总', '自评 表')).toThrow(/exists/);
});

test('insertColumns: cells move right with formula, format, fill, note and width; merges and validations cut through grow; references follow', () => {
  const wb = workbook();
  const s = wb.sheet('表')!;
  s.columnWidths.set(1, 90);
  wb.setCell('表', 'E3', { value: 1, formula: 'A3&B3' });
  wb.insertColumns('表', 2, 2); // before B: B and everything right of it move two columns right
  expect(wb.cell('表', 'A3').value).toBe('运行经费');
  expect(wb.cell('表', 'D3')).toMatchObject({ value: 6, numberFormat: '0.00', fill: '#FFEB9C', note: '原填 6 分' });
  expect(wb.cell('表', 'B3')).toMatchObject({ value: null, note: null });
  expect(wb.formatOf('表', 'B3').fill).toBeNull();
  expect(wb.formatOf('表', 'D3').bold).toBe(true);
  expect(wb.formatOf('表', 'B3').bold).toBe(false);
  expect(s.columnWidths.get(3)).toBe(90);
  expect(s.columnWidths.has(1)).toBe(false);
  expect(wb.cell('表', 'E3').formula).toBe('D3*2');
  expect(wb.cell('表', 'E4').formula).toBe('SUM(D3:D4)');
  expect(wb.cell('表', 'G3').formula).toBe('A3&D3');
  expect(wb.cell('表', 'A6').formula).toBe('$D$4*2');
  expect(wb.cell('汇总', 'A1').formula).toBe("'表'!D3");
  // A1:C1 is cut through (B is inside it) and grows; D3:D4 lies wholly right and moves.
  expect(wb.mergesList('表')).toEqual(['A1:E1', 'F3:F4']);
  expect(wb.validationAt('表', 'D4')?.range).toBe('D3:D4');
  expect(wb.validationAt('表', 'B4')).toBeNull();
});

test('deleteColumns: the columns, their notes and widths go, columns right move left, a reference to a deleted cell is #REF!, ranges shrink', () => {
  const wb = workbook();
  const s = wb.sheet('表')!;
  s.columnWidths.set(2, 70);
  wb.setCell('表', 'E4', { value: 16, formula: 'SUM(A4:C4)' });
  wb.deleteColumns('表', 2, 1); // B goes
  expect(wb.cell('表', 'A3').value).toBe('运行经费');
  expect(wb.cell('表', 'B3').formula).toBe('#REF!*2');
  expect(wb.notes).toHaveLength(0);
  expect(s.columnWidths.get(1)).toBe(70);
  expect(wb.cell('表', 'B4').formula).toBe('SUM(#REF!)'); // SUM(B3:B4) named only the deleted column
  expect(wb.cell('表', 'D4').formula).toBe('SUM(A4:B4)');
  expect(wb.cell('表', 'A6').formula).toBe('#REF!*2');
  expect(wb.cell('汇总', 'A1').formula).toBe('#REF!');
  expect(wb.mergesList('表')).toEqual(['A1:B1', 'C3:C4']);
  expect(s.validations).toHaveLength(0);
  // Deleting the merged column's whole span removes the merge.
  wb.deleteColumns('表', 3, 1);
  expect(wb.mergesList('表')).toEqual(['A1:B1']);
  expect(() => wb.deleteColumns('表', 0, 1)).toThrow(/bad columns/);
});

test('Range.insert(Right) and Range.delete(Left|Up) on whole columns and rows do what the helpers do; other shapes fail loudly', async () => {
  const byApi = workbook();
  const byHelper = workbook();
  installFakeOffice(globalThis, byApi);
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('表');
    const blank = sheet.getRange('B:C').insert(Excel.InsertShiftDirection.right).getCell(2, 0);
    blank.load('address,values');
    sheet.getRange('4:4').delete(Excel.DeleteShiftDirection.up);
    sheet.getRange('F:F').delete(Excel.DeleteShiftDirection.left);
    await context.sync();
    // The returned range is the now blank space: B3 no longer holds 6, D3 does.
    expect([blank.address, blank.values]).toEqual(['表!B3', [['']]]);
  });
  byHelper.insertColumns('表', 2, 2);
  byHelper.deleteRows('表', 4, 1);
  byHelper.deleteColumns('表', 6, 1);
  for (const wb of [byApi, byHelper]) expect(wb.cell('表', 'D3')).toMatchObject({ value: 6, fill: '#FFEB9C', note: '原填 6 分' });
  expect(byApi.sheet('表')!.cells).toEqual(byHelper.sheet('表')!.cells);
  expect(byApi.mergesList('表')).toEqual(byHelper.mergesList('表'));
  expect(byApi.cell('汇总', 'A1').formula).toBe(byHelper.cell('汇总', 'A1').formula);
  await expect(
    Excel.run(async (context) => {
      context.workbook.worksheets.getItem('表').getRange('B2:C3').insert(Excel.InsertShiftDirection.right);
      await context.sync();
    }),
  ).rejects.toThrow(/whole rows .* or whole columns/);
  byApi.sheet('表')!.protected = true;
  await expect(
    Excel.run(async (context) => {
      context.workbook.worksheets.getItem('表').getRange('A:A').delete(Excel.DeleteShiftDirection.left);
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: 'AccessDenied' });
});
