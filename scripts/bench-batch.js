#!/usr/bin/env node
/**
 * The CLI on a 财政局's batch, measured (figures printed, never asserted):
 *   - 200 files (variants of the seed): `jixiao score …` wall time and peak RSS against a bare exceljs
 *     load of the same 200 files in one process (ratio; goal ≤ 1.0, issue 16), also with --summary and with
 *     --out-dir + --summary;
 *   - memory after file 50/100/150/200 (JIXIAO_MEMLOG=1), to show it stays flat;
 *   - one 60-sheet workbook (the seed's table on every sheet): the CLI against a bare exceljs load.
 * Needs the compiled CLI (`npm run build`). Inputs are generated in os.tmpdir() and removed afterwards.
 *
 *   node scripts/bench-batch.js [--files 200] [--sheets 60] [--runs 3] [--keep] [--json]
 *
 * Wall time is the median over the runs, measured around each child process (node start-up included
 * on both sides); peak RSS is the highest over the runs, from /usr/bin/time when present, else from
 * the child's own process.resourceUsage().maxRSS. The baseline and the CLI runs alternate, so load
 * from other processes on the machine falls on both alike.
 */
const { HAS_TIME, measure } = require('./benchMeasure');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'jixiao.js');
const SEED = path.join(ROOT, 'tests', 'fixtures', 'xincheng-12345-2023.xlsx');
const GOAL_RATIO = 1.0;
const MEM_POINTS = [50, 100, 150, 200];

