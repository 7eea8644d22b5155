/**
 * The built pane (dist/) in headless Chromium over the stand-in Excel host (scripts/demo.js), on the seed
 * workbook. The host page has the Office CDN <script> stripped (the fake owns `Office`); any other request
 * leaving localhost is answered with an empty body by page.route, so nothing reaches the network.
 *
 * Needs a build first: `npm run build` (the test fails with that instruction when dist/ is missing).
 * Screenshots go to test-results/ (gitignored).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { readWorkbookFile } from '../../src/cli/readWorkbook';
import { evaluateWorkbook, planWrites } from '../../src/core/engine';

const ROOT = path.resolve(__dirname, '../..');
const SEED = path.join(ROOT, 'tests/fixtures/xincheng-12345-2023.xlsx');
const OUT = path.join(ROOT, 'test-results');

interface DemoServer {
  url: string;
  close(): Promise<void>;
}
// scripts/demo.js is plain CommonJS (it is also the `npm run demo` CLI).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const demo = require(path.join(ROOT, 'scripts/demo.js')) as {
  startDemoServer(o: { port: number; file: string; requireDist: boolean }): Promise<DemoServer>;
  launchChromium(): Promise<Browser>;
};

interface CellState {
  value: unknown;
  text?: string;
  fill?: string | null;
  note: string | null;
}
type DemoWindow = {
  __jixiaoDemo: {
    workbook: { cell(sheet: string, a1: string): CellState; selection: { sheet: string; address: string } | null };
    failedRuns: number;
  };
};

jest.setTimeout(180_000);

let server: DemoServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  for (const f of ['taskpane.html', 'taskpane.js']) {
    if (!fs.existsSync(path.join(ROOT, 'dist', f))) {
      throw new Error(`dist/${f} 不存在：e2e 测试加载构建好的任务窗格，请先运行 \`npm run build\`，再运行 \`npm run test:e2e\`。`);
    }
  }
  server = await demo.startDemoServer({ port: 0, file: SEED, requireDist: true });
  browser = await demo.launchChromium();
  fs.mkdirSync(OUT, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(query: string, viewport = { width: 320, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser!.newPage({ viewport });
  await page.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server!.url}?${query}`);
  return { page, errors };
}

const cellOf = (page: Page, sheet: string, a1: string) =>
  page.evaluate(([s, a]) => {
    const c = (window as unknown as DemoWindow).__jixiaoDemo.workbook.cell(s, a);
    return { value: c.value, text: c.text, fill: c.fill ?? null, note: c.note };
  }, [sheet, a1] as const);

/** Polls until the condition holds (or 10 s pass) and returns the last value, for the assertion to judge. */
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  let v = await read();
  for (let i = 0; i < 100 && !ok(v); i++) {
    await new Promise((r) => setTimeout(r, 100));
    v = await read();
  }
  return v;
}

async function expected() {
  const { grids } = await readWorkbookFile(SEED);
  const result = evaluateWorkbook(grids);
  return { result, plan: planWrites(result, grids) };
}

