/**
 * How the report writes numbers: the way the seed report does (97.9 万元, 66%, 96 分): no trailing
 * zeros, no binary noise, rounded half-up with exact decimals.
 */
import { Decimal, dec } from '../decimal';

/** What a figure is, which decides how it is written. `text` is a quotation of table text. */
export type FigureFormat = 'amount' | 'percent' | 'score' | 'year' | 'text';

export interface NumberStyle {
  /** Decimals for scores (the profile's). */
  scoreDecimals: number;
  scoreRounding: 'half-up' | 'truncate';
}

/** Amounts in 万元: four decimals is one yuan, finer than any table states. */
const AMOUNT_DECIMALS = 4;
const PERCENT_DECIMALS = 2;

function trimmed(d: Decimal): string {
  // toFixed() never uses exponent notation; Decimal drops trailing zeros itself.
  const s = d.toFixed();
  return s === '-0' ? '0' : s;
}

/** Writes a numeric figure as the report shows it (without its unit, except % for rates). */
export function formatFigureValue(value: number, format: Exclude<FigureFormat, 'text'>, style: NumberStyle): string {
  switch (format) {
    case 'amount':
      return trimmed(dec(value).toDecimalPlaces(AMOUNT_DECIMALS, Decimal.ROUND_HALF_UP));
    case 'percent':
      return `${trimmed(dec(value).times(100).toDecimalPlaces(PERCENT_DECIMALS, Decimal.ROUND_HALF_UP))}%`;
    case 'score':
      return trimmed(
        dec(value).toDecimalPlaces(style.scoreDecimals, style.scoreRounding === 'truncate' ? Decimal.ROUND_DOWN : Decimal.ROUND_HALF_UP),
      );
    case 'year':
      return String(Math.trunc(value));
  }
}

const CJK = '\u3000-\u303f\u3400-\u9fff\uff00-\uffef';
const HALF_COMMA_IN_CJK = new RegExp(`([${CJK}])\\s*([,;])\\s*(?=[${CJK}])`, 'g');

/**
 * Quoted table text as prose: line breaks and runs of spaces collapsed, and a half-width comma or
 * semicolon between Chinese characters (the engine normalises punctuation) written full-width again.
 */
export function cleanText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(HALF_COMMA_IN_CJK, (_m, a: string, p: string) => `${a}${p === ',' ? '，' : '；'}`);
}

const HAN = '\u3400-\u9fff';

/**
 * Quoted table text typeset for the report: as cleanText, and no space between Chinese and digits or
 * Latin letters (GB/T 9704 practice: "12345市民热线", "97.9万元").
 */
export function typeset(text: string): string {
  return cleanText(text)
    .replace(new RegExp(`([${HAN}])\\s+(?=[0-9A-Za-z])`, 'g'), '$1')
    .replace(new RegExp(`([0-9A-Za-z%])\\s+(?=[${HAN}])`, 'g'), '$1');
}

/** Display width in half-width units (CJK and full-width count 2): for wrapping estimates. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    w += c > 0x2e7f || (c >= 0x2010 && c <= 0x206f) ? 2 : 1;
  }
  return w;
}
