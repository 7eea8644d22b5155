/**
 * The report draft as data: one pure document model that the sheet, the Word export and the tests
 * all read, so the three never disagree about what the report says.
 */
import type { FigureFormat, NumberStyle } from './format';

/** Fixed wording. */
export interface TextRun {
  kind: 'text';
  text: string;
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
}

/** What the table cannot know: 【请补充：hint】, highlighted wherever the draft is shown. */
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

export interface ReportDraft {
  outline: 'seed' | 'national';
  /** The table the draft was written from. */
  sheet: string;
  title: ReportRun[];
  subtitle: ReportRun[];
  sections: ReportSection[];
  numberStyle: NumberStyle;
}

export const PLACEHOLDER_OPEN = '【请补充：';
export const PLACEHOLDER_CLOSE = '】';

/** Plain text of some runs. */
export function runsText(runs: ReportRun[]): string {
  return runs.map((r) => r.text).join('');
}

/** Whether a paragraph holds a placeholder (so hosts can highlight it). */
export function hasPlaceholder(p: ReportParagraph | ReportRun[]): boolean {
  const runs = Array.isArray(p) ? p : p.runs;
  return runs.some((r) => r.kind === 'placeholder');
}

/** The draft as plain text, one paragraph per line: for tests, snapshots and fingerprints. */
export function draftToPlainText(draft: ReportDraft): string {
  const lines: string[] = [runsText(draft.title)];
  if (draft.subtitle.length) lines.push(runsText(draft.subtitle));
  for (const s of draft.sections) {
    lines.push('', s.heading);
    for (const p of s.paragraphs) lines.push(runsText(p.runs));
  }
  return `${lines.join('\n')}\n`;
}

/** Every figure in the draft, in reading order. */
export function draftFigures(draft: ReportDraft): FigureRun[] {
  const out: FigureRun[] = [];
  const take = (runs: ReportRun[]) => runs.forEach((r) => r.kind === 'figure' && out.push(r));
  take(draft.title);
  take(draft.subtitle);
  for (const s of draft.sections) for (const p of s.paragraphs) take(p.runs);
  return out;
}

/** Every placeholder in the draft, in reading order. */
export function draftPlaceholders(draft: ReportDraft): PlaceholderRun[] {
  const out: PlaceholderRun[] = [];
  for (const s of draft.sections) for (const p of s.paragraphs) for (const r of p.runs) if (r.kind === 'placeholder') out.push(r);
  return out;
}
