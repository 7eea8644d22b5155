/**
 * The real .xlsx fixtures (tests/fixtures/core-*.xlsx), written with exceljs from the same literal
 * builders as the in-memory fixtures, so a test can compare both readings. Regenerate with
 * JIXIAO_REGEN_FIXTURES=1 npx jest tests/core/xlsx.test.ts.
 */
import * as ExcelJS from 'exceljs';
import type { CellInput } from '../../src/core/grid';
import { formula, nationalTable, patchIndicators, place, sichuanTable, stack, transferTable, yunnanTable, type Built } from './helpers';

export interface SheetSpec {
  name: string;
  built: Built;
  at?: string;
  hidden?: boolean;
  /** Rows written above the table (notes), as [address, text]. */
  notes?: [string, string][];
}

export function writeCell(ws: ExcelJS.Worksheet, row: number, col: number, input: CellInput): void {
  if (input === null || input === undefined || input === '') return;
  const cell = ws.getCell(row, col);
  if (typeof input !== 'object') {
    cell.value = input;
    return;
  }
  const v = input.value ?? null;
  if (input.formula) cell.value = { formula: input.formula, result: v as number } as ExcelJS.CellFormulaValue;
  else if (v && typeof v === 'object') cell.value = { error: v.error } as ExcelJS.CellErrorValue;
  else cell.value = v as ExcelJS.CellValue;
  if (input.numberFormat) cell.numFmt = input.numberFormat;
}

export function buildWorkbook(sheets: SheetSpec[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao tests';
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = wb.created;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.hidden ? { state: 'hidden' } : {});
    const b = s.at ? place(s.built, s.at) : s.built;
    b.rows.forEach((r, i) => r?.forEach((c, j) => writeCell(ws, i + 1, j + 1, c)));
    for (const m of b.merges) ws.mergeCells(m);
    for (const [a1, text] of s.notes ?? []) ws.getCell(a1).value = text;
  }
  return wb;
}

/** Each fixture file and the sheets it holds. */
export function fixtureSpecs(): Record<string, SheetSpec[]> {
  const second = nationalTable({
    name: '网格化服务管理经费',
    indicators: patchIndicators({ 0: { actual: '27万件', score: 18, deviation: '来电量下降' } }),
    total: [100, 98],
  });
  const offset = nationalTable({
    funds: [
      { label: '年度资金总额：', values: ['97.9', '97.9', 88.11, 10, formula('H10/G10', 0.9, '90.00%', '0.00%'), formula('I10*J10', 9, '9.00', '0.00')] },
      { label: '其中：本年财政拨款', values: [97.9, 97.9, 88.11, '—', '—', '—'] },
      { label: '上年结转资金', values: ['-', '-', '-', '—', '—', '—'] },
    ],
    total: [100, formula('K10+SUM(J16:J22)', 99, '99.00', '0.00')],
  });
  return {
    'core-transfer.xlsx': [
      { name: '填报说明', built: { rows: [['填报说明'], ['1. 金额单位：万元。'], ['2. 三级指标按批复的绩效目标填写。']], merges: [] } },
      { name: '绩效目标自评表', built: transferTable() },
    ],
    'core-sichuan.xlsx': [{ name: '自评表', built: sichuanTable() }],
    'core-yunnan.xlsx': [{ name: '项目自评表', built: yunnanTable() }],
    'core-stacked.xlsx': [
      { name: '两个项目', built: stack([nationalTable(), second], 2) },
      { name: '备份', built: nationalTable({ name: '旧版本（隐藏）' }), hidden: true },
    ],
    'core-offset-c5.xlsx': [
      { name: '自评', built: offset, at: 'C5', notes: [['A1', '附件3'], ['A2', '填报说明：执行率保留两位小数，得分按评分规则计算。']] },
    ],
  };
}
