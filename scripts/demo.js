#!/usr/bin/env node
/**
 * `npm run demo`: try the task pane without Excel. Serves the built pane (dist/) on localhost with a
 * stand-in Excel host: the in-memory fake of the Excel API (demo/host.ts over src/excel/testing/fakeExcel.ts)
 * holding the workbook read from an .xlsx, and a plain view of the sheet beside the pane.
 *
 *   node scripts/demo.js [--port 3100] [--file examples/xincheng-12345-2023.xlsx] [--build]
 *   node scripts/demo.js --screenshot docs/demo.png      score once in headless Chromium, save a screenshot, exit
 *
 * Pages: /taskpane.html (add ?theme=dark, ?fail=run, ?pane=only). Also used by tests/e2e and scripts/bench-pane.js
 * through startDemoServer().
 */
const fs = require('fs');
const http = require('http');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const HOST_BUNDLE = path.join(ROOT, 'demo', 'dist', 'host.js');
const DEFAULT_FILE = path.join(ROOT, 'examples', 'xincheng-12345-2023.xlsx');
const CDN_SCRIPT = /<script\b[^>]*\bsrc=["']?https:\/\/appsforoffice\.microsoft\.com\/[^"'\s>]*["']?[^>]*>\s*<\/script>/i;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const mtime = (f) => {
  try {
    return fs.statSync(f).mtimeMs;
  } catch {
    return 0;
  }
};

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) throw new Error(`命令失败：${cmd} ${args.join(' ')}`);
}

/** The pane build in dist/; builds it when asked or (for the interactive demo) when missing. */
function ensurePane({ build, requireDist }) {
  const have = fs.existsSync(path.join(DIST, 'taskpane.html')) && fs.existsSync(path.join(DIST, 'taskpane.js'));
  if (!have && requireDist) {
    throw new Error('dist/taskpane.html 或 dist/taskpane.js 不存在：请先运行 `npm run build`（或 `npx webpack --mode production`）。');
  }
  if (build || !have) {
    console.log('[demo] 构建任务窗格：npx webpack --mode production …');
    run('npx', ['webpack', '--mode', 'production']);
  }
}

/** lib/cli/readWorkbook.js (tsc output of src/cli), rebuilt when the source is newer. */
function loadReader() {
  const lib = path.join(ROOT, 'lib', 'cli', 'readWorkbook.js');
  const srcs = ['src/cli/readWorkbook.ts', 'src/cli/numberFormat.ts', 'src/core/grid.ts'].map((f) => path.join(ROOT, f));
  if (!fs.existsSync(lib) || srcs.some((s) => mtime(s) > mtime(lib))) {
    console.log('[demo] 编译读取器：npx tsc -p tsconfig.cli.json …');
    run('npx', ['tsc', '-p', 'tsconfig.cli.json']);
  }
  return require(lib);
}

/** demo/dist/host.js, rebuilt with webpack's Node API when its sources are newer. */
async function ensureHostBundle() {
  // The double is split by proxy family (src/excel/testing/*.ts): a change to any of them rebuilds the host.
  const testing = fs.readdirSync(path.join(ROOT, 'src/excel/testing')).filter((f) => f.endsWith('.ts')).map((f) => `src/excel/testing/${f}`);
  const srcs = ['demo/host.ts', 'demo/webpack.demo.js', ...testing, 'src/core/grid.ts'].map((f) => path.join(ROOT, f));
  if (fs.existsSync(HOST_BUNDLE) && srcs.every((s) => mtime(s) <= mtime(HOST_BUNDLE))) return;
  const webpack = require('webpack');
  const config = require(path.join(ROOT, 'demo', 'webpack.demo.js'));
  await new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      resolve();
    });
  });
}

/**
 * The pane page for the stand-in host. office.js cannot come from the Office CDN here (no network, and the
 * fake must own `Office`), so its <script> is stripped and replaced by the workbook data and the host bundle.
 */
