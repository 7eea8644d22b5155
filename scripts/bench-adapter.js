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
  // Bytes read by one one-click scoring (the double measures the JSON it returns; Excel on the web refuses
  // more than 5 MB in one sync): the seed alone, beside a 1000×26 sheet of 20-character text, and 200 sheets.
  const textSheet = (name, rows) => ({
    name,
    cells: Array.from({ length: rows }, (_, r) => Array.from({ length: 26 }, (_, c) => {
      const v = `第${r}行第${c}列的说明文字内容示例`.slice(0, 20);
      return { value: v, text: v, numberFormat: 'General' };
    })),
    merges: [],
  });
  const cases = {
    seed: structuredClone(grids),
    'seed + 1000×26 text': [...structuredClone(grids), textSheet('附表', 1000)],
    '200 sheets (seed + 199 × 40×26 text)': [...structuredClone(grids), ...Array.from({ length: 199 }, (_, i) => textSheet(`附表${i + 1}`, 40))],
  };
  figures.bytes = {};
  for (const [name, g] of Object.entries(cases)) {
    const wb = fakeWorkbookFromGrids(g);
    installFakeOffice(globalThis, wb);
    const out = await new OfficeWorkbookAdapter().score();
    figures.bytes[name] = { bytesRead: wb.bytesRead, largestSync: wb.largestSyncRead, syncs: out.syncs, tables: out.result.tables.length };
  }

  times.sort((a, b) => a - b);
  figures.seed = { medianMs: times[Math.floor(times.length / 2)], bytesRead: bytes.read, bytesWritten: bytes.written };

  if (json) return console.log(JSON.stringify(figures));
  console.log('Office adapter (in-memory Excel double)');
  for (const [n, f] of Object.entries(figures.syncs)) {
    console.log(`  ${String(n).padStart(2)} sheets: analyze ${f.read} syncs, one-click scoring ${f.score} syncs, ${f.bytesRead} bytes read`);
  }
  console.log(`  seed: one-click scoring ${figures.seed.medianMs.toFixed(1)} ms median of 30, ${bytes.read} bytes read, ${bytes.written} bytes written`);
  const mib = (n) => `${(n / 1048576).toFixed(2)} MiB`;
  for (const [name, f] of Object.entries(figures.bytes)) {
    console.log(`  one-click scoring, ${name}: ${mib(f.bytesRead)} read in ${f.syncs} syncs, largest sync ${mib(f.largestSync)} (limit 5 MiB)`);
  }
}

main().catch((e) => {
  console.error(`bench-adapter: ${e && e.message ? e.message : e}`);
  process.exit(1);
});
