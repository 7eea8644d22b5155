/**
 * The Office.js SheetSpec applier (src/excel/applySheetSpec.ts) against the Excel test double:
 * the blank template and the report sheet land as their specs say (values, merges, styles, validations,
 * freeze, print setup, charts), hosts without the newer APIs degrade, and the result matches the exceljs
 * applier (src/cli/applySheetSpec.ts) cell by cell.
 */
import ExcelJS from 'exceljs';
import { evaluateWorkbook } from '../../src/core/engine';
import { columnLetters, fromA1 } from '../../src/core/grid';
import { NATIONAL_PROFILE } from '../../src/core/profile';
import { draftReport } from '../../src/core/report/draft';
import { PLACEHOLDER_FILL, reportSheetSpec } from '../../src/core/report/reportSheet';
import type { SheetSpec, SpecStyle } from '../../src/core/sheetSpec';
import { INPUT_FILL, templateRows, templateSpec } from '../../src/core/template';
import { applySheetSpec as applyWithExcelJs } from '../../src/cli/applySheetSpec';
import { applySheetSpec, filledArray, type SheetSpecOutcome } from '../../src/excel/applySheetSpec';
import { FakeOfficeError, FakeWorkbook, installFakeOffice, uninstallFakeOffice } from '../../src/excel/testing/fakeExcel';
import { seedGridsOnce } from './helpers';

afterEach(() => uninstallFakeOffice(globalThis));

function freshWorkbook(supportedSets?: Record<string, string>): FakeWorkbook {
  const wb = new FakeWorkbook(supportedSets ? { supportedSets } : {});
  wb.addSheet('Sheet1');
  wb.setCell('Sheet1', 'A1', { value: '原有内容' });
  installFakeOffice(globalThis, wb);
  return wb;
}

async function applyOffice(spec: SheetSpec, options: { replace?: boolean; activate?: boolean } = {}): Promise<SheetSpecOutcome> {
  return Excel.run((context) => applySheetSpec(context, spec, options));
}

/** Every cell of an A1 range, row by row. */
function cellsOf(range: string): string[] {
  const [a, b = a] = range.split(':');
  const p = fromA1(a);
  const q = fromA1(b);
  const out: string[] = [];
  for (let r = p.row; r <= q.row; r++) for (let c = p.col; c <= q.col; c++) out.push(`${columnLetters(c)}${r + 1}`);
  return out;
}