function panePage(html, grids, fileLabel) {
  const data = JSON.stringify(grids).replace(/</g, '\\u003c').replace(/\u2028|\u2029/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  const inject =
    `<!-- stand-in Excel host (npm run demo): office.js from the CDN is replaced by an in-memory fake -->\n` +
    `<script>window.__JIXIAO_DEMO_FILE__ = ${JSON.stringify(fileLabel).replace(/</g, '\\u003c')}; window.__JIXIAO_DEMO_GRIDS__ = ${data};</script>\n` +
    `<script src="/demo/host.js"></script>`;
  if (CDN_SCRIPT.test(html)) return html.replace(CDN_SCRIPT, () => inject);
  // No CDN tag (a changed template): the host must still run before the pane bundle.
  return html.replace(/<script\b/i, () => `${inject}\n<script`);
}

/**
 * Starts the demo server. Options: port (0 = any free port), file, build (rebuild dist/), requireDist (fail
 * clearly instead of building). Resolves with { url, port, close() }.
 */
async function startDemoServer(options = {}) {
  const file = path.resolve(options.file || DEFAULT_FILE);
  if (!fs.existsSync(file)) throw new Error(`找不到文件：${file}`);
  ensurePane({ build: !!options.build, requireDist: !!options.requireDist });
  const reader = loadReader();
  const [{ grids }] = await Promise.all([reader.readWorkbookFile(file, path.basename(file)), ensureHostBundle()]);
  const fileLabel = path.basename(file);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url || '/', 'http://localhost');
    const send = (status, body, type) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    try {
      if (url.pathname === '/' || url.pathname === '/index.html') {
        res.writeHead(302, { Location: '/taskpane.html' });
        return res.end();
      }
      if (url.pathname === '/demo/host.js') return send(200, fs.readFileSync(HOST_BUNDLE), TYPES['.js']);
      if (url.pathname === '/taskpane.html') {
        // Read per request so a rebuild of dist/ shows on reload.
        return send(200, panePage(fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8'), grids, fileLabel), TYPES['.html']);
      }
      const target = path.normalize(path.join(DIST, decodeURIComponent(url.pathname)));
      if (!target.startsWith(DIST + path.sep) || !fs.existsSync(target) || !fs.statSync(target).isFile()) {
        return send(404, '404 未找到', TYPES['.txt']);
      }
      return send(200, fs.readFileSync(target), TYPES[path.extname(target)] || 'application/octet-stream');
    } catch (err) {
      return send(500, `500 ${err instanceof Error ? err.message : String(err)}`, TYPES['.txt']);
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3100, '127.0.0.1', resolve);
  });
  const port = server.address().port;
  return {
    port,
    url: `http://localhost:${port}/taskpane.html`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Chromium as the tests and the bench launch it: the Debian binary, headless, no background traffic.
 * chromium.launch gives every launch a fresh temporary user-data-dir (and refuses --user-data-dir in args).
 */
async function launchChromium() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Scores once in headless Chromium and saves the page (sheet view + pane) as a PNG. */
async function screenshot(server, out) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    await page.goto(server.url);
    await page.getByRole('button', { name: '一键评分' }).click();
    // The seed's typed rate and scores differ from the computed ones: the preview comes first.
    await page.getByRole('button', { name: '确认写入' }).click();
    await page.getByText(/评分完成|评分未完成/).first().waitFor();
    await page.getByRole('tab', { name: '评分结果' }).click();
    await page.waitForTimeout(300);
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    await page.screenshot({ path: out });
    console.log(`[demo] 截图已保存：${out}`);
  } finally {
    await browser.close();
  }
}

function parseArgs(argv) {
  const o = { port: 3100 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} 需要一个值`);
      return argv[++i];
    };
    if (a === '--port') o.port = Number(next());
    else if (a.startsWith('--port=')) o.port = Number(a.slice(7));
    else if (a === '--file') o.file = next();
    else if (a.startsWith('--file=')) o.file = a.slice(7);
    else if (a === '--build') o.build = true;
    else if (a === '--screenshot') o.screenshot = next();
    else if (a === '--help' || a === '-h') o.help = true;
    else throw new Error(`未知参数：${a}（可用：--port N、--file 文件.xlsx、--build、--screenshot 输出.png）`);
  }
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) throw new Error('--port 应为 0～65535 的整数');
  return o;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`[demo] ${err.message}`);
    process.exit(1);
  }
  if (opts.help) {
    console.log('用法：npm run demo -- [--port 3100] [--file 工作簿.xlsx] [--build] [--screenshot docs/demo.png]');
    return;
  }
  let server;
  try {
    server = await startDemoServer({ ...(opts.screenshot ? { ...opts, port: 0 } : opts) });
  } catch (err) {
    console.error(`[demo] 无法启动：${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    process.exit(1);
  }
  if (opts.screenshot) {
    try {
      await screenshot(server, opts.screenshot);
    } finally {
      await server.close();
    }
    return;
  }
  console.log(`[demo] 绩效自评助手演示（Excel 替身，工作簿：${path.relative(process.cwd(), path.resolve(opts.file || DEFAULT_FILE))}）`);
  console.log(`[demo] 在浏览器中打开：${server.url}`);
  console.log('[demo] 深色主题：?theme=dark　按 Ctrl+C 退出');
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

module.exports = { startDemoServer, launchChromium, panePage };

if (require.main === module) {
  main().catch((err) => {
    console.error(`[demo] ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    process.exit(1);
  });
}
