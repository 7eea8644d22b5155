/**
 * The built WPS 加载项 (npm run build:wps) loads in the WPS double: its main.js defines every callback
 * ribbon.xml names, each button opens the task pane on its action, icons resolve to files in the
 * folder, 撤销评分 is enabled exactly while a backup exists; the packages hold what WPS expects.
 */
import { loadNumfmt } from '../../src/cli/numberFormat';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { execFileSync } from 'child_process';
import { readWorkbookFile } from '../../src/cli/readWorkbook';
import { NATIONAL_PROFILE } from '../../src/core/profile';
import type { WpsGlobal, WpsTaskPane } from '../../src/wps/etApi';
import { etAppFromGrids, type EtDoubleApp } from '../../src/wps/testing/etDouble';
import { WpsWorkbookAdapter } from '../../src/wps/wpsAdapter';

const version = (JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;
const OUT = path.join(__dirname, '../../dist-wps');
const FOLDER = path.join(OUT, `jixiao_${version}`);

beforeAll(() => {
  if (!fs.existsSync(path.join(FOLDER, 'main.js'))) throw new Error('dist-wps/ 不存在：请先运行 npm run build（或 npm run build:wps）');
});

/** The `wps` global of an add-in page, over the double: task panes recorded, PluginStorage in memory. */
function wpsHost(app: EtDoubleApp) {
  const panes: (WpsTaskPane & { url: string; title?: string })[] = [];
  const storage = new Map<string, string>();
  const wps: WpsGlobal = {
    EtApplication: () => app,
    CreateTaskPane(url, title) {
      const pane = { url, title, Visible: false, ID: panes.length + 1, Navigate(u: string) { pane.url = u; }, Delete() {} };
      panes.push(pane);
      return pane;
    },
    GetTaskPane: (id) => panes.find((p) => p.ID === id) ?? null,
    PluginStorage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, String(v)) },
  };
  return { wps, panes };
}

interface RibbonApi {
  OnAddinLoad(ui: { Invalidate(): void; InvalidateControl(id: string): void }): boolean;
  OnAction(control: { Id: string }): boolean;
  GetImage(control: { Id: string }): string;
  OnGetEnabled(control: { Id: string }): boolean;
}

function loadMain(wps: WpsGlobal): RibbonApi {
  const window: Record<string, unknown> = {};
  const context = vm.createContext({ window, wps, document: { location: { href: 'file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/jixiao_0/index.html' } }, console });
  vm.runInContext(fs.readFileSync(path.join(FOLDER, 'main.js'), 'utf8'), context);
  return window.ribbon as RibbonApi;
}

describe('the built WPS add-in', () => {
  it('ribbon.xml: the 绩效自评 tab, four buttons, callbacks that main.js defines', async () => {
    const xml = fs.readFileSync(path.join(FOLDER, 'ribbon.xml'), 'utf8');
    expect(xml).toContain('label="绩效自评"');
    const buttons = [...xml.matchAll(/<button id="(\w+)" label="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(buttons).toEqual([['btnScore', '一键评分'], ['btnReport', '生成报告'], ['btnUndo', '撤销评分'], ['btnPane', '打开面板']]);
    const callbacks = new Set([...xml.matchAll(/(?:onLoad|onAction|getImage|getEnabled)="ribbon\.(\w+)"/g)].map((m) => m[1]));
    const { grids } = await readWorkbookFile(path.join(__dirname, '../fixtures/xincheng-12345-2023.xlsx'));
    const ribbon = loadMain(wpsHost(etAppFromGrids(grids)).wps);
    for (const name of callbacks) expect(typeof (ribbon as unknown as Record<string, unknown>)[name]).toBe('function');
    for (const [id] of buttons) expect(fs.existsSync(path.join(FOLDER, ribbon.GetImage({ Id: id })))).toBe(true);
    // Every button's supertip is Chinese prose, not an id.
    expect([...xml.matchAll(/supertip="([^"]+)"/g)].every((m) => /[\u4e00-\u9fff]{8}/.test(m[1]))).toBe(true);
  });

  it('each button opens the one task pane on its action; 撤销评分 follows the backup', async () => {
    const { grids } = await readWorkbookFile(path.join(__dirname, '../fixtures/xincheng-12345-2023.xlsx'));
    const app = etAppFromGrids(grids);
    const { wps, panes } = wpsHost(app);
    const ribbon = loadMain(wps);
    let invalidated = 0;
    expect(ribbon.OnAddinLoad({ Invalidate: () => void invalidated++, InvalidateControl: () => undefined })).toBe(true);
    expect(ribbon.OnGetEnabled({ Id: 'btnUndo' })).toBe(false);
    expect(ribbon.OnGetEnabled({ Id: 'btnScore' })).toBe(true);

    ribbon.OnAction({ Id: 'btnScore' });
    expect(panes).toHaveLength(1);
    expect(panes[0].Visible).toBe(true);
    expect(panes[0].title).toBe('绩效自评助手');
    expect(panes[0].url).toBe('file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/jixiao_0/taskpane.html?do=score');
    ribbon.OnAction({ Id: 'btnUndo' });
    ribbon.OnAction({ Id: 'btnPane' });
    expect(panes).toHaveLength(1);
    expect(panes[0].url).toMatch(/taskpane\.html$/);
    expect(invalidated).toBe(3);

    // What the pane does with ?do=score: the adapter scores; the ribbon then offers 撤销评分.
    await new WpsWorkbookAdapter(app, undefined, loadNumfmt).score(NATIONAL_PROFILE, { confirmed: 'all' });
    expect(ribbon.OnGetEnabled({ Id: 'btnUndo' })).toBe(true);
    await new WpsWorkbookAdapter(app, undefined, loadNumfmt).undo();
    expect(ribbon.OnGetEnabled({ Id: 'btnUndo' })).toBe(false);
  });

  it('the packages: jixiao.7z holds the folder; publish.xml and jsplugins.xml name it', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bin = (require('7zip-bin') as { path7za: string }).path7za;
    const listing = execFileSync(bin, ['l', path.join(OUT, 'jixiao.7z')]).toString();
    for (const f of ['index.html', 'main.js', 'ribbon.xml', 'taskpane.html', 'taskpane.js', 'images/score-32.png']) expect(listing).toContain(`jixiao_${version}/${f}`);
    const publish = fs.readFileSync(path.join(OUT, 'publish.xml'), 'utf8');
    expect(publish).toContain(`<jsplugin name="jixiao" type="et" url="jixiao_${version}" version="${version}" enable="enable_dev"`);
    const list = fs.readFileSync(path.join(OUT, 'jsplugins.xml'), 'utf8');
    expect(list).toMatch(/<jsplugin name="jixiao" type="et" url="[^"]+\/jixiao\.7z" version="[^"]+" enable="true"\/>/);
    expect(list).toContain('<jspluginonline name="jixiao" type="et"');
  });
});
