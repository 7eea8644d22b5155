/** Exact decimal arithmetic for everything that is rounded and written (6.635 → 6.64, not 6.63). */
import Decimal from 'decimal.js';
import { roundedDigits, roundedNumber } from './decimalDigits';
import { below, div, exactOf, minus, plainString, plus, scaledString, times, toNumber, toPlaces, underHalfUnit, type Exact } from './exactDecimal';

export { Decimal };

/** Decimal from a JS number via its shortest string, so 6.635 is 6.635 and not 6.63499999…. */
export function dec(x: number): Decimal {
  return new Decimal(String(x));
}

/*
 * Fast paths. Most values a table holds (97.9, 64.95, 6.635, 0.66) have short decimal strings: as
 * integers scaled by a power of ten they add, compare and multiply exactly in doubles, which is what
 * decimal.js would compute too (its 20 significant digits hold any integer below 2^52 exactly). Rounding
 * and printing cut the digits of the shortest string (decimalDigits), as decimal.js does; a comparison far
 * from its tolerance is decided in doubles. Every fast path returns the decimal.js result bit for bit
 * (tests/core/decimalFastPaths.test.ts); anything outside their bounds (exponent notation, more than 2^52
 * units) goes to exactDecimal, decimal.js's arithmetic on BigInts, and only where BigInt is missing to
 * decimal.js itself. The engine runs these for every cell, row and message: they are most of its arithmetic.
 */

/** Scaled integers stay below this, so that sums and differences of two of them are still exact. */
const LIMIT = 2 ** 52;
/** Powers of ten that are exact doubles. */
const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21,
  1e22,
];

/** Output of toScaled (module state rather than an object per call: these run on every cell). */
let scaledInt = 0;
let scaledExp = 0;

/**
 * x as scaledInt ÷ 10^scaledExp, exactly as its shortest string reads ("64.95" → 6495, 2).
 * False when the string uses exponent notation or the integer reaches LIMIT.
 */
function toScaled(x: number): boolean {
  if (Number.isInteger(x)) {
    if (!(Math.abs(x) < LIMIT)) return false;
    scaledInt = x === 0 ? 0 : x; // String(-0) is "0": decimal.js reads −0 as 0
    scaledExp = 0;
    return true;
  }
  if (!Number.isFinite(x)) return false;
  const s = String(x);
  const dot = s.indexOf('.');
  if (dot < 0 || s.indexOf('e') >= 0) return false;
  const exp = s.length - dot - 1;
  if (exp > 22) return false;
  // Below LIMIT the digits are an exact double, so Number() reads them without rounding.
  const int = Number(s.slice(0, dot) + s.slice(dot + 1));
  if (!(Math.abs(int) < LIMIT)) return false;
  scaledInt = int;
  scaledExp = exp;
  return true;
}

/**
 * Whether a number's shortest string has at most `decimals` decimals and no exponent: rounding it leaves it as it
 * is (no trailing zeros to drop: the shortest string has none), and decimal.js prints it the same way.
 */
function shortEnough(s: string, decimals: number): boolean {
  if (s.indexOf('e') >= 0) return false;
  const dot = s.indexOf('.');
  return dot < 0 || s.length - dot - 1 <= decimals;
}

/** Whether `decimals` is a count of decimal places the fast paths handle. */
function plainDecimals(decimals: number): boolean {
  return Number.isInteger(decimals) && decimals >= 0 && decimals <= 22;
}

/** Rounds as the profile says: half-up (四舍五入) or truncate. */
export function roundTo(x: number, decimals: number, mode: 'half-up' | 'truncate' = 'half-up'): number {
  if (Number.isInteger(x)) return x; // most scores are whole: nothing to round
  if (plainDecimals(decimals)) {
    const s = String(x);
    if (shortEnough(s, decimals)) return x; // 6.5 to 2 places: as it is
    const r = roundedDigits(s, decimals, mode === 'truncate');
    if (r) return roundedNumber(r); // −0 stays −0, as decimal.js keeps the sign of a negative rounded to zero
  }
  const v = plainDecimals(decimals) ? exactOf(x) : null;
  if (v) {
    const r = toNumber(toPlaces(v, decimals, mode === 'truncate'));
    return r === 0 && x < 0 ? -0 : r; // decimal.js keeps the sign of a negative rounded to zero
  }
  const d = dec(x).toDecimalPlaces(decimals, mode === 'truncate' ? Decimal.ROUND_DOWN : Decimal.ROUND_HALF_UP);
  return d.toNumber();
}

/** Three numbers exactly, or null when one is 0 (signed zeros are left to decimal.js) or not finite. */
function nonZeroExacts(...xs: number[]): Exact[] | null {
  const out: Exact[] = [];
  for (const x of xs) {
    if (x === 0) return null;
    const v = exactOf(x);
    if (!v) return null;
    out.push(v);
  }
  return out;
}

