/** Which table a Word report is for: decided in core, the same for the Office and the WPS pane. */
import * as path from 'path';
import { readWorkbookFile } from '../../src/cli/readWorkbook';
import { evaluateWorkbook } from '../../src/core/engine';
import { chooseReportTable } from '../../src/core/report/reportChoice';

const fixture = (f: string) => path.join(__dirname, '../fixtures', f);

test('one table: it, with a file name from the project', async () => {
  const result = evaluateWorkbook((await readWorkbookFile(fixture('xincheng-12345-2023.xlsx'))).grids);
  expect(chooseReportTable(result)).toMatchObject({ table: { sheet: '自评表' }, fileName: '12345 市民热线服务中心运行经费绩效自评报告.docx' });
});

test('two tables and none named: nothing picked, both listed; a named one is chosen; an unknown one is said', async () => {
  const result = evaluateWorkbook((await readWorkbookFile(fixture('core-stacked.xlsx'))).grids);
  expect(result.tables.length).toBe(2);
  const none = chooseReportTable(result);
  expect(none).toEqual({ error: expect.stringMatching(/多张自评表.*请先选择/) });
  const second = result.tables[1];
  expect(chooseReportTable(result, { sheet: second.sheet, range: second.range })).toMatchObject({ table: { range: second.range } });
  expect(chooseReportTable(result, '不存在的表')).toEqual({ error: expect.stringMatching(/没有找到所选的自评表/) });
});

test('no table: the engine’s own TABLE_NOT_FOUND message', () => {
  const result = evaluateWorkbook([{ name: '说明', cells: [[{ value: '填表说明', text: '填表说明' }]], merges: [] }]);
  expect(chooseReportTable(result)).toEqual({ error: result.issues[0].message });
});
