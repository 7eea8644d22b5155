#!/usr/bin/env node
/**
 * A 财政局's inbox at any size, measured (figures printed, never asserted), each case against a bare
 * exceljs load of the same file in one run:
 *   - one table + a 200,000-row data sheet: time ÷ bare load, peak RSS (goal ≤ 0.25, ≤ 300 MB);
 *   - one table + a 1,048,576 × 16 data sheet: completes, peak RSS (goal ≤ 400 MB); the bare load is
 *     not run by default (it needs several GB and minutes; --bare-1m runs it);
 *   - --out on both: the copy grafts the big sheet back byte for byte (src/cli/graftCopy.ts).
 * The 60-table workbook and the 200-file batch ratios are in scripts/bench-batch.js.
 * Inputs are generated (scripts/bigWorkbook.js) in os.tmpdir() and removed afterwards.
 *
 *   node scripts/bench-inbox.js [--rows 200000] [--big-rows 1048576] [--runs 1] [--bare-1m] [--cli lib/cli/main.js] [--json]
 */
const { HAS_TIME, measure } = require('./benchMeasure');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { writeBigWorkbook } = require('./bigWorkbook');

const ROOT = path.resolve(__dirname, '..');

function parseArgs(argv) {
  const o = { rows: 200000, bigRows: 1048576, runs: 1, bare1m: false, bin: path.join(ROOT, 'bin', 'jixiao.js'), json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${a} 需要一个正整数（${a} takes a positive integer）`);
      return n;
    };
    if (a === '--rows') o.rows = num();
    else if (a === '--big-rows') o.bigRows = num();
    else if (a === '--runs') o.runs = num();
    else if (a === '--bare-1m') o.bare1m = true;
    else if (a === '--bin') o.bin = path.resolve(argv[++i]);
    else if (a === '--json') o.json = true;
    else throw new Error(`未知选项 ${a}（unknown option）`);
  }
  return o;
}

const BARE_LOAD = `
const ExcelJS = require(${JSON.stringify(require.resolve('exceljs', { paths: [ROOT] }))});
(async () => { const wb = new ExcelJS.Workbook(); await wb.xlsx.load(require('fs').readFileSync(process.argv[1])); })()
  .catch((e) => { console.error(e.message); process.exitCode = 1; });
`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const mb = (kb) => (Number.isFinite(kb) ? `${(kb / 1024).toFixed(0)} MB` : '未知');
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;

async function runCase(label, cases, runs, work, log) {
  const samples = cases.map(() => ({ ms: [], rss: [], status: [] }));
  for (let r = 0; r < runs; r++) {
    for (let c = 0; c < cases.length; c++) {
      const m = await measure(cases[c].args, work);
      samples[c].ms.push(m.ms);
      samples[c].rss.push(m.rssKB);
      samples[c].status.push(m.status);
      if (m.status !== 0 && !cases[c].allowFail) log(`  ${cases[c].name} 退出状态 ${m.status}：${m.stderr.trim().split('\n').slice(-1)[0]}`);
    }
  }
  const base = median(samples[0].ms);
  return cases.map((c, i) => ({ name: c.name, medianMs: median(samples[i].ms), peakRssKB: Math.max(...samples[i].rss), status: samples[i].status[0], ratio: median(samples[i].ms) / base }));
}

async function main() {
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 1;
    return;
  }
  const log = o.json ? (s) => process.stderr.write(`${s}\n`) : (s) => process.stdout.write(`${s}\n`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-bench-inbox-'));
  const figures = { rows: o.rows, bigRows: o.bigRows, runs: o.runs, loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100) };
  try {
    log(`大文件基准（${o.runs} 轮；峰值内存取自 ${HAS_TIME ? '/usr/bin/time' : 'process.resourceUsage'}；机器负载 ${figures.loadavg.join(' / ')}）`);
    const mid = path.join(work, `自评表+${o.rows}行明细.xlsx`);
    const big = path.join(work, `自评表+${o.bigRows}行明细.xlsx`);
    let t0 = Date.now();
    await writeBigWorkbook(mid, o.rows);
    log(`  已生成 ${path.basename(mid)}（${(fs.statSync(mid).size / 1048576).toFixed(1)} MB，${secs(Date.now() - t0)}）`);
    t0 = Date.now();
    await writeBigWorkbook(big, o.bigRows);
    log(`  已生成 ${path.basename(big)}（${(fs.statSync(big).size / 1048576).toFixed(1)} MB，${secs(Date.now() - t0)}）`);

    const rowsCase = await runCase('200k', [
      { name: 'exceljs 裸加载（bare load）', args: ['-e', BARE_LOAD, mid] },
      { name: 'jixiao score', args: [o.bin, 'score', mid] },
      { name: 'jixiao score --json --summary', args: [o.bin, 'score', mid, '--json', '--summary', path.join(work, '汇总.xlsx')] },
      { name: 'jixiao score --out', args: [o.bin, 'score', mid, '--out', path.join(work, 'copy.xlsx')] },
    ], o.runs, work, log);
    figures.rows200k = rowsCase;
    const bigCases = [
      { name: 'jixiao score', args: [o.bin, 'score', big] },
      { name: 'jixiao score --json --summary', args: [o.bin, 'score', big, '--json', '--summary', path.join(work, '汇总2.xlsx')] },
      { name: 'jixiao score --out', args: [o.bin, 'score', big, '--out', path.join(work, 'copy2.xlsx')] },
    ];
    if (o.bare1m) bigCases.unshift({ name: 'exceljs 裸加载（bare load）', args: ['-e', BARE_LOAD, big], allowFail: true });
    const bigCase = await runCase('1M', bigCases, o.runs, work, log);
    figures.rows1m = bigCase;

    const print = (title, rows, goal) => {
      log(`\n${title}（${goal}）`);
      for (const r of rows) log(`  ${r.name.padEnd(34)} ${secs(r.medianMs).padStart(9)}  ×${r.ratio.toFixed(2).padEnd(6)} 峰值 ${mb(r.peakRssKB).padStart(8)}  退出 ${r.status}`);
    };
    print(`一张自评表 + ${o.rows.toLocaleString('en')} 行明细`, rowsCase, '目标：耗时 ≤ 裸加载 × 0.25，峰值 ≤ 300 MB');
    print(`一张自评表 + ${o.bigRows.toLocaleString('en')} × 16 明细`, bigCase, `目标：完成，峰值 ≤ 400 MB${o.bare1m ? '' : '；倍数相对第一行（未运行裸加载，加 --bare-1m 运行）'}`);
    if (o.json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`bench-inbox 出错：${e && e.message ? e.message.split('\n')[0] : String(e)}\n`);
  process.exitCode = 1;
});
