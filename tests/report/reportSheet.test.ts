import { gridFromArrays } from '../../src/core/grid';
import { NATIONAL_PROFILE } from '../../src/core/profile';
import { draftReport } from '../../src/core/report/draft';
import { decideReportTarget, fnv1a, isUneditedDraft, reportSheetNames, reportSheetSpec, PLACEHOLDER_FILL } from '../../src/core/report/reportSheet';
import type { SheetSpec } from '../../src/core/sheetSpec';
import * as ExcelJS from 'exceljs';
import { loadWorkbookFile, readWorkbook } from '../../src/cli/readWorkbook';
import { addReportSheets } from '../../src/cli/report';
import { evaluateWorkbook } from '../../src/core/engine';
import { findingsSheetSpec, splitForCells, MAX_CELL_CHARS, FINGERPRINT_MARK } from '../../src/core/report/reportSheet';
import type { ReportDraft } from '../../src/core/report/model';
import { FIXTURES, fixturePath, load } from './fixtures';

/** The grid a host would read back from an applied spec (literal cells at their addresses). */
function gridOf(spec: SheetSpec, edit?: (rows: (string | number | null)[][]) => void) {
  const rows: (string | number | null)[][] = [];
  for (const c of spec.cells) {
    if (c.formula !== undefined) continue;
    const m = /^([A-Z]+)(\d+)$/.exec(c.address)!;
    const r = Number(m[2]) - 1;
    const col = m[1].charCodeAt(0) - 65;
    (rows[r] ??= [])[col] = c.value ?? null;
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  edit?.(rows);
  return gridFromArrays(spec.name, rows);
}

let spec: SheetSpec;
let draft: ReportDraft;
beforeAll(async () => {
  const { table, grid } = await load(FIXTURES[0]);
  draft = draftReport(table, NATIONAL_PROFILE, { grid });
  spec = reportSheetSpec(draft, table, '绩效自评报告');
});

test('fnv1a is the standard 32-bit FNV-1a', () => {
  expect(fnv1a('')).toBe('811c9dc5');
  expect(fnv1a('a')).toBe('e40c292c');
  expect(fnv1a('foobar')).toBe('bf9cf968');
});

test('sheet names: one table, several, stacked on one sheet, illegal characters, 31 chars', () => {
  expect(reportSheetNames([{ sheet: '自评表', range: 'A1:I21' }])).toEqual(['绩效自评报告']);
  expect(reportSheetNames([{ sheet: '自评表', range: 'A1:I21' }, { sheet: '自评表2', range: 'A1:I30' }])).toEqual(['绩效自评报告 - 自评表', '绩效自评报告 - 自评表2']);
  expect(reportSheetNames([{ sheet: 'S', range: 'A1:I21' }, { sheet: 'S', range: 'A30:I50' }])).toEqual(['绩效自评报告 - S A1', '绩效自评报告 - S A30']);
  const [a, b] = reportSheetNames([{ sheet: '[2023]/项目:一*?', range: 'A1' }, { sheet: '很长的工作表名称很长的工作表名称很长的工作表名称很长的', range: 'A1' }]);
  expect(a).not.toMatch(/[[\]:*?/\\]/);
  expect([...b].length).toBeLessThanOrEqual(31);
});

test('the spec: wide merged text column, highlighted placeholders, A4 fit to width, chart over the data block', () => {
  expect(spec.columnWidths).toHaveLength(8);
  const placeholderRows = spec.cells.filter((c) => /【请(补充|核实)：|【请先按/.test(String(c.value ?? ''))).map((c) => c.address.slice(1));
  expect(placeholderRows.length).toBeGreaterThan(5);
  for (const r of placeholderRows) expect(spec.merges.find((m) => m.range === `A${r}:H${r}`)?.fill).toBe(PLACEHOLDER_FILL);
  expect(spec.print).toMatchObject({ paper: 'A4', fitToWidth: true, orientation: 'portrait' });
  expect(spec.charts).toHaveLength(1);
  const [from, to] = spec.charts![0].dataRange.split(':');
  expect(spec.cells.find((c) => c.address === from)?.value).toBe('一级指标');
  expect(spec.cells.find((c) => c.address === `B${Number(to.slice(1))}`)?.value).toBe(10);
  // Every row of text gets a height that grows with its length.
  const long = spec.cells.find((c) => String(c.value).startsWith('“劳务派遣话务员人数”'))!;
  const short = spec.cells.find((c) => c.value === '无。')!;
  expect(spec.rowHeights![Number(long.address.slice(1))]).toBeGreaterThan(spec.rowHeights![Number(short.address.slice(1))] * 2);
});

test('the footer follows the signature (last page of text); without charts no rows are kept for one', async () => {
  const rowOf = (sp: SheetSpec, pred: (v: string) => boolean) => Number(sp.cells.find((c) => pred(String(c.value ?? '')))!.address.slice(1));
  const date = rowOf(spec, (v) => v === '【请补充：成文日期】');
  const footer = rowOf(spec, (v) => v.includes(FINGERPRINT_MARK));
  expect(footer).toBe(date + 2);
  const { table } = await load(FIXTURES[0]);
  const plain = reportSheetSpec(draft, table, '绩效自评报告', { charts: false });
  expect(plain.charts).toEqual([]);
  const last = Math.max(...plain.cells.map((c) => Number(c.address.replace(/^[A-Z]+/, ''))));
  // The last row is the score table's total: nothing reserved after it.
  expect(plain.cells.filter((c) => c.address.endsWith(String(last))).map((c) => c.value)).toContain('总分');
  expect(Object.keys(plain.rowHeights!).map(Number).filter((r) => r > last)).toEqual([]);
});

test('no cell longer than Excel allows: a long paragraph is split at sentence ends into rows', async () => {
  const long = '本年度完成了大量工作，成效明显。'.repeat(4000);
  const parts = splitForCells(long);
  expect(parts.join('')).toBe(long);
  for (const p of parts) expect(p.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
  expect(parts.slice(0, -1).every((p) => p.endsWith('。'))).toBe(true);
  const big = { ...draft, sections: [{ heading: '一、项目概况', level: 1 as const, paragraphs: [{ runs: [{ kind: 'text' as const, text: long }] }] }] };
  const { table } = await load(FIXTURES[0]);
  const sp = reportSheetSpec(big, table, 'R', { charts: false });
  for (const c of sp.cells) expect(String(c.value ?? '').length).toBeLessThanOrEqual(MAX_CELL_CHARS);
  for (const h of Object.values(sp.rowHeights!)) expect(h).toBeLessThanOrEqual(409);
});

test('the 填报问题清单 sheet lists every finding with its place and level, apart from the report', () => {
  const f = findingsSheetSpec(draft, '填报问题清单');
  const texts = f.cells.map((c) => String(c.value ?? ''));
  for (const finding of draft.findings) {
    expect(texts).toContain(finding.text);
    expect(texts).toContain(finding.place);
  }
  expect(texts).toContain('错误\n分值合计不符');
  expect(spec.cells.map((c) => String(c.value ?? '')).some((t) => draft.findings.some((x) => t.includes(x.text)))).toBe(false);
});

test('CLI: report and 填报问题清单 sheets written by exceljs, regenerating respects edits', async () => {
  const { workbook } = await loadWorkbookFile(fixturePath('xincheng-12345-2023.xlsx'));
  const result = evaluateWorkbook(readWorkbook(workbook), NATIONAL_PROFILE);
  const first = addReportSheets(workbook, result, NATIONAL_PROFILE);
  expect(first).toEqual([{ table: '自评表', sheet: '绩效自评报告', replaced: false, findings: '填报问题清单' }]);
  const reread = new ExcelJS.Workbook();
  await reread.xlsx.load((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const ws = reread.getWorksheet('绩效自评报告')!;
  expect(ws.pageSetup.paperSize).toBe(9);
  expect(ws.pageSetup.fitToWidth).toBe(1);
  const list = reread.getWorksheet('填报问题清单')!;
  expect(String(list.getCell('A1').value)).toContain('填报问题清单');
  expect(addReportSheets(reread, result, NATIONAL_PROFILE)[0]).toMatchObject({ sheet: '绩效自评报告', replaced: true, findings: '填报问题清单' });
  reread.getWorksheet('绩效自评报告')!.getCell('A10').value = '我们自己写的资金管理情况。';
  expect(addReportSheets(reread, result, NATIONAL_PROFILE)[0]).toMatchObject({ sheet: '绩效自评报告 (2)', replaced: false });
  expect(reread.getWorksheet('绩效自评报告')!.getCell('A10').value).toBe('我们自己写的资金管理情况。');
  // The report and list sheets are never taken for another 自评表.
  expect(evaluateWorkbook(readWorkbook(reread), NATIONAL_PROFILE).tables.map((t) => t.sheet)).toEqual(['自评表']);
});

test('regeneration: unedited draft replaced, edited kept, user sheets of that name never touched', () => {
  const fresh = gridOf(spec);
  expect(isUneditedDraft(fresh)).toBe(true);
  expect(decideReportTarget([{ name: '自评表', grid: gridFromArrays('自评表', [['x']]) }], '绩效自评报告')).toEqual({ create: '绩效自评报告' });
  expect(decideReportTarget([{ name: '绩效自评报告', grid: fresh }], '绩效自评报告')).toEqual({ replace: '绩效自评报告' });
  const edited = gridOf(spec, (rows) => (rows[9][0] = '我们自己写的内容'));
  expect(isUneditedDraft(edited)).toBe(false);
  expect(decideReportTarget([{ name: '绩效自评报告', grid: edited }], '绩效自评报告')).toEqual({ create: '绩效自评报告 (2)' });
  expect(decideReportTarget([{ name: '绩效自评报告', grid: edited }, { name: '绩效自评报告 (2)', grid: fresh }], '绩效自评报告')).toEqual({ replace: '绩效自评报告 (2)' });
  const users = gridFromArrays('绩效自评报告', [['用户自己的表']]);
  expect(decideReportTarget([{ name: '绩效自评报告', grid: users }, { name: '绩效自评报告 (2)', grid: edited }], '绩效自评报告')).toEqual({ create: '绩效自评报告 (3)' });
  const longBase = '绩效自评报告 - 很长的工作表名称很长的工作表名称很长';
  const t = decideReportTarget([{ name: longBase, grid: edited }], longBase);
  expect('create' in t && [...t.create].length <= 31 && t.create.endsWith(' (2)')).toBe(true);
});
