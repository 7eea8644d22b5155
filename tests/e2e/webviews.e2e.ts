/**
 * The pages as old and intranet Office installations see them, in headless Chromium:
 *  - under an Internet Explorer 11 (Trident) or Edge Legacy (EdgeHTML) user agent the ES5 loader shows the
 *    Chinese message and never requests the bundle (Microsoft Learn, "Support older Microsoft webviews and
 *    Office versions": detect the webview from navigator.userAgent and fail gracefully);
 *  - the intranet build (OFFICE_JS=local, ADDIN_URL=…) loads office.js and everything else from its own
 *    origin, with every other host blocked.
 *
 * The intranet build is made here, with the project's webpack config, into test-results/intranet-dist
 * (a minute or two on a shared machine). Chromium stands in for the webviews: the user agent is what the
 * check reads, and the page's script is ES5 (tests/build.test.ts parses it as such).
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { AddressInfo } from 'net';
import type { Browser, Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'test-results', 'intranet-dist');
const INTRANET_URL = 'https://jixiao.czj.example/jixiao/';
const TRIDENT_UA = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko';
const EDGEHTML_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041';
const WEBVIEW2_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0';

// scripts/demo.js is plain CommonJS; its launcher is the project's one way to start Chromium.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const demo = require(path.join(ROOT, 'scripts/demo.js')) as { launchChromium(): Promise<Browser> };

jest.setTimeout(400_000);

/** Runs the project's webpack config in production mode with the given --env values. */
async function build(env: Record<string, string>): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configure = require(path.join(ROOT, 'webpack.config.js')) as (env: Record<string, string>, argv: { mode: string }) => Promise<import('webpack').Configuration>;
  const config = await configure(env, { mode: 'production' });
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      resolve();
    }),
  );
}

/** A plain static file server over `dir` (what IIS or nginx does on the intranet). */
function serve(dir: string): Promise<{ origin: string; close(): Promise<void> }> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.png': 'image/png', '.xml': 'application/xml' };
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    const file = path.resolve(dir, rel);
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

interface Visit {
  page: Page;
  /** Every URL the page asked for, in order. */
  requested: string[];
  /** Requests to any other origin (all blocked). */
  offOrigin: string[];
  /** Responses that were not 2xx. */
  failed: string[];
  errors: string[];
}

let browser: Browser | undefined;
let server: { origin: string; close(): Promise<void> } | undefined;

