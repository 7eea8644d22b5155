/**
 * Ribbon commands (一键评分, 撤销评分, 生成报告). They run in the shared runtime with the pane, work
 * with the pane closed (and then open it on their outcome), and always call event.completed(), whatever happens.
 */
import { replacementSummary } from '../core/replacements';
import { NOTHING_TO_SCORE, nothingToScore } from '../core/tableState';
import type { WorkbookResult } from '../core/result';
import { publishOutcome, sharedAdapter, type CommandName, type CommandOutcome } from '../excel/sharedState';
import { toAdapterError, supports } from '../excel/session';
import { paneKnownVisible, watchPaneVisibility } from '../excel/paneVisibility';
import { keptNote, type WorkbookAdapter } from '../excel/workbookAdapter';

interface CommandEvent {
  completed(options?: { allowEvent?: boolean }): void;
}

/** Error-severity issues still standing after scoring, file-level ones included. */
export function errorCount(result: WorkbookResult): number {
  return result.issues.filter((i) => i.severity === 'error').length + result.tables.reduce((n, t) => n + t.issues.filter((i) => i.severity === 'error').length, 0);
}

/**
 * 一键评分: score and select the result; when the scoring would replace what the user typed, write nothing
 * and open the pane on the preview (the pane's 确认写入 writes); open the pane too when errors stand.
 */
export async function scoreWorkbook(adapter: WorkbookAdapter = sharedAdapter()): Promise<CommandOutcome> {
  try {
    const score = await adapter.score(undefined, { select: true });
    const errors = errorCount(score.result);
    const pending = score.pending?.length ? score.pending : null;
    const t = score.result.tables[0];
    let message: string;
    const blank = nothingToScore(score.result);
    if (!score.result.tables.length) message = '未找到项目支出绩效自评表，未写入任何内容。请打开面板查看原因，或插入空白模板。';
    else if (blank) message = NOTHING_TO_SCORE;
    else if (pending) message = `${replacementSummary(pending)}尚未写入，请在面板中查看并确认。`;
    else if (errors > 0) message = `已写回 ${score.changed} 个单元格；还有 ${errors} 个错误，总分和等级未写入。请在面板中逐条查看。`;
    else message = `评分完成：总分 ${t.totals.score ?? '—'}，等级“${t.grade ?? '—'}”。${score.changed ? `更新了 ${score.changed} 个单元格。` : '结果与上次相同，未作改动。'}`;
    const outcome: CommandOutcome = { command: 'scoreWorkbook', ok: true, message, score, errors, at: Date.now() };
    publishOutcome(outcome);
    if (pending || errors > 0 || blank || !score.result.tables.length) await showPane(message);
    else await reveal(message);
    return outcome;
  } catch (e) {
    return fail('scoreWorkbook', e, '一键评分');
  }
}

/** 撤销评分: restore the cells the last scoring changed. */
export async function undoScoring(adapter: WorkbookAdapter = sharedAdapter()): Promise<CommandOutcome> {
  try {
    const undo = await adapter.undo();
    const message = undo.restored > 0 ? `已撤销上次评分，恢复了 ${undo.restored} 个单元格。${keptNote(undo.kept, undo.message)}` : undo.message || '没有可撤销的评分。';
    const outcome: CommandOutcome = { command: 'undoScoring', ok: true, message, undo, at: Date.now() };
    publishOutcome(outcome);
    await reveal(message);
    return outcome;
  } catch (e) {
    return fail('undoScoring', e, '撤销评分');
  }
}

/** 生成报告: delegates to the adapter once the report exists; until then says so. */
export async function generateReport(adapter: WorkbookAdapter = sharedAdapter()): Promise<CommandOutcome> {
  try {
    if (typeof adapter.generateReport !== 'function') {
      const message = '生成报告功能即将提供。现在可先点击“一键评分”，在面板中查看评分结果。';
      const outcome: CommandOutcome = { command: 'generateReport', ok: false, message, at: Date.now() };
      publishOutcome(outcome);
      await reveal(message);
      return outcome;
    }
    const r = await adapter.generateReport();
    const message = (r && r.message) || (r && r.sheet ? `已生成自评报告：工作表“${r.sheet}”。` : '已生成自评报告。');
    const outcome: CommandOutcome = { command: 'generateReport', ok: true, message, at: Date.now() };
    publishOutcome(outcome);
    await reveal(message);
    return outcome;
  } catch (e) {
    return fail('generateReport', e, '生成报告');
  }
}

async function fail(command: CommandName, e: unknown, doing: string): Promise<CommandOutcome> {
  const message = toAdapterError(e, doing).userMessage;
  const outcome: CommandOutcome = { command, ok: false, message, at: Date.now() };
  publishOutcome(outcome);
  await showPane(message);
  return outcome;
}

/**
 * Makes sure the user sees the outcome: an open pane already shows it (it subscribes to outcomes); a closed
 * one is opened on it (a ribbon command must never end in silence); without a shared runtime, a dialog.
 */
async function reveal(message: string): Promise<void> {
  if (paneKnownVisible()) return;
  await showPane(message);
}

/** Opens the pane (shared runtime), where the outcome is waiting; else a short dialog says what to open. */
async function showPane(message: string): Promise<void> {
  try {
    if (supports('SharedRuntime', '1.1')) {
      await Office.addin.showAsTaskpane();
      return;
    }
  } catch {
    // fall through to the dialog
  }
  await notify(`${message}请点击“开始”选项卡上的“绩效自评”打开面板查看详情。`);
}

/**
 * A short notice for the user: in the shared runtime the pane already shows the outcome when open, so a
 * dialog is only used where no pane can be opened; it is a tiny page of this add-in (commands.html?notice=…).
 */
async function notify(message: string): Promise<void> {
  // displayDialogAsync is DialogApi 1.1; without it the outcome still reaches the pane.
  if (supports('SharedRuntime', '1.1') || !supports('DialogApi', '1.1')) return;
  try {
    const base = typeof location !== 'undefined' ? location.href : 'https://localhost:3000/';
    const url = new URL(`commands.html?notice=${encodeURIComponent(message)}`, base).toString();
    await new Promise<void>((resolve) => Office.context.ui.displayDialogAsync(url, { height: 25, width: 30, displayInIframe: true }, () => resolve()));
  } catch {
    // No dialog either: the outcome is still published for the pane.
  }
}

/** Wraps a handler so that event.completed() is called exactly once, on every path. */
export function completing(run: () => Promise<unknown>): (event: CommandEvent) => Promise<void> {
  return async (event) => {
    try {
      await run();
    } catch {
      // Handlers catch their own errors; this is the last line of defence for event.completed().
    } finally {
      event.completed();
    }
  };
}

/** Associates the ribbon's action ids with their handlers. */
export function registerCommands(getAdapter: () => WorkbookAdapter = sharedAdapter): void {
  // Follow the pane's visibility from the start, so a command knows whether its outcome is already in view.
  void watchPaneVisibility();
  Office.actions.associate('scoreWorkbook', completing(() => scoreWorkbook(getAdapter())));
  Office.actions.associate('undoScoring', completing(() => undoScoring(getAdapter())));
  Office.actions.associate('generateReport', completing(() => generateReport(getAdapter())));
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady(() => {
    try {
      registerCommands();
    } catch {
      // Inside a dialog page (commands.html?notice=…) there are no actions to associate.
    }
  });
}