const ALIGN = { left: 'Left', center: 'Center', right: 'Right', top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

/** Asserts that a cell carries the style the spec gave it. */
function expectStyle(wb: FakeWorkbook, sheet: string, address: string, s: SpecStyle): void {
  const f = wb.formatOf(sheet, address);
  const where = `${sheet}!${address}`;
  if (s.bold !== undefined) expect([where, f.bold]).toEqual([where, s.bold]);
  if (s.fontSize !== undefined) expect([where, f.fontSize]).toEqual([where, s.fontSize]);
  if (s.fontName !== undefined) expect([where, f.fontName]).toEqual([where, s.fontName]);
  if (s.fontColor !== undefined) expect([where, f.fontColor]).toEqual([where, s.fontColor.toUpperCase()]);
  if (s.fill) expect([where, f.fill]).toEqual([where, s.fill.toUpperCase()]);
  if (s.wrap !== undefined) expect([where, f.wrapText]).toEqual([where, s.wrap]);
  if (s.horizontal) expect([where, f.horizontalAlignment]).toEqual([where, ALIGN[s.horizontal]]);
  if (s.vertical) expect([where, f.verticalAlignment]).toEqual([where, ALIGN[s.vertical]]);
  if (s.numberFormat) expect([where, f.numberFormat]).toEqual([where, s.numberFormat]);
  if (s.locked !== undefined) expect([where, f.locked]).toEqual([where, s.locked]);
  if (s.border) {
    for (const side of ['top', 'bottom', 'left', 'right'] as const) {
      expect([where, side, f.borders[side]]).toEqual([where, side, { style: 'Continuous', weight: 'Thin', color: '#000000' }]);
    }
  }
}

async function seedReportSpec(name = '绩效自评报告'): Promise<SheetSpec> {
  const grids = await seedGridsOnce();
  const table = evaluateWorkbook(grids, NATIONAL_PROFILE).tables[0];
  return reportSheetSpec(draftReport(table, NATIONAL_PROFILE), table, name);
}

describe('the blank template through the Office applier', () => {
  const spec = templateSpec({ layout: 'national', year: 2026 });

  it('adds the sheet in two syncs with every value, formula, merge and style of the spec', async () => {
    const wb = freshWorkbook();
    const out = await applyOffice(spec, { activate: true });
    expect(out).toEqual({ name: '空白自评表', charts: 0, skipped: [], syncs: 2 });
    expect(wb.syncCount).toBe(2);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sheet1', '空白自评表']);
    expect(wb.sheet(wb.activeSheetId as string)?.name).toBe('空白自评表');
    expect(wb.cell('Sheet1', 'A1').value).toBe('原有内容');

    // Merges: exactly the spec's multi-cell areas, in order.
    expect(wb.mergesList(spec.name)).toEqual(spec.merges.map((m) => m.range).filter((r) => r.includes(':')));

    for (const c of spec.cells) {
      const got = wb.cell(spec.name, c.address);
      if (c.formula !== undefined) expect([c.address, got.formula]).toEqual([c.address, c.formula]);
      else expect([c.address, got.value]).toEqual([c.address, c.value ?? null]);
      expectStyle(wb, spec.name, c.address, c);
      expect([c.address, got.note]).toEqual([c.address, c.note ?? null]);
    }
    // A merged area's fill and borders cover all of its cells, not only the top-left one.
    for (const m of spec.merges) for (const a of cellsOf(m.range)) expectStyle(wb, spec.name, a, { fill: m.fill, border: m.border, bold: m.bold });
  });

  it('sets validations, freeze panes, widths, heights and the print setup', async () => {
    const wb = freshWorkbook();
    await applyOffice(spec);
    const sheet = wb.sheet(spec.name)!;

    expect(sheet.validations.map((v) => v.range)).toEqual(spec.validations!.map((v) => v.range));
    for (const v of spec.validations!) {
      const got = wb.validationAt(spec.name, v.range.split(':')[0])!;
      expect(got.range).toBe(v.range);
      if (v.type === 'list') {
        expect(got.rule).toEqual({ type: 'List', criteria: { list: { inCellDropDown: true, source: v.list!.join(',') } } });
      } else {
        expect(got.type).toBe('Decimal');
        expect(got.rule!.criteria.decimal).toEqual({ operator: 'Between', formula1: v.min ?? 0, formula2: v.max ?? (v.type === 'percent' ? 1 : 1e15) });
      }
      expect(got.prompt).toEqual({ showPrompt: true, title: v.promptTitle, message: v.prompt });
      expect(got.errorAlert).toEqual({ showAlert: true, style: 'Stop', title: '输入无效', message: v.error });
    }
    // Every 二级指标 input offers its 一级's list.
    const R = templateRows();
    expect(wb.validationAt(spec.name, `C${R.firstIndicator}`)?.rule?.criteria.list).toEqual({ inCellDropDown: true, source: '数量指标,质量指标,时效指标,成本指标' });

    expect(sheet.freeze).toEqual({ rows: spec.freeze!.rows, columns: 0 });

    // Widths in points grow with the spec's character widths (about 5.25 pt a character plus padding).
    spec.columnWidths.forEach((w, i) => {
      const pt = wb.columnWidthOf(sheet, i);
      expect(pt).toBeGreaterThan(w * 5.25);
      expect(pt).toBeLessThan(w * 5.25 + 5);
    });
    for (const [row, h] of Object.entries(spec.rowHeights!)) expect([row, sheet.rowHeights.get(Number(row) - 1)]).toEqual([row, h]);

    const m = spec.print!.margins;
    expect(sheet.pageLayout).toMatchObject({
      paperSize: 'A4',
      orientation: 'Landscape',
      topMargin: m.top * 72,
      bottomMargin: m.bottom * 72,
      leftMargin: m.left * 72,
      rightMargin: m.right * 72,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0, scale: null },
    });
    expect(sheet.charts).toEqual([]);
    expect(sheet.tabColor).toBe('');
  });

  it('input cells stay editable under sheet protection; labels stay locked', async () => {
    const wb = freshWorkbook();
    await applyOffice(spec);
    const R = templateRows();
    expect(wb.formatOf(spec.name, `C${R.projectName}`)).toMatchObject({ locked: false, fill: INPUT_FILL });
    expect(wb.formatOf(spec.name, `A${R.projectName}`)).toMatchObject({ locked: true, bold: true });
  });
});

