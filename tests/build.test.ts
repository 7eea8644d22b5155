/**
 * The production build (npm run build): dist/ holds the pane page (office.js from the Office CDN, then its
 * bundle through an ES5 loader that stops in old webviews), the bundles, the manifest and every icon it references. Fails, rather than skips, when there is no build.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'acorn';

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const read = (rel: string) => fs.readFileSync(path.join(dist, rel), 'utf8');

/** The src of every <script> tag, in document order (the minified HTML drops attribute quotes). */
function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2]);
}

/** The bodies of the inline <script> elements. */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).filter((code) => code.trim() !== '');
}

describe('the old-webview loader (src/taskpane/oldWebview.js)', () => {
  const source = fs.readFileSync(path.join(root, 'src/taskpane/oldWebview.js'), 'utf8');

  it('is ES5: Internet Explorer 11 rejects anything newer, and then nothing would show', () => {
    expect(() => parse(source, { ecmaVersion: 5 })).not.toThrow();
    // The check can fail: the same parser refuses ES2015.
    expect(() => parse('const a = () => 1;', { ecmaVersion: 5 })).toThrow();
  });

  it('tells Trident and EdgeHTML from WebView2 ("Edg/") and desktop Chromium', () => {
    const isOld = new Function(`${source}; return jixiaoOldWebview;`)() as (ua: string) => boolean;
    expect(isOld('Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko')).toBe(true);
    expect(isOld('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0 Safari/537.36 Edge/18.19041')).toBe(true);
    expect(isOld('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0.0.0')).toBe(false);
    expect(isOld('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko)')).toBe(false);
  });
});

describe('dist/ (npm run build)', () => {
  it('exists', () => {
    if (!fs.existsSync(path.join(dist, 'taskpane.html'))) {
      throw new Error('dist/ 不存在或不完整：请先运行 npm run build / no build found: run `npm run build` first');
    }
  });

  const built = fs.existsSync(path.join(dist, 'taskpane.html'));
  const whenBuilt = built ? it : it.skip;

  whenBuilt('taskpane.html loads office.js from the Office CDN, then the pane bundle through its ES5 loader', () => {
    const html = read('taskpane.html');
    // No <script src> for the bundle: an old webview must never request it (tests/e2e/webviews.e2e.ts).
    expect(scriptSources(html)).toEqual([OFFICE_JS]);
    const loader = inlineScripts(html);
    expect(loader).toHaveLength(1);
    expect(loader[0]).toMatch(/jixiaoLoad\(\["taskpane\.js"\],\s*"root"\)/);
    expect(html).toMatch(/<div id="?root"?/);
    expect(html).toMatch(/<html lang="?zh-CN"?/);
  });

  whenBuilt('the inline loaders of both pages are ES5, as Internet Explorer 11 needs', () => {
    for (const page of ['taskpane.html', 'commands.html']) {
      for (const code of inlineScripts(read(page))) expect(() => parse(code, { ecmaVersion: 5 })).not.toThrow();
    }
  });

  whenBuilt('the pane bundle also registers the ribbon functions (it is the shared runtime page)', () => {
    const bundle = read('taskpane.js');
    expect(bundle.length).toBeGreaterThan(1000);
    for (const name of ['scoreWorkbook', 'generateReport', 'undoScoring']) expect(bundle).toContain(name);
  });

  whenBuilt('commands.html loads office.js and only the commands bundle', () => {
    const html = read('commands.html');
    expect(scriptSources(html)).toEqual([OFFICE_JS]);
    expect(inlineScripts(html).join('\n')).toMatch(/jixiaoLoad\(\["commands\.js"\]/);
    expect(fs.statSync(path.join(dist, 'commands.js')).size).toBeGreaterThan(0);
  });

  whenBuilt('dist/manifest.xml points only at files in dist/', () => {
    const xml = read('manifest.xml');
    const origin = xml.match(/<SourceLocation DefaultValue="([^"]+)taskpane\.html"/)![1];
    const urls = [...new Set([...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]))];
    expect(urls.length).toBeGreaterThan(15);
    for (const url of urls) {
      expect(url.startsWith(origin)).toBe(true);
      const file = path.join(dist, url.slice(origin.length));
      expect({ url, exists: fs.existsSync(file) }).toEqual({ url, exists: true });
    }
  });

  whenBuilt('dist/assets holds the app icon and the three sizes of every button icon', () => {
    const icons = fs.readdirSync(path.join(dist, 'assets'));
    const expected = [
      ...[16, 32, 64, 80].map((s) => `icon-${s}.png`),
      ...['score', 'report', 'undo', 'pane'].flatMap((n) => [16, 32, 80].map((s) => `${n}-${s}.png`)),
    ];
    expect(icons).toEqual(expect.arrayContaining(expected));
  });
});
