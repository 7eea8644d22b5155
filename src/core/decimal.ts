/** Exact decimal arithmetic for everything that is rounded and written (6.635 → 6.64, not 6.63). */
import Decimal from 'decimal.js';

export { Decimal };

/** Decimal from a JS number via its shortest string, so 6.635 is 6.635 and not 6.63499999…. */
export function dec(x: number): Decimal {
  return new Decimal(String(x));
}

/** Rounds as the profile says: half-up (四舍五入) or truncate. */
export function roundTo(x: number, decimals: number, mode: 'half-up' | 'truncate' = 'half-up'): number {
  if (Number.isInteger(x)) return x; // most scores are whole: nothing to round
  const d = dec(x).toDecimalPlaces(decimals, mode === 'truncate' ? Decimal.ROUND_DOWN : Decimal.ROUND_HALF_UP);
  return d.toNumber();
}

/** a ÷ b × c computed exactly, returned at full double precision. */
export function ratioTimes(a: number, b: number, c: number): number {
  return dec(a).div(dec(b)).times(dec(c)).toNumber();
}

/** Sum without binary drift (10.1 + 20.2 = 30.3). */
export function sum(values: number[]): number {
  // Whole numbers (most weights and scores) add exactly in binary: skip the decimal arithmetic.
  if (values.every(Number.isInteger)) {
    const s = values.reduce((acc, v) => acc + v, 0);
    if (Number.isSafeInteger(s)) return s;
  }
  return values.reduce((acc, v) => acc.plus(dec(v)), new Decimal(0)).toNumber();
}

/** Equality at a precision: |a − b| < half a unit of the given decimals. */
export function sameAt(a: number, b: number, decimals: number): boolean {
  if (a === b) return true;
  let tolerance = HALF_UNIT.get(decimals);
  if (!tolerance) HALF_UNIT.set(decimals, (tolerance = new Decimal(0.5).times(new Decimal(10).pow(-decimals))));
  return dec(a).minus(dec(b)).abs().lessThan(tolerance);
}

/** Half a unit of the last decimal place, by number of decimals (computed once each). */
const HALF_UNIT = new Map<number, Decimal>();

/** A number for people: no binary noise, no trailing zeros (64.950000001 → "64.95"). */
export function formatNumber(x: number, maxDecimals = 4): string {
  return dec(x).toDecimalPlaces(maxDecimals, Decimal.ROUND_HALF_UP).toString();
}

/** A fraction as a percent for people: 0.6634 → "66.34%", 1 → "100%". */
export function formatPercent(fraction: number, maxDecimals = 2): string {
  return `${dec(fraction).times(100).toDecimalPlaces(maxDecimals, Decimal.ROUND_HALF_UP).toString()}%`;
}