describe('the report sheet through the Office applier', () => {
  it('draws the chart of 一级 weights against scores, marks placeholders and sets an A4 portrait page', async () => {
    const spec = await seedReportSpec();
    const wb = freshWorkbook();
    const out = await applyOffice(spec, { activate: true });
    expect(out.charts).toBe(1);
    const sheet = wb.sheet(spec.name)!;
    const c = spec.charts![0];
    expect(sheet.charts).toEqual([
      expect.objectContaining({ type: 'ColumnClustered', source: `${spec.name}!${c.dataRange}`, seriesBy: 'Columns', title: '一级指标分值与得分', from: c.from, to: c.to }),
    ]);
    expect(sheet.tabColor).toBe('#2F5597');
    expect(sheet.pageLayout).toMatchObject({ paperSize: 'A4', orientation: 'Portrait', zoom: { horizontalFitToPages: 1 } });
    expect(wb.mergesList(spec.name)).toEqual(spec.merges.map((m) => m.range));

    const placeholders = spec.merges.filter((m) => m.fill === PLACEHOLDER_FILL);
    expect(placeholders.length).toBeGreaterThan(0);
    for (const m of placeholders) for (const a of cellsOf(m.range)) expect(wb.formatOf(spec.name, a).fill).toBe(PLACEHOLDER_FILL);

    const texts = [...sheet.cells.values()].map((x) => String(x.value ?? ''));
    expect(texts.some((t) => t.includes('12345市民热线服务中心运行经费'))).toBe(true);
    // The chart's numbers are cells too (weights and scores per 一级指标).
    const [from] = c.dataRange.split(':');
    expect(wb.cell(spec.name, from).value).toBe('一级指标');
  });
});