function parseArgs(argv) {
  const o = { files: 200, sheets: 60, runs: 3, keep: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${a} 需要一个正整数（${a} takes a positive integer）`);
      return n;
    };
    if (a === '--files') o.files = num();
    else if (a === '--sheets') o.sheets = num();
    else if (a === '--runs') o.runs = num();
    else if (a === '--keep') o.keep = true;
    else if (a === '--json') o.json = true;
    else throw new Error(`未知选项 ${a}（unknown option）；用法：node scripts/bench-batch.js [--files 200] [--sheets 60] [--runs 3] [--keep] [--json]`);
  }
  return o;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mb = (kb) => `${(kb / 1024).toFixed(1)} MB`;
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;

// ---------------------------------------------------------------------------------------------
// Inputs

/** 200 variants of the seed: other project names, departments and amounts, one file each. */
async function generateFiles(dir, count, log) {
  const ExcelJS = require('exceljs');
  const seed = fs.readFileSync(SEED);
  const depts = ['城市管理和综合执法局', '教育局', '卫生健康局', '民政局', '文化和旅游体育局', '住房和城乡建设局', '财政局', '人力资源和社会保障局'];
  const files = [];
  for (let i = 1; i <= count; i++) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(seed);
    const ws = wb.worksheets[0];
    const budget = 50 + ((i * 37) % 200);
    const executed = Math.round(budget * (0.6 + ((i * 13) % 40) / 100) * 100) / 100;
    ws.getCell('C3').value = `第${i}号项目运行经费`;
    ws.getCell('C4').value = `新城区${depts[i % depts.length]}`;
    for (const r of [6, 7]) {
      ws.getCell(`E${r}`).value = budget;
      ws.getCell(`F${r}`).value = executed;
    }
    const file = path.join(dir, `${String(i).padStart(3, '0')}-自评表.xlsx`);
    await wb.xlsx.writeFile(file);
    files.push(file);
    if (i % 50 === 0 || i === count) log(`  已生成 ${i}/${count} 个文件`);
  }
  return files;
}

/** One workbook with the seed's table on `count` sheets. */
async function generateManySheets(file, count) {
  const ExcelJS = require('exceljs');
  const seed = new ExcelJS.Workbook();
  await seed.xlsx.readFile(SEED);
  const src = seed.worksheets[0];
  const wb = new ExcelJS.Workbook();
  for (let i = 1; i <= count; i++) {
    const ws = wb.addWorksheet(`自评表${i}`);
    ws.model = { ...src.model, name: `自评表${i}`, id: ws.id };
    ws.getCell('C3').value = `第${i}号项目运行经费`;
  }
  await wb.xlsx.writeFile(file);
}

// ---------------------------------------------------------------------------------------------
// Measuring a child process

/** The baseline: every file loaded by exceljs, one after the other, in one process. */
const BARE_LOAD = `
const fs = require('fs');
const ExcelJS = require(${JSON.stringify(require.resolve('exceljs', { paths: [ROOT] }))});
(async () => {
  const files = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(f));
  }
})().catch((e) => { console.error(e.message); process.exitCode = 1; });
`;

async function compare(label, files, work, variants, runs, log) {
  const listFile = path.join(work, `list-${label}.json`);
  fs.writeFileSync(listFile, JSON.stringify(files));
  const rel = files.map((f) => path.relative(work, f));
  const cases = [{ name: 'exceljs 裸加载（bare load）', args: ['-e', BARE_LOAD, listFile] }, ...variants.map((v) => ({ name: v.name, args: [BIN, 'score', ...rel, ...v.extra] }))];
  const samples = cases.map(() => ({ ms: [], rss: [] }));
  for (let run = 0; run < runs; run++) {
    for (let c = 0; c < cases.length; c++) {
      for (const v of variants) for (const dir of v.clean ?? []) fs.rmSync(path.join(work, dir), { recursive: true, force: true });
      const r = await measure(cases[c].args, work);
      // Exit 2 cannot happen here (every input holds a table); 1 would mean the figure is not for a full run.
      if (r.status !== 0) throw new Error(`${cases[c].name} 退出状态 ${r.status}：${r.stderr.trim().split('\n')[0]}`);
      samples[c].ms.push(r.ms);
      samples[c].rss.push(r.rssKB);
    }
    log(`  ${label}：第 ${run + 1}/${runs} 轮完成`);
  }
  const base = median(samples[0].ms);
  return cases.map((c, i) => ({
    name: c.name,
    medianMs: median(samples[i].ms),
    runsMs: samples[i].ms.map((x) => Math.round(x)),
    peakRssKB: Math.max(...samples[i].rss),
    ratio: median(samples[i].ms) / base,
  }));
}

/** One CLI run with JIXIAO_MEMLOG=1: memory after each file. */
async function memoryCurve(files, work) {
  const rel = files.map((f) => path.relative(work, f));
  fs.rmSync(path.join(work, 'memlog-out'), { recursive: true, force: true });
  const r = await measure([BIN, 'score', ...rel, '--out-dir', 'memlog-out', '--summary', 'memlog-汇总.xlsx'], work, { JIXIAO_MEMLOG: '1' });
  const points = new Map();
  for (const line of r.stderr.split('\n')) {
    const m = /^\[memlog\] (\d+)\/\d+ rss=([\d.]+)MB heapUsed=([\d.]+)MB external=([\d.]+)MB/.exec(line);
    if (m) points.set(Number(m[1]), { rssMB: Number(m[2]), heapUsedMB: Number(m[3]), externalMB: Number(m[4]) });
  }
  return { points, peakRssKB: r.rssKB, status: r.status };
}

// ---------------------------------------------------------------------------------------------

/** Width on a terminal: CJK characters take two columns. */
const width = (s) => [...s].reduce((w, ch) => w + (ch.codePointAt(0) >= 0x2e80 ? 2 : 1), 0);
const padEnd = (s, n) => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s, n) => ' '.repeat(Math.max(0, n - width(s))) + s;

function printTable(title, rows, log) {
  log(`\n${title}`);
  log(`  ${padEnd('情形', 36)}${padStart('耗时（中位数）', 16)}${padStart('倍数', 9)}${padStart('峰值内存', 12)}`);
  for (const r of rows) {
    const rss = Number.isFinite(r.peakRssKB) ? mb(r.peakRssKB) : '未知';
    log(`  ${padEnd(r.name, 36)}${padStart(secs(r.medianMs), 16)}${padStart(`×${r.ratio.toFixed(2)}`, 9)}${padStart(rss, 12)}`);
  }
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 1;
    return;
  }
  if (!fs.existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'))) {
    process.stderr.write('未找到编译后的 CLI（lib/cli/main.js）：请先运行 npm run build\n');
    process.exitCode = 1;
    return;
  }
  const log = opts.json ? (s) => process.stderr.write(`${s}\n`) : (s) => process.stdout.write(`${s}\n`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-bench-batch-'));
  const figures = { files: opts.files, sheets: opts.sheets, runs: opts.runs, rssFrom: HAS_TIME ? '/usr/bin/time' : 'process.resourceUsage', node: process.version, cpus: os.cpus().length, loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100) };
  try {
    log(`批量评分基准（${opts.files} 个文件，${opts.runs} 轮；峰值内存取自 ${figures.rssFrom}；机器负载 ${figures.loadavg.join(' / ')}，${figures.cpus} 核）`);
    log(`生成输入文件于 ${work} …`);
    const inDir = path.join(work, '报送');
    fs.mkdirSync(inDir);
    const files = await generateFiles(inDir, opts.files, log);

    const batch = await compare('批量', files, work, [
      { name: 'jixiao score', extra: [] },
      { name: 'jixiao score --summary', extra: ['--summary', '汇总.xlsx'] },
      { name: 'jixiao score --out-dir --summary', extra: ['--out-dir', '已评分', '--summary', '汇总.xlsx'], clean: ['已评分'] },
    ], opts.runs, log);
    figures.batch = batch;
    printTable(`${opts.files} 个文件（目标：jixiao score ≤ exceljs 裸加载 × ${GOAL_RATIO}）`, batch, log);

    const mem = await memoryCurve(files, work);
    figures.memory = { peakRssKB: mem.peakRssKB, points: Object.fromEntries(mem.points) };
    log(`\n内存随文件数（--out-dir --summary，JIXIAO_MEMLOG=1）：`);
    const marks = MEM_POINTS.filter((n) => n <= opts.files);
    if (!marks.includes(opts.files)) marks.push(opts.files);
    for (const n of marks) {
      const p = mem.points.get(n);
      log(`  第 ${String(n).padStart(3)} 个文件后：${p ? `rss ${p.rssMB.toFixed(1)} MB，heapUsed ${p.heapUsedMB.toFixed(1)} MB，external ${p.externalMB.toFixed(1)} MB` : '无记录'}`);
    }
    log(`  峰值 rss：${Number.isFinite(mem.peakRssKB) ? mb(mem.peakRssKB) : '未知'}（含写汇总表）`);

    const many = path.join(work, `${opts.sheets}张自评表.xlsx`);
    await generateManySheets(many, opts.sheets);
    const sheets = await compare(`${opts.sheets} 张工作表`, [many], work, [
      { name: 'jixiao score', extra: [] },
      { name: 'jixiao score --out-dir', extra: ['--out-dir', '已评分-多表'], clean: ['已评分-多表'] },
    ], opts.runs, log);
    figures.manySheets = sheets;
    printTable(`一个含 ${opts.sheets} 张自评表的工作簿`, sheets, log);

    if (opts.json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    if (opts.keep) log(`\n输入与输出保留在 ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`bench-batch 出错：${e && e.message ? e.message.split('\n')[0] : String(e)}\n`);
  process.exitCode = 1;
});
