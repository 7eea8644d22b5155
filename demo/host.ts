/**
 * The stand-in Excel host for `npm run demo` and the e2e tests. Loaded before the pane bundle, it installs
 * the in-memory fake of the Excel API (src/excel/testing/fakeExcel.ts) over the workbook the server read,
 * and draws a plain view of the sheet beside the pane that redraws after every Excel.run (scoring, undo,
 * selecting a cell). Not part of the add-in.
 *
 * URL parameters: theme=dark (Office's dark theme), fail=run (every Excel.run rejects), pane=only (no sheet view),
 * start=load (the add-in started with the document, its pane hidden: startup behavior "Load"; show it with
 * __jixiaoDemo.workbook.setPaneMode('Taskpane'), as Office would when the user opens it).
 */
import { columnLetters, toA1 } from '../src/core/grid';
import type { Grid } from '../src/core/grid';
import { FakeOfficeError, fakeWorkbookFromGrids, installFakeOffice, type FakeWorkbook } from '../src/excel/testing/fakeExcel';

declare global {
  interface Window {
    __JIXIAO_DEMO_GRIDS__?: Grid[];
    __JIXIAO_DEMO_FILE__?: string;
    __jixiaoDemo?: { workbook: FakeWorkbook; render(): void; runs: number; failedRuns: number };
  }
}

const params = new URLSearchParams(location.search);
const dark = params.get('theme') === 'dark';
const workbook = fakeWorkbookFromGrids(window.__JIXIAO_DEMO_GRIDS__ ?? []);
if (params.get('start') === 'load') {
  workbook.startupBehavior = 'Load';
  workbook.paneMode = 'Hidden';
}
const ns = installFakeOffice(window, workbook);

