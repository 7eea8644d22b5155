/**
 * insertTemplateSheet against the fake Excel (src/excel/testing/fakeExcel.ts).
 * The fake has no formatting, merge, validation or freeze API, so the Office applier
 * (src/excel/applySheetSpec.ts, tested by its owner) is replaced here by a stand-in that uses only
 * what the fake models: add the sheet, write values and formulas, activate, with the same two syncs.
 * What is under test is ours: the unique name, the options passed, activation, the selection,
 * the message, error translation — and that the inserted values are detected as a table.
 */
import { evaluateWorkbook } from '../../src/core/engine';
import { templateAddresses } from '../../src/core/template';
import type { SheetSpec } from '../../src/core/sheetSpec';
import { AdapterError } from '../../src/excel/session';
import { FakeWorkbook, installFakeOffice, uninstallFakeOffice } from '../../src/excel/testing/fakeExcel';

jest.mock('../../src/excel/applySheetSpec', () => ({
  applySheetSpec: jest.fn(async (context: Excel.RequestContext, spec: SheetSpec, options: { activate?: boolean } = {}) => {
    const existing = context.workbook.worksheets.getItemOrNullObject(spec.name);
    // The fake wants a load before isNullObject (Office.js itself does not).
    existing.load('name');
    await context.sync();
    if (!existing.isNullObject) throw new Error(`工作表“${spec.name}”已存在`);
    const ws = context.workbook.worksheets.add(spec.name);
    for (const c of spec.cells) {
      if (c.formula !== undefined) ws.getRange(c.address).formulas = [[`=${c.formula}`]];
      else if (c.value !== undefined && c.value !== null) ws.getRange(c.address).values = [[c.value]];
    }
    if (options.activate) ws.activate();
    await context.sync();
    return { name: spec.name, charts: 0, skipped: ['print'], syncs: 2 };
  }),
}));

// Imported after the mock so that it binds to the stand-in.
import { applySheetSpec } from '../../src/excel/applySheetSpec';
import { insertTemplateInContext, insertTemplateSheet } from '../../src/excel/insertTemplate';

const applied = jest.mocked(applySheetSpec);

let wb: FakeWorkbook;
beforeEach(() => {
  wb = new FakeWorkbook();
  wb.addSheet('Sheet1');
  installFakeOffice(globalThis, wb);
  applied.mockClear();
});
afterEach(() => uninstallFakeOffice(globalThis));

describe('insertTemplateSheet', () => {
  it('adds 空白自评表, activates it, selects 项目名称 and reports what it did', async () => {
    const out = await insertTemplateSheet({ year: 2026 });
    expect(out.sheet).toBe('空白自评表');
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sheet1', '空白自评表']);
    expect(wb.sheet(wb.activeSheetId as string)?.name).toBe('空白自评表');
    expect(wb.selection).toEqual({ sheet: '空白自评表', address: templateAddresses('national').projectName });
    expect(out.message).toMatch(/已插入“空白自评表”（项目支出绩效自评表，2026年度）/);
    expect(out.message).toMatch(/不支持打印设置，已略去/);
    expect(out.skipped).toEqual(['print']);
    expect(out.syncs).toBe(4);
    expect(wb.syncCount).toBe(4);
    expect(applied).toHaveBeenCalledTimes(1);
    expect(applied.mock.calls[0][2]).toMatchObject({ activate: true });
    expect(wb.cell('空白自评表', 'A1').value).toBe('项目支出绩效自评表');
    expect(wb.cell('空白自评表', 'A2').value).toBe('（2026年度）');
  });

  it('numbers the name when 空白自评表 exists, in any letter case', async () => {
    wb.addSheet('空白自评表');
    wb.addSheet('空白自评表 (2)');
    expect((await insertTemplateSheet()).sheet).toBe('空白自评表 (3)');
    const second = await insertTemplateSheet({ name: 'Blank' });
    expect(second.sheet).toBe('Blank');
    expect((await insertTemplateSheet({ name: 'BLANK' })).sheet).toBe('BLANK (2)');
  });

  it('the inserted sheet is found by the engine (transfer layout), the other sheets untouched', async () => {
    wb.setCell('Sheet1', 'A1', { value: '用户的数据' });
    await insertTemplateSheet({ layout: 'transfer', year: 2025 });
    const result = evaluateWorkbook(wb.toGrids());
    expect(result.tables).toHaveLength(1);
    expect(result.tables[0]).toMatchObject({ sheet: '空白自评表', layout: 'transfer', year: 2025, title: '绩效目标自评表' });
    expect(result.tables[0].issues.some((i) => i.code === 'MISSING_VALUE')).toBe(true);
    expect(wb.cell('Sheet1', 'A1').value).toBe('用户的数据');
  });

  it('the default year comes from today', async () => {
    const out = await insertTemplateSheet({ today: new Date(2027, 2, 1) });
    expect(out.message).toMatch(/2026年度/);
    expect(wb.cell('空白自评表', 'A2').value).toBe('（2026年度）');
  });

  it('a protected workbook structure becomes an AdapterError with a Chinese message; nothing is added', async () => {
    wb.structureProtected = true;
    const err = await insertTemplateSheet().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdapterError);
    expect((err as AdapterError).code).toBe('SHEET_PROTECTED');
    expect((err as AdapterError).userMessage).toMatch(/^插入空白模板失败：/);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('cell edit mode is reported as such', async () => {
    wb.cellEditMode = true;
    await expect(insertTemplateSheet()).rejects.toMatchObject({ code: 'CELL_EDIT_MODE' });
  });

  it('runs inside a caller’s context too', async () => {
    const out = await (globalThis as unknown as { Excel: typeof Excel }).Excel.run((ctx) => insertTemplateInContext(ctx, { year: 2024 }));
    expect(out.sheet).toBe('空白自评表');
  });
});
