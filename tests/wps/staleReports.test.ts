/**
 * 撤销评分 after 生成报告 in WPS: the same stale report sheets as in Excel (core's generatedSheets), deleted
 * or renamed （已过期） with a grey tab on the user's choice.
 */
import { loadNumfmt } from '../../src/cli/numberFormat';
import { NATIONAL_PROFILE } from '../../src/core/profile';
import { REPORT_SHEET_BASE } from '../../src/core/report/reportSheet';
import { STALE_SUFFIX } from '../../src/core/report/staleReports';
import { etAppFromGrids } from '../../src/wps/testing/etDouble';
import { WpsWorkbookAdapter } from '../../src/wps/wpsAdapter';
import { seedGridsOnce } from '../excel/helpers';

const LIST = '填报问题清单';

async function scoredWithReport() {
  const app = etAppFromGrids(await seedGridsOnce());
  const adapter = new WpsWorkbookAdapter(app, undefined, loadNumfmt);
  await adapter.score(NATIONAL_PROFILE, { confirmed: 'all' });
  await adapter.generateReport(NATIONAL_PROFILE);
  const shown = () => app.workbook.sheets.filter((s) => s.visible === -1).map((s) => s.name);
  return { app, adapter, shown };
}

test('undo names the stale report sheets; 删除报告 removes them', async () => {
  const { adapter, shown } = await scoredWithReport();
  const undo = await adapter.undo();
  expect(undo.reports).toEqual([
    { name: REPORT_SHEET_BASE, edited: false },
    { name: LIST, edited: false },
  ]);
  await adapter.retireReports([REPORT_SHEET_BASE, LIST], 'delete');
  expect(shown()).toEqual(['自评表']);
});

test('标为已过期 renames them with a grey tab; a new report is written under the plain name', async () => {
  const { app, adapter, shown } = await scoredWithReport();
  await adapter.undo();
  const out = await adapter.retireReports([REPORT_SHEET_BASE, LIST], 'mark');
  expect(out.sheets).toEqual([`${REPORT_SHEET_BASE}${STALE_SUFFIX}`, `${LIST}${STALE_SUFFIX}`]);
  // Tab.Color is BGR: #A6A6A6 reads the same either way.
  expect(app.workbook.sheet(`${REPORT_SHEET_BASE}${STALE_SUFFIX}`)?.tabColor).toBe(0xa6a6a6);
  await adapter.generateReport(NATIONAL_PROFILE);
  expect(shown()).toEqual(['自评表', `${REPORT_SHEET_BASE}${STALE_SUFFIX}`, `${LIST}${STALE_SUFFIX}`, REPORT_SHEET_BASE, LIST]);
});
