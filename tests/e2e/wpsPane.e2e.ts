/**
 * The built WPS task pane (dist-wps/, npm run build) in headless Chromium over the WPS double: opened by
 * the ribbon's 一键评分 (taskpane.html?do=score) it scores the seed through the WPS adapter and shows the
 * outcome; the cells in the double hold what the Office add-in writes. Nothing leaves localhost.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import webpack from 'webpack';
import type { Browser } from 'playwright-core';
import { readWorkbookFile } from '../../src/cli/readWorkbook';
import { evaluateWorkbook, planWrites } from '../../src/core/engine';

const ROOT = path.resolve(__dirname, '../..');
const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const FOLDER = path.join(ROOT, 'dist-wps', `jixiao_${version}`);
const HOST = path.join(ROOT, 'test-results', 'wps-host', 'wpsHost.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const demo = require(path.join(ROOT, 'scripts/demo.js')) as { launchChromium(): Promise<Browser> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { typescriptRule } = require(path.join(ROOT, 'webpack.config.js')) as { typescriptRule(sourceMap: boolean): webpack.RuleSetRule };

let server: http.Server;
let base = '';
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(FOLDER, 'taskpane.js'))) throw new Error('dist-wps/ 不存在：请先运行 npm run build');
  await new Promise<void>((resolve, reject) =>
    webpack(
      { mode: 'development', devtool: false, target: 'web', entry: path.join(__dirname, 'wpsHost.ts'), output: { path: path.dirname(HOST), filename: 'wpsHost.js' }, resolve: { extensions: ['.ts', '.tsx', '.js'] }, module: { rules: [typescriptRule(false)] }, stats: 'errors-only' },
      (err, stats) => (err || stats?.hasErrors() ? reject(err ?? new Error(stats?.toString('errors-only'))) : resolve()),
    ),
  );
  const { grids } = await readWorkbookFile(path.join(ROOT, 'tests/fixtures/xincheng-12345-2023.xlsx'));
  const data = JSON.stringify(grids).replace(/</g, '\\u003c');
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/wpsHost.js') return void res.end(fs.readFileSync(HOST));
    const file = path.normalize(path.join(FOLDER, decodeURIComponent(url.pathname)));
    if (!file.startsWith(FOLDER) || !fs.existsSync(file)) return void res.writeHead(404).end();
    let body: Buffer | string = fs.readFileSync(file);
    if (file.endsWith('taskpane.html')) body = body.toString().replace('<head>', `<head><script>window.__WPS_GRIDS__=${data}</script><script src="/wpsHost.js"></script>`);
    res.writeHead(200, { 'Content-Type': file.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await demo.launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

test('一键评分 from the WPS ribbon: the pane scores the seed through the WPS adapter', async () => {
  const page = await browser.newPage({ viewport: { width: 450, height: 900 } });
  await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  await page.goto(`${base}/taskpane.html?do=score`);
  await page.getByRole('heading', { name: '绩效自评助手' }).waitFor({ timeout: 30_000 });
  // The seed's typed rates and scores differ from the computed ones: as in Excel, the pane first previews what
  // would be replaced and nothing is written until 确认写入.
  await page.getByRole('button', { name: '确认写入' }).waitFor({ timeout: 30_000 });
  const before = await page.evaluate(() => (window as unknown as { __wpsDouble: { workbook: { sheet(n: string): { cell(r: number, c: number): { value: unknown } | undefined } } } }).__wpsDouble.workbook.sheet('自评表').cell(5, 7)?.value);
  expect(before).toBe(0.66);
  await page.getByRole('button', { name: '确认写入' }).click();
  // The outcome notice of a finished scoring (a warning while errors stand).
  await page.getByText(/已写回 \d+ 个单元格/).waitFor({ timeout: 30_000 });
  const written = await page.evaluate(() => {
    const app = (window as unknown as { __wpsDouble: { workbook: { sheet(n: string): { cell(r: number, c: number): { value: unknown } | undefined }; sheets: { name: string; visible: number }[] } } }).__wpsDouble;
    const s = app.workbook.sheet('自评表');
    return { H6: s.cell(5, 7)?.value, I6: s.cell(5, 8)?.value, H16: s.cell(15, 7)?.value, sheets: app.workbook.sheets.map((x) => `${x.name}:${x.visible}`) };
  });
  const { grids } = await readWorkbookFile(path.join(ROOT, 'tests/fixtures/xincheng-12345-2023.xlsx'));
  const plan = planWrites(evaluateWorkbook(grids), grids);
  const want = (a: string) => plan.writes.find((w) => w.address === a)?.value;
  expect(written.H6).toBe(want('H6'));
  expect(written.I6).toBe(want('I6'));
  expect(written.H16).toBe(want('H16'));
  expect(written.sheets).toContain('_jixiao_backup:2');
  fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'wps-pane-scored.png') });
}, 120_000);
