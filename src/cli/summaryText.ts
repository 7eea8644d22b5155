/** The human-readable summary `jixiao score` prints without --json. */
import { openIssues } from '../core/issueStatus';
import { messageWithoutCell } from '../core/messages';
import type { Issue, Severity, TableResult, WorkbookResult } from '../core/result';
import { isBlankTable } from '../core/tableState';
import { cliCommand, hintsFor } from './hints';

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

/** How a file's summary is printed. */
export interface TextOptions {
  colour: boolean;
  decimals?: number;
  /** The input's absolute path, shown in the heading and in hints (result.file stays as given, for --json). */
  shownFile?: string;
  /** List every 提示 (--verbose); otherwise up to MAX_INFO_SHOWN per table. */
  verbose?: boolean;
  /** This run writes a scored copy already (--out / --out-dir): no hint suggesting one. */
  copyAsked?: boolean;
  /** Options a suggested `score` command repeats (--config with its absolute path). */
  rerun?: string[];
}

/** 提示 lines listed per table without --verbose; the rest are counted with the way to see them. */
export const MAX_INFO_SHOWN = 5;

function issueLine(i: Issue, label: string): string {
  const message = oneLine(i.message);
  // Engine messages usually open with the cell already; do not say it twice.
  const cell = i.cell && !message.startsWith(i.cell) ? `${i.cell} ` : '';
  return `  ${label} ${cell}${message}`;
}

export function formatTable(t: TableResult, paint: Paint, options: Omit<TextOptions, 'colour'> = {}): string {
  const decimals = options.decimals ?? 2;
  const lines: string[] = [];
  lines.push(`  ${paint('bold', `工作表「${t.sheet}」`)} ${t.range}  ${LAYOUT_LABELS[t.layout] ?? t.layout}`);
  lines.push(`  项目：${t.project?.name ?? '（未填写项目名称）'}`);
  if (isBlankTable(t)) {
    // A template nobody has filled in: what to fill, not a list of errors (as the pane shows it).
    lines.push(`  ${paint('yellow', '待填写')}：表格尚未填写资金和实际完成值，暂无可评分的内容`);
    for (const i of t.issues) {
      if (i.cell && i.code === 'MISSING_VALUE') lines.push(`  [待填写] ${i.cell} ${oneLine(messageWithoutCell(i.message, i.cell)).replace(/为空。.*$/, '')}`);
    }
    lines.push('  [待填写] 各指标的分值、年度指标值和实际完成值');
    if (options.shownFile) lines.push(`  填写后运行：${cliCommand('score', options.shownFile, ...(options.rerun ?? []))}`);
    return lines.join('\n');
  }
  const grade = t.grade ? paint('green', `等级 ${t.grade}`) : paint('yellow', '未评级');
  const weight = t.totals?.weight !== null && t.totals?.weight !== undefined ? ` / 分值 ${num(t.totals.weight, decimals)}` : '';
  lines.push(`  执行率 ${percent(t.funds?.rate)}  总分 ${num(t.totals?.score, decimals)}${weight}  ${grade}`);
  // Errors, then warnings, then 提示: what blocks the total first (the sort is stable: engine order within each).
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const open = openIssues(t.issues).sort((a, b) => rank[a.severity] - rank[b.severity]);
  const corrected = t.issues.filter((i) => i.status === 'corrected');
  const c = countBy(open);
  const correctedCount = corrected.length ? ` · ${paint('green', `已自动更正 ${corrected.length}`)}` : '';
  lines.push(`  ${paint(c.error ? 'red' : 'dim', `错误 ${c.error}`)} · ${paint(c.warning ? 'yellow' : 'dim', `警告 ${c.warning}`)} · 提示 ${c.info}${correctedCount}`);
  const colourOf = { error: 'red', warning: 'yellow', info: 'dim' } as const;
  for (const i of open) if (i.severity !== 'info') lines.push(issueLine(i, paint(colourOf[i.severity], `[${SEVERITY_LABELS[i.severity]}]`)));
  const infos = open.filter((i) => i.severity === 'info');
  const shownInfos = options.verbose ? infos : infos.slice(0, MAX_INFO_SHOWN);
  for (const i of shownInfos) lines.push(issueLine(i, `[${SEVERITY_LABELS.info}]`));
  if (shownInfos.length < infos.length) {
    const how = options.shownFile ? `：${cliCommand('score', options.shownFile, ...(options.rerun ?? []), '--verbose')}` : '';
    lines.push(`  另有 ${infos.length - shownInfos.length} 条提示，加 --verbose 查看${how}`);
  }
  for (const i of corrected) lines.push(issueLine(i, paint('green', '[已自动更正]')));
  if (options.shownFile) {
    for (const hint of hintsFor(open, { file: options.shownFile, copyAsked: options.copyAsked ?? false, rerun: options.rerun })) lines.push(`  ${paint('dim', '→')} ${hint}`);
  }
  return lines.join('\n');
}

/** The summary of one file: its name (absolute where given), then each table; empty tables say so. */
export function formatResultText(result: WorkbookResult, options: TextOptions): string {
  const paint = painter(options.colour);
  const parts = [paint('bold', options.shownFile ?? result.file ?? '')];
  if (result.tables.length === 0) {
    const first = result.issues[0];
    parts.push(`  ${paint('yellow', first ? oneLine(first.message) : '未找到绩效自评表')}`);
  }
  for (const t of result.tables) parts.push(formatTable(t, paint, options));
  return `${parts.join('\n')}\n`;
}
