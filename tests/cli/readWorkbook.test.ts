import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { cellAt, fromA1, resolvedCell, type Grid } from '../../src/core/grid';
import { readWorkbook, readWorkbookFile, WorkbookReadError } from '../../src/cli/readWorkbook';

const SEED = path.join(__dirname, '..', 'fixtures', 'xincheng-12345-2023.xlsx');

function at(grid: Grid, a1: string) {
  const { row, col } = fromA1(a1);
  return grid.cells[row]?.[col];
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-read-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('readWorkbookFile on the seed', () => {
  let grid: Grid;
  beforeAll(async () => {
    const { grids } = await readWorkbookFile(SEED);
    expect(grids).toHaveLength(1);
    grid = grids[0];
  });

  it('renders numbers through their number format', () => {
    expect(at(grid, 'H6')).toEqual({ value: 0.66, text: '66%', numberFormat: '0%' });
    expect(at(grid, 'F13')).toMatchObject({ value: 1, text: '100%' });
    expect(at(grid, 'D6')).toMatchObject({ value: 97.9, text: '97.9' });
  });

  it('keeps strings as they are', () => {
    expect(at(grid, 'E13')).toEqual({ value: '12 人', text: '12 人' });
    expect(grid.name).toBe('自评表');
    expect(grid.hidden).toBeUndefined();
  });

  it('stores merged content in the master cell only, like Office.js', () => {
    expect(grid.merges).toHaveLength(18);
    expect(grid.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 8 }); // A1:I1
    expect(grid.merges).toContainEqual({ top: 4, left: 0, bottom: 8, right: 1 }); // A5:B9
    expect(at(grid, 'A1')?.text).toBe('项目绩效自评表');
    for (const a1 of ['B1', 'I1', 'B3', 'A6', 'B9', 'D4', 'I4', 'B14']) expect(at(grid, a1)).toBeUndefined();
    // core resolves merges itself
    const { row, col } = fromA1('B9');
    expect(resolvedCell(grid, row, col).text).toBe('项目资金 (万元)');
    expect(cellAt(grid, row, col).text).toBe('');
  });
});

describe('readWorkbook on a workbook built with exceljs', () => {
  let grids: Grid[];
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    ws.getCell('A1').value = { formula: 'B1*2', result: 42 };
    ws.getCell('B1').value = 21;
    ws.getCell('A2').value = { error: '#N/A' };
    ws.getCell('A3').value = new Date(Date.UTC(2023, 11, 31));
    ws.getCell('A3').numFmt = 'yyyy-mm-dd';
    ws.getCell('A4').value = { richText: [{ text: '运行', font: { bold: true } }, { text: '经费' }] };
    ws.getCell('A5').value = { text: '链接文字', hyperlink: 'https://example.invalid/' };
    ws.getCell('A6').value = { formula: 'B1/0', result: { error: '#DIV/0!' } };
    ws.getCell('A7').value = 0.666;
    ws.getCell('A7').numFmt = '0.00%';
    ws.getCell('A8').value = true;
    ws.getCell('A9').value = { formula: 'A4&""', result: '运行经费' };
    // shared formula: C1 is the master, C2:C3 reuse it
    ws.getCell('C1').value = { formula: 'B1+1', result: 22, shareType: 'shared', ref: 'C1:C3' } as ExcelJS.CellValue;
    ws.getCell('C2').value = { sharedFormula: 'C1', result: 1 } as ExcelJS.CellValue;
    ws.getCell('C3').value = { sharedFormula: 'C1', result: 1 } as ExcelJS.CellValue;
    ws.getCell('D1').value = 1234.5;
    ws.getCell('D1').numFmt = '#,##0.00';
    ws.mergeCells('E1:F2');
    ws.getCell('E1').value = '合并';
    const hidden = wb.addWorksheet('隐藏', { state: 'hidden' });
    hidden.getCell('A1').value = 'x';
    const veryHidden = wb.addWorksheet('深藏', { state: 'veryHidden' });
    veryHidden.getCell('A1').value = 'y';
    const file = path.join(tmp, 'built.xlsx');
    await wb.xlsx.writeFile(file);
    grids = (await readWorkbookFile(file)).grids;
  });

  it('uses the cached result of a formula and keeps the formula text without "="', () => {
    expect(at(grids[0], 'A1')).toEqual({ value: 42, text: '42', formula: 'B1*2' });
    expect(at(grids[0], 'A9')).toEqual({ value: '运行经费', text: '运行经费', formula: 'A4&""' });
  });

  it('translates shared formulas to each cell', () => {
    expect(at(grids[0], 'C1')?.formula).toBe('B1+1');
    expect(at(grids[0], 'C2')?.formula).toBe('B2+1');
    expect(at(grids[0], 'C3')).toMatchObject({ value: 1, formula: 'B3+1' });
  });

  it('reads error values as {error}', () => {
    expect(at(grids[0], 'A2')).toEqual({ value: { error: '#N/A' }, text: '#N/A' });
    expect(at(grids[0], 'A6')).toMatchObject({ value: { error: '#DIV/0!' }, text: '#DIV/0!', formula: 'B1/0' });
  });

  it('turns dates into Excel serial numbers, displayed through their format', () => {
    expect(at(grids[0], 'A3')).toEqual({ value: 45291, text: '2023-12-31', numberFormat: 'yyyy-mm-dd' });
  });

  it('flattens rich text and hyperlinks to plain text', () => {
    expect(at(grids[0], 'A4')).toEqual({ value: '运行经费', text: '运行经费' });
    expect(at(grids[0], 'A5')).toEqual({ value: '链接文字', text: '链接文字' });
  });

  it('formats percentages, thousands separators and booleans as Excel shows them', () => {
    expect(at(grids[0], 'A7')?.text).toBe('66.60%');
    expect(at(grids[0], 'D1')?.text).toBe('1,234.50');
    expect(at(grids[0], 'A8')).toEqual({ value: true, text: 'TRUE' });
  });

  it('keeps the master of a merge and leaves the rest empty', () => {
    expect(grids[0].merges).toEqual([{ top: 0, left: 4, bottom: 1, right: 5 }]);
    expect(at(grids[0], 'E1')?.text).toBe('合并');
    expect(at(grids[0], 'F1')).toBeUndefined();
    expect(at(grids[0], 'E2')).toBeUndefined();
  });

  it('flags hidden and very hidden sheets', () => {
    expect(grids.map((g) => [g.name, g.hidden ?? false])).toEqual([
      ['数据', false],
      ['隐藏', true],
      ['深藏', true],
    ]);
  });

  it('works on an in-memory workbook too', () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('B2').value = 5;
    const [g] = readWorkbook(wb);
    expect(g.cells[1][1]).toEqual({ value: 5, text: '5' });
    expect(g.cells[0]).toBeUndefined();
  });

  it('reads a 1904-based workbook\'s dates correctly', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = new Date(Date.UTC(2023, 11, 31));
    ws.getCell('A1').numFmt = 'yyyy-mm-dd';
    const file = path.join(tmp, 'd1904.xlsx');
    await wb.xlsx.writeFile(file);
    const { grids: g } = await readWorkbookFile(file);
    expect(at(g[0], 'A1')).toEqual({ value: 45291 - 1462, text: '2023-12-31', numberFormat: 'yyyy-mm-dd' });
  });
});

