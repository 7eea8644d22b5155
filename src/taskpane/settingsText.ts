/**
 * What the 设置 form holds (the text a clerk typed) to and from the profile's numbers. Rate-like settings
 * are fractions in the profile and percentages in the form; the conversion goes through decimal.js so 90
 * saves as exactly 0.9 and 0.85 shows as exactly 85 (no 0.1 + 0.2 drift). Text that is not a number is
 * passed on as typed, so checkProfile refuses it with its reason instead of the form guessing.
 */
import { Decimal, dec } from '../core/decimal';

/** Half- and full-width forms alike ("９０％", "１．５"), blanks trimmed. */
const normal = (s: string): string => s.normalize('NFKC').trim();

const isNumeral = (t: string): boolean => /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t);

/** A typed number as a number; anything else as the text typed. */
export function numberOf(text: string): number | string {
  const t = normal(text);
  return isNumeral(t) ? Number(t) : text;
}

/** A typed percentage ("90", "90%", "85.5 %") as the profile's fraction (0.9, 0.855); anything else as typed. */
export function fractionOf(text: string): number | string {
  const t = normal(text).replace(/\s*%$/, '');
  return isNumeral(t) ? new Decimal(t).div(100).toNumber() : text;
}

/** A profile fraction as the percentage the form shows: 0.85 → "85", 1.3 → "130". */
export function percentText(fraction: number): string {
  return dec(fraction).times(100).toString();
}
