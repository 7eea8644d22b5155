/**
 * exactDecimal is decimal.js's arithmetic on BigInts: every operation must hold the very decimal decimal.js
 * holds (all 20 significant digits, not just the double they round to), including the halves it rounds up.
 */
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { div, exactOf, minus, plus, times, toPlaces, type Exact } from '../../src/core/exactDecimal';

const RUNS = Number(process.env.FC_RUNS ?? 3000);
const dec = (x: number) => new Decimal(String(x));
const asDecimal = (v: Exact) => new Decimal(`${v.n}e-${v.e}`);
const exactly = (v: Exact | null) => {
  if (!v) throw new Error('no exact value');
  return v;
};

const typed = fc.tuple(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), fc.integer({ min: 0, max: 9 })).map(([m, k]) => Number(`${m}e-${k}`));
/** m ÷ 2^k: about 0.7k digits ending in 5, so around k = 30 the 21st digit is the 5 that half-up rounds. */
const halves = fc.tuple(fc.integer({ min: -499, max: 499 }), fc.integer({ min: 20, max: 45 })).map(([m, k]) => (2 * m + 1) / 2 ** k);
const value = fc.oneof(typed, halves, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer().map((i) => i / 7), fc.constantFrom(0, 1e21, 5e-324, 2 ** 53 + 2));

describe('exactDecimal holds what decimal.js holds', () => {
  test('reading a double', () => {
    fc.assert(
      fc.property(value, (x) => {
        expect(asDecimal(exactly(exactOf(x))).equals(dec(x))).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(exactOf(NaN)).toBeNull();
    expect(exactOf(Infinity)).toBeNull();
  });

  test('plus, minus and times, rounded to 20 digits', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        const x = exactly(exactOf(a));
        const y = exactly(exactOf(b));
        expect(asDecimal(plus(x, y)).equals(dec(a).plus(dec(b)))).toBe(true);
        expect(asDecimal(minus(x, y)).equals(dec(a).minus(dec(b)))).toBe(true);
        expect(asDecimal(times(x, y)).equals(dec(a).times(dec(b)))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  test('div, correctly rounded to 20 digits, halves up', () => {
    fc.assert(
      fc.property(value, fc.oneof(value, fc.integer({ min: 20, max: 45 }).map((k) => 2 ** k)), (a, b) => {
        const q = div(exactly(exactOf(a)), exactly(exactOf(b)));
        if (a === 0 || b === 0) expect(q).toBeNull();
        else expect(asDecimal(exactly(q)).equals(dec(a).div(dec(b)))).toBe(true);
      }),
      { numRuns: RUNS },
    );
    // 1 ÷ 2^30 = 9.31322574615478515625e-10: 21 digits, the last a 5 that rounds up.
    expect(asDecimal(exactly(div(exactly(exactOf(1)), exactly(exactOf(2 ** 30))))).toString()).toBe('9.3132257461547851563e-10');
  });

  test('toPlaces, half-up and truncate', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 12 }), fc.boolean(), (a, d, truncate) => {
        const r = toPlaces(exactly(exactOf(a)), d, truncate);
        expect(asDecimal(r).equals(dec(a).toDecimalPlaces(d, truncate ? Decimal.ROUND_DOWN : Decimal.ROUND_HALF_UP))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
