#!/usr/bin/env node
/**
 * Engine benchmark (issue 3, "Performance"). Needs lib/ from `npm run build` (tsc -p tsconfig.cli.json).
 * Prints figures only, no asserts:
 *   - engine time per table: median over 1,000 seed-sized tables and over 50 tables of 200 indicators;
 *   - the CLI's work on a 60-sheet workbook (readWorkbookFile + evaluateWorkbook) against a bare
 *     exceljs load of the same file (goal: ratio ≤ 1.2).
 * With JIXIAO_BENCH_BASELINE=<another checkout of this project, lib/ built> the two per-table figures are also
 * taken for that engine, each engine in fresh processes taken in turn (JIXIAO_BENCH_ROUNDS rounds, default 12: a
 * fresh process is how the figure was first measured, and JIT warm-up is part of it), and printed side by side with
 * the median of the per-round ratios.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const ExcelJS = require('exceljs');

const ONLY_PER_TABLE = process.argv[2] === '--per-table';
// `--per-table <root>`: only the two per-table figures, for the engine built in <root>, as JSON (for a baseline run).
const root = ONLY_PER_TABLE ? path.resolve(process.argv[3]) : path.join(__dirname, '..');
let engine, reader, grid;
try {
  engine = require(path.join(root, 'lib/core/engine'));
  reader = require(path.join(root, 'lib/cli/readWorkbook'));
  grid = require(path.join(root, 'lib/core/grid'));
} catch (e) {
  console.error(`找不到编译后的 lib/，请先运行 npm run build（lib/ not built in ${root}: ${e.message.split('\n')[0]}）`);
  process.exit(1);
}
const SEED = path.join(root, 'tests/fixtures/xincheng-12345-2023.xlsx');

const now = () => process.hrtime.bigint();
const ms = (a, b) => Number(b - a) / 1e6;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x) => (x < 1 ? x.toFixed(3) : x.toFixed(2));

/** Times fn() n times (after a warm-up), returns per-call milliseconds. */
function timeEach(n, fn) {
  for (let i = 0; i < Math.min(20, n); i++) fn(i);
  const out = [];
  for (let i = 0; i < n; i++) {
    const a = now();
    fn(i);
    out.push(ms(a, now()));
  }
  return out;
}

/** A national table with `count` indicators (10 + 50 + 30 + 10 spread over them), as a Grid. */
function bigTable(count) {
  const rows = [
    ['项目支出绩效自评表'], ['（2023年度）'], ['项目名称', null, '基准测试项目'],
    ['主管部门', null, '某局', null, null, '实施单位', null, '某中心'],
    ['项目资金（万元）', null, null, '年初预算数', '全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分'],
    [null, null, '年度资金总额', 1000, 1000, 950, 10, { value: 0.95, text: '95.00%', numberFormat: '0.00%' }, 9.5],
    [null, null, '其中：当年财政拨款', 1000, 1000, 950, '—', null, '—'],
    ['年度总体目标', '预期目标', null, null, null, '实际完成情况'], [null, '完成全年任务', null, null, null, '基本完成'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ];
  // Weights as filers type them (0.5, 0.25): 产出 50, 效益 30, 满意度 10 over `count` rows.
  const groups = [['产出指标', 50], ['效益指标', 30], ['满意度指标', 10]];
  const per = [Math.round(count / 2), Math.round((count * 3) / 10)];
  per.push(count - per[0] - per[1]);
  let k = 0;
  groups.forEach(([label, w], g) => {
    for (let i = 0; i < per[g]; i++, k++) {
      const weight = Math.round((w / per[g]) * 100) / 100;
      const kind = k % 4;
      const target = kind === 0 ? '≥100件' : kind === 1 ? '≤50万元' : kind === 2 ? '≥95%' : '效果明显';
      const actual = kind === 0 ? `${90 + (k % 20)}件` : kind === 1 ? `${45 + (k % 10)}万元` : kind === 2 ? '96%' : '达成年度指标';
      rows.push([null, i === 0 ? label : null, '数量指标', `指标${k + 1}：基准指标${k + 1}`, target, actual, weight, weight, null]);
    }
  });
  rows.push(['总分', null, null, null, null, null, 100, 99]);
  return grid.gridFromArrays('自评表', rows);
}

/** 60 copies of the seed sheet in one workbook, written to a temp dir. */
async function sixtySheets(file) {
  const src = new ExcelJS.Workbook();
  await src.xlsx.readFile(SEED);
  const ws0 = src.worksheets[0];
  const out = new ExcelJS.Workbook();
  for (let s = 0; s < 60; s++) {
    const ws = out.addWorksheet(`自评表${s + 1}`);
    ws0.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (c, col) => {
        if (c.type === ExcelJS.ValueType.Merge) return;
        const t = ws.getCell(r, col);
        t.value = c.value;
        if (c.numFmt) t.numFmt = c.numFmt;
      });
    });
    for (const m of ws0.model.merges || []) ws.mergeCells(m);
  }
  await out.xlsx.writeFile(file);
}

