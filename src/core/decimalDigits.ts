/**
 * Rounding a number by the digits of its shortest string, as decimal.js rounds the same string: toDecimalPlaces
 * looks at nothing but those digits (half-up: the first dropped digit is 5 or more), so cutting and carrying the
 * string gives its result without building a Decimal or a BigInt. decimal.ts uses this for the values its
 * scaled-integer fast path cannot hold (a score such as 9.473684210526315 has 16 digits).
 */

/** A value's digits rounded to some places: the integer |x| × 10^places, as a digit string. */
export interface RoundedDigits {
  negative: boolean;
  /** The rounded magnitude times 10^places, without leading zeros ("0" for zero). */
  digits: string;
  places: number;
}

/**
 * |x| × 10^shift rounded to `places` decimals (half-up, or truncated), from s = String(x), which the caller has
 * already read. Null where s uses exponent notation (below 10^-6 or from 10^21) or x is not finite ("NaN",
 * "Infinity"): those take the exact path.
 */
export function roundedDigits(s: string, places: number, truncate: boolean, shift = 0): RoundedDigits | null {
  if (s.indexOf('e') >= 0 || !isDigit(s.charCodeAt(s.charCodeAt(0) === 45 ? 1 : 0))) return null;
  const negative = s.charCodeAt(0) === 45; // "-"
  const body = negative ? s.slice(1) : s;
  const dot = body.indexOf('.');
  const whole = dot < 0 ? body : body.slice(0, dot);
  const fraction = dot < 0 ? '' : body.slice(dot + 1);
  // The decimal point moved `shift` places right (× 100 for a percent): digits before it, digits after it.
  const all = whole + fraction;
  const point = whole.length + shift;
  const keep = point + places; // digits kept from the left of `all`
  let kept = keep <= all.length ? all.slice(0, Math.max(keep, 0)) : all + '0'.repeat(keep - all.length);
  const next = keep >= 0 && keep < all.length ? all.charCodeAt(keep) : 48;
  if (!truncate && next >= 53) kept = increment(kept); // "5" or more: half a unit or more is dropped
  return { negative, digits: stripLeadingZeros(kept), places };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A digit string plus one ("199" → "200", "" → "1"). */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === 57) i--; // trailing 9s become 0s
  if (i < 0) return '1' + '0'.repeat(digits.length);
  return digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + '0'.repeat(digits.length - i - 1);
}

function stripLeadingZeros(digits: string): string {
  let i = 0;
  while (i < digits.length - 1 && digits.charCodeAt(i) === 48) i++;
  return digits.length ? digits.slice(i) : '0';
}

/** The rounded value as a double: the string read back, as decimal.js's toNumber() reads its own. */
export function roundedNumber(r: RoundedDigits): number {
  const v = Number(`${r.digits}e-${r.places}`);
  return r.negative ? -v : v;
}
