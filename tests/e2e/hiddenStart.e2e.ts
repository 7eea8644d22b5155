/**
 * Quiet when hidden, in Chromium: the built pane over the stand-in host (scripts/demo.js) started as Office
 * starts an add-in whose startup behavior is "Load" — with the document, the pane not shown ("Load the add-in
 * but do not show UI", Office.StartupBehavior). The page itself is visible to Chromium, so only Office's word
 * (getStartupBehavior, then onVisibilityModeChanged → "Taskpane") keeps the pane from reading the workbook.
 *
 * Needs a build first: `npm run build`.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');
const SEED = path.join(ROOT, 'tests/fixtures/xincheng-12345-2023.xlsx');

// scripts/demo.js is plain CommonJS (it is also the `npm run demo` CLI).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const demo = require(path.join(ROOT, 'scripts/demo.js')) as {
  startDemoServer(o: { port: number; file: string; requireDist: boolean }): Promise<{ url: string; close(): Promise<void> }>;
  launchChromium(): Promise<Browser>;
};

type DemoWindow = { __jixiaoDemo: { workbook: { bytesRead: number; paneMode: string; setPaneMode(m: 'Taskpane' | 'Hidden'): void } } };

jest.setTimeout(120_000);

let server: { url: string; close(): Promise<void> } | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'taskpane.js'))) throw new Error('dist/taskpane.js 不存在：请先运行 `npm run build`。');
  server = await demo.startDemoServer({ port: 0, file: SEED, requireDist: true });
  browser = await demo.launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('started with the document, the pane reads nothing until Office shows it, then reads and shows the table', async () => {
  const page = await browser!.newPage({ viewport: { width: 320, height: 900 } });
  await page.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server!.url}?start=load`);
  await page.getByRole('button', { name: '一键评分' }).waitFor();
  await page.waitForTimeout(1500);
  const hidden = await page.evaluate(() => {
    const wb = (window as unknown as DemoWindow).__jixiaoDemo.workbook;
    return { bytesRead: wb.bytesRead, visibility: document.visibilityState, paneMode: wb.paneMode };
  });
  expect(hidden).toEqual({ bytesRead: 0, visibility: 'visible', paneMode: 'Hidden' });
  expect(await page.getByText('A1:I21').count()).toBe(0);

  await page.evaluate(() => (window as unknown as DemoWindow).__jixiaoDemo.workbook.setPaneMode('Taskpane'));
  await page.getByText('A1:I21').waitFor();
  expect(await page.evaluate(() => (window as unknown as DemoWindow).__jixiaoDemo.workbook.bytesRead)).toBeGreaterThan(0);
  expect(errors).toEqual([]);
  await page.close();
});
