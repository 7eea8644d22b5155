/**
 * 撤销评分 after 生成报告: the report sheets were drafted from the numbers just undone. The Office adapter
 * names them (core's generatedSheets, an edited one as edited) and, on the user's choice, deletes them or
 * renames them （已过期） with a grey tab; a later 生成报告 then writes a fresh 绩效自评报告, not a "(2)".
 * The WPS adapter does the same against its double.
 */
import { NATIONAL_PROFILE } from '../../src/core/profile';
import { REPORT_SHEET_BASE } from '../../src/core/report/reportSheet';
import { staleSheetName, STALE_SUFFIX } from '../../src/core/report/staleReports';
import { OfficeWorkbookAdapter } from '../../src/excel/officeAdapter';
import { uninstallFakeOffice } from '../../src/excel/testing/fakeExcel';
import { seedWorkbook } from './helpers';

afterEach(() => uninstallFakeOffice(globalThis));

const LIST = '填报问题清单';
const visible = (wb: Awaited<ReturnType<typeof seedWorkbook>>) => wb.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name);

async function scoredWithReport() {
  const wb = await seedWorkbook();
  const adapter = new OfficeWorkbookAdapter();
  await adapter.score(NATIONAL_PROFILE, { confirmed: 'all' });
  await adapter.generateReport(NATIONAL_PROFILE);
  return { wb, adapter };
}

test('undo names the report and its 填报问题清单 as stale; 删除报告 removes exactly those sheets', async () => {
  const { wb, adapter } = await scoredWithReport();
  const undo = await adapter.undo();
  expect(undo.restored).toBeGreaterThan(0);
  expect(undo.reports).toEqual([
    { name: REPORT_SHEET_BASE, edited: false },
    { name: LIST, edited: false },
  ]);
  const out = await adapter.retireReports(undo.reports!.map((r) => r.name), 'delete');
  expect(out.sheets).toEqual([REPORT_SHEET_BASE, LIST]);
  expect(visible(wb)).toEqual(['自评表']);
});

test('标为已过期 renames them with （已过期） and a grey tab; the next 生成报告 writes a fresh report beside them', async () => {
  const { wb, adapter } = await scoredWithReport();
  wb.setCell(REPORT_SHEET_BASE, 'A5', { value: '单位补充的说明' });
  const undo = await adapter.undo();
  expect(undo.reports).toEqual([
    { name: REPORT_SHEET_BASE, edited: true },
    { name: LIST, edited: false },
  ]);
  await adapter.retireReports([REPORT_SHEET_BASE, LIST], 'mark');
  expect(wb.sheet(`${REPORT_SHEET_BASE}${STALE_SUFFIX}`)?.tabColor).toBe('#A6A6A6');
  expect(wb.sheet(`${LIST}${STALE_SUFFIX}`)).toBeDefined();
  // The user's own line is still there: marking never touches a cell.
  expect(wb.cell(`${REPORT_SHEET_BASE}${STALE_SUFFIX}`, 'A5').value).toBe('单位补充的说明');
  await adapter.generateReport(NATIONAL_PROFILE);
  expect(visible(wb)).toEqual(['自评表', `${REPORT_SHEET_BASE}${STALE_SUFFIX}`, `${LIST}${STALE_SUFFIX}`, REPORT_SHEET_BASE, LIST]);
  // A stale sheet is not offered again after a second scoring and undo.
  await adapter.score(NATIONAL_PROFILE, { confirmed: 'all' });
  expect((await adapter.undo()).reports).toEqual([
    { name: REPORT_SHEET_BASE, edited: false },
    { name: LIST, edited: false },
  ]);
});

test('a generated report is output, never read as a second table (its score table copies the figures)', async () => {
  const { adapter } = await scoredWithReport();
  const result = await adapter.analyze(NATIONAL_PROFILE);
  expect(result.tables.map((t) => t.sheet)).toEqual(['自评表']);
  // So a second 生成报告 replaces the draft instead of naming one report per "table".
  expect((await adapter.generateReport(NATIONAL_PROFILE)).sheets).toEqual([REPORT_SHEET_BASE]);
});

test('an undo with no report sheets, or one that restored nothing, names none', async () => {
  const wb = await seedWorkbook();
  const adapter = new OfficeWorkbookAdapter();
  expect((await adapter.undo()).reports ?? []).toEqual([]);
  await adapter.score(NATIONAL_PROFILE, { confirmed: 'all' });
  expect((await adapter.undo()).reports).toEqual([]);
  expect(visible(wb)).toEqual(['自评表']);
});

test('stale names stay within 31 characters and unique', () => {
  const long = '绩效自评报告 - 某某县某某某某某某局某某某某专项资金';
  const a = staleSheetName(long, []);
  expect([...a].length).toBeLessThanOrEqual(31);
  expect(a.endsWith(STALE_SUFFIX)).toBe(true);
  const b = staleSheetName(long, [a]);
  expect(b).not.toBe(a);
  expect([...b].length).toBeLessThanOrEqual(31);
  expect(staleSheetName(REPORT_SHEET_BASE, [])).toBe('绩效自评报告（已过期）');
});
