#!/usr/bin/env node
/* global structuredClone */
/**
 * Office adapter figures, through the in-memory Excel double (lib/, from `npm run build`):
 * context.sync() calls per one-click scoring at 1, 10 and 50 sheets, bytes read and written per
 * scoring of the seed, and the time to score the seed. Printed, never asserted.
 */
const path = require('path');
const { performance } = require('perf_hooks');

const lib = path.join(__dirname, '..', 'lib');
let readWorkbookFile, fakeWorkbookFromGrids, installFakeOffice, OfficeWorkbookAdapter;
try {
  ({ readWorkbookFile } = require(path.join(lib, 'cli', 'readWorkbook')));
  ({ fakeWorkbookFromGrids, installFakeOffice } = require(path.join(lib, 'excel', 'testing', 'fakeExcel')));
  ({ OfficeWorkbookAdapter } = require(path.join(lib, 'excel', 'officeAdapter')));
} catch {
  console.error('bench-adapter: lib/ is missing or stale: run `npm run build` first.');
  process.exit(1);
}

const SEED = path.join(__dirname, '..', 'examples', 'xincheng-12345-2023.xlsx');

function withFillers(grids, n) {
  const out = structuredClone(grids);
  for (let i = 0; i < n; i++) out.push({ name: `附表${i + 1}`, cells: [[{ value: `说明 ${i + 1}`, text: `说明 ${i + 1}` }]], merges: [] });
  return out;
}

async function main() {
  const { grids } = await readWorkbookFile(SEED);
  const json = process.argv.includes('--json');
  const figures = { syncs: {}, seed: {} };

  for (const sheets of [1, 10, 50]) {
    const wb = fakeWorkbookFromGrids(withFillers(grids, sheets - 1));
    installFakeOffice(globalThis, wb);
    const adapter = new OfficeWorkbookAdapter();
    await adapter.analyze();
    const read = wb.syncCount;
    wb.syncCount = 0;
    wb.bytesRead = 0;
    const out = await adapter.score(undefined, { select: true });
    figures.syncs[sheets] = { read, score: out.syncs, bytesRead: wb.bytesRead };
  }

  const times = [];
  let bytes = null;
  for (let i = 0; i < 30; i++) {
    const wb = fakeWorkbookFromGrids(structuredClone(grids));
    installFakeOffice(globalThis, wb);
    const adapter = new OfficeWorkbookAdapter();
    const t0 = performance.now();
    await adapter.score(undefined, { select: true });
    times.push(performance.now() - t0);
    bytes ??= { read: wb.bytesRead, written: wb.bytesWritten };
  }
  times.sort((a, b) => a - b);
  figures.seed = { medianMs: times[Math.floor(times.length / 2)], bytesRead: bytes.read, bytesWritten: bytes.written };

  if (json) return console.log(JSON.stringify(figures));
  console.log('Office adapter (in-memory Excel double)');
  for (const [n, f] of Object.entries(figures.syncs)) {
    console.log(`  ${String(n).padStart(2)} sheets: analyze ${f.read} syncs, one-click scoring ${f.score} syncs, ${f.bytesRead} bytes read`);
  }
  console.log(`  seed: one-click scoring ${figures.seed.medianMs.toFixed(1)} ms median of 30, ${bytes.read} bytes read, ${bytes.written} bytes written`);
}

main().catch((e) => {
  console.error(`bench-adapter: ${e && e.message ? e.message : e}`);
  process.exit(1);
});
