/**
 * The blank template: its spec, and the round trip through the exceljs applier, a saved file and the
 * engine — blank (detected, empty inputs reported) and filled with the seed's values (the seed's result).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { applySheetSpec } from '../../src/cli/applySheetSpec';
import { loadWorkbookFile, readWorkbookFile } from '../../src/cli/readWorkbook';
import { evaluateWorkbook, planWrites } from '../../src/core/engine';
import type { Grid } from '../../src/core/grid';
import { NATIONAL_PROFILE, parseProfile } from '../../src/core/profile';
import type { TableResult, WorkbookResult } from '../../src/core/result';
import {
  COMPUTED_FILL,
  INPUT_FILL,
  LEVEL2_BY_LEVEL1,
  defaultTemplateYear,
  templateAddresses,
  templateIndicatorRows,
  templateRows,
  templateSpec,
  uniqueSheetName,
  yearLine,
  type TemplateLayout,
} from '../../src/core/template';
import { bareLevelLabel } from '../../src/core/text';
import { SEVERITY_FILL } from '../../src/core/writePlan';
import { fillFromSeed } from './fillFromSeed';

const SEED = path.join(__dirname, '..', 'fixtures', 'xincheng-12345-2023.xlsx');
const LAYOUTS: TemplateLayout[] = ['national', 'transfer'];

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-template-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Writes the template with the exceljs applier and reads it back as a user's file would be. */
async function writeTemplate(layout: TemplateLayout, year?: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  applySheetSpec(wb, templateSpec({ layout, year }));
  const file = path.join(tmp, `blank-${layout}-${year ?? 'none'}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

function only(result: WorkbookResult): TableResult {
  expect(result.issues).toEqual([]);
  expect(result.tables).toHaveLength(1);
  return result.tables[0];
}

describe('templateSpec', () => {
  it.each(LAYOUTS)('%s: every cell address is unique and merges do not overlap', (layout) => {
    const spec = templateSpec({ layout, year: 2026 });
    const addresses = spec.cells.map((c) => c.address);
    expect(new Set(addresses).size).toBe(addresses.length);
    const rects = spec.merges.map((m) => {
      const [a, b] = m.range.split(':');
      const p = (s: string) => ({ col: s.charCodeAt(0) - 65, row: Number(s.slice(1)) });
      return { a: p(a), b: p(b) };
    });
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        const x = rects[i];
        const y = rects[j];
        const apart = x.b.row < y.a.row || y.b.row < x.a.row || x.b.col < y.a.col || y.b.col < x.a.col;
        expect({ pair: [spec.merges[i].range, spec.merges[j].range], apart }).toEqual({ pair: [spec.merges[i].range, spec.merges[j].range], apart: true });
      }
    }
  });

  it('national: the official blocks, labels and input/computed shading', () => {
    const spec = templateSpec({ layout: 'national', year: 2026 });
    const at = (a: string) => spec.cells.find((c) => c.address === a);
    const R = templateRows();
    expect(at('A1')?.value).toBe('项目支出绩效自评表');
    expect(at('A2')?.value).toBe('（2026年度）');
    expect(['D5', 'E5', 'F5', 'G5', 'H5', 'I5'].map((a) => at(a)?.value)).toEqual(['年初预算数', '全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分']);
    expect(['C6', 'C7', 'C8', 'C9'].map((a) => at(a)?.value)).toEqual(['年度资金总额', '其中：当年财政拨款', '上年结转资金', '其他资金']);
    expect(['G6', 'G7', 'G8', 'G9', 'I7'].map((a) => at(a)?.value)).toEqual([10, '—', '—', '—', '—']);
    expect(['B12', 'C12', 'D12', 'E12', 'F12', 'G12', 'H12', 'I12'].map((a) => at(a)?.value)).toEqual(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
    // Input cells shaded, outputs marked as computed with a note.
    for (const a of ['C3', 'C4', 'H4', 'D6', 'E6', 'F6', 'G6', `D${R.firstIndicator}`, `E${R.firstIndicator}`]) expect(at(a)?.fill).toBe(INPUT_FILL);
    for (const a of ['H6', 'I6', `H${R.firstIndicator}`, `H${R.total}`, `F${R.total}`]) expect(at(a)?.fill).toBe(COMPUTED_FILL);
    for (const a of ['H6', 'I6', `H${R.total}`, `F${R.total}`]) expect(at(a)?.note).toMatch(/由一键评分自动计算/);
    expect(at(`E${R.total}`)?.value).toBe('评价等级');
    expect(at(`A${R.total}`)?.value).toBe('总分');
    expect(at(`G${R.total}`)?.formula).toBe(`SUM(G6,G${R.firstIndicator}:G${R.lastIndicator})`);
    expect(at('A1')?.fontName).toBe('黑体');
    expect(at('C6')?.fontName).toBe('宋体');
    expect(spec.merges.map((m) => m.range)).toEqual(expect.arrayContaining(['A1:I1', 'A2:I2', 'A3:B3', 'C3:I3', 'A5:B9', `A12:A${R.lastIndicator}`, `A${R.total}:D${R.total}`]));
    expect(spec.freeze).toEqual({ rows: 4, columns: 0 });
    expect(spec.print).toMatchObject({ paper: 'A4', orientation: 'landscape', fitToWidth: true });
  });

  it('national: 一级 rows with their usual 二级, spare 三级 rows, and a 二级 list per 一级', () => {
    const spec = templateSpec({ layout: 'national' });
    const rows = templateIndicatorRows();
    expect(rows).toHaveLength(2 * 9);
    for (const g of LEVEL2_BY_LEVEL1) {
      const mine = rows.filter((r) => r.level1 === g.level1);
      const top = mine[0].row;
      const bottom = mine[mine.length - 1].row;
      expect(spec.cells.find((c) => c.address === `B${top}`)?.value).toBe(g.level1);
      expect(spec.merges.some((m) => m.range === `B${top}:B${bottom}`)).toBe(true);
      expect(mine.map((r) => spec.cells.find((c) => c.address === `C${r.row}`)?.value)).toEqual(g.level2.flatMap((l) => [l, l]));
      // 三级 rows are left empty for the user.
      for (const r of mine) expect(spec.cells.find((c) => c.address === `D${r.row}`)?.value ?? null).toBeNull();
      expect(spec.validations).toContainEqual(expect.objectContaining({ range: `C${top}:C${bottom}`, type: 'list', list: [...g.level2] }));
    }
    expect(LEVEL2_BY_LEVEL1.map((g) => g.level1)).toEqual(['产出指标', '效益指标', '满意度指标']);
  });

  it('national: amounts and 分值 accept only non-negative numbers; guidance is given where typed', () => {
    const spec = templateSpec({ layout: 'national' });
    const R = templateRows();
    const v = (range: string) => spec.validations?.find((x) => x.range === range);
    for (const range of ['D6:D9', 'E6:E9', 'F6:F9']) expect(v(range)).toMatchObject({ type: 'decimal', min: 0 });
    expect(v('G6')).toMatchObject({ type: 'decimal', min: 0, max: 100 });
    expect(v('H7:H9')).toMatchObject({ type: 'percent', min: 0 });
    expect(v(`G${R.firstIndicator}:G${R.lastIndicator}`)).toMatchObject({ type: 'decimal', min: 0, max: 100 });
    for (const x of spec.validations ?? []) {
      expect(x.prompt).toBeTruthy();
      // Excel's limits: title 32, message 255 characters.
      expect((x.promptTitle ?? '').length).toBeLessThanOrEqual(32);
      expect((x.prompt ?? '').length).toBeLessThanOrEqual(255);
      if (x.type === 'list') expect((x.list ?? []).join(',').length).toBeLessThanOrEqual(255);
    }
    // 年度指标值 is free text: guidance, but no validation on it.
    expect(spec.validations?.some((x) => x.range.startsWith(`E${R.firstIndicator}`))).toBe(false);
    expect(spec.cells.find((c) => c.address === 'E12')?.note).toMatch(/≥95%.*≤97\.9 万元.*12 人/);
  });

  it('transfer: 绩效目标自评表, no 年初预算数, 分值 before 指标值, 未完成原因 column', () => {
    const spec = templateSpec({ layout: 'transfer', year: 2025 });
    const text = (a: string) => spec.cells.find((c) => c.address === a)?.value;
    expect(text('A1')).toBe('绩效目标自评表');
    expect(spec.cells.some((c) => c.value === '年初预算数')).toBe(false);
    expect(['E12', 'F12', 'G12', 'H12', 'I12'].map(text)).toEqual(['分值', '年度指标值', '实际完成值', '得分', '未完成原因及拟采取的改进措施']);
    expect(spec.merges.map((m) => m.range)).toContain('C6:D6');
    const A = templateAddresses('transfer');
    expect(A.total).toEqual({ weight: 'E31', score: 'H31', gradeLabel: 'F31', grade: 'G31' });
  });

  it('input and computed shading stay distinct from the issue fills written over them', () => {
    const fills = Object.values(SEVERITY_FILL).map((f) => f.toUpperCase());
    expect(fills).not.toContain(INPUT_FILL.toUpperCase());
    expect(fills).not.toContain(COMPUTED_FILL.toUpperCase());
    expect(INPUT_FILL).not.toBe(COMPUTED_FILL);
  });

  it('year field, name, unknown options', () => {
    expect(yearLine(undefined)).toMatch(/^（\s+年度）$/);
    expect(templateSpec({ layout: 'national' }).cells.find((c) => c.address === 'A2')?.value).toBe(yearLine(undefined));
    expect(templateSpec({ layout: 'national', name: '自评表 (3)' }).name).toBe('自评表 (3)');
    expect(templateSpec({ layout: 'national' }).name).toBe('空白自评表');
    expect(() => templateSpec({ layout: 'sichuan' as TemplateLayout })).toThrow(RangeError);
    expect(() => templateSpec({ layout: 'national', year: 26.5 })).toThrow(RangeError);
  });

  it('defaultTemplateYear: the budget year being evaluated', () => {
    expect(defaultTemplateYear(new Date(2027, 2, 15))).toBe(2026);
    expect(defaultTemplateYear(new Date(2026, 10, 26))).toBe(2026);
    expect(defaultTemplateYear(new Date(2026, 5, 30))).toBe(2025);
    expect(defaultTemplateYear(new Date(2026, 6, 1))).toBe(2026);
  });

  it('uniqueSheetName: numbered like Excel, case-insensitive, within 31 characters', () => {
    expect(uniqueSheetName('空白自评表', ['Sheet1'])).toBe('空白自评表');
    expect(uniqueSheetName('空白自评表', ['空白自评表'])).toBe('空白自评表 (2)');
    expect(uniqueSheetName('空白自评表', ['空白自评表', '空白自评表 (2)', '空白自评表 (3)'])).toBe('空白自评表 (4)');
    expect(uniqueSheetName('Blank', ['BLANK'])).toBe('Blank (2)');
    const long = 'x'.repeat(31);
    const n = uniqueSheetName(long, [long]);
    expect(n).toBe(`${'x'.repeat(27)} (2)`);
    expect(n.length).toBeLessThanOrEqual(31);
  });
});

describe('the blank template round trip (exceljs applier → file → engine)', () => {
  it.each(LAYOUTS)('%s: detected as one table of its layout, empty inputs reported', async (layout) => {
    const { grids } = await readWorkbookFile(await writeTemplate(layout, 2026));
    const result = evaluateWorkbook(grids, NATIONAL_PROFILE);
    const t = only(result);
    expect(t).toMatchObject({ sheet: '空白自评表', range: 'A1:I31', layout, year: 2026, title: layout === 'national' ? '项目支出绩效自评表' : '绩效目标自评表' });
    expect(t.indicators).toEqual([]);
    expect(t.funds).toMatchObject({ weight: 10, budget: null, executed: null, rate: null, score: null, rateCell: 'H6', scoreCell: 'I6' });
    expect(t.funds.sources.map((s) => s.label)).toEqual(['其中：当年财政拨款', '上年结转资金', '其他资金']);
    const A = templateAddresses(layout);
    expect(t.totals).toMatchObject({ scoreCell: A.total.score, weightCell: A.total.weight, gradeLabelCell: A.total.gradeLabel, gradeCell: A.total.grade, statedGrade: null });
    const missing = t.issues.filter((i) => i.code === 'MISSING_VALUE');
    expect(missing.map((i) => [i.cell, i.severity])).toEqual(expect.arrayContaining([[A.funds[0].budget, 'error'], [A.funds[0].executed, 'error']]));
    expect(missing.some((i) => /项目名称/.test(i.message))).toBe(true);
    expect(t.grade).toBeNull();
    expect(t.totals.score).toBeNull();
  });

  it('without a year the year field is blank and the table is still found', async () => {
    const { grids } = await readWorkbookFile(await writeTemplate('national'));
    const t = only(evaluateWorkbook(grids));
    expect(t.year).toBeNull();
    expect(t.layout).toBe('national');
  });

  it('the file keeps merges, validations, frozen rows, notes and print setup', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await writeTemplate('national', 2026));
    const ws = wb.getWorksheet('空白自评表') as ExcelJS.Worksheet;
    const R = templateRows();
    expect((ws.model as { merges: string[] }).merges).toEqual(expect.arrayContaining(['A1:I1', 'A5:B9', `B${R.firstIndicator}:B${R.firstIndicator + 7}`]));
    expect(ws.getCell(`C${R.firstIndicator}`).dataValidation).toMatchObject({ type: 'list', formulae: ['"数量指标,质量指标,时效指标,成本指标"'], showInputMessage: true });
    expect(ws.getCell('E6').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, expect.any(Number)] });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
    expect(String(ws.getCell('H6').note ?? '')).toMatch(/由一键评分自动计算/);
    expect(ws.getCell('A1').font).toMatchObject({ name: '黑体', bold: true });
  });
});

describe('the template filled with the seed’s values scores like the seed', () => {
  let seedGrid: Grid;
  let seedResult: TableResult;
  beforeAll(async () => {
    const { grids } = await readWorkbookFile(SEED);
    seedGrid = grids[0];
    seedResult = only(evaluateWorkbook(grids, NATIONAL_PROFILE));
  });

  async function filled(layout: TemplateLayout): Promise<{ grids: Grid[]; placed: Map<string, number> }> {
    const { workbook } = await loadWorkbookFile(await writeTemplate(layout, 2023));
    const { placed } = fillFromSeed(seedGrid, workbook.getWorksheet('空白自评表') as ExcelJS.Worksheet, layout);
    const file = path.join(tmp, `filled-${layout}.xlsx`);
    await workbook.xlsx.writeFile(file);
    return { grids: (await readWorkbookFile(file)).grids, placed };
  }

  /** What must match between the seed and the filled template (addresses differ by design). */
  function essence(t: TableResult) {
    const f = t.funds;
    return {
      year: t.year,
      project: t.project,
      goals: t.goals,
      funds: [f.initialBudget, f.budget, f.executed, f.rate, f.weight, f.score, f.statedRate, f.statedScore],
      indicators: t.indicators
        .map((i) => ({ level1: bareLevelLabel(i.level1), level2: i.level2, name: i.name, target: i.target, actual: i.actual, kind: i.kind, weight: i.weight, score: i.score, statedScore: i.statedScore, scoreSource: i.scoreSource }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      totals: [t.totals.weight, t.totals.score, t.totals.statedScore],
      grade: t.grade,
      issues: t.issues.map((i) => `${i.code}/${i.severity}`).sort(),
    };
  }

  it.each(LAYOUTS)('%s: the same result as the seed, and the seed’s known findings', async (layout) => {
    const { grids, placed } = await filled(layout);
    expect(placed.size).toBe(8);
    // Every seed indicator went to a row of its own 二级, leaving the spare rows empty.
    const t = only(evaluateWorkbook(grids, NATIONAL_PROFILE));
    expect(t.layout).toBe(layout);
    const expected = essence(seedResult);
    if (layout === 'transfer') {
      // The transfer form has no 年初预算数: nothing to compare the budget against.
      expected.funds[0] = null;
      expected.issues = expected.issues.filter((i) => !i.startsWith('BUDGET_ADJUSTED/'));
    }
    expect(essence(t)).toEqual(expected);

    expect(t.funds).toMatchObject({ rate: 1, score: 10, budget: 64.95, executed: 64.95 });
    const ind = (name: string) => t.indicators.find((i) => i.name === name);
    const cost = ind('运行经费');
    expect(cost).toMatchObject({ kind: 'negative', score: 10, statedScore: 6, row: placed.get('运行经费') });
    const issueAt = (code: string, cell: string | null | undefined) => t.issues.some((i) => i.code === code && i.cell === cell);
    expect(issueAt('SCORE_MISMATCH', cost?.scoreCell)).toBe(true);
    const A = templateAddresses(layout).indicatorColumns;
    expect(issueAt('UNIT_MISMATCH', `${A.actual}${placed.get('劳务派遣话务员人数')}`)).toBe(true);
    expect(issueAt('VAGUE_ACTUAL', `${A.actual}${placed.get('服务对象满意度')}`)).toBe(true);
    expect(t.issues.find((i) => i.code === 'WEIGHT_SUM')?.message).toMatch(/110/);
    expect(t.totals.weight).toBe(110);
    expect(t.grade).toBeNull();
  });

  it.each(LAYOUTS)('%s: with the execution score left out of the total: 100, 优', async (layout) => {
    const { grids } = await filled(layout);
    const profile = parseProfile({ includeExecutionInTotal: false });
    const t = only(evaluateWorkbook(grids, profile));
    expect(t.totals.score).toBe(100);
    expect(t.grade).toBe('优');
    expect(t.issues.filter((i) => i.severity === 'error')).toEqual([]);
    // The grade goes into the template's own 评价等级 cell, not beside the table.
    const plan = planWrites({ tables: [t], issues: [] }, grids, profile);
    const A = templateAddresses(layout);
    expect(plan.writes.filter((w) => w.role === 'grade').map((w) => [w.address, w.value])).toEqual([[A.total.grade, '优']]);
    expect(plan.writes.some((w) => w.role === 'gradeLabel')).toBe(false);
    expect(plan.writes.find((w) => w.role === 'totalScore')?.address).toBe(A.total.score);
  });
});
