/**
 * The plain-number fast paths in src/core/decimal.ts must give exactly what decimal.js gives: same
 * double (−0 included), same string. Each function is checked against the decimal.js computation it
 * replaced, over short decimals (6.635), binary noise (0.1 + 0.2), huge and tiny values and random doubles.
 */
import fc from 'fast-check';
import { Decimal, formatNumber, formatPercent, product, ratio, ratioTimes, roundTo, sameAt, sum } from '../../src/core/decimal';

const RUNS = Number(process.env.FC_RUNS ?? 3000);

// ---- the decimal.js computations the fast paths stand in for -----------------------------------

const dec = (x: number) => new Decimal(String(x));
const ref = {
  roundTo: (x: number, d: number, mode: 'half-up' | 'truncate') =>
    Number.isInteger(x) ? x : dec(x).toDecimalPlaces(d, mode === 'truncate' ? Decimal.ROUND_DOWN : Decimal.ROUND_HALF_UP).toNumber(),
  product: (a: number, b: number) => dec(a).times(dec(b)).toNumber(),
  ratio: (a: number, b: number) => dec(a).div(dec(b)).toNumber(),
  ratioTimes: (a: number, b: number, c: number) => dec(a).div(dec(b)).times(dec(c)).toNumber(),
  sum: (values: number[]) => values.reduce((acc, v) => acc.plus(dec(v)), new Decimal(0)).toNumber(),
  sameAt: (a: number, b: number, d: number) =>
    a === b || dec(a).minus(dec(b)).abs().lessThan(new Decimal(0.5).times(new Decimal(10).pow(-d))),
  formatNumber: (x: number, d: number) => dec(x).toDecimalPlaces(d, Decimal.ROUND_HALF_UP).toString(),
  formatPercent: (x: number, d: number) => `${dec(x).times(100).toDecimalPlaces(d, Decimal.ROUND_HALF_UP).toString()}%`,
};

// ---- values -----------------------------------------------------------------------------------

const SPECIAL = [
  6.635, -6.635, 2.675, 1.005, 4.35, 0.1 + 0.2, 0.3, 1e15, 1e15 + 0.5, -1e15, 123456789012.345, 99.995, 9.995, 0.125,
  0.005, 0.0005, 0.00005, 1e-6, 1e-7, 5e-324, 2 ** 52, 2 ** 52 - 0.5, 2 ** 53, 4503599627370495.5, 1e21, 1e22, 0, -0,
  1 / 3, 2 / 3, 64.95, 97.9, 0.66, 0.6634, 66.34, 10.1, 20.2, 30.3, NaN, Infinity, -Infinity,
];

/** Short decimals as people type them: m × 10^-k. */
const typed = fc
  .tuple(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), fc.integer({ min: 0, max: 9 }))
  .map(([m, k]) => Number(`${m}e-${k}`));
/** Halves at the rounding point (…5 in the last place), where half-up and binary rounding part. */
const halves = fc
  .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 1, max: 7 }))
  .map(([m, k]) => Number(`${m}5e-${k}`));
/** Sums and quotients with binary noise (0.1 + 0.2, 1 / 3). */
const noisy = fc.tuple(typed, typed).map(([a, b]) => (b !== 0 && Math.abs(a) < 1000 ? a / b : a + b));
const value = fc.oneof(typed, halves, noisy, fc.constantFrom(...SPECIAL), fc.double(), fc.integer().map((i) => i / 7));
const decimals = fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constantFrom(15, 20, 22, 23, 30));

const same = (a: number, b: number) => Object.is(a, b);

