/**
 * The built pane (dist/) in headless Chromium over the stand-in Excel host (scripts/demo.js), on the seed
 * workbook. The host page has the Office CDN <script> stripped (the fake owns `Office`); any other request
 * leaving localhost is answered with an empty body by page.route, so nothing reaches the network.
 *
 * Needs a build first: `npm run build` (the test fails with that instruction when dist/ is missing).
 * Screenshots of the states issue 13 names go to docs/screenshots/ (committed); the others to test-results/.
 * Every state is checked with axe-core: no serious or critical violation (Tabster's focus-trap dummies, which
 * are invisible helper elements, are excluded by selector).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { readWorkbookFile } from '../../src/cli/readWorkbook';
import { evaluateWorkbook, planWrites } from '../../src/core/engine';
import { messageWithoutCell } from '../../src/core/messages';

const ROOT = path.resolve(__dirname, '../..');
const SEED = path.join(ROOT, 'tests/fixtures/xincheng-12345-2023.xlsx');
const OUT = path.join(ROOT, 'test-results');
const SHOTS = path.join(ROOT, 'docs', 'screenshots');
const STACKED = path.join(ROOT, 'tests/fixtures/core-stacked.xlsx');
const AXE = require.resolve('axe-core/axe.min.js');

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
    workbook: {
      cell(sheet: string, a1: string): CellState;
      selection: { sheet: string; address: string } | null;
      writes: unknown[];
      setCell(sheet: string, a1: string, cell: { value: unknown; text?: string }): void;
      userEdits(sheet: string, a1: string, value: unknown, text?: string): void;
    };
    failedRuns: number;
  };
};

jest.setTimeout(180_000);

let server: DemoServer | undefined;
let stacked: DemoServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  for (const f of ['taskpane.html', 'taskpane.js']) {
    if (!fs.existsSync(path.join(ROOT, 'dist', f))) {
      throw new Error(`dist/${f} 不存在：e2e 测试加载构建好的任务窗格，请先运行 \`npm run build\`，再运行 \`npm run test:e2e\`。`);
    }
  }
  server = await demo.startDemoServer({ port: 0, file: SEED, requireDist: true });
  stacked = await demo.startDemoServer({ port: 0, file: STACKED, requireDist: true });
  browser = await demo.launchChromium();
  fs.mkdirSync(OUT, { recursive: true });
  fs.mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await stacked?.close();
});

async function open(query: string, viewport = { width: 320, height: 900 }, on: DemoServer = server!): Promise<{ page: Page; errors: string[] }> {
  const page = await browser!.newPage({ viewport });
  await page.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${on.url}?${query}`);
  return { page, errors };
}

/** axe-core over the whole page: the serious and critical violations, as "rule: target" lines. */
async function axeSerious(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ passes: unknown[]; violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    // Tabster's focus-trap dummies are invisible helper elements Fluent inserts; only they are left out.
    const r = await axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    // A run that checked nothing would pass anything: it must have applied its rules to this page.
    if (r.passes.length < 10) return [`axe checked only ${r.passes.length} rules`];
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
  return found;
}

const noSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

