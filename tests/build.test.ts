/**
 * The production build (npm run build): dist/ holds the pane page loading office.js from the Office CDN,
 * the bundles, the manifest and every icon it references. Fails, rather than skips, when there is no build.
 */
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const read = (rel: string) => fs.readFileSync(path.join(dist, rel), 'utf8');

/** The src of every <script> tag, in document order (the minified HTML drops attribute quotes). */
function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2]);
}

describe('dist/ (npm run build)', () => {
  it('exists', () => {
    if (!fs.existsSync(path.join(dist, 'taskpane.html'))) {
      throw new Error('dist/ 不存在或不完整：请先运行 npm run build / no build found: run `npm run build` first');
    }
  });

  const built = fs.existsSync(path.join(dist, 'taskpane.html'));
  const whenBuilt = built ? it : it.skip;

  whenBuilt('taskpane.html loads office.js from the Office CDN before the pane bundle', () => {
    const html = read('taskpane.html');
    const scripts = scriptSources(html);
    expect(scripts[0]).toBe(OFFICE_JS);
    expect(scripts).toContain('taskpane.js');
    expect(html).toMatch(/<div id="?root"?/);
    expect(html).toMatch(/<html lang="?zh-CN"?/);
  });

  whenBuilt('the pane bundle also registers the ribbon functions (it is the shared runtime page)', () => {
    const bundle = read('taskpane.js');
    expect(bundle.length).toBeGreaterThan(1000);
    for (const name of ['scoreWorkbook', 'generateReport', 'undoScoring']) expect(bundle).toContain(name);
  });

  whenBuilt('commands.html loads office.js and only the commands bundle', () => {
    const scripts = scriptSources(read('commands.html'));
    expect(scripts).toEqual([OFFICE_JS, 'commands.js']);
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
