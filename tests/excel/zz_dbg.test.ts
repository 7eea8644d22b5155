import { seedWorkbook } from './helpers';
import { OfficeWorkbookAdapter } from '../../src/excel/officeAdapter';
test('dbg', async () => {
  const wb = await seedWorkbook({ extraSheets: 1 });
  const adapter = new OfficeWorkbookAdapter();
  await adapter.selectCell('附表1', 'B2');
  await adapter.activeSheet().catch((e) => console.log(e.raw));
});