const demoWorkbook = (page: Page) => page.evaluate(() => (window as unknown as DemoWindow).__jixiaoDemo.workbook.writes.length);

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

    // Keyboard alone: focus 一键评分 and press Enter; the preview comes first (typed numbers differ), confirmed with Enter.
    await page.getByRole('button', { name: '一键评分' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: '确认改写' }).waitFor();
    await page.getByRole('button', { name: '确认写入' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('总分和等级未写入').first().waitFor();

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
    // Each message once, without the address that stands beside it.
    // (H6 and H7 carry the same sentence: each is listed once, under its own cell.)
    for (const issue of table.issues) {
      const text = panel.getByText(messageWithoutCell(issue.message, issue.cell), { exact: true });
      expect(await text.count()).toBe(table.issues.filter((i) => messageWithoutCell(i.message, i.cell) === messageWithoutCell(issue.message, issue.cell)).length);
      await expect(text.first().isVisible()).resolves.toBe(true);
    }
    expect(table.issues.some((i) => i.code === 'WEIGHT_SUM')).toBe(true);
    const weightSum = table.issues.find((i) => i.code === 'WEIGHT_SUM')!;
    await panel.getByRole('button', { name: new RegExp(`${weightSum.cell}`) }).first().click();
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
    await page.getByRole('button', { name: '确认写入' }).click();
    await page.getByText('总分和等级未写入').first().waitFor();
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
    await page.getByRole('button', { name: '确认写入' }).click();
    await page.getByText('总分和等级未写入').first().waitFor();
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

  it('previews a typed text about to be replaced and writes nothing until 确认写入; the total and grade stay unwritten under national rules', async () => {
    const { page, errors } = await open('pane=only');
    await page.getByText('A1:I21').waitFor();
    // The clerk typed "满分" where a score belongs.
    await page.evaluate(() => (window as unknown as DemoWindow).__jixiaoDemo.workbook.setCell('自评表', 'H16', { value: '满分', text: '满分' }));
    await page.getByRole('button', { name: '一键评分' }).click();
    const preview = page.getByRole('region', { name: '确认改写' });
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/将改写 \d+ 个单元格，其中 1 个原为文字「满分」。尚未写入任何内容/);
    const typed = preview.getByRole('button', { name: /H16.*原为文字「满分」→ 10/ });
    expect(await typed.isVisible()).toBe(true);
    expect(await demoWorkbook(page)).toBe(0);
    // The list is clickable: it selects the cell, still writing nothing.
    await typed.click();
    const sel = await until(() => page.evaluate(() => (window as unknown as DemoWindow).__jixiaoDemo.workbook.selection), (v) => v?.address.replace(/\$/g, '') === 'H16');
    expect(sel!.address.replace(/\$/g, '')).toBe('H16');
    expect(await demoWorkbook(page)).toBe(0);
    expect(await axeSerious(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, '1-preview-typed-text.png'), fullPage: true });

    await preview.getByRole('button', { name: '确认写入' }).click();
    const notice = page.getByRole('status').filter({ hasText: '总分和等级未写入' });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/已写回 \d+ 个单元格；还有 1 个错误，总分和等级未写入/);
    expect((await cellOf(page, '自评表', 'H16')).value).toBe(10);
    // National rules: WEIGHT_SUM stands, so H21 keeps the stated 96 (marked with the reason) and no grade is written.
    const h21 = await cellOf(page, '自评表', 'H21');
    expect(h21.value).toBe(96);
    expect(h21.note).toContain('总分和评价等级未写入');
    expect((await cellOf(page, '自评表', 'I21')).value ?? null).toBeNull();
    expect((await cellOf(page, '自评表', 'J21')).value ?? null).toBeNull();
    expect(await axeSerious(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, '2-scored-warning.png'), fullPage: true });

    // Closing the notice puts focus back on the button that was used, not on <body>.
    await notice.getByRole('button', { name: '关闭' }).click();
    await until(() => page.evaluate(() => document.activeElement?.textContent ?? ''), (t) => t === '确认写入' || t === '一键评分');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('问题 shows what the scoring corrected as 已自动更正, and an issue goes once the user fixes its cell', async () => {
    const { page, errors } = await open('pane=only');
    await page.getByText('A1:I21').waitFor();
    await page.getByRole('button', { name: '一键评分' }).click();
    await page.getByRole('button', { name: '确认写入' }).click();
    await page.getByText('总分和等级未写入').first().waitFor();
    await page.getByRole('tab', { name: /问题/ }).click();
    const panel = page.getByRole('tabpanel', { name: /问题/ });
    const corrected = panel.getByRole('region', { name: /已自动更正/ });
    await corrected.waitFor();
    for (const cell of ['H6', 'I6', 'H7', 'H16']) expect(await corrected.getByRole('button', { name: new RegExp(`^已自动更正 ${cell}`) }).count()).toBe(1);
    const todo = panel.getByRole('region', { name: /需要您处理/ });
    expect(await todo.getByRole('button', { name: /H6/ }).count()).toBe(0);
    expect(await todo.getByRole('button', { name: /F20/ }).count()).toBe(1);
    expect(await panel.getByRole('list', { name: '单元格底色含义' }).isVisible()).toBe(true);
    expect(await axeSerious(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, '3-issues-corrected.png'), fullPage: true });

    // The clerk types the real satisfaction rate into F20 in Excel: the list follows, without a click.
    await page.evaluate(() => (window as unknown as DemoWindow).__jixiaoDemo.workbook.userEdits('自评表', 'F20', 0.965, '96.5%'));
    const gone = await until(() => todo.getByRole('button', { name: /F20/ }).count(), (n) => n === 0);
    expect(gone).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, '4-issue-gone-after-fix.png'), fullPage: true });

    // 评分结果: a row explains its score with the engine's numbers.
    await page.getByRole('tab', { name: '评分结果' }).click();
    await page.getByRole('button', { name: /^运行经费/ }).click();
    await page.getByText('反向指标：目标 97.9 万元，实际 64.95 万元，已完成 → 满分 10').waitFor();
    expect(await axeSerious(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, '5-result-explained.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('two tables at 320 px: no sideways scrolling on any tab; choosing a table selects it in Excel', async () => {
    const { page, errors } = await open('pane=only', { width: 320, height: 900 }, stacked);
    const picker = page.getByRole('combobox', { name: /2 张自评表/ });
    await picker.waitFor();
    for (const name of ['检测', '问题', '评分结果', '设置']) {
      await page.getByRole('tab', { name: new RegExp(name) }).click();
      expect({ tab: name, width: await noSideways(page) }).toEqual({ tab: name, width: expect.any(Number) });
      expect({ tab: name, fits: (await noSideways(page)) <= 320 }).toEqual({ tab: name, fits: true });
      expect({ tab: name, axe: await axeSerious(page) }).toEqual({ tab: name, axe: [] });
    }
    await page.getByRole('tab', { name: '检测' }).click();
    await picker.selectOption({ index: 1 });
    const sel = await until(() => page.evaluate(() => (window as unknown as DemoWindow).__jixiaoDemo.workbook.selection), (v) => !!v && v.address.replace(/\$/g, '').startsWith('A23'));
    expect(sel).toMatchObject({ sheet: '两个项目' });
    expect(sel!.address.replace(/\$/g, '')).toMatch(/^A23/);
    // The actions wrap instead of pushing the pane wider.
    const box = await page.getByRole('button', { name: '下载 Word 报告' }).boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(320);
    expect(await noSideways(page)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: path.join(SHOTS, '6-two-tables-320px.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('设置 in percent at 320 px: one bad weight is marked beside itself in Chinese; 90 % saves 0.9 into the workbook', async () => {
    const { page, errors } = await open('pane=only');
    await page.getByRole('tab', { name: '设置' }).click();
    const deviation = page.getByRole('textbox', { name: '须说明偏差的执行率' });
    // The national profile's fractions (1.0, 1.3, 0.8) are shown as percentages.
    await expect(deviation.inputValue()).resolves.toBe('100');
    await expect(page.getByRole('textbox', { name: '超额完成提示线' }).inputValue()).resolves.toBe('130');
    await expect(page.getByRole('textbox', { name: '达成档下限', exact: true }).inputValue()).resolves.toBe('80');

    const effect = page.getByRole('textbox', { name: '效益指标分值' });
    await effect.fill('abc');
    await page.getByRole('button', { name: '保存设置' }).click();
    const message = page.getByText('效益指标分值应为不小于 0 的数字，现为“abc”。');
    await message.waitFor();
    // Beside its field: directly under that input, in its column, not at the foot of the form.
    const [input, said] = [(await effect.boundingBox())!, (await message.boundingBox())!];
    expect(said.y).toBeGreaterThanOrEqual(input.y + input.height - 1);
    expect(said.y - (input.y + input.height)).toBeLessThan(40);
    expect(said.x).toBeLessThan(input.x + input.width);
    // The message does not stretch the neighbouring field's input.
    const neighbour = (await page.getByRole('textbox', { name: '满意度指标分值' }).boundingBox())!;
    expect(Math.abs(neighbour.height - input.height)).toBeLessThan(2);
    await expect(effect.getAttribute('aria-invalid')).resolves.toBe('true');
    for (const other of ['预算执行率分值', '产出指标分值', '满意度指标分值']) {
      await expect(page.getByRole('textbox', { name: other }).getAttribute('aria-invalid')).resolves.not.toBe('true');
    }
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toMatch(/weights|effect|JSON/);
    expect(await noSideways(page)).toBeLessThanOrEqual(320);
    expect(await axeSerious(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, '7-settings-error-beside-field.png'), fullPage: true });

    await effect.fill('30');
    await deviation.fill('90');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText(/设置已保存/).waitFor();
    const saved = await until(() => cellOf(page, '_jixiao_settings', 'A1'), (c) => typeof c.value === 'string' && c.value.includes('deviationBelowRate'));
    expect(JSON.parse(String(saved.value))).toMatchObject({ deviationBelowRate: 0.9, weights: { effect: 30 } });
    await expect(deviation.inputValue()).resolves.toBe('90');
    expect(errors).toEqual([]);
    await page.close();
  });
});