describe('hosts without the newer APIs', () => {
  it('ExcelApi 1.7: notes, validations and print setup are left out, not failed', async () => {
    const wb = freshWorkbook({ ExcelApi: '1.7' });
    const spec = templateSpec({ layout: 'national', year: 2026 });
    const out = await applyOffice(spec);
    expect(out.skipped).toEqual(['notes', 'validations', 'print']);
    const sheet = wb.sheet(spec.name)!;
    expect(sheet.validations).toEqual([]);
    expect(sheet.pageLayout.paperSize).toBe('Letter');
    expect(wb.notes).toEqual([]);
    expect(wb.comments).toEqual([]);
    // What 1.7 has still lands.
    expect(sheet.freeze).toEqual({ rows: spec.freeze!.rows, columns: 0 });
    expect(wb.mergesList(spec.name).length).toBe(spec.merges.filter((m) => m.range.includes(':')).length);
  });

  it('ExcelApi 1.10: notes become threaded comments', async () => {
    const wb = freshWorkbook({ ExcelApi: '1.10' });
    const spec = templateSpec({ layout: 'national', year: 2026 });
    const out = await applyOffice(spec);
    expect(out.skipped).toEqual([]);
    const noted = spec.cells.filter((c) => c.note);
    expect(noted.length).toBeGreaterThan(0);
    for (const c of noted) expect(wb.cell(spec.name, c.address).comment).toBe(c.note);
    expect(wb.notes).toEqual([]);
  });

  it('ExcelApi 1.6: no freeze panes, tab colour or print setup is attempted; the rest lands', async () => {
    const wb = freshWorkbook({ ExcelApi: '1.6' });
    const report = await seedReportSpec();
    expect((await applyOffice(report)).skipped).toEqual(['print']);
    expect(wb.sheet(report.name)!.tabColor).toBe('');
    expect(wb.sheet(report.name)!.charts.length).toBe(1);

    const template = templateSpec({ layout: 'national', year: 2026 });
    expect((await applyOffice(template)).skipped).toEqual(['notes', 'validations', 'freeze', 'print']);
    const sheet = wb.sheet(template.name)!;
    expect(sheet.freeze).toBeNull();
    expect(wb.columnWidthOf(sheet, 2)).toBeGreaterThan(template.columnWidths[2] * 5.25);
    expect(wb.formatOf(template.name, 'C3').locked).toBe(false);
  });
});

describe('replacing and refusing', () => {
  it('refuses an existing name unless told to replace; replacing removes the old content', async () => {
    const wb = freshWorkbook();
    const spec = templateSpec({ layout: 'national', year: 2026, name: 'Sheet1' });
    await expect(applyOffice(spec)).rejects.toThrow('工作表“Sheet1”已存在');
    expect(wb.cell('Sheet1', 'A1').value).toBe('原有内容');
    wb.addSheet('其他');
    const oldId = wb.sheet('Sheet1')!.id;
    await applyOffice(spec, { replace: true });
    expect(wb.sheet('Sheet1')!.id).not.toBe(oldId);
    expect(wb.cell('Sheet1', 'A1').value).toBe('项目支出绩效自评表');
  });
});