describe('readWorkbookFile failures: one clear line each', () => {
  async function failure(file: string, label?: string): Promise<WorkbookReadError> {
    try {
      await readWorkbookFile(file, label);
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookReadError);
      const err = e as WorkbookReadError;
      expect(err.message).not.toMatch(/\n/);
      expect(err.message).toMatch(/^无法读取 /);
      return err;
    }
    throw new Error(`expected ${file} to fail`);
  }

  const write = (name: string, data: Buffer | string) => {
    const f = path.join(tmp, name);
    fs.writeFileSync(f, data);
    return f;
  };
  const ole = (extra: Buffer) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), extra]);

  it('missing file', async () => {
    const e = await failure(path.join(tmp, 'nope.xlsx'), 'nope.xlsx');
    expect(e.reason).toBe('NOT_FOUND');
    expect(e.message).toBe('无法读取 nope.xlsx：文件不存在，请检查路径（file not found）');
  });

  it('directory', async () => {
    expect((await failure(tmp)).reason).toBe('IS_DIRECTORY');
  });

  it('empty file', async () => {
    expect((await failure(write('empty.xlsx', ''))).reason).toBe('EMPTY');
  });

  it('a legacy .xls that is damaged (a compound file whose Workbook stream holds no BIFF records)', async () => {
    const e = await failure(write('old.xls', ole(Buffer.from('Workbook', 'utf16le'))), 'old.xls');
    expect(e.reason).toBe('XLS');
    expect(e.message).toMatch(/^无法读取 old\.xls：是旧版 Excel\/WPS 文件（\.xls\/\.et），但无法读取（.+），请在 Excel 或 WPS 中另存为 \.xlsx/);
  });

  it('password-protected workbook (encrypted OLE package)', async () => {
    const e = await failure(write('secret.xlsx', ole(Buffer.concat([Buffer.from('EncryptionInfo', 'utf16le'), Buffer.from('EncryptedPackage', 'utf16le')]))));
    expect(e.reason).toBe('ENCRYPTED');
    expect(e.message).toContain('密码');
  });

  it('.csv and a text file renamed .xlsx', async () => {
    expect((await failure(write('data.csv', '项目,金额\n运行经费,97.9\n'))).message).toContain('CSV');
    expect((await failure(write('notes.xlsx', 'just some text\n'))).reason).toBe('NOT_XLSX');
  });

  it('truncated .xlsx', async () => {
    const seed = fs.readFileSync(SEED);
    const e = await failure(write('truncated.xlsx', seed.subarray(0, Math.floor(seed.length / 2))));
    expect(e.reason).toBe('CORRUPT');
    expect(e.message).toContain('损坏');
  });

  it('binary garbage', async () => {
    expect((await failure(write('garbage.xlsx', Buffer.from([0, 1, 2, 3, 255, 254, 0, 7])))).reason).toBe('NOT_XLSX');
  });
});
