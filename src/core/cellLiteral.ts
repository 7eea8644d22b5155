/**
 * How a value goes into a cell so the spreadsheet keeps it as it is: Excel and WPS both turn typed
 * text that looks like a number, boolean, formula or error into one, unless it carries the text
 * prefix ('). Both host appliers write through this, so a note-like "12 人" stays text and "12"
 * written as text stays text in either host.
 */
export function cellLiteral(v: string | number | boolean | null | undefined): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return v;
  if (/^[=+\-@']/.test(v) || /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?%?\s*$/.test(v) || /^(true|false)$/i.test(v) || /^#/.test(v)) return `'${v}`;
  return v;
}