beforeAll(async () => {
  fs.rmSync(OUT, { recursive: true, force: true });
  await build({ OFFICE_JS: 'local', ADDIN_URL: INTRANET_URL, outputPath: OUT });
  server = await serve(OUT);
  browser = await demo.launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page of the intranet build with only its own origin reachable. */
async function visit(rel: string, userAgent?: string): Promise<Visit> {
  const context = await browser!.newContext(userAgent ? { userAgent } : {});
  const page = await context.newPage();
  const v: Visit = { page, requested: [], offOrigin: [], failed: [], errors: [] };
  await page.route('**/*', (route) => {
    const url = route.request().url();
    v.requested.push(url);
    if (url.startsWith(`${server!.origin}/`)) return route.continue();
    v.offOrigin.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('response', (r) => {
    if (r.status() >= 300) v.failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('pageerror', (e) => v.errors.push(e.message));
  await page.goto(`${server!.origin}/${rel}`, { waitUntil: 'load' });
  return v;
}

const own = (v: Visit) => v.requested.map((u) => u.slice(server!.origin.length));

describe('intranet build (OFFICE_JS=local)', () => {
  it('holds office.js and its Excel host files under the add-in origin, untouched by the minifier', () => {
    const pkg = path.dirname(require.resolve('@microsoft/office-js/package.json'));
    for (const f of ['office.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'excel-mac-16.00.js', 'zh-cn/office_strings.js', 'en-us/office_strings.js', 'telemetry/oteljs_agave.js']) {
      const built = path.join(OUT, 'office-js', f);
      expect({ f, exists: fs.existsSync(built) }).toEqual({ f, exists: true });
      // Byte for byte Microsoft's file: `info.minimized` kept terser away from it.
      expect(fs.readFileSync(built).equals(fs.readFileSync(path.join(pkg, 'dist', f)))).toBe(true);
    }
    expect(fs.existsSync(path.join(OUT, 'office-js', 'office.debug.js'))).toBe(false);
  });

  it('references nothing off its own origin from its pages, and its manifest points at the intranet server', () => {
    for (const page of ['taskpane.html', 'commands.html', 'help.html']) {
      const html = fs.readFileSync(path.join(OUT, page), 'utf8');
      // Every src/href: relative, or on the add-in's own URL.
      const refs = [...html.matchAll(/\b(?:src|href)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? m[3]);
      const foreign = refs.filter((r) => /^(?:[a-z]+:)?\/\//i.test(r) && !r.startsWith(INTRANET_URL));
      expect({ page, foreign }).toEqual({ page, foreign: [] });
      expect(html).not.toMatch(/appsforoffice\.microsoft\.com/);
    }
    expect(fs.readFileSync(path.join(OUT, 'taskpane.html'), 'utf8')).toMatch(/<script src="?office-js\/office\.js"?>/);
    const manifest = fs.readFileSync(path.join(OUT, 'manifest.xml'), 'utf8');
    const urls = [...manifest.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(15);
    expect(urls.filter((u) => !u.startsWith(INTRANET_URL))).toEqual([]);
  });

  it('passes the offline manifest validator against the files it built', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { spawnSync } = require('child_process') as typeof import('child_process');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/validate-manifest.js'), path.join(OUT, 'manifest.xml')], { encoding: 'utf8' });
    expect(r.stdout).toContain('清单校验通过');
    expect(r.status).toBe(0);
  });

  it('loads the task pane with every host but its own blocked: office.js, then the bundle, all from the origin', async () => {
    const v = await visit('taskpane.html');
    // Outside Office, office.js still defines Office and resolves onReady; the pane then starts and says
    // it cannot reach a workbook, so React has replaced the loading text.
    await v.page.waitForFunction(() => !document.getElementById('loading'), undefined, { timeout: 30_000 });
    expect(v.offOrigin).toEqual([]);
    expect(v.failed).toEqual([]);
    expect(own(v).slice(0, 2)).toEqual(['/taskpane.html', '/office-js/office.js']);
    expect(own(v)).toContain('/taskpane.js');
    expect(await v.page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe('object');
    expect(v.errors).toEqual([]);
    await v.page.context().close();
  });

  it('loads the commands page the same way', async () => {
    const v = await visit('commands.html?notice=%E5%B7%B2%E6%92%A4%E9%94%80');
    await v.page.waitForLoadState('networkidle');
    expect(v.offOrigin).toEqual([]);
    expect(v.failed).toEqual([]);
    expect(own(v)).toEqual(expect.arrayContaining(['/office-js/office.js', '/commands.js']));
    expect(await v.page.locator('#notice').textContent()).toBe('已撤销');
    await v.page.context().close();
  });
});

describe('old webviews', () => {
  for (const [name, ua] of [
    ['Internet Explorer 11 (Trident)', TRIDENT_UA],
    ['Edge Legacy (EdgeHTML)', EDGEHTML_UA],
  ] as const) {
    it(`${name}: shows what the Office lacks and what to do, and never requests taskpane.js`, async () => {
      const v = await visit('taskpane.html', ua);
      const alert = v.page.getByRole('alert');
      await alert.waitFor();
      const text = await alert.textContent();
      expect(text).toContain('绩效自评助手无法在这个版本的 Office 中运行');
      expect(text).toContain('Internet Explorer 11');
      expect(text).toContain('Microsoft 365 或 Office 2021');
      expect(text).toContain('WebView2');
      await v.page.waitForLoadState('networkidle');
      expect(own(v).filter((u) => /taskpane\.js|commands\.js/.test(u))).toEqual([]);
      expect(await v.page.locator('#loading').count()).toBe(0);
      expect(v.errors).toEqual([]);
      await v.page.context().close();
    });
  }

  it('Edge WebView2 ("Edg/") is not an old webview: the bundle loads', async () => {
    const v = await visit('taskpane.html', WEBVIEW2_UA);
    await v.page.waitForFunction(() => !document.getElementById('loading'), undefined, { timeout: 30_000 });
    expect(own(v)).toContain('/taskpane.js');
    expect(await v.page.getByText('无法在这个版本的 Office 中运行').count()).toBe(0);
    await v.page.context().close();
  });

  it('commands.html under Trident shows the message and requests no bundle', async () => {
    const v = await visit('commands.html', TRIDENT_UA);
    await v.page.getByRole('alert').waitFor();
    await v.page.waitForLoadState('networkidle');
    expect(own(v).filter((u) => u.endsWith('commands.js'))).toEqual([]);
    await v.page.context().close();
  });
});
