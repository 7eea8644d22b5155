/**
 * OfficeWorkbookAdapter.insertTemplate with the real Office applier on the Excel test double:
 * the blank 项目支出绩效自评表 lands as a formatted, validated sheet, and the engine finds a table on it
 * whose inputs are reported empty.
 */
import { templateAddresses, templateSpec, INPUT_FILL } from '../../src/core/template';
import { OfficeWorkbookAdapter } from '../../src/excel/officeAdapter';
import { AdapterError } from '../../src/excel/session';
import { fakeFromCells, installFakeOffice, uninstallFakeOffice, type FakeWorkbook } from '../../src/excel/testing/fakeExcel';

afterEach(() => uninstallFakeOffice(globalThis));

function installed(supportedSets?: Record<string, string>): FakeWorkbook {
  const wb = fakeFromCells({ Sheet1: { A1: '会议记录' } }, supportedSets ? { supportedSets } : {});
  installFakeOffice(globalThis, wb);
  return wb;
}

describe('insertTemplate (Office adapter)', () => {
  it('adds 空白自评表 with merges, validations, freeze and print setup, selected at 项目名称', async () => {
    const wb = installed();
    const adapter = new OfficeWorkbookAdapter();
    const out = await adapter.insertTemplate();
    expect(out.sheet).toBe('空白自评表');
    expect(out.message).toMatch(/^已插入“空白自评表”（项目支出绩效自评表，\d{4}年度）/);
    expect(out.message).not.toMatch(/不支持/);
    expect(adapter.lastSyncs).toBe(4);

    const where = templateAddresses('national');
    expect(wb.selection).toEqual({ sheet: '空白自评表', address: where.projectName });
    expect(wb.sheet(wb.activeSheetId as string)?.name).toBe('空白自评表');

    const spec = templateSpec({ layout: 'national', name: '空白自评表' });
    const sheet = wb.sheet('空白自评表')!;
    expect(wb.mergesList('空白自评表')).toEqual(spec.merges.map((m) => m.range).filter((r) => r.includes(':')));
    expect(sheet.validations.length).toBe(spec.validations!.length);
    expect(sheet.freeze).toEqual({ rows: spec.freeze!.rows, columns: 0 });
    expect(sheet.pageLayout).toMatchObject({ paperSize: 'A4', orientation: 'Landscape' });
    expect(wb.formatOf('空白自评表', where.projectName)).toMatchObject({ fill: INPUT_FILL, locked: false });
    expect(wb.cell('Sheet1', 'A1').value).toBe('会议记录');
  });

  it('analyze() then finds a table on the blank template and reports its empty inputs', async () => {
    installed();
    const adapter = new OfficeWorkbookAdapter();
    await adapter.insertTemplate();
    const result = await adapter.analyze();
    const table = result.tables.find((t) => t.sheet === '空白自评表');
    expect(table).toBeDefined();
    expect(table!.project.name ?? null).toBeNull();
    expect(table!.grade).toBeNull();
    const missing = table!.issues.filter((i) => i.code === 'MISSING_VALUE');
    expect(missing.length).toBeGreaterThan(0);
    // The 全年预算数 / 执行数 inputs are among the cells reported empty, each message in Chinese.
    const where = templateAddresses('national');
    expect(missing.map((i) => i.cell)).toEqual(expect.arrayContaining([where.funds[0].budget]));
    for (const i of missing) expect(i.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('一键评分 on the blank template writes nothing — no marks on its empty inputs, no backup sheet — as the pane says', async () => {
    const wb = installed();
    const adapter = new OfficeWorkbookAdapter();
    await adapter.insertTemplate();
    const sheets = wb.sheets.map((s) => s.name);
    const before = JSON.stringify([...wb.sheet('空白自评表')!.cells]);
    const out = await adapter.score(undefined, { confirmed: 'all' });
    expect(out.changed).toBe(0);
    expect(out.plan).toEqual({ writes: [], marks: [] });
    expect(wb.sheets.map((s) => s.name)).toEqual(sheets);
    expect(JSON.stringify([...wb.sheet('空白自评表')!.cells])).toBe(before);
  });

  it('a second insert is named 空白自评表 (2); the transfer layout has its own title', async () => {
    const wb = installed();
    const adapter = new OfficeWorkbookAdapter();
    await adapter.insertTemplate();
    const second = await adapter.insertTemplate('transfer');
    expect(second.sheet).toBe('空白自评表 (2)');
    expect(second.message).toContain('绩效目标自评表');
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sheet1', '空白自评表', '空白自评表 (2)']);
    expect(wb.cell('空白自评表 (2)', 'A1').value).toBe('绩效目标自评表');
  });

  it('an older host: what it lacks is named in the message, the sheet is still inserted', async () => {
    const wb = installed({ ExcelApi: '1.7' });
    const out = await new OfficeWorkbookAdapter().insertTemplate();
    expect(out.message).toMatch(/当前 Excel 版本不支持单元格批注、下拉列表和输入提示、打印设置，已略去。/);
    expect(wb.sheet('空白自评表')!.validations).toEqual([]);
    expect(wb.mergesList('空白自评表').length).toBeGreaterThan(10);
  });

  it('a protected workbook structure: a Chinese error and no sheet', async () => {
    const wb = installed();
    wb.structureProtected = true;
    const err = await new OfficeWorkbookAdapter().insertTemplate().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdapterError);
    expect((err as AdapterError).userMessage).toMatch(/[\u4e00-\u9fff]/);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });
});