describe('array sizes (Office refuses a 2D array whose size differs from the range)', () => {
  it('the fake refuses [[format]] on a merged two-cell area, as Office does', async () => {
    const wb = freshWorkbook();
    await expect(
      Excel.run(async (context) => {
        const r = context.workbook.worksheets.getItem('Sheet1').getRange('B2:C2');
        r.merge(false);
        r.numberFormat = [['0.00']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    // Operations before the failing one stay applied (no rollback), as in Office.
    expect(wb.mergesList('Sheet1')).toEqual(['B2:C2']);
  });

  it('the applier sizes number formats to merged areas', async () => {
    const wb = freshWorkbook();
    const spec: SheetSpec = {
      name: '格式',
      cells: [{ address: 'A1', value: 0.5 }],
      merges: [{ range: 'A1:C2', numberFormat: '0.00%', bold: true }],
      columnWidths: [10],
    };
    await applyOffice(spec);
    for (const a of cellsOf('A1:C2')) expect(wb.formatOf('格式', a)).toMatchObject({ numberFormat: '0.00%', bold: true });
    expect(wb.cell('格式', 'A1').text).toBe('50.00%');
    expect(filledArray('B3:D4', 'x')).toEqual([
      ['x', 'x', 'x'],
      ['x', 'x', 'x'],
    ]);
    expect(filledArray('E5', 1)).toEqual([[1]]);
  });

  it('Excel limits on validation texts are enforced by the fake', async () => {
    freshWorkbook();
    await expect(
      Excel.run(async (context) => {
        const dv = context.workbook.worksheets.getItem('Sheet1').getRange('A2').dataValidation;
        dv.rule = { decimal: { operator: Excel.DataValidationOperator.between, formula1: 0, formula2: 1 } };
        dv.prompt = { showPrompt: true, title: '标'.repeat(33), message: '' };
        await context.sync();
      }),
    ).rejects.toBeInstanceOf(FakeOfficeError);
  });
});

// ───────────── parity with the exceljs applier ─────────────

interface CellState {
  value: unknown;
  formula: string | null;
  numFmt: string;
  fill: string | null;
  bold: boolean;
  /** Top-left cell of the merged area the cell belongs to, or null. */
  mergedInto: string | null;
  border: boolean;
  validation: string | null;
}

/** The cells a spec touches: its cells and every cell of its merges and validations. */
function specAddresses(spec: SheetSpec): string[] {
  const all = new Set<string>();
  for (const c of spec.cells) all.add(c.address);
  for (const m of spec.merges) for (const a of cellsOf(m.range)) all.add(a);
  for (const v of spec.validations ?? []) for (const a of cellsOf(v.range)) all.add(a);
  return [...all].sort();
}

function mastersOf(ranges: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of ranges) if (r.includes(':')) for (const a of cellsOf(r)) out.set(a, r.split(':')[0]);
  return out;
}

/** Covered cells of a merge show nothing of their own: value, bold and format are compared where visible. */
function visibleOnly(s: CellState, address: string): CellState {
  return s.mergedInto && s.mergedInto !== address ? { ...s, value: null, formula: null, numFmt: '-', bold: false } : s;
}

function stateViaExcelJs(ws: ExcelJS.Worksheet, address: string): CellState {
  const c = ws.getCell(address);
  const raw = c.value as unknown;
  const isFormula = raw !== null && typeof raw === 'object' && 'formula' in (raw as object);
  const argb = (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
  const master = c.isMerged ? c.master.address : null;
  const dv = c.dataValidation;
  return visibleOnly(
    {
      value: isFormula ? null : (raw ?? null),
      formula: isFormula ? (raw as { formula: string }).formula : null,
      numFmt: c.numFmt ?? 'General',
      fill: argb ? `#${argb.slice(2)}` : null,
      bold: c.font?.bold ?? false,
      mergedInto: master,
      border: ['top', 'bottom', 'left', 'right'].every((side) => c.border?.[side as 'top']?.style === 'thin'),
      validation: dv ? `${dv.type}:${(dv.formulae ?? []).join('|')}` : null,
    },
    address,
  );
}

function stateViaOffice(wb: FakeWorkbook, sheet: string, masters: Map<string, string>, address: string): CellState {
  const c = wb.cell(sheet, address);
  const f = wb.formatOf(sheet, address);
  const v = wb.validationAt(sheet, address);
  let validation: string | null = null;
  if (v?.rule) {
    const crit = v.rule.criteria as { list?: { source: string }; decimal?: { formula1: number; formula2: number } };
    validation = crit.list ? `list:"${crit.list.source}"` : `decimal:${crit.decimal!.formula1}|${crit.decimal!.formula2}`;
  }
  return visibleOnly(
    {
      value: c.formula ? null : c.value,
      formula: c.formula ?? null,
      numFmt: c.numberFormat ?? 'General',
      fill: f.fill,
      bold: f.bold,
      mergedInto: masters.get(address) ?? null,
      border: (['top', 'bottom', 'left', 'right'] as const).every((side) => f.borders[side]?.style === 'Continuous' && f.borders[side]?.weight === 'Thin'),
      validation,
    },
    address,
  );
}

async function compareAppliers(spec: SheetSpec): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Sheet1');
  applyWithExcelJs(workbook, spec);
  // Read back what exceljs would save.
  const reread = new ExcelJS.Workbook();
  await reread.xlsx.load(await workbook.xlsx.writeBuffer());
  const ws = reread.getWorksheet(spec.name)!;

  const wb = freshWorkbook();
  await applyOffice(spec);
  const masters = mastersOf(wb.mergesList(spec.name));

  const addresses = specAddresses(spec);
  const viaExcelJs = addresses.map((a) => ({ a, ...stateViaExcelJs(ws, a) }));
  const viaOffice = addresses.map((a) => ({ a, ...stateViaOffice(wb, spec.name, masters, a) }));
  expect(viaOffice).toEqual(viaExcelJs);

  // Widths and heights: exceljs keeps characters and points, Office points for both.
  spec.columnWidths.forEach((w, i) => expect(ws.getColumn(i + 1).width).toBe(w));
  for (const [row, h] of Object.entries(spec.rowHeights ?? {})) {
    expect(ws.getRow(Number(row)).height).toBe(h);
    expect(wb.rowHeightOf(wb.sheet(spec.name)!, Number(row) - 1)).toBe(h);
  }
  return addresses.length;
}

describe('parity: the same spec through exceljs and Office.js', () => {
  it.each(['national', 'transfer'] as const)('the blank template (%s)', async (layout) => {
    const n = await compareAppliers(templateSpec({ layout, year: 2026 }));
    expect(n).toBeGreaterThan(100);
  });

  it('the report sheet drafted from the seed', async () => {
    const n = await compareAppliers(await seedReportSpec());
    expect(n).toBeGreaterThan(20);
  });
});

describe('the test double keeps the Office semantics the applier relies on', () => {
  it('isNullObject is readable after the sync, without a load', async () => {
    freshWorkbook();
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('无此表');
      const present = context.workbook.worksheets.getItemOrNullObject('Sheet1');
      expect(() => missing.isNullObject).toThrow(/not available/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  it('merge keeps the top-left value only; formats load as null when mixed; freezeAt freezes the range', async () => {
    const wb = freshWorkbook();
    wb.setCell('Sheet1', 'B1', { value: '被合并' });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:B1').merge(false);
      ws.getRange('A2').format.font.bold = true;
      ws.getRange('3:3').format.rowHeight = 40;
      ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, 2, 1));
      const mixed = ws.getRange('A2:B2').format.font.load('bold');
      const one = ws.getRange('A2').format.font.load('bold,size,name');
      const height = ws.getRange('A3').format.load('rowHeight');
      await context.sync();
      expect(mixed.bold).toBeNull();
      expect([one.bold, one.size, one.name]).toEqual([true, 11, 'Calibri']);
      expect(height.rowHeight).toBe(40);
    });
    expect(wb.cell('Sheet1', 'A1').value).toBe('原有内容');
    expect(wb.cell('Sheet1', 'B1').value).toBeNull();
    expect(wb.sheet('Sheet1')!.freeze).toEqual({ rows: 2, columns: 1 });
  });

  it('newer APIs fail with ApiNotFound on older hosts; the last visible sheet cannot be deleted', async () => {
    freshWorkbook({ ExcelApi: '1.6' });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(0, 0, 1, 1).values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it('a decimal rule whose minimum exceeds its maximum is refused', async () => {
    freshWorkbook();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A2:A4').dataValidation.rule = {
          decimal: { operator: Excel.DataValidationOperator.between, formula1: 5, formula2: 1 },
        };
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('user text that looks like a formula', () => {
  it('lands as text, not as a formula ("=100%", "-5%", "+3 人")', async () => {
    const wb = freshWorkbook();
    const spec: SheetSpec = {
      name: '报告',
      cells: [
        { address: 'A1', value: '=100%' },
        { address: 'A2', value: '-5%（较上年下降）' },
        { address: 'A3', value: '+3 人' },
        { address: 'A4', value: '正常文字' },
      ],
      merges: [],
      columnWidths: [20],
    };
    await applyOffice(spec);
    for (const [a, text] of [['A1', '=100%'], ['A2', '-5%（较上年下降）'], ['A3', '+3 人']] as const) {
      const cell = wb.cell('报告', a);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(text);
    }
    expect(wb.cell('报告', 'A4').numberFormat ?? 'General').toBe('General');
  });
});