/**
 * a ÷ b when it is a short decimal (96 ÷ 100, 950 ÷ 1000, 45 ÷ 50 — most rates and completions): the double
 * quotient's shortest string D, checked exactly (D × b = a in scaled integers below 2^53). decimal.js's quotient
 * is then D itself, and D reads back as that double. Null when the quotient does not stop so soon.
 */
function shortQuotient(a: number, b: number): number | null {
  if (a === 0 || b === 0) return null; // signed zeros and infinities are decimal.js's to give
  const d = a / b;
  if (!toScaled(d)) return null;
  const intD = scaledInt;
  const expD = scaledExp;
  if (!toScaled(a)) return null;
  const intA = scaledInt;
  const expA = scaledExp;
  if (!toScaled(b)) return null;
  // D × b = a  ⇔  intD × intB × 10^expA = intA × 10^(expD + expB): compare exactly while below LIMIT.
  const left = intD * scaledInt;
  const lp = POW10[expA];
  const rp = POW10[expD + scaledExp];
  if (lp === undefined || rp === undefined) return null;
  const l = left * lp;
  const r = intA * rp;
  if (!(Math.abs(left) < LIMIT && Math.abs(l) < LIMIT && Math.abs(r) < LIMIT)) return null;
  return l === r ? d : null;
}

/** The last quotient computed exactly: a score (a ÷ b × 分值) follows the completion (a ÷ b) of the same row. */
let lastA = NaN;
let lastB = NaN;
let lastQ: Exact | null = null;

/** a ÷ b as decimal.js holds it (20 significant digits); null where either is 0 or not finite, or BigInt is missing. */
function exactQuotient(a: number, b: number): Exact | null {
  if (a === lastA && b === lastB && lastQ) return lastQ;
  const v = nonZeroExacts(a, b);
  const q = v && div(v[0], v[1]);
  if (q) {
    lastA = a;
    lastB = b;
    lastQ = q;
  }
  return q;
}

/** a ÷ b computed as decimal.js does (20 significant digits), returned at full double precision. */
export function ratio(a: number, b: number): number {
  const short = shortQuotient(a, b);
  if (short !== null) return short;
  const q = exactQuotient(a, b);
  if (q) return toNumber(q);
  return dec(a).div(dec(b)).toNumber();
}

/** a ÷ b × c computed as decimal.js does, returned at full double precision. */
export function ratioTimes(a: number, b: number, c: number): number {
  // A short quotient is exact, so its product is decimal.js's D × c.
  const short = c !== 0 ? shortQuotient(a, b) : null;
  if (short !== null) return product(short, c);
  const q = c !== 0 ? exactQuotient(a, b) : null;
  const z = q && exactOf(c);
  if (q && z) return toNumber(times(q, z));
  return dec(a).div(dec(b)).times(dec(c)).toNumber();
}

/** a × b computed exactly (97.9 万元 × 10000 元), returned at full double precision. */
export function product(a: number, b: number): number {
  // Units of the same scale, the common case (−0 reads as 0, as String(−0) does).
  if (b === 1 && Number.isFinite(a)) return a === 0 ? 0 : a;
  if (toScaled(a)) {
    const intA = scaledInt;
    const expA = scaledExp;
    if (toScaled(b) && expA + scaledExp <= 22) {
      // Both scaled integers are exact; so is their product while it stays below LIMIT.
      const p = intA * scaledInt;
      if (Math.abs(p) < LIMIT) return p / POW10[expA + scaledExp];
    }
  }
  const v = nonZeroExacts(a, b);
  if (v) return toNumber(times(v[0], v[1]));
  return dec(a).times(dec(b)).toNumber();
}

/** Sum without binary drift (10.1 + 20.2 = 30.3). */
export function sum(values: number[]): number {
  // Whole numbers (most weights and scores) add exactly in binary: skip the decimal arithmetic.
  // Indexed loops here and below: a sum runs for every group, total and message, often before it is optimised.
  let whole = 0;
  let allWhole = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v)) {
      allWhole = false;
      break;
    }
    whole += v;
  }
  if (allWhole && Number.isSafeInteger(whole)) return whole;
  const fast = scaledSum(values);
  if (fast !== null) return fast;
  const exact = exactSum(values);
  if (exact !== null) return exact;
  return values.reduce((acc, v) => acc.plus(dec(v)), new Decimal(0)).toNumber();
}

/** The sum as scaled integers at the largest scale among the values; null when out of bounds. */
function scaledSum(values: number[]): number | null {
  // One pass: the running sum moves to a finer scale when a value needs it. Every step stays below LIMIT, so
  // every step is exact, and a sum returned is the exact one whatever the order of scales.
  let exp = 0;
  let acc = 0;
  for (let i = 0; i < values.length; i++) {
    if (!toScaled(values[i])) return null;
    let term = scaledInt;
    if (scaledExp > exp) {
      acc *= POW10[scaledExp - exp];
      exp = scaledExp;
      if (!(Math.abs(acc) < LIMIT)) return null;
    } else term = scaledInt * POW10[exp - scaledExp];
    if (!(Math.abs(term) < LIMIT)) return null;
    acc += term;
    if (!(Math.abs(acc) < LIMIT)) return null;
  }
  // acc is the exact sum in units of 10^-exp; the division rounds it once, as parsing its string would.
  return acc / POW10[exp];
}

