import { gridFromArrays } from '../../src/core/grid';
import { NATIONAL_PROFILE } from '../../src/core/profile';
import { draftReport } from '../../src/core/report/draft';
import { decideReportTarget, fnv1a, isUneditedDraft, reportSheetNames, reportSheetSpec, PLACEHOLDER_FILL } from '../../src/core/report/reportSheet';
import type { SheetSpec } from '../../src/core/sheetSpec';
import { seedResult } from './seedResult';

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

const spec = reportSheetSpec(draftReport(seedResult(), NATIONAL_PROFILE), seedResult(), '绩效自评报告');

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
  const placeholderRows = spec.cells.filter((c) => String(c.value ?? '').includes('【请补充：')).map((c) => c.address.slice(1));
  expect(placeholderRows.length).toBeGreaterThan(5);
  for (const r of placeholderRows) expect(spec.merges.find((m) => m.range === `A${r}:H${r}`)?.fill).toBe(PLACEHOLDER_FILL);
  expect(spec.print).toMatchObject({ paper: 'A4', fitToWidth: true, orientation: 'portrait' });
  expect(spec.charts).toHaveLength(1);
  const [from, to] = spec.charts![0].dataRange.split(':');
  expect(spec.cells.find((c) => c.address === from)?.value).toBe('一级指标');
  expect(spec.cells.find((c) => c.address === `B${Number(to.slice(1))}`)?.value).toBe(10);
  // Every row of text gets a height that grows with its length.
  const long = spec.cells.find((c) => String(c.value).startsWith('2. 绩效自评表填报不够规范'))!;
  expect(spec.rowHeights![Number(long.address.slice(1))]).toBeGreaterThan(60);
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