describe('decimal fast paths equal decimal.js', () => {
  test('roundTo, half-up and truncate', () => {
    fc.assert(
      fc.property(value, decimals, fc.constantFrom<'half-up' | 'truncate'>('half-up', 'truncate'), (x, d, mode) => {
        expect(same(roundTo(x, d, mode), ref.roundTo(x, d, mode))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  test('sum', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 8 }), (xs) => {
        expect(same(sum(xs), ref.sum(xs))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  test('product, including unit scales (× 1, × 10000, × 0.0001, × 1/60)', () => {
    // … and halves' powers (0.0625 = 625 × 10^-4), whose products end in 5 where 20 digits are rounded.
    const scale = fc.constantFrom(1, 10, 1e3, 1e4, 1e6, 1e8, 0.1, 1e-4, 1e-8, 24, 720, 8760, 1 / 60, 0.01, 0.0625, 0.03125, 2 ** -12);
    fc.assert(
      fc.property(value, fc.oneof(scale, value), (a, b) => {
        expect(same(product(a, b), ref.product(a, b))).toBe(true);
        expect(same(product(b, a), ref.product(b, a))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  test('ratio and ratioTimes (rates, completions, scores such as 18 ÷ 19 × 10)', () => {
    // Quotients that stop (1 ÷ 8), that repeat (18 ÷ 19), and zeros; m ÷ 2^k has ~0.7k digits ending in 5, so
    // for k around 30 the 21st digit is a 5 to round half-up at.
    const ties = fc.tuple(fc.integer({ min: 0, max: 499 }), fc.integer({ min: 26, max: 40 })).map(([m, k]) => [2 * m + 1, 2 ** k] as const);
    const pair = fc.oneof(fc.tuple(value, value), ties, fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 })));
    fc.assert(
      fc.property(pair, fc.oneof(value, fc.constantFrom(0, 1, 10, 0.5, 12.5, 100)), ([a, b], c) => {
        expect(same(ratio(a, b), ref.ratio(a, b))).toBe(true);
        expect(same(ratioTimes(a, b, c), ref.ratioTimes(a, b, c))).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(ratio(18, 19)).toBe(ref.ratio(18, 19));
    // The double quotient has a short string here, yet decimal.js's 20-digit quotient reads as the next double:
    // a short double is only the answer when it is the exact quotient.
    for (const [a, b] of [[227335, 685020], [921348, 91605], [853561, 596817], [220198, 688069]]) {
      expect(ratio(a, b)).not.toBe(a / b);
      expect(ratio(a, b)).toBe(ref.ratio(a, b));
      expect(ratioTimes(a, b, 10)).toBe(ref.ratioTimes(a, b, 10));
    }
    expect(ratioTimes(18, 19, 10)).toBe(ref.ratioTimes(18, 19, 10));
  });

  test('sums of long decimals (scores of 16 and 17 digits) and of values far apart in scale', () => {
    const long = fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 })).map(([a, b]) => a / b);
    fc.assert(
      fc.property(fc.array(fc.oneof(long, value, fc.constantFrom(1e15, 1e-15, 123456789.123, 1e20)), { maxLength: 40 }), (xs) => {
        expect(same(sum(xs), ref.sum(xs))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  test('sameAt, including near misses around half a unit', () => {
    const near = fc.tuple(typed, fc.integer({ min: 0, max: 8 }), fc.integer({ min: -3, max: 3 })).map(([a, d, j]) => {
      // b a hair away from a ± half a unit of d decimals.
      const b = Number(new Decimal(String(a)).plus(new Decimal(5).times(new Decimal(10).pow(-d - 1))).plus(new Decimal(j).times(new Decimal(10).pow(-d - 3))).toString());
      return [a, b, d] as const;
    });
    fc.assert(
      fc.property(fc.oneof(fc.tuple(value, value, decimals), near), ([a, b, d]) => {
        expect(sameAt(a, b, d)).toBe(ref.sameAt(a, b, d));
        expect(sameAt(b, a, d)).toBe(ref.sameAt(b, a, d));
      }),
      { numRuns: RUNS },
    );
  });

  test('formatNumber and formatPercent', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 8 }), (x, d) => {
        expect(formatNumber(x, d)).toBe(ref.formatNumber(x, d));
        expect(formatPercent(x, d)).toBe(ref.formatPercent(x, d));
      }),
      { numRuns: RUNS },
    );
  });

  test('an engine without BigInt gets the same figures from decimal.js itself', async () => {
    const saved = globalThis.BigInt;
    let plain: typeof import('../../src/core/decimal') | undefined;
    try {
      // @ts-expect-error -- an older JavaScript engine, as a host webview might be
      delete globalThis.BigInt;
      await jest.isolateModulesAsync(async () => {
        plain = await import('../../src/core/decimal');
      });
    } finally {
      globalThis.BigInt = saved;
    }
    const m = plain as typeof import('../../src/core/decimal');
    const long = [18 / 19, 1 / 3, 0.1 + 0.2, 12.345678901234567, 1e21 / 7];
    for (const x of long) {
      expect(same(m.roundTo(x, 2), ref.roundTo(x, 2, 'half-up'))).toBe(true);
      expect(m.formatNumber(x, 4)).toBe(ref.formatNumber(x, 4));
      expect(m.formatPercent(x, 2)).toBe(ref.formatPercent(x, 2));
      expect(same(m.sum([x, 0.7, x]), ref.sum([x, 0.7, x]))).toBe(true);
      expect(same(m.ratioTimes(x, 19, 10), ref.ratioTimes(x, 19, 10))).toBe(true);
      expect(same(m.product(x, 1 / 60), ref.product(x, 1 / 60))).toBe(true);
    }
  });

  test('the cases people see', () => {
    expect(roundTo(6.635, 2)).toBe(6.64);
    expect(roundTo(6.635, 2, 'truncate')).toBe(6.63);
    expect(Object.is(roundTo(-0.001, 2), -0)).toBe(true);
    expect(sum([0.1, 0.2])).toBe(0.3);
    expect(product(64.95, 10000)).toBe(649500);
    expect(product(0.8, 15)).toBe(12);
    expect(sum([10.1, 20.2])).toBe(30.3);
    expect(sameAt(0.1 + 0.2, 0.3, 10)).toBe(true);
    expect(sameAt(0.665, 0.66, 2)).toBe(false);
    expect(sameAt(0.6649, 0.66, 2)).toBe(true);
    expect(formatNumber(64.950000001)).toBe('64.95');
    expect(formatNumber(-0.00001)).toBe('0');
    expect(formatPercent(0.6634)).toBe('66.34%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.66345)).toBe('66.35%');
  });
});
