/**
 * The text Excel shows for a number under a number format ("66%" for 0.66 under "0%"), host-free:
 * the CLI (exceljs gives no displayed text) and the WPS adapter (whose Range.Text is one call per cell)
 * both render through here, so every front door sees the same text for the same cell.
 * The numfmt package does the general case; how to load it is the host's business (Node and webpack
 * resolve it differently), so it is passed in.
 */
import Decimal from 'decimal.js';

export interface NumfmtModule {
  format(pattern: string, value: unknown, options?: Record<string, unknown>): string;
  isDateFormat(pattern: string): boolean;
}

const badPatterns = new Set<string>();
const datePatterns = new Map<string, boolean>();

function isDatePattern(fmt: NumfmtModule, pattern: string): boolean {
  let known = datePatterns.get(pattern);
  if (known === undefined) {
    try {
      known = fmt.isDateFormat(pattern);
    } catch {
      known = false;
    }
    datePatterns.set(pattern, known);
  }
  return known;
}

/**
 * `date1904` shifts serials of 1904-based workbooks to the 1900 system numfmt expects.
 * An unparseable format falls back to General rather than failing the read.
 */
export function formatNumberText(load: () => NumfmtModule, value: number, pattern: string | undefined, date1904 = false): string {
  const p = pattern && pattern.trim() !== '' && !badPatterns.has(pattern) ? pattern : 'General';
  const simple = simpleFormat(value, p);
  if (simple !== null) return simple;
  if (p === 'General') {
    // Most cells: short numbers whose General rendering is JS's own (Excel's General shows up to
    // 11 characters); anything longer or in exponent form goes through numfmt.
    const s = String(value);
    if (s.length <= 11 && !s.includes('e')) return s;
  }
  const fmt = load();
  const v = date1904 && p !== 'General' && isDatePattern(fmt, p) ? value + 1462 : value;
  try {
    return fmt.format(p, v, { nbsp: false });
  } catch {
    badPatterns.add(p);
    try {
      return fmt.format('General', value);
    } catch {
      return String(value);
    }
  }
}

const SIMPLE = /^0(?:\.(0{1,10}))?(%?)$/;

/**
 * "0", "0.00", "0%", "0.00%": the formats self-evaluation tables use for amounts, scores and rates,
 * rendered without loading numfmt (whose load costs more than reading a small workbook). The same
 * text as numfmt — a property test compares the two — with anything unusual left to numfmt.
 */
export function simpleFormat(value: number, pattern: string): string | null {
  const m = SIMPLE.exec(pattern);
  if (!m || !Number.isFinite(value) || Math.abs(value) >= 1e13 || Object.is(value, -0)) return null;
  const decimals = m[1]?.length ?? 0;
  const percent = m[2] === '%';
  // Excel rounds the decimal it shows (15 significant digits), half away from zero: 1.005 → "1.01".
  const d = new Decimal(String(value)).times(percent ? 100 : 1).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  // A negative that rounds to zero shows as "-0" in numfmt: leave such edge cases to it.
  if (d.isZero() && value < 0) return null;
  return `${d.toFixed(decimals)}${percent ? '%' : ''}`;
}
