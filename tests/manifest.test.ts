/**
 * manifest.xml: the ribbon contract (4 buttons and their functions), permissions, locales, resources,
 * the shared runtime wiring and the icon files it points at. Parsed with regular expressions: the
 * manifest is ours and regular, and a DOM parser would be one more dependency.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';

const root = path.resolve(__dirname, '..');
const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const DEV_URL = 'https://localhost:3000/';

function resourceMap(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of text.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"\s+DefaultValue="([^"]*)"/g)) {
    map.set(m[1], m[2]);
  }
  return map;
}
const res = resourceMap(xml);

interface Button {
  id: string;
  label: string | undefined;
  tipTitle: string | undefined;
  tipDescription: string | undefined;
  action: string | undefined;
  functionName: string | undefined;
  taskpaneId: string | undefined;
  sourceLocation: string | undefined;
  icons: { size: number; url: string | undefined }[];
}

function buttons(text: string): Button[] {
  return [...text.matchAll(/<Control\s+xsi:type="Button"\s+id="([^"]+)">([\s\S]*?)<\/Control>/g)].map((m) => {
    const body = m[2];
    const pick = (re: RegExp) => body.match(re)?.[1];
    return {
      id: m[1],
      label: res.get(pick(/<Label resid="([^"]+)"/) ?? ''),
      tipTitle: res.get(pick(/<Supertip>\s*<Title resid="([^"]+)"/) ?? ''),
      tipDescription: res.get(pick(/<Description resid="([^"]+)"/) ?? ''),
      action: pick(/<Action xsi:type="([^"]+)"/),
      functionName: pick(/<FunctionName>([^<]+)<\/FunctionName>/),
      taskpaneId: pick(/<TaskpaneId>([^<]+)<\/TaskpaneId>/),
      sourceLocation: pick(/<Action[\s\S]*<SourceLocation resid="([^"]+)"/),
      icons: [...body.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"/g)].map((i) => ({
        size: Number(i[1]),
        url: res.get(i[2]),
      })),
    };
  });
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function assetFile(url: string): string {
  expect(url.startsWith(`${DEV_URL}assets/`)).toBe(true);
  return path.join(root, url.slice(DEV_URL.length));
}

describe('manifest.xml', () => {
  const ribbon = buttons(xml);

  it('is an Excel task pane add-in asking for ReadWriteDocument and nothing broader', () => {
    expect(xml).toMatch(/xsi:type="TaskPaneApp"/);
    expect(xml).toMatch(/<Hosts>\s*<Host Name="Workbook"\/>\s*<\/Hosts>/);
    expect(xml.match(/<Permissions>([^<]+)<\/Permissions>/)?.[1]).toBe('ReadWriteDocument');
    expect(xml).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
  });

  it('is named 绩效自评助手 in zh-CN with an en-US override', () => {
    expect(xml.match(/<DefaultLocale>([^<]+)<\/DefaultLocale>/)?.[1]).toBe('zh-CN');
    const display = xml.match(/<DisplayName DefaultValue="([^"]*)">([\s\S]*?)<\/DisplayName>/);
    expect(display?.[1]).toBe('绩效自评助手');
    expect(display?.[2]).toContain('<Override Locale="en-US" Value="Performance Self-Evaluation Assistant"/>');
    expect(xml).toMatch(/<Description DefaultValue="[^"]+">\s*<Override Locale="en-US"/);
  });

  it('translates every ribbon string into en-US', () => {
    const strings = [...xml.matchAll(/<bt:String id="([^"]+)" DefaultValue="[^"]*">([\s\S]*?)<\/bt:String>/g)];
    expect(strings.length).toBeGreaterThanOrEqual(10);
    const untranslated = strings.filter((s) => !s[2].includes('Locale="en-US"')).map((s) => s[1]);
    expect(untranslated).toEqual([]);
  });

  it('has a 绩效自评 tab with one group holding the four buttons', () => {
    const tab = xml.match(/<CustomTab id="([^"]+)">([\s\S]*?)<\/CustomTab>/);
    expect(tab?.[1]).toBe('JixiaoTab');
    const body = tab![2];
    expect(body.match(/<Group id=/g)).toHaveLength(1);
    const tabLabel = body.slice(body.lastIndexOf('</Group>')).match(/<Label resid="([^"]+)"/)?.[1];
    expect(res.get(tabLabel ?? '')).toBe('绩效自评');
    expect(ribbon.map((b) => b.label)).toEqual(['一键评分', '生成报告', '撤销评分', '打开面板']);
  });

  it('binds the three command buttons to the functions the commands module registers', () => {
    const commands = ribbon.filter((b) => b.action === 'ExecuteFunction');
    expect(commands.map((b) => [b.label, b.functionName])).toEqual([
      ['一键评分', 'scoreWorkbook'],
      ['生成报告', 'generateReport'],
      ['撤销评分', 'undoScoring'],
    ]);
    // The names only work if src/commands passes the same strings to Office.actions.associate.
    const commandSources = fs
      .readdirSync(path.join(root, 'src', 'commands'), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
      .map((f) => fs.readFileSync(path.join(root, 'src', 'commands', f), 'utf8'))
      .join('\n');
    expect(commandSources).toContain('Office.actions.associate');
    for (const b of commands) expect(commandSources).toMatch(new RegExp(`['"\`]${b.functionName}['"\`]`));
  });

  it('opens the pane from 打开面板 in the shared runtime', () => {
    const pane = ribbon.find((b) => b.label === '打开面板')!;
    expect(pane.action).toBe('ShowTaskpane');
    expect(pane.taskpaneId).toBe('ButtonId1');
    expect(pane.sourceLocation).toBe('Taskpane.Url');
    expect(res.get('Taskpane.Url')).toBe(`${DEV_URL}taskpane.html`);
    expect(xml).toMatch(/<Runtimes>\s*<Runtime resid="Taskpane.Url" lifetime="long"\/>\s*<\/Runtimes>/);
    // Commands run in the shared runtime only when the FunctionFile is the runtime page itself.
    expect(xml.match(/<FunctionFile resid="([^"]+)"\/>/)?.[1]).toBe('Taskpane.Url');
    expect(xml).toMatch(/<Requirements>\s*<bt:Sets[^>]*>\s*<bt:Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    expect(xml.match(/<SourceLocation DefaultValue="([^"]+)"\/>/)?.[1]).toBe(`${DEV_URL}taskpane.html`);
  });

  it('gives every button a Chinese supertip and 16/32/80 icons of its own', () => {
    const seen = new Set<string>();
    for (const b of ribbon) {
      expect(b.tipTitle).toBe(b.label);
      expect(b.tipDescription).toMatch(/[\u4e00-\u9fff]{6,}/);
      expect(b.icons.map((i) => i.size)).toEqual([16, 32, 80]);
      for (const icon of b.icons) {
        expect(seen.has(icon.url!)).toBe(false);
        seen.add(icon.url!);
      }
    }
  });

  it('resolves every resid to a resource', () => {
    const missing = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]).filter((id) => !res.has(id));
    expect(missing).toEqual([]);
  });

  it('points only at files that exist, with icons of the declared size', () => {
    const declared: [string, number][] = [...xml.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"/g)].map((m) => [
      res.get(m[2])!,
      Number(m[1]),
    ]);
    // Task pane add-ins: IconUrl 32×32, HighResolutionIconUrl 64×64 (Microsoft Learn, manifest reference,
    // "IconUrl element" / "HighResolutionIconUrl element"; 64/128 are the mail add-in sizes).
    declared.push([xml.match(/<IconUrl DefaultValue="([^"]+)"/)![1], 32]);
    declared.push([xml.match(/<HighResolutionIconUrl DefaultValue="([^"]+)"/)![1], 64]);
    for (const [url, size] of declared) {
      expect({ url, ...pngSize(assetFile(url)) }).toEqual({ url, width: size, height: size });
    }
    const pages: Record<string, string> = {
      'taskpane.html': 'src/taskpane/taskpane.html',
      'help.html': 'assets/help.html',
    };
    const urls = [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    for (const url of urls) {
      expect(url.startsWith(DEV_URL)).toBe(true);
      const rel = url.slice(DEV_URL.length);
      const file = rel.startsWith('assets/') ? rel : pages[rel];
      expect({ url, exists: Boolean(file) && fs.existsSync(path.join(root, file)) }).toEqual({ url, exists: true });
    }
  });

  describe('npm run validate', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-manifest-'));
    afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
    /** A copy of the manifest with `edit` applied, beside copies of the files its URLs name; the validator's output. */
    function validateCopy(edit: (text: string) => string): { status: number | null; out: string } {
      fs.cpSync(path.join(root, 'assets'), path.join(tmp, 'assets'), { recursive: true });
      fs.copyFileSync(path.join(root, 'assets', 'help.html'), path.join(tmp, 'help.html'));
      fs.copyFileSync(path.join(root, 'src', 'taskpane', 'taskpane.html'), path.join(tmp, 'taskpane.html'));
      const file = path.join(tmp, 'manifest.xml');
      fs.writeFileSync(file, edit(xml));
      const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'validate-manifest.js'), file], { encoding: 'utf8' });
      return { status: r.status, out: `${r.stdout}${r.stderr}` };
    }

    it('passes the manifest as it is', () => {
      const r = validateCopy((t) => t);
      expect(r.out).toContain('清单校验通过');
      expect(r.status).toBe(0);
    });

    it('refuses the mail add-in icon sizes (64/128) on a task pane add-in', () => {
      const r = validateCopy((t) => t.replace('assets/icon-32.png"/>', 'assets/icon-64.png"/>').replace(/(<HighResolutionIconUrl DefaultValue="[^"]+)icon-64\.png/, '$1icon-80.png'));
      expect(r.status).toBe(1);
      expect(r.out).toMatch(/icon-64\.png 应为 32×32 PNG，实际为 64×64/);
      expect(r.out).toMatch(/icon-80\.png 应为 64×64 PNG，实际为 80×80/);
    });

    it('refuses plain http addresses (SourceLocation must be https)', () => {
      const r = validateCopy((t) => t.split('https://localhost:3000/').join('http://localhost:3000/'));
      expect(r.status).toBe(1);
      expect(r.out).toContain('不是 https');
    });
  });

  const schema = path.resolve(root, '..', 'shared', 'manifest-schema', 'OfficeAppManifestV1_1.xsd');
  const canValidate = fs.existsSync(schema) && !spawnSync('xmllint', ['--version']).error;
  (canValidate ? it : it.skip)('validates against the Office add-in manifest schema (xmllint)', () => {
    const r = spawnSync('xmllint', ['--noout', '--schema', schema, path.join(root, 'manifest.xml')], {
      encoding: 'utf8',
    });
    expect(r.stderr.trim()).toMatch(/manifest\.xml validates$/);
    expect(r.status).toBe(0);
  });
});