/** The two per-table medians (ms) of this process's engine: seed-sized tables, then 200-indicator tables. */
async function perTable() {
  const { grids: seedGrids } = await reader.readWorkbookFile(SEED);
  const small = median(timeEach(1000, () => engine.evaluateWorkbook(seedGrids)));
  const big = bigTable(200);
  const large = median(timeEach(50, () => engine.evaluateWorkbook([big])));
  return { small, large };
}

/** Runs `--per-table` for a checkout in a fresh node process. */
function perTableIn(dir) {
  const r = spawnSync(process.execPath, [__filename, '--per-table', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error((r.stderr || '').trim().split('\n')[0] || `exit ${r.status}`);
  return JSON.parse(r.stdout);
}

/**
 * This engine against a baseline checkout's, each in fresh processes, the two taken in turn (which goes first
 * alternates): per round the ratio this ÷ baseline, then the median ratio and its quartiles. Pairing each round
 * cancels the drift of a shared machine; a fresh process per figure keeps the JIT warm-up in, as first measured.
 */
function versusBaseline(baseline) {
  const rounds = Number(process.env.JIXIAO_BENCH_ROUNDS || 12);
  const pairs = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2) {
      const now = perTableIn(root);
      pairs.push({ now, base: perTableIn(baseline) });
    } else {
      const base = perTableIn(baseline);
      pairs.push({ base, now: perTableIn(root) });
    }
  }
  const at = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
  console.log(`against the baseline engine in ${baseline} (fresh processes in turn, ${rounds} rounds):`);
  for (const [k, label] of [['small', 'seed-sized table'], ['large', '200-indicator table']]) {
    const ratios = pairs.map((p) => p.now[k] / p.base[k]);
    const b = median(pairs.map((p) => p.base[k]));
    const n = median(pairs.map((p) => p.now[k]));
    console.log(
      `  ${label.padEnd(21)} baseline ${fmt(b)} ms   this ${fmt(n)} ms   this/baseline ${median(ratios).toFixed(2)} (quartiles ${at(ratios, 0.25).toFixed(2)}–${at(ratios, 0.75).toFixed(2)})`,
    );
  }
}

async function main() {
  if (ONLY_PER_TABLE) {
    process.stdout.write(JSON.stringify(await perTable()));
    return;
  }
  const { grids: seedGrids } = await reader.readWorkbookFile(SEED);
  const seedTable = engine.evaluateWorkbook(seedGrids).tables[0];
  console.log(`绩效自评助手 engine benchmark — node ${process.version}, ${os.cpus().length} CPU(s)`);
  console.log(`seed: ${seedTable.indicators.length} indicators, range ${seedTable.range}`);

  const small = timeEach(1000, () => engine.evaluateWorkbook(seedGrids));
  const smallPlan = timeEach(1000, () => engine.planWrites(engine.evaluateWorkbook(seedGrids), seedGrids));
  const big = bigTable(200);
  const bigResult = engine.evaluateWorkbook([big]);
  const large = timeEach(50, () => engine.evaluateWorkbook([big]));
  console.log(`engine, seed-sized table (8 indicators):   median ${fmt(median(small))} ms/table over 1000 (evaluate + plan: ${fmt(median(smallPlan))} ms)`);
  console.log(`engine, 200-indicator table:                median ${fmt(median(large))} ms/table over 50 (${bigResult.tables[0].indicators.length} indicators read, total ${bigResult.tables[0].totals.score})`);
  if (process.env.JIXIAO_BENCH_BASELINE) versusBaseline(path.resolve(process.env.JIXIAO_BENCH_BASELINE));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-bench-'));
  const file = path.join(dir, 'sixty-sheets.xlsx');
  try {
    await sixtySheets(file);
    const size = fs.statSync(file).size;
    const bare = [];
    const cli = [];
    let tables = 0;
    // Alternate the two so that warm-up and GC fall on both alike.
    for (let i = 0; i < 8; i++) {
      let a = now();
      await new ExcelJS.Workbook().xlsx.readFile(file);
      if (i > 0) bare.push(ms(a, now()));
      a = now();
      const { grids } = await reader.readWorkbookFile(file);
      const r = engine.evaluateWorkbook(grids);
      if (i > 0) cli.push(ms(a, now()));
      tables = r.tables.length;
    }
    const b = median(bare);
    const c = median(cli);
    console.log(`60-sheet workbook (${(size / 1024).toFixed(0)} KiB, ${tables} tables found):`);
    console.log(`  bare exceljs load (xlsx.readFile):         median ${fmt(b)} ms over ${bare.length}`);
    console.log(`  readWorkbookFile + evaluateWorkbook:       median ${fmt(c)} ms over ${cli.length}`);
    console.log(`  ratio CLI / bare load:                     ${(c / b).toFixed(2)} (goal ≤ 1.2)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`基准测试失败：${e && e.message ? e.message.split('\n')[0] : e}`);
  process.exit(1);
});
