/**
 * What WPS would refuse half-way is refused before any write, in Chinese, with nothing changed:
 * a protected sheet, a read-only workbook, a protected structure when the backup sheet must be made.
 * A write that fails part-way puts every cell back.
 */
import * as path from 'path';
import { loadNumfmt } from '../../src/cli/numberFormat';
import { readWorkbookFile } from '../../src/cli/readWorkbook';
import { NATIONAL_PROFILE } from '../../src/core/profile';
import { EtError, etAppFromGrids, type EtDoubleApp } from '../../src/wps/testing/etDouble';
import { WpsWorkbookAdapter } from '../../src/wps/wpsAdapter';

async function seed(): Promise<EtDoubleApp> {
  const { grids } = await readWorkbookFile(path.join(__dirname, '../fixtures/xincheng-12345-2023.xlsx'));
  return etAppFromGrids(grids);
}
/** The workbook as a user sees it: "General" is the default format, an empty cell is no cell. */
const snapshot = (app: EtDoubleApp) =>
  JSON.stringify(
    app.workbook.sheets.map((s) => [
      s.name,
      s.visible,
      [...s.cells]
        .map(([k, c]) => [k, { ...c, numberFormat: c.numberFormat === 'General' ? undefined : c.numberFormat }] as const)
        .filter(([, c]) => !(c.value === null && !c.formula && !c.numberFormat && c.color === undefined && c.comment === undefined)),
    ]),
  );

test.each([
  ['a protected sheet', (app: EtDoubleApp) => void (app.workbook.sheet('自评表').protectContents = true), /受保护.*撤销工作表保护/],
  ['a read-only workbook', (app: EtDoubleApp) => void (app.workbook.readOnly = true), /只读/],
  ['a protected structure (no backup sheet can be made)', (app: EtDoubleApp) => void (app.workbook.protectStructure = true), /结构受保护/],
])('%s: a Chinese refusal and nothing written', async (_name, lock, message) => {
  const app = await seed();
  lock(app);
  const before = snapshot(app);
  await expect(new WpsWorkbookAdapter(app, undefined, loadNumfmt).score(NATIONAL_PROFILE, { confirmed: 'all' })).rejects.toMatchObject({ userMessage: expect.stringMatching(message) });
  expect(snapshot(app)).toBe(before);
});

test('a write failing part-way is rolled back: cells as before, no backup left', async () => {
  const app = await seed();
  const before = snapshot(app);
  // The third cell write fails once (as WPS fails a call it cannot carry out); the rest go through.
  let writes = 0;
  const target = app.workbook.sheet('自评表');
  const original = target.Range.bind(target);
  target.Range = (address: string) =>
    new Proxy(original(address), {
      set(t, k, v) {
        if (k === 'Value2' && ++writes === 3) throw new EtError('写入失败');
        (t as unknown as Record<string | symbol, unknown>)[k] = v;
        return true;
      },
    });
  await expect(new WpsWorkbookAdapter(app, undefined, loadNumfmt).score(NATIONAL_PROFILE, { confirmed: 'all' })).rejects.toMatchObject({ userMessage: expect.stringMatching(/已恢复到评分前的状态/) });
  target.Range = original;
  expect(snapshot(app)).toBe(before);
});

test('a write that keeps failing leaves the backup, and says to use 撤销评分', async () => {
  const app = await seed();
  const target = app.workbook.sheet('自评表');
  const original = target.Range.bind(target);
  let writes = 0;
  target.Range = (address: string) =>
    new Proxy(original(address), {
      set(t, k, v) {
        if (k === 'Value2' && ++writes >= 3) throw new EtError('写入失败');
        (t as unknown as Record<string | symbol, unknown>)[k] = v;
        return true;
      },
    });
  await expect(new WpsWorkbookAdapter(app, undefined, loadNumfmt).score(NATIONAL_PROFILE, { confirmed: 'all' })).rejects.toMatchObject({ userMessage: expect.stringMatching(/撤销评分/) });
  target.Range = original;
  expect(app.workbook.sheets.map((s) => s.name)).toContain('_jixiao_backup');
});
