/** Which table a Word report is for: decided in core, the same for the Office and the WPS pane. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { applySheetSpec } from '../../src/cli/applySheetSpec';
import { readWorkbookFile } from '../../src/cli/readWorkbook';
import { evaluateWorkbook } from '../../src/core/engine';
import { chooseReportTable, reportableTables } from '../../src/core/report/reportChoice';
import type { WorkbookResult } from '../../src/core/result';
import { templateSpec } from '../../src/core/template';

const fixture = (f: string) => path.join(__dirname, '../fixtures', f);

test('one table: it, with a file name from the project', async () => {
  const result = evaluateWorkbook((await readWorkbookFile(fixture('xincheng-12345-2023.xlsx'))).grids);
  expect(chooseReportTable(result)).toMatchObject({ table: { sheet: '自评表' }, fileName: '12345 市民热线服务中心运行经费绩效自评报告.docx' });
});

test('two tables and none named: nothing picked, both listed; a named one is chosen; an unknown one is said', async () => {
  const result = evaluateWorkbook((await readWorkbookFile(fixture('core-stacked.xlsx'))).grids);
  expect(result.tables.length).toBe(2);
  const none = chooseReportTable(result);
  expect(none).toEqual({ error: expect.stringMatching(/多张自评表.*请先选择/), code: 'TABLE_NOT_FOUND' });
  const second = result.tables[1];
  expect(chooseReportTable(result, { sheet: second.sheet, range: second.range })).toMatchObject({ table: { range: second.range } });
  expect(chooseReportTable(result, '不存在的表')).toEqual({ error: expect.stringMatching(/没有找到所选的自评表/), code: 'TABLE_NOT_FOUND' });
});

test('no table: the engine’s own TABLE_NOT_FOUND message', () => {
  const result = evaluateWorkbook([{ name: '说明', cells: [[{ value: '填表说明', text: '填表说明' }]], merges: [] }]);
  expect(chooseReportTable(result)).toEqual({ error: result.issues[0].message, code: 'TABLE_NOT_FOUND' });
});

describe('a template nobody has filled in has no report yet (tableState.isBlankTable)', () => {
  /** The seed's workbook with the blank template beside it, as the pane's 插入空白模板 leaves it. */
  async function seedAndBlank(): Promise<WorkbookResult> {
    const wb = new ExcelJS.Workbook();
    applySheetSpec(wb, templateSpec({ layout: 'national', year: 2026 }));
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-choice-'));
    try {
      const file = path.join(tmp, 'blank.xlsx');
      await wb.xlsx.writeFile(file);
      const blank = (await readWorkbookFile(file)).grids;
      const seed = (await readWorkbookFile(fixture('xincheng-12345-2023.xlsx'))).grids;
      return evaluateWorkbook([...seed, ...blank]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }

  test('only the blank template: no table to report, and the message says why and what to do', async () => {
    const result = await seedAndBlank();
    const blankOnly = { ...result, tables: result.tables.filter((t) => t.sheet === '空白自评表') };
    const expected = '工作表“空白自评表”中的自评表尚未填写（没有资金数，也没有实际完成值），还不能起草报告。请先填写项目资金和各指标的年度指标值、实际完成值，再生成报告。';
    expect(reportableTables(blankOnly)).toEqual({ error: expected, code: 'TABLE_BLANK' });
    expect(chooseReportTable(blankOnly)).toEqual({ error: expected, code: 'TABLE_BLANK' });
  });

  test('beside a filled table: the filled one is reported, the blank one named as skipped; choosing the blank one says why', async () => {
    const result = await seedAndBlank();
    expect(result.tables.map((t) => t.sheet)).toEqual(['自评表', '空白自评表']);
    const r = reportableTables(result);
    expect('tables' in r && r.tables.map((t) => t.sheet)).toEqual(['自评表']);
    expect('tables' in r && r.skipped).toBe('工作表“空白自评表”中的自评表尚未填写，未为它生成报告。');
    // None named: the only one with something to report, not "several tables, choose one".
    expect(chooseReportTable(result)).toMatchObject({ table: { sheet: '自评表' } });
    expect(chooseReportTable(result, '空白自评表')).toEqual({ error: expect.stringMatching(/^工作表“空白自评表”中的自评表尚未填写/), code: 'TABLE_BLANK' });
  });
});
