/**
 * The pane's tests run on the engine's result of the seed's 自评表 held as cells (src/taskpane/testing/
 * seedSheet.ts): those cells must be the seed workbook's own, as the CLI reads them, or the pane would be
 * tested on a table nobody has.
 */
import { seedGrid } from '../../src/taskpane/testing/seedSheet';
import { seedGridsOnce } from './helpers';

test("the pane's seed sample is the seed workbook's 自评表, cell by cell and merge by merge", async () => {
  const read = (await seedGridsOnce())[0];
  const sample = seedGrid();
  expect(sample.name).toBe(read.name);
  expect(sample.merges).toEqual(read.merges);
  const rows = Math.max(read.cells.length, sample.cells.length);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(read.cells[r]?.length ?? 0, sample.cells[r]?.length ?? 0);
    for (let c = 0; c < cols; c++) expect({ r, c, cell: sample.cells[r]?.[c] }).toEqual({ r, c, cell: read.cells[r]?.[c] });
  }
});