describe('task pane over the stand-in host (seed workbook)', () => {
  it('scores with one click: writes the cells, lists the issues, selects an issue’s cell', async () => {
    const { result, plan } = await expected();
    const table = result.tables[0];
    const { page, errors } = await open('pane=only');
    await page.getByRole('tab', { name: '检测' }).waitFor();
    await page.getByText('A1:I21').waitFor();

    // Usable at 320 px: nothing wider than the pane.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    // Keyboard alone: focus 一键评分 and press Enter.
    await page.getByRole('button', { name: '一键评分' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('评分完成').waitFor();

    // The cells the spec names, then every write of the engine's plan, read back from the fake workbook.
    expect((await cellOf(page, '自评表', 'H6')).value).toBeCloseTo(1, 9);
    expect((await cellOf(page, '自评表', 'H16')).value).toBe(10);
    // WEIGHT_SUM stands under the national rules: the stated total stays, marked with the reason.
    expect((await cellOf(page, '自评表', 'H21')).value).toBe(table.totals.statedScore);
    expect((await cellOf(page, '自评表', 'H21')).note).toContain('总分和评价等级未写入');
    expect(plan.writes.length).toBeGreaterThan(0);
    for (const w of plan.writes) {
      const c = await cellOf(page, w.sheet, w.address);
      if (typeof w.value === 'number') expect([w.address, c.value]).toEqual([w.address, expect.closeTo(w.value, 9)]);
      else expect([w.address, c.value]).toEqual([w.address, w.value]);
    }
    for (const m of plan.marks) {
      const c = await cellOf(page, m.sheet, m.address);
      expect([m.address, (c.fill ?? '').toUpperCase()]).toEqual([m.address, m.fill.toUpperCase()]);
    }

    // Arrow keys move along the tabs (Tabster needs a real layout: checked here, not in jsdom).
    await page.getByRole('tab', { name: '检测' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const panel = page.getByRole('tabpanel', { name: /问题/ });
    await panel.waitFor();
    for (const issue of table.issues) await expect(panel.getByText(issue.message, { exact: true }).isVisible()).resolves.toBe(true);
    expect(table.issues.some((i) => i.code === 'WEIGHT_SUM')).toBe(true);
    const weightSum = table.issues.find((i) => i.code === 'WEIGHT_SUM')!;
    await panel.getByRole('button', { name: new RegExp(`${weightSum.cell}：`) }).click();
    const sel = await until(() => page.evaluate(() => (window as unknown as DemoWindow).__jixiaoDemo.workbook.selection), (v) => v !== null);
    expect(sel!.sheet).toBe('自评表');
    expect(sel!.address.replace(/\$/g, '')).toContain(weightSum.cell!);

    // Every tab fits 320 px (no horizontal scrolling).
    for (const name of ['评分结果', '设置', '检测']) {
      await page.getByRole('tab', { name }).click();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect({ tab: name, fits: width <= 320 }).toEqual({ tab: name, fits: true });
    }
    await page.getByRole('tab', { name: '评分结果' }).click();
    await page.screenshot({ path: path.join(OUT, 'pane-light.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows Office’s dark theme', async () => {
    const { page, errors } = await open('pane=only&theme=dark');
    await page.getByRole('tab', { name: '检测' }).waitFor();
    await page.getByRole('button', { name: '一键评分' }).click();
    await page.getByText('评分完成').waitFor();
    await page.getByRole('tab', { name: '评分结果' }).click();
    const bg = await page.evaluate(() => getComputedStyle(document.querySelector('main')!.parentElement!).backgroundColor);
    const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number);
    expect(0.299 * r + 0.587 * g + 0.114 * b).toBeLessThan(128);
    await page.screenshot({ path: path.join(OUT, 'pane-dark.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('redraws the sheet view beside the pane after scoring', async () => {
    const { page } = await open('', { width: 1280, height: 760 });
    await page.getByRole('tab', { name: '检测' }).waitFor();
    const h6 = page.locator('td[data-cell="H6"]');
    const before = await h6.textContent();
    await page.getByRole('button', { name: '一键评分' }).click();
    await page.getByText('评分完成').waitFor();
    const written = await cellOf(page, '自评表', 'H6');
    expect(written.value).toBeCloseTo(1, 9);
    expect(await until(() => h6.textContent(), (t) => t === written.text)).toBe(written.text);
    expect(before).not.toBe(written.text);
    await page.screenshot({ path: path.join(OUT, 'demo-light.png') });
    await page.close();
  });

  it('shows an Excel.run failure in the pane, not a blank page', async () => {
    const { page, errors } = await open('pane=only&fail=run');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('读取工作簿失败');
    expect(await page.evaluate(() => (window as unknown as DemoWindow).__jixiaoDemo.failedRuns)).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: '重新检测' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(OUT, 'pane-error.png'), fullPage: true });
    await page.close();
  });
});
