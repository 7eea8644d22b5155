#!/usr/bin/env node
/* global structuredClone */
/**
 * WPS adapter figures, through the WPS double (lib/, from `npm run build`): host calls per reading and
 * per one-click scoring of the seed (each WPS call is a synchronous round trip, so the count is the
 * cost), at 1, 10 and 50 sheets, beside what reading cell by cell would cost (3 calls a cell: value,
 * formula, number format) for the same used ranges. Printed, never asserted.
 */
const path = require('path');
const { performance } = require('perf_hooks');

const lib = path.join(__dirname, '..', 'lib');
let readWorkbookFile, etAppFromGrids, WpsWorkbookAdapter, readEtWorkbook, loadNumfmt;
try {
  ({ readWorkbookFile } = require(path.join(lib, 'cli', 'readWorkbook')));
  ({ etAppFromGrids } = require(path.join(lib, 'wps', 'testing', 'etDouble')));
  ({ WpsWorkbookAdapter } = require(path.join(lib, 'wps', 'wpsAdapter')));
  ({ readEtWorkbook } = require(path.join(lib, 'wps', 'readEt')));
  ({ loadNumfmt } = require(path.join(lib, 'cli', 'numberFormat')));
} catch (e) {
  console.error(`bench-wps: lib/ is missing or stale: run \`npm run build\` first (${e.message.split('\n')[0]}).`);
  process.exit(1);
}

const SEED = path.join(__dirname, '..', 'examples', 'xincheng-12345-2023.xlsx');

const { withFillers } = require('./benchGrids');

/** Cells in the used ranges of the visible sheets: what a cell-by-cell reader would visit. */
function usedCells(grids) {
  let n = 0;
  for (const g of grids) {
    if (g.hidden) continue;
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    g.cells.forEach((row, r) => row && row.forEach((c, col) => { if (c) { top = Math.min(top, r); left = Math.min(left, col); bottom = Math.max(bottom, r); right = Math.max(right, col); } }));
    if (bottom >= 0) n += (bottom - top + 1) * (right - left + 1);
  }
  return n;
}

async function main() {
  const { grids } = await readWorkbookFile(SEED);
  console.log('WPS adapter (WPS double; every property read/write or method call counts as one host call)');
  for (const sheets of [1, 10, 50]) {
    const g = withFillers(grids, sheets - 1);
    const app = etAppFromGrids(structuredClone(g));
    readEtWorkbook(app, { numfmt: loadNumfmt });
    const read = app.calls;
    app.calls = 0;
    await new WpsWorkbookAdapter(app, undefined, loadNumfmt).score(undefined);
    const score = app.calls;
    app.calls = 0;
    await new WpsWorkbookAdapter(app, undefined, loadNumfmt).undo();
    const undo = app.calls;
    const naive = usedCells(g) * 3;
    console.log(`  ${String(sheets).padStart(2)} sheets: read ${read} calls (cell by cell: ${naive}, ×${(naive / read).toFixed(1)}), one-click scoring ${score} calls, undo ${undo} calls`);
  }
  const times = [];
  for (let i = 0; i < 30; i++) {
    const app = etAppFromGrids(structuredClone(grids));
    const t0 = performance.now();
    await new WpsWorkbookAdapter(app, undefined, loadNumfmt).score(undefined);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`  seed: one-click scoring ${times[15].toFixed(1)} ms median of 30 in the double (host latency not included)`);
}

main().catch((e) => {
  console.error(`bench-wps: ${e && e.message ? e.message : e}`);
  process.exit(1);
});
