/**
 * The streaming package reader gives the Grids an exceljs load gives (readWorkbook), on every fixture
 * and on a workbook built to hold every kind of cell: shared and inline strings, rich text, shared
 * formulas, dates, booleans, errors, extremes (1e308), merges, hidden sheets.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import type { Grid } from '../../src/core/grid';
import { readWorkbook, readWorkbookFile } from '../../src/cli/readWorkbook';

jest.setTimeout(60_000);

const FIXTURES = path.join(__dirname, '..', 'fixtures');
let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-package-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function viaExcelJS(file: string): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return readWorkbook(wb);
}

/** Grids as plain data, trailing holes and empty rows dropped (the two readers size arrays differently). */
function plain(grids: Grid[]): unknown {
  return grids.map((g) => ({
    name: g.name,
    hidden: g.hidden ?? false,
    merges: [...g.merges].sort((a, b) => a.top - b.top || a.left - b.left),
    cells: Object.fromEntries(
      g.cells.flatMap((line, r) => (line ?? []).map((cell, c) => [`${r},${c}`, cell] as const).filter(([, cell]) => cell !== undefined)),
    ),
  }));
}

describe('the streaming reader reads what exceljs reads', () => {
  const fixtures = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'));
  it.each(fixtures)('%s', async (name) => {
    const file = path.join(FIXTURES, name);
    expect(plain((await readWorkbookFile(file)).grids)).toEqual(plain(await viaExcelJS(file)));
  });

  it('every kind of cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('各种单元格');
    ws.getCell('A1').value = '项目名称 & <说明> "引号"';
    ws.getCell('B1').value = { richText: [{ text: '富' , font: { bold: true } }, { text: '文本' }] };
    ws.getCell('A2').value = 1e308;
    ws.getCell('B2').value = -1.7976931348623157e308;
    ws.getCell('C2').value = 5e-324;
    ws.getCell('D2').value = 0.66;
    ws.getCell('D2').numFmt = '0%';
    ws.getCell('E2').value = 1234567.891;
    ws.getCell('E2').numFmt = '#,##0.00';
    ws.getCell('A3').value = new Date(Date.UTC(2023, 11, 31));
    ws.getCell('A3').numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell('B3').value = true;
    ws.getCell('C3').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
    ws.getCell('D3').value = { formula: 'A2*2', result: 7 } as ExcelJS.CellFormulaValue;
    ws.getCell('E3').value = { formula: 'A1&"x"', result: '项目x' } as ExcelJS.CellFormulaValue;
    for (let r = 5; r <= 8; r++) ws.getCell(`A${r}`).value = r;
    ws.getCell('B5').value = { formula: 'A5*2', result: 10, shareType: 'shared', ref: 'B5:B8' } as ExcelJS.CellFormulaValue;
    for (let r = 6; r <= 8; r++) ws.getCell(`B${r}`).value = { sharedFormula: 'B5', result: r * 2 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell('A10').value = '合并';
    ws.mergeCells('A10:C11');
    ws.getCell('A12').value = { text: '链接', hyperlink: 'https://example.org' };
    ws.getCell('A13').value = '   ';
    ws.getCell('A14').value = '换行\r\n第二行\t制表';
    const hidden = wb.addWorksheet('隐藏', { state: 'veryHidden' });
    hidden.getCell('A1').value = '{"weights":{}}';
    const file = path.join(tmp, 'kinds.xlsx');
    await wb.xlsx.writeFile(file);
    const grids = (await readWorkbookFile(file)).grids;
    expect(plain(grids)).toEqual(plain(await viaExcelJS(file)));
    expect(grids[0].cells[1][0]).toMatchObject({ value: 1e308 });
    expect(grids[0].cells[6][1]).toMatchObject({ formula: 'A7*2', value: 14 });
  });
});
