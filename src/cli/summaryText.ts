/** The human-readable summary `jixiao score` prints without --json. */
import type { Issue, Severity, TableResult, WorkbookResult } from '../core/result';

const LAYOUT_LABELS: Record<string, string> = {
  national: '全国通用格式',
  transfer: '转移支付格式',
  sichuan: '四川格式',
  yunnan: '云南格式',
};

const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

const ANSI = { red: '\x1b[31m', yellow: '\x1b[33m', green: '\x1b[32m', bold: '\x1b[1m', dim: '\x1b[2m', reset: '\x1b[0m' };

type Paint = (code: keyof typeof ANSI, s: string) => string;

function painter(colour: boolean): Paint {
  return colour ? (code, s) => `${ANSI[code]}${s}${ANSI.reset}` : (_code, s) => s;
}

/** A number for display only (cells get exact decimal rounding from the engine). */
function num(n: number | null | undefined, decimals = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return String(Number(n.toFixed(decimals)));
}

function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${(rate * 100).toFixed(2)}%`;
}

function countBy(issues: Issue[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of issues) c[i.severity] = (c[i.severity] ?? 0) + 1;
  return c;
}

function oneLine(s: string): string {
  return s.replace(/\s*\r?\n\s*/g, ' ').trim();
}

export function formatTable(t: TableResult, paint: Paint, decimals = 2): string {
  const lines: string[] = [];
  const layout = LAYOUT_LABELS[t.layout] ? `${LAYOUT_LABELS[t.layout]}（${t.layout}）` : t.layout;
  lines.push(`  ${paint('bold', `工作表「${t.sheet}」`)} ${t.range}  ${layout}`);
  lines.push(`  项目：${t.project?.name ?? '（未填写项目名称）'}`);
  const grade = t.grade ? paint('green', `等级 ${t.grade}`) : paint('yellow', '未评级');
  const weight = t.totals?.weight !== null && t.totals?.weight !== undefined ? ` / 分值 ${num(t.totals.weight, decimals)}` : '';
  lines.push(`  执行率 ${percent(t.funds?.rate)}  总分 ${num(t.totals?.score, decimals)}${weight}  ${grade}`);
  const c = countBy(t.issues);
  lines.push(`  ${paint(c.error ? 'red' : 'dim', `错误 ${c.error}`)} · ${paint(c.warning ? 'yellow' : 'dim', `警告 ${c.warning}`)} · 提示 ${c.info}`);
  for (const i of t.issues) {
    if (i.severity === 'info') continue;
    const label = paint(i.severity === 'error' ? 'red' : 'yellow', `[${SEVERITY_LABELS[i.severity]}]`);
    const message = oneLine(i.message);
    // Engine messages usually open with the cell already; do not say it twice.
    const cell = i.cell && !message.startsWith(i.cell) ? `${i.cell} ` : '';
    lines.push(`  ${label} ${cell}${message}`);
  }
  return lines.join('\n');
}

/** The summary of one file: its name, then each table; empty tables say so. */
export function formatResultText(result: WorkbookResult, options: { colour: boolean; decimals?: number }): string {
  const paint = painter(options.colour);
  const parts = [paint('bold', result.file ?? '')];
  if (result.tables.length === 0) {
    const first = result.issues[0];
    parts.push(`  ${paint('yellow', first ? oneLine(first.message) : '未找到绩效自评表')}`);
  }
  for (const t of result.tables) parts.push(formatTable(t, paint, options.decimals));
  return `${parts.join('\n')}\n`;
}
