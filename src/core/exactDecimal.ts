/**
 * decimal.js's own arithmetic — 20 significant digits, ROUND_HALF_UP, the defaults the engine never changes —
 * done on scaled BigInts: a value is n × 10^-e. decimal.ts uses it where its double-based fast paths run out
 * of bounds (a score of 18 ÷ 19 × 10 has 16 or 17 digits); decimal.js itself would give the same figures at
 * several times the cost. tests/core/decimalFastPaths.test.ts checks every result against decimal.js.
 */

/** n × 10^-e, exactly; e ≥ 0 (an integer is held with e = 0). */
export interface Exact {
  n: bigint;
  e: number;
}

/** n × 10^-e with e brought to 0 or above. */
function exact(n: bigint, e: number): Exact {
  return e >= 0 ? { n, e } : { n: n * pow10(-e), e: 0 };
}

/** decimal.js's default precision (significant digits kept by plus, times and div). */
const PRECISION = 20;

/** 10^k as BigInt, computed once each. */
const POW10: bigint[] = [];
function pow10(k: number): bigint {
  let p = POW10[k];
  if (p === undefined) POW10[k] = p = BigInt(10) ** BigInt(k);
  return p;
}

/** 10^PRECISION: a magnitude below it has at most PRECISION digits. */
let limit: bigint | null = null;

/** Whether this JavaScript engine has BigInt (it is ES2020; older engines take decimal.js itself). */
export const exactAvailable = typeof BigInt === 'function';

/**
 * x exactly as its shortest string reads — what new Decimal(String(x)) holds ("0.1" is 1 × 10^-1, "1e+21" is
 * 10^21). Null for NaN and ±Infinity. −0 reads as 0, as String(−0) does.
 */
export function exactOf(x: number): Exact | null {
  if (!exactAvailable || !Number.isFinite(x)) return null;
  let s = String(x);
  let shift = 0;
  const ePos = s.indexOf('e');
  if (ePos >= 0) {
    shift = Number(s.slice(ePos + 1));
    s = s.slice(0, ePos);
  }
  let e = 0;
  const dot = s.indexOf('.');
  if (dot >= 0) {
    e = s.length - dot - 1;
    s = s.slice(0, dot) + s.slice(dot + 1);
  }
  return exact(BigInt(s), e - shift);
}

/** The double nearest to v, as decimal.js's toNumber() reads its own string. */
export function toNumber(v: Exact): number {
  return Number(`${v.n}e${-v.e}`);
}

const abs = (n: bigint): bigint => (n < 0 ? -n : n);

/** n rounded to PRECISION significant digits, half away from zero, as each decimal.js operation ends. */
function rounded(n: bigint, e: number): Exact {
  const a = abs(n);
  if (limit === null) limit = pow10(PRECISION);
  if (a < limit) return { n, e };
  const drop = digitCount(a) - PRECISION;
  const p = pow10(drop);
  const rest = a % p;
  let q = a / p;
  if (rest * BigInt(2) >= p) q += BigInt(1);
  return exact(n < 0 ? -q : q, e - drop);
}

/** a's digits at scale e (e ≥ a.e). */
function scaledTo(a: Exact, e: number): bigint {
  return a.e === e ? a.n : a.n * pow10(e - a.e);
}

/** a + b, as Decimal.plus (both brought to the larger of their scales). */
export function plus(a: Exact, b: Exact): Exact {
  const e = Math.max(a.e, b.e);
  return rounded(scaledTo(a, e) + scaledTo(b, e), e);
}

/** a − b, as Decimal.minus. */
export function minus(a: Exact, b: Exact): Exact {
  const e = Math.max(a.e, b.e);
  return rounded(scaledTo(a, e) - scaledTo(b, e), e);
}

/** a × b, as Decimal.times. */
export function times(a: Exact, b: Exact): Exact {
  return rounded(a.n * b.n, a.e + b.e);
}

/**
 * a ÷ b correctly rounded to PRECISION significant digits, as Decimal.div; null when either is 0 (decimal.js
 * gives a signed zero or an infinity there, which callers leave to it).
 */
export function div(a: Exact, b: Exact): Exact | null {
  if (a.n === BigInt(0) || b.n === BigInt(0)) return null;
  const num = abs(a.n);
  const den = abs(b.n);
  // Scale the dividend so that the integer quotient has PRECISION digits: the doubles' quotient tells how far,
  // within one digit either way, which the loop below corrects (digit counts by toString only where it is off).
  const guess = Math.floor(Math.log10(Number(num) / Number(den)));
  let k = Number.isFinite(guess) ? Math.max(0, PRECISION - 1 - guess) : Math.max(0, PRECISION + digitCount(den) - digitCount(num));
  let q0 = (num * pow10(k)) / den;
  const low = pow10(PRECISION - 1);
  while (q0 < low) {
    k += 1;
    q0 = (num * pow10(k)) / den;
  }
  const rem = num * pow10(k) - q0 * den;
  const drop = q0 < pow10(PRECISION) ? 0 : digitCount(q0) - PRECISION;
  const p = pow10(drop);
  let q = q0 / p;
  // Half up on the exact quotient: what is dropped, (q0 mod p + rem ÷ den) ÷ p, compared with ½.
  if (BigInt(2) * ((q0 % p) * den + rem) >= p * den) q += BigInt(1);
  const negative = a.n < 0 !== b.n < 0;
  return exact(negative ? -q : q, a.e - b.e + k - drop);
}

/** Decimal digits of a non-negative integer. */
function digitCount(n: bigint): number {
  return n.toString().length;
}

/** v rounded to `places` decimals (half away from zero, or toward zero), as Decimal.toDecimalPlaces. */
export function toPlaces(v: Exact, places: number, truncate: boolean): Exact {
  if (v.e <= places) return v;
  const p = pow10(v.e - places);
  const a = abs(v.n);
  let q = a / p;
  if (!truncate && (a % p) * BigInt(2) >= p) q += BigInt(1);
  return { n: v.n < 0 ? -q : q, e: places };
}

/** Whether |v| < 10^digits. */
export function below(v: Exact, digits: number): boolean {
  return abs(v.n) < pow10(digits + v.e);
}

/** |v| < ½ × 10^-places: zero when rounded to `places` decimals. */
export function underHalfUnit(v: Exact, places: number): boolean {
  return abs(v.n) * BigInt(2) * pow10(places) < pow10(v.e);
}

/** v (at most 6 decimals, below 10^21) as decimal.js's toString prints it. */
export function plainString(v: Exact): string {
  return scaledString(v.n < 0, abs(v.n).toString(), v.e);
}

/**
 * An integer's digits ÷ 10^e as decimal.js prints a value of at most 6 decimals below 10^21: no trailing
 * zeros, no exponent, "-" only before a non-zero figure.
 */
export function scaledString(negative: boolean, digits: string, e: number): string {
  if (digits === '0') return '0';
  let out = digits;
  if (e > 0) {
    if (out.length <= e) out = '0'.repeat(e - out.length + 1) + out;
    const cut = out.length - e;
    let end = out.length;
    while (end > cut && out.charCodeAt(end - 1) === 48) end--;
    out = end === cut ? out.slice(0, cut) : `${out.slice(0, cut)}.${out.slice(cut, end)}`;
  }
  return negative ? `-${out}` : out;
}
