#!/usr/bin/env node
/**
 * `npm run bench`: every benchmark in turn, each in its own process, figures printed (never asserted).
 *   1. scripts/bench-engine.js  – engine time per table, 60-sheet workbook
 *   2. scripts/bench-batch.js   – the CLI on 200 files and on a 60-sheet workbook vs a bare exceljs load, memory
 *   2b. scripts/bench-inbox.js  – one table beside a 200k-row and a 1M × 16 data sheet vs a bare exceljs load
 *   3. scripts/bench-pane.js    – the pane's bundle size and first render
 *   4. scripts/bench-adapter.js – syncs per one-click scoring (the adapter's counter)
 * A script that does not exist yet is skipped with a line saying so.
 *
 *   npm run bench [-- engine batch inbox pane adapter]   (names pick which ones run; default all)
 */
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const BENCHES = [
  { name: 'engine', script: 'bench-engine.js', title: '评分引擎（engine）' },
  { name: 'batch', script: 'bench-batch.js', title: '命令行批量评分（CLI batch）' },
  { name: 'inbox', script: 'bench-inbox.js', title: '大文件：自评表旁的 20 万行、104 万行明细（big inputs）' },
  { name: 'pane', script: 'bench-pane.js', title: '任务窗格（task pane）' },
  { name: 'adapter', script: 'bench-adapter.js', title: '一键评分的同步次数（adapter syncs）' },
];

function run(script) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { cwd: ROOT, stdio: 'inherit' });
    child.on('error', (e) => resolve({ code: 1, error: e.message }));
    child.on('close', (code, signal) => resolve({ code: code ?? 1, signal }));
  });
}

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !BENCHES.some((b) => b.name === w));
  if (unknown.length) {
    process.stderr.write(`未知的基准 ${unknown.join(', ')}（unknown benchmark）；可选：${BENCHES.map((b) => b.name).join(' ')}\n`);
    process.exitCode = 1;
    return;
  }
  const missingBuild = [
    ['lib', path.join(ROOT, 'lib', 'cli', 'main.js')],
    ['dist', path.join(ROOT, 'dist')],
  ].filter(([, p]) => !fs.existsSync(p));
  if (missingBuild.length) {
    process.stderr.write(`未找到编译结果 ${missingBuild.map(([d]) => `${d}/`).join('、')}：请先运行 npm run build（build output missing; run npm run build first）\n`);
    process.exitCode = 1;
    return;
  }

  const selected = wanted.length ? BENCHES.filter((b) => wanted.includes(b.name)) : BENCHES;
  const outcomes = [];
  for (const b of selected) {
    const script = path.join(__dirname, b.script);
    process.stdout.write(`\n══ ${b.title} · scripts/${b.script} ══\n`);
    if (!fs.existsSync(script)) {
      process.stdout.write(`（跳过：scripts/${b.script} 不存在）\n`);
      outcomes.push(`${b.name}: 跳过（无脚本）`);
      continue;
    }
    const t0 = Date.now();
    const r = await run(script);
    const took = `${((Date.now() - t0) / 1000).toFixed(1)} s`;
    if (r.code === 0) outcomes.push(`${b.name}: 完成（${took}）`);
    else {
      outcomes.push(`${b.name}: 失败，退出状态 ${r.signal ?? r.code}${r.error ? `（${r.error}）` : ''}（${took}）`);
      process.exitCode = 1;
    }
  }
  process.stdout.write(`\n══ 小结 ══\n${outcomes.map((o) => `  ${o}`).join('\n')}\n`);
}

main().catch((e) => {
  process.stderr.write(`bench 出错：${e && e.message ? e.message.split('\n')[0] : String(e)}\n`);
  process.exitCode = 1;
});
