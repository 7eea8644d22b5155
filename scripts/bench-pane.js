#!/usr/bin/env node
/**
 * The pane's budgets, measured (not asserted): dist/taskpane.js ≤ 300 KB gzipped, first render ≤ 1 s in
 * headless Chromium. The pane is the BUILT one (run `npm run build` first), over the stand-in Excel host
 * (scripts/demo.js) on the seed workbook.
 *
 *   node scripts/bench-pane.js [--runs 5] [--json]
 *
 * First render = from navigation start to the pane's first React render (the loading text replaced);
 * ready = until the detected table is shown (tabs present, analyze done). Median over the runs; the first
 * run is cold (no HTTP cache) like a pane opening for the first time.
 */
/* global window, document, performance, MutationObserver -- these run inside the page (addInitScript, evaluate) */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const ROOT = path.resolve(__dirname, '..');
const BUNDLE = path.join(ROOT, 'dist', 'taskpane.js');
const SEED = path.join(ROOT, 'examples', 'xincheng-12345-2023.xlsx');
const BUDGET_GZ_BYTES = 300 * 1024;
const BUDGET_RENDER_MS = 1000;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function bundleSize() {
  const raw = fs.readFileSync(BUNDLE);
  return { raw: raw.length, gzip: zlib.gzipSync(raw, { level: 9 }).length };
}

async function renderTimes(runs) {
  const { startDemoServer, launchChromium } = require('./demo.js');
  const server = await startDemoServer({ port: 0, file: SEED, requireDist: true });
  const browser = await launchChromium();
  const samples = [];
  try {
    const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
    // Marks the first React render and the first render with the result, on the page's own clock.
    await context.addInitScript(() => {
      const marks = (window.__paneMarks = {});
      const check = () => {
        const root = document.getElementById('root');
        if (!root) return;
        if (marks.firstRender === undefined && !document.getElementById('loading') && root.childElementCount > 0) marks.firstRender = performance.now();
        if (marks.ready === undefined && root.querySelector('[role="tablist"]')) marks.ready = performance.now();
      };
      new MutationObserver(check).observe(document, { childList: true, subtree: true });
    });
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      await page.goto(`${server.url}?pane=only`);
      await page.waitForSelector('[role="tablist"]', { timeout: 30000 });
      samples.push(await page.evaluate(() => window.__paneMarks));
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return samples;
}

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const ri = args.indexOf('--runs');
  const runs = ri >= 0 ? Math.max(1, Number(args[ri + 1]) || 5) : 5;
  if (!fs.existsSync(BUNDLE)) {
    console.error('[bench-pane] dist/taskpane.js 不存在：请先运行 `npm run build`。');
    process.exit(1);
  }
  const size = bundleSize();
  const samples = await renderTimes(runs);
  const first = samples.map((s) => s.firstRender);
  const ready = samples.map((s) => s.ready);
  const out = {
    bundle: { file: 'dist/taskpane.js', rawBytes: size.raw, gzipBytes: size.gzip, budgetGzipBytes: BUDGET_GZ_BYTES, withinBudget: size.gzip <= BUDGET_GZ_BYTES },
    firstRender: {
      runs,
      medianMs: Math.round(median(first)),
      coldMs: Math.round(first[0]),
      readyMedianMs: Math.round(median(ready)),
      budgetMs: BUDGET_RENDER_MS,
      withinBudget: median(first) <= BUDGET_RENDER_MS,
    },
  };
  if (json) {
    console.log(JSON.stringify(out, null, 2));
    return;
  }
  const ok = (b) => (b ? '符合预算' : '超出预算');
  console.log(`任务窗格 dist/taskpane.js：${kb(size.raw)}，gzip 后 ${kb(size.gzip)}（预算 ≤ ${kb(BUDGET_GZ_BYTES)}，${ok(out.bundle.withinBudget)}）`);
  console.log(
    `首次渲染（无头 Chromium，${runs} 次中位数）：${out.firstRender.medianMs} ms（首次冷启动 ${out.firstRender.coldMs} ms；` +
      `显示检测结果 ${out.firstRender.readyMedianMs} ms）（预算 ≤ ${BUDGET_RENDER_MS} ms，${ok(out.firstRender.withinBudget)}）`,
  );
}

main().catch((err) => {
  console.error(`[bench-pane] ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  process.exit(1);
});
