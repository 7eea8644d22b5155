/**
 * The fast path for simple number formats must render exactly what numfmt renders; anything it
 * does not handle it leaves to numfmt (returns null).
 */
import fc from 'fast-check';
import * as path from 'path';
import { formatNumber, simpleFormat } from '../../src/cli/numberFormat';

// numfmt 4.0.1's package.json points `require` at a file it does not ship: load its CommonJS build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const numfmt = require(path.join(__dirname, '..', '..', 'node_modules', 'numfmt', 'dist', 'index.js')) as {
  format(pattern: string, value: number, options?: Record<string, unknown>): string;
};

const PATTERNS = ['0', '0.0', '0.00', '0.000', '0%', '0.0%', '0.00%', '0.0000%'];
const EDGES = [0, 1, -1, 0.66, 0.6634, 1.005, 0.125, 0.135, 2.675, 6.635, 97.9, 64.95, 0.005, 0.0049999, 0.1 + 0.2, 99.995, 1e12, 123456789.125, -0.66, -1.005, 0.999999, 1 / 3];

describe('simpleFormat against numfmt', () => {
  it.each(PATTERNS)('renders the edge values under "%s" exactly as numfmt', (pattern) => {
    for (const v of EDGES) {
      const mine = simpleFormat(v, pattern);
      if (mine !== null) expect([v, mine]).toEqual([v, numfmt.format(pattern, v, { nbsp: false })]);
    }
  });

  it('renders random doubles exactly as numfmt, whenever it renders them at all', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PATTERNS),
        fc.oneof(
          fc.double({ min: -1e6, max: 1e6, noNaN: true }),
          fc.integer({ min: -100000, max: 100000 }).map((n) => n / 1000),
          fc.integer({ min: 0, max: 100000 }).map((n) => n / 200),
        ),
        (pattern, v) => {
          const mine = simpleFormat(v, pattern);
          return mine === null || mine === numfmt.format(pattern, v, { nbsp: false });
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('leaves other formats and odd values to numfmt', () => {
    expect(simpleFormat(0.5, '#,##0.00')).toBeNull();
    expect(simpleFormat(0.5, 'yyyy-mm-dd')).toBeNull();
    expect(simpleFormat(Number.NaN, '0%')).toBeNull();
    expect(simpleFormat(-0.001, '0%')).toBeNull();
    expect(formatNumber(0.66, '0%')).toBe('66%');
    expect(formatNumber(1234.5, '#,##0.00')).toBe(numfmt.format('#,##0.00', 1234.5, { nbsp: false }));
  });
});