const office = ns.Office as { context: { officeTheme: Record<string, string> } };
if (dark) {
  // The colours Excel reports under its "Black" Office theme.
  office.context.officeTheme = { bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#363636', controlForegroundColor: '#FFFFFF' };
}

const excel = ns.Excel as { run: (...args: unknown[]) => Promise<unknown> };
const realRun = excel.run;
const state = { workbook, render: () => scheduleRender(), runs: 0, failedRuns: 0 };
window.__jixiaoDemo = state;

// Every Excel.run goes through here: redraw the sheet view after it, or reject them all (fail=run).
excel.run = async (...args: unknown[]) => {
  state.runs++;
  if (params.get('fail') === 'run') {
    state.failedRuns++;
    throw new FakeOfficeError('GeneralException', 'Excel.run rejected by the stand-in host (fail=run).');
  }
  try {
    return await realRun(...args);
  } finally {
    scheduleRender();
  }
};

// ───────────────────────────── the sheet view ─────────────────────────────

let viewRoot: HTMLElement | null = null;
let pending = false;

function scheduleRender(): void {
  if (!viewRoot || pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    renderSheet();
  });
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function renderSheet(): void {
  if (!viewRoot) return;
  const visible = workbook.sheets.filter((s) => s.visibility === 'Visible');
  const active = workbook.sheets.find((s) => s.id === workbook.activeSheetId) ?? visible[0];
  const tabs = visible
    .map((s) => `<button type="button" class="demo-tab${s === active ? ' demo-tab-on' : ''}" data-sheet="${esc(s.name)}">${esc(s.name)}</button>`)
    .join('');
  let body = '<p class="demo-empty">（空白工作簿）</p>';
  if (active) {
    let rows = 0;
    let cols = 0;
    for (const k of active.cells.keys()) {
      const [r, c] = k.split(',').map(Number);
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
    for (const m of active.merges) {
      rows = Math.max(rows, m.bottom + 1);
      cols = Math.max(cols, m.right + 1);
    }
    const covered = new Set<string>();
    const span = new Map<string, { rows: number; cols: number }>();
    for (const m of active.merges) {
      span.set(`${m.top},${m.left}`, { rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
    }
    const sel = workbook.selection && workbook.selection.sheet === active.name ? workbook.selection.address.replace(/\$/g, '').split(':')[0] : null;
    let html = '<table class="demo-grid"><thead><tr><th></th>';
    for (let c = 0; c < cols; c++) html += `<th>${columnLetters(c)}</th>`;
    html += '</tr></thead><tbody>';
    for (let r = 0; r < rows; r++) {
      html += `<tr><th>${r + 1}</th>`;
      for (let c = 0; c < cols; c++) {
        if (covered.has(`${r},${c}`)) continue;
        const a1 = toA1(r, c);
        const cell = workbook.cell(active.name, a1);
        const sp = span.get(`${r},${c}`);
        const attrs = [`data-cell="${a1}"`];
        if (sp) attrs.push(`rowspan="${sp.rows}" colspan="${sp.cols}"`);
        const cls = [typeof cell.value === 'number' ? 'num' : '', a1 === sel ? 'demo-sel' : '', cell.note ? 'demo-note' : ''].filter(Boolean).join(' ');
        if (cls) attrs.push(`class="${cls}"`);
        if (cell.fill) attrs.push(`style="background-color:${esc(cell.fill)}"`);
        if (cell.note) attrs.push(`title="${esc(cell.note)}"`);
        html += `<td ${attrs.join(' ')}>${esc(cell.text ?? '')}</td>`;
      }
      html += '</tr>';
    }
    body = `${html}</tbody></table>`;
  }
  viewRoot.innerHTML =
    `<header class="demo-head"><strong>演示：Excel 替身</strong> <span>${esc(window.__JIXIAO_DEMO_FILE__ ?? '')}</span>` +
    `<span class="demo-hint">（表格在浏览器内存中；红色三角表示批注，悬停可看）</span></header>` +
    `<nav class="demo-tabs" aria-label="工作表">${tabs}</nav><div class="demo-scroll">${body}</div>`;
  viewRoot.querySelector('.demo-sel')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

const CSS = `
  body.demo { display: flex; height: 100vh; overflow: hidden; background: ${dark ? '#1b1b1b' : '#f3f3f3'}; }
  body.demo > .demo-sheet { flex: 1 1 auto; min-width: 0; display: flex; flex-direction: column; background: #fff; color: #222; font: 13px "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
  body.demo > .demo-pane { flex: 0 0 340px; overflow-y: auto; border-left: 1px solid #c8c8c8; }
  .demo-head { padding: 6px 10px; background: #217346; color: #fff; display: flex; gap: 8px; flex-wrap: wrap; align-items: baseline; }
  .demo-hint { opacity: .85; font-size: 12px; }
  .demo-tabs { display: flex; gap: 2px; padding: 4px 8px 0; background: #e8e8e8; }
  .demo-tab { border: 1px solid #c8c8c8; border-bottom: none; background: #f4f4f4; padding: 3px 12px; font: inherit; cursor: pointer; }
  .demo-tab-on { background: #fff; color: #217346; font-weight: 600; }
  .demo-scroll { flex: 1 1 auto; overflow: auto; }
  .demo-grid { border-collapse: collapse; table-layout: auto; }
  .demo-grid th { background: #efefef; color: #555; font-weight: normal; border: 1px solid #d4d4d4; padding: 1px 4px; min-width: 24px; position: sticky; top: 0; }
  .demo-grid tbody th { position: static; }
  .demo-grid td { border: 1px solid #d4d4d4; padding: 2px 6px; max-width: 240px; vertical-align: middle; overflow-wrap: anywhere; }
  .demo-grid td.num { text-align: right; white-space: nowrap; }
  .demo-grid td.demo-sel { outline: 2px solid #217346; outline-offset: -2px; }
  .demo-grid td.demo-note { background-image: linear-gradient(225deg, #d13438 6px, transparent 6px); }
  .demo-empty { padding: 16px; }
`;

function mountView(): void {
  if (params.get('pane') === 'only') return;
  const root = document.getElementById('root');
  if (!root) return;
  const style = document.createElement('style');
  style.textContent = CSS;
  document.head.appendChild(style);
  const sheet = document.createElement('section');
  sheet.className = 'demo-sheet';
  sheet.setAttribute('aria-label', '工作表视图（演示）');
  const pane = document.createElement('aside');
  pane.className = 'demo-pane';
  root.replaceWith(pane);
  pane.appendChild(root);
  document.body.insertBefore(sheet, pane);
  document.body.classList.add('demo');
  sheet.addEventListener('click', (e) => {
    const tab = (e.target as HTMLElement).closest<HTMLElement>('.demo-tab');
    if (tab?.dataset.sheet) {
      workbook.userActivates(tab.dataset.sheet);
      scheduleRender();
    }
  });
  viewRoot = sheet;
  renderSheet();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountView);
else mountView();
