/**
 * Detection rules cells out by a character before normalising them (src/core/detect.ts: charsOf,
 * mayBeTotalLabel, mayBeGoalsLabel, mayHoldMonitoringWord, reasonRowBelow's 说/原; otherKindOf in layouts.ts). That is exact
 * only while (1) every label holds the character looked for and (2) no other character turns into it
 * under NFKC except those the code also looks for. Both are checked here: a new label, or a Unicode
 * version with a new compatibility character, fails this test rather than a table going unseen.
 */
import fc from 'fast-check';
import { charsOf } from '../../src/core/detect';
import { LABELS, MONITORING_HEADER, OTHER_TABLE_KINDS } from '../../src/core/layouts';

/** Every code point whose NFKC form holds `ch`, other than `ch` itself. */
function foldsInto(chars: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = Object.fromEntries(chars.map((c) => [c, []]));
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const s = String.fromCodePoint(cp);
    const n = s.normalize('NFKC');
    if (n === s) continue;
    for (const c of chars) if (n.includes(c)) out[c].push(`U+${cp.toString(16).toUpperCase()}`);
  }
  return out;
}

describe('characters the detection pre-filters look for', () => {
  it('NFKC folds into them only the characters the code also looks for', () => {
    expect(foldsInto(['级', '预', '执', '总', '合', '表', '目', '完', '月', '偏', '说', '原'])).toEqual({
      级: [],
      预: [],
      执: [],
      总: [],
      合: ['U+1F234'], // 🈴: mayBeTotalLabel looks for its high surrogate
      表: [],
      目: ['U+2F6C'], // ⽬: mayBeGoalsLabel
      完: [],
      // ⽉ ㈪ ㊊ ㋀–㋋ 🈷: mayHoldMonitoringWord
      月: ['U+2F49', 'U+322A', 'U+328A', 'U+32C0', 'U+32C1', 'U+32C2', 'U+32C3', 'U+32C4', 'U+32C5', 'U+32C6', 'U+32C7', 'U+32C8', 'U+32C9', 'U+32CA', 'U+32CB', 'U+1F237'],
      偏: [],
      说: [], // reasonRowBelow: a 说明/原因 label
      原: [],
    });
  });

  it('every label holds the character its pre-filter looks for', () => {
    for (const l of LABELS.total) expect(['总', '合']).toContain(l[0]);
    for (const l of LABELS.title) expect(l).toContain('表');
    for (const w of MONITORING_HEADER) expect(w).toMatch(/[预月偏]/);
    for (const k of OTHER_TABLE_KINDS) for (const l of k.labels) expect(l).toMatch(/整体|申报|监控/);
  });
});

describe('the header characters of a cell', () => {
  it('are the bits of exactly the characters the text holds, at any length', () => {
    // The model: which bit each character gives (detect.ts HAS_LEVEL … HAS_TITLE; 🈴 by its high surrogate).
    const bitOf: [string, number][] = [['级', 1], ['预', 2], ['A', 2], ['Ａ', 2], ['执', 4], ['B', 4], ['Ｂ', 4], ['总', 8], ['合', 8], ['🈴', 8], ['表', 16]];
    const piece = fc.oneof(fc.constantFrom(...bitOf.map(([c]) => c)), fc.constantFrom('项目', '资金', '，', ' ', '完成', 'x', '目标', '。'.repeat(40)));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const s = parts.join('');
        const expected = bitOf.reduce((bits, [c, bit]) => (s.includes(c) ? bits | bit : bits), 0);
        expect(charsOf(s)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

