/**
 * Valid extremes are numbers: 1e308, 5e-324, "1E+308" typed or exported as text. A number too large
 * to compute with exactly is reported as a number out of range, never as "不是数字".
 */
import fc from 'fast-check';
import { parseCell, parseValueText, readAmount } from '../../src/core/cellValue';
import { messages } from '../../src/core/messages';

const numberCell = (v: number, text = String(v)) => ({ value: v, text });

function messageFor(cell: { value: number | string; text: string }): string | null {
  const r = readAmount(cell);
  return r.invalid ? messages.notANumber('E6', '全年预算数（A）', r.parsed.text, r.parsed.problem) : null;
}

describe('extreme numbers', () => {
  it('reads scientific notation typed as text', () => {
    expect(parseValueText('2.5E-5')).toMatchObject({ kind: 'number', number: 2.5e-5 });
    expect(parseValueText('1e-300')).toMatchObject({ kind: 'number', number: 1e-300 });
    expect(parseValueText('1.2E+3 万元')).toMatchObject({ kind: 'number', number: 1200, unit: '万元' });
    expect(parseValueText('-4e2')).toMatchObject({ kind: 'number', number: -400 });
    // Not exponents: a unit that starts with e, a version-like text.
    expect(parseValueText('97.9 万元')).toMatchObject({ kind: 'number', number: 97.9 });
    expect(parseValueText('1e3.5')).toMatchObject({ kind: 'text' });
  });

  it('reads the smallest double as a number', () => {
    expect(parseCell(numberCell(5e-324))).toMatchObject({ kind: 'number', number: 5e-324 });
  });

  it('says 1e308 is a number out of range, in a numeric cell and as text', () => {
    for (const cell of [numberCell(1e308, '0%'), { value: '1e+308', text: '1e+308' }, { value: '1E+308', text: '1E+308' }, numberCell(-1.7976931348623157e308)]) {
      const m = messageFor(cell)!;
      expect(m).toMatch(/是数字 -?1E\+308|是数字 -?1\.7976931348623157E\+308/i);
      expect(m).toMatch(/超出可准确计算的范围/);
      expect(m).not.toMatch(/不是数字/);
    }
    expect(messageFor({ value: '1e400', text: '1e400' })).toMatch(/是数字 1e400，但超出/);
  });

  it('never calls a finite number "not a number", whatever its size or how it is written', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('number', 'toString', 'exponential', 'upper'), (v, form) => {
        const text = form === 'toString' ? String(v) : form === 'exponential' ? v.toExponential() : v.toExponential().toUpperCase();
        const cell = form === 'number' ? numberCell(v) : { value: text, text };
        const m = messageFor(cell);
        if (m !== null) expect(m).not.toMatch(/不是数字/);
        else expect(readAmount(cell).value === v).toBe(true); // === : -0 and 0 are the same amount
      }),
      { numRuns: 2000 },
    );
  });
});
