/**
 * The report draft as data: one pure document model that the sheet, the Word export and the tests
 * all read, so the three never disagree about what the report says.
 */
import type { FigureFormat, NumberStyle } from './format';

/** Fixed wording. */
export interface TextRun {
  kind: 'text';
  text: string;
  /** Part of a 【请核实：…】 passage: highlighted like a placeholder. */
  highlight?: boolean;
}

/**
 * A value taken from the result: a number written in its format, or a quotation of table text.
 * `source` is the field path in the TableResult ("funds.budget", "indicators[3].name"), or for a
 * computed figure a description, with `derived` saying how to recompute it.
 */
export interface FigureRun {
  kind: 'figure';
  text: string;
  format: FigureFormat;
  value: number | string;
  source: string;
  derived?: { op: 'sum' | 'difference'; of: string[] };
  /** Part of a 【请核实：…】 passage: highlighted like a placeholder. */
  highlight?: boolean;
  /** A reason the filer wrote in the table, quoted exactly as written (line breaks aside). */
  verbatim?: boolean;
}

/**
 * What the unit must add or check, highlighted wherever the draft is shown: 【请补充：hint】 for what the
 * table cannot know, 【请先按填报问题清单更正自评表后重新生成】 where the table must be corrected first.
 */
export interface PlaceholderRun {
  kind: 'placeholder';
  text: string;
  hint: string;
}

export type ReportRun = TextRun | FigureRun | PlaceholderRun;

export interface ReportParagraph {
  runs: ReportRun[];
}

export interface ReportSection {
  /** Heading text with its Chinese numbering ("一、项目概况", "（一）项目单位简况"). */
  heading: string;
  level: 1 | 2;
  paragraphs: ReportParagraph[];
}

/** One entry of the 填报问题清单: the tool's finding about the table, never part of the report's body. */
export interface Finding {
  /** Where: "自评表!H6", or the sheet alone. */
  place: string;
  /** 错误 / 提醒 / 提示, or 已更正 where a value the scoring wrote resolved it. */
  level: string;
  /** The code's short title from the issue registry (计量单位不一致…). */
  title: string;
  /** What is wrong and how to correct it, in the engine's words. */
  text: string;
}

/** One row of the indicator score table (附表): display texts. */
export interface ScoreRow {
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
  weight: string;
  score: string;
}

/** The 自评表 itself, cell texts over the table's range, with its merges (0-based, inclusive). */
export interface AttachedTable {
  rows: string[][];
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** Relative column widths (half-width characters). */
  widths: number[];
}

export interface ReportCover {
  /** 评价类型 line as reviewers expect it: the self-evaluation box ticked. */
  evaluationType: string;
  project: ReportRun[];
  unit: ReportRun[];
  department: ReportRun[];
  date: ReportRun[];
}

export interface ReportDraft {
  outline: 'seed' | 'national';
  /** The table the draft was written from. */
  sheet: string;
  title: ReportRun[];
  /** The title in lines that break only between words: the project, then 绩效自评报告. */
  titleLines: ReportRun[][];
  subtitle: ReportRun[];
  sections: ReportSection[];
  numberStyle: NumberStyle;
  cover: ReportCover;
  /** The unit's name and the date at the end of the body. */
  signature: { unit: ReportRun[]; date: ReportRun[] };
  scoreTable: ScoreRow[];
  /** The 自评表 to attach, when the drafting host passed the table's grid. */
  attachment: AttachedTable | null;
  /** The 填报问题清单: the tool's findings, kept out of the body. */
  findings: Finding[];
  /** Whether the total and grade could be determined (no error stands). */
  totalDetermined: boolean;
}

export const PLACEHOLDER_OPEN = '【请补充：';
export const VERIFY_OPEN = '【请核实：';
export const PLACEHOLDER_CLOSE = '】';
/** Stands in for the total and grade while the table holds an error. */
export const CORRECT_FIRST = '【请先按填报问题清单更正自评表后重新生成】';
export const FINDINGS_TITLE = '填报问题清单';

/** Plain text of some runs. */
export function runsText(runs: ReportRun[]): string {
  return runs.map((r) => r.text).join('');
}

/** Whether a run is shown highlighted: a placeholder or part of a 【请核实：…】 passage. */
export function isHighlighted(r: ReportRun): boolean {
  return r.kind === 'placeholder' || r.highlight === true;
}

/** Whether a paragraph holds a placeholder (so hosts can highlight it). */
export function hasPlaceholder(p: ReportParagraph | ReportRun[]): boolean {
  const runs = Array.isArray(p) ? p : p.runs;
  return runs.some(isHighlighted);
}

/** The draft as plain text, one paragraph per line: for tests, snapshots and fingerprints. */
export function draftToPlainText(draft: ReportDraft): string {
  const lines: string[] = [runsText(draft.title)];
  if (draft.subtitle.length) lines.push(runsText(draft.subtitle));
  for (const s of draft.sections) {
    lines.push('', s.heading);
    for (const p of s.paragraphs) lines.push(runsText(p.runs));
  }
  lines.push('', runsText(draft.signature.unit), runsText(draft.signature.date));
  return `${lines.join('\n')}\n`;
}

/** The 指标评分表 as plain text: one row per line, cells separated by tabs. */
export function scoreTableToPlainText(draft: ReportDraft): string {
  const rows = [['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'], ...draft.scoreTable.map((r) => [r.level1, r.level2, r.name, r.target, r.actual, r.weight, r.score])];
  return `指标评分表\n${rows.map((r) => r.join('\t')).join('\n')}\n`;
}

/** The 填报问题清单 as plain text: one numbered line per finding. */
export function findingsToPlainText(draft: ReportDraft): string {
  const lines = [`${FINDINGS_TITLE}（${draft.sheet}）`];
  if (!draft.findings.length) lines.push('未发现须更正的填报问题。');
  draft.findings.forEach((f, i) => lines.push(`${i + 1}. 【${f.level}·${f.title}】${f.place}：${f.text}`));
  return `${lines.join('\n')}\n`;
}

/** Every figure in the draft, in reading order. */
export function draftFigures(draft: ReportDraft): FigureRun[] {
  const out: FigureRun[] = [];
  const take = (runs: ReportRun[]) => runs.forEach((r) => r.kind === 'figure' && out.push(r));
  take(draft.title);
  take(draft.subtitle);
  for (const s of draft.sections) for (const p of s.paragraphs) take(p.runs);
  take(draft.signature.unit);
  return out;
}

/** Every placeholder in the draft, in reading order. */
export function draftPlaceholders(draft: ReportDraft): PlaceholderRun[] {
  const out: PlaceholderRun[] = [];
  for (const s of draft.sections) for (const p of s.paragraphs) for (const r of p.runs) if (r.kind === 'placeholder') out.push(r);
  return out;
}
