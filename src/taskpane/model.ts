/**
 * What the pane derives from a TableResult for display: 一级 summaries, changes against the stated
 * values, issue groups, the grade's explanation, number formatting. Pure functions, no React.
 */
import { messageWithoutCell } from '../core/messages';
import { totalWithheldReason } from '../core/planner';
import type { Issue, Level1Summary, Severity, TableResult, WorkbookResult } from '../core/result';
import type { WorkbookAdapter } from '../excel/workbookAdapter';

export const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};

export const LAYOUT_LABEL: Record<string, string> = {
  national: '全国通用格式',
  transfer: '转移支付格式',
  sichuan: '四川格式',
  yunnan: '云南格式',
};

/** The layout in the clerk's words; an unknown one is simply "其他格式" (never an English id). */
export function layoutLabel(layout: string): string {
  return LAYOUT_LABEL[layout] ?? '其他格式';
}

/** Optional adapter features, made explicit so buttons can say why they are off. */
export interface Capabilities {
  generateReport: boolean;
  insertTemplate: boolean;
  /** The report as a Word download. */
  reportDocx?: boolean;
  /** 清除标记（定稿）. */
  clearMarks?: boolean;
}

export function capabilitiesOf(adapter: WorkbookAdapter): Capabilities {
  return {
    generateReport: typeof adapter.generateReport === 'function',
    insertTemplate: typeof adapter.insertTemplate === 'function',
    reportDocx: typeof adapter.reportDocx === 'function',
    clearMarks: typeof adapter.clearMarks === 'function',
  };
}

/** Scores as the sheet shows them: at most 2 decimals, no trailing zeros. */
export function formatScore(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return String(Math.round(n * 100) / 100);
}

/** A fraction as a percentage: 0.6634 → "66.34%". */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${Math.round(rate * 10000) / 100}%`;
}

/** Strip the declared weight from a 一级 label: "产出指标 (60 分)" → "产出指标". */
export function level1Name(label: string): string {
  return label.replace(/[（(]\s*\d+(\.\d+)?\s*分\s*[)）]/g, '').replace(/\s+/g, '').trim() || label;
}

/** Per-一级 weight against score, execution first: the engine's groups (core decides them, the pane shows them). */
export function level1Summaries(table: TableResult): Level1Summary[] {
  return table.groups;
}

export interface Change {
  /** What changed, in Chinese ("执行率", "运行经费 得分", "总分"). */
  label: string;
  cell: string | null;
  stated: string;
  computed: string;
}

const differs = (a: number | null, b: number | null): boolean =>
  a !== null && b !== null && Math.abs(a - b) > 1e-9;

/** Values whose computed result differs from what the sheet states (rate, each score, total). */
export function changesSinceStated(table: TableResult): Change[] {
  const out: Change[] = [];
  const f = table.funds;
  if (differs(f.statedRate, f.rate)) out.push({ label: '预算执行率', cell: f.rateCell, stated: formatRate(f.statedRate), computed: formatRate(f.rate) });
  if (differs(f.statedScore, f.score)) out.push({ label: '预算执行率 得分', cell: f.scoreCell, stated: formatScore(f.statedScore), computed: formatScore(f.score) });
  for (const ind of table.indicators) {
    if (ind.scoreSource !== 'computed') continue;
    if (differs(ind.statedScore, ind.score) || (ind.statedScore === null && ind.score !== null)) {
      out.push({ label: `${ind.name} 得分`, cell: ind.scoreCell, stated: formatScore(ind.statedScore), computed: formatScore(ind.score) });
    }
  }
  const t = table.totals;
  if (differs(t.statedScore, t.score) || (t.statedScore === null && t.score !== null)) {
    // A total the engine will not write (an error stands) is not offered as the value to use.
    const withheld = totalWithheldReason(table) !== null;
    out.push({ label: '总分', cell: t.scoreCell, stated: formatScore(t.statedScore), computed: withheld ? '未写入' : formatScore(t.score) });
  }
  return out;
}

export function countBySeverity(issues: Issue[]): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of issues) n[i.severity]++;
  return n;
}

export function groupIssues(issues: Issue[]): { severity: Severity; issues: Issue[] }[] {
  return SEVERITY_ORDER.map((severity) => ({ severity, issues: issues.filter((i) => i.severity === severity) })).filter(
    (g) => g.issues.length > 0,
  );
}

/** Why there is no grade (the engine's reason), in Chinese; null when there is one. */
export function gradeExplanation(table: TableResult): string | null {
  if (table.grade) return null;
  return totalWithheldReason(table) ?? '尚未评级。';
}

/** Errors the user still has to fix, file-level ones included (a corrected issue is not one). */
export function openErrorCount(result: WorkbookResult): number {
  const open = (i: Issue) => i.severity === 'error' && i.status !== 'corrected';
  return result.issues.filter(open).length + result.tables.reduce((n, t) => n + t.issues.filter(open).length, 0);
}

/** An issue's message for a list that shows its cell beside it: the address is not said twice. */
export function issueText(issue: Issue): string {
  return messageWithoutCell(issue.message, issue.cell);
}

/** Issues split by status: what the user must do, and what the scoring already corrected. */
export function issuesByStatus(issues: Issue[]): { open: Issue[]; corrected: Issue[] } {
  return { open: issues.filter((i) => i.status !== 'corrected'), corrected: issues.filter((i) => i.status === 'corrected') };
}

/** Index of the first table on the given sheet, or -1. */
export function tableIndexForSheet(tables: TableResult[], sheet: string | null): number {
  return sheet === null ? -1 : tables.findIndex((t) => t.sheet === sheet);
}

/** What to show a user for any thrown thing: never a stack trace. */
export function userMessageOf(err: unknown, fallback = '操作没有完成。'): { message: string; detail?: string } {
  if (err && typeof err === 'object') {
    const e = err as { userMessage?: unknown; message?: unknown };
    if (typeof e.userMessage === 'string' && e.userMessage.trim()) return { message: e.userMessage };
    if (typeof e.message === 'string' && e.message.trim()) {
      // Host messages are often English and technical: keep the first line only, as a detail.
      const first = e.message.split('\n')[0].trim().slice(0, 200);
      return { message: fallback, detail: first };
    }
  }
  if (typeof err === 'string' && err.trim()) return { message: fallback, detail: err.split('\n')[0].slice(0, 200) };
  return { message: fallback };
}

/**
 * A message under a title that already says what failed: adapter messages start with the operation
 * ("读取工作簿失败：…"), so the body drops that lead instead of saying it twice.
 */
export function bodyUnderTitle(title: string, text: string): string {
  const lead = /^(.+?)[：:]\s*/.exec(text);
  return lead && title.startsWith(lead[1].replace(/失败$/, '')) && lead[1].endsWith('失败') ? text.slice(lead[0].length) : text;
}