/** The sum as decimal.js adds (each partial sum to 20 significant digits); null where a value is not finite. */
function exactSum(values: number[]): number | null {
  let acc: Exact | null = exactOf(0);
  for (let i = 0; i < values.length; i++) {
    const v = exactOf(values[i]);
    if (!v || !acc) return null;
    acc = plus(acc, v);
  }
  return acc && toNumber(acc);
}

/** Equality at a precision: |a − b| < half a unit of the given decimals. */
export function sameAt(a: number, b: number, decimals: number): boolean {
  if (a === b) return true;
  if (plainDecimals(decimals)) {
    // In doubles, |a − b| is within (|a| + |b|) × 2^-52 of the decimals' difference, and the tolerance within
    // 2^-53 of its own: away from the tolerance by more than a generous margin, the doubles decide as decimal.js would.
    const diff = Math.abs(a - b);
    const tolerance = 0.5 / POW10[decimals];
    const margin = (Math.abs(a) + Math.abs(b) + tolerance) * 2 ** -48;
    if (diff < tolerance - margin) return true;
    if (diff > tolerance + margin) return false;
  }
  if (plainDecimals(decimals) && toScaled(a)) {
    const intA = scaledInt;
    const expA = scaledExp;
    if (toScaled(b)) {
      const exp = Math.max(expA, scaledExp);
      const x = intA * POW10[exp - expA];
      const y = scaledInt * POW10[exp - scaledExp];
      if (Math.abs(x) < LIMIT && Math.abs(y) < LIMIT) {
        // a ≠ b, so they differ by at least one unit of 10^-exp: more than half a unit of 10^-decimals.
        if (exp < decimals) return false;
        if (exp - decimals <= 22) return 2 * Math.abs(x - y) < POW10[exp - decimals];
      }
    }
  }
  const x = plainDecimals(decimals) ? exactOf(a) : null;
  const y = x && exactOf(b);
  if (x && y) return underHalfUnit(minus(x, y), decimals);
  let tolerance = HALF_UNIT.get(decimals);
  if (!tolerance) HALF_UNIT.set(decimals, (tolerance = new Decimal(0.5).times(new Decimal(10).pow(-decimals))));
  return dec(a).minus(dec(b)).abs().lessThan(tolerance);
}

/** Half a unit of the last decimal place, by number of decimals (computed once each). */
const HALF_UNIT = new Map<number, Decimal>();

/** 100, for percents (null where BigInt is missing: exactOf is null there too). */
const HUNDRED = exactOf(100);

/** v rounded half-up to maxDecimals (≤ 6) and printed as decimal.js prints it; null where it would print an exponent. */
function formatExact(v: Exact, maxDecimals: number): string | null {
  if (!(Number.isInteger(maxDecimals) && maxDecimals >= 0 && maxDecimals <= 6)) return null;
  const r = toPlaces(v, maxDecimals, false);
  // decimal.js switches to exponent notation from 10^21 up; rounded to ≤ 6 decimals nothing is small enough to.
  return below(r, 21) ? plainString(r) : null;
}

/** A number for people: no binary noise, no trailing zeros (64.950000001 → "64.95"). */
export function formatNumber(x: number, maxDecimals = 4): string {
  // Whole numbers (most weights and scores) print as they are; String(−0) is "0", as decimal.js prints it.
  if (Number.isSafeInteger(x)) return String(x);
  if (plainDecimals(maxDecimals)) {
    // 97.9 to 4 places is "97.9": the shortest string is what decimal.js prints when nothing is to be rounded.
    const s = String(x);
    if (shortEnough(s, maxDecimals)) return s;
    const r = roundedDigits(s, maxDecimals, false);
    if (r) return scaledString(r.negative, r.digits, r.places);
  }
  const v = exactOf(x);
  const s = v && formatExact(v, maxDecimals);
  if (s !== null) return s;
  return dec(x).toDecimalPlaces(maxDecimals, Decimal.ROUND_HALF_UP).toString();
}

/** A fraction as a percent for people: 0.6634 → "66.34%", 1 → "100%". */
export function formatPercent(fraction: number, maxDecimals = 2): string {
  // × 100 moves the decimal point two places: exact on the digits.
  // From 10^21 up decimal.js prints an exponent: such percents (of fractions from 10^19) take the exact path.
  const r = plainDecimals(maxDecimals) && Math.abs(fraction) < 1e19 ? roundedDigits(String(fraction), maxDecimals, false, 2) : null;
  if (r) return `${scaledString(r.negative, r.digits, r.places)}%`;
  const v = exactOf(fraction);
  const s = v && HUNDRED && formatExact(times(v, HUNDRED), maxDecimals);
  if (s !== null) return `${s}%`;
  return `${dec(fraction).times(100).toDecimalPlaces(maxDecimals, Decimal.ROUND_HALF_UP).toString()}%`;
}
