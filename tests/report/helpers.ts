/** Shared checks for report tests: independent path reading and figure tracing. */
import { formatFigureValue, typeset } from '../../src/core/report/format';
import { draftFigures, draftToPlainText, type FigureRun, type ReportDraft } from '../../src/core/report/model';
import type { TableResult } from '../../src/core/result';
import { Decimal } from '../../src/core/decimal';

/** Reads "a.b[2].c" from an object; written separately from the module's own reader on purpose. */
export function at(root: unknown, path: string): unknown {
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  return keys.reduce<unknown>((cur, k) => (cur === null || cur === undefined ? undefined : (cur as Record<string, unknown>)[k]), root);
}

/** Why a figure does not trace to the result, or null when it does. */
export function untraced(table: TableResult, draft: ReportDraft, f: FigureRun): string | null {
  let value: unknown;
  if (f.derived) {
    const vals = f.derived.of.map((p) => at(table, p));
    if (!vals.every((v) => typeof v === 'number')) return `${f.source}: operands missing`;
    const d = vals.map((v) => new Decimal(String(v)));
    value = (f.derived.op === 'sum' ? d.reduce((a, b) => a.plus(b), new Decimal(0)) : d[0].minus(d[1])).toNumber();
  } else value = at(table, f.source);
  if (f.format === 'text') {
    if (typeof value !== 'string') return `${f.source}: not text`;
    // A reason is quoted as written; other text is typeset (no space between Chinese and digits).
    const expected = f.verbatim ? value.replace(/\s+/g, ' ').trim() : typeset(value);
    return (f.verbatim ? expected === f.text : expected.includes(f.text)) ? null : `${f.source}: "${f.text}" not in "${value}"`;
  }
  if (typeof value !== 'number') return `${f.source}: not a number`;
  const expected = formatFigureValue(value, f.format, draft.numberStyle);
  return expected === f.text ? null : `${f.source}: wrote ${f.text}, result gives ${expected}`;
}

/** Every number in a text (integers, decimals, percents as their number). */
export function numbersIn(text: string): string[] {
  return text.match(/\d+(?:\.\d+)?/g) ?? [];
}

/** Every figure traces to the result, every number in the text is a figure, fixed wording has no digits. */
export function expectTraceable(table: TableResult, draft: ReportDraft): void {
  const figures = draftFigures(draft);
  const problems = figures.map((f) => untraced(table, draft, f)).filter((x) => x !== null);
  expect(problems).toEqual([]);
  const figureNumbers = new Set(figures.flatMap((f) => numbersIn(f.text)));
  const text = draftToPlainText(draft);
  const stray = text
    .split('\n')
    .map((line) => line.replace(/^\d+\. /, ''))
    .flatMap(numbersIn)
    .filter((n) => !figureNumbers.has(n));
  expect(stray).toEqual([]);
  // Fixed wording carries no digits of its own (list numbers aside).
  for (const s of draft.sections) {
    for (const p of s.paragraphs) {
      p.runs.forEach((r, i) => {
        if (r.kind !== 'text') return;
        const own = i === 0 ? r.text.replace(/^\d+\. /, '') : r.text;
        expect(own).not.toMatch(/\d/);
      });
    }
  }
  expect(text).not.toMatch(/NaN|undefined|null|Infinity|\[object/);
}

