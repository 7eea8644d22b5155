/**
 * Every real published table in tests/corpus/tables gives its hand-computed result.
 * A fixture with `knownGap` runs as test.failing: it documents what the engine cannot read yet and
 * starts failing (so the marker must be removed) the day the engine reads it right.
 */
import type { TableResult } from '../../src/core/result';
import type { ExpectedTable } from './corpusFixture';
import { evaluateFixture, loadCorpus } from './corpusLoad';

const close = (actual: number | null | undefined, expected: number | null | undefined, what: string) => {
  if (expected === undefined) return;
  if (expected === null) return expect({ what, value: actual ?? null }).toEqual({ what, value: null });
  expect({ what, ok: typeof actual === 'number' && Math.abs(actual - expected) < 1e-6, actual, expected }).toMatchObject({ what, ok: true });
};

function checkTable(t: TableResult, e: ExpectedTable): void {
  expect(t.sheet).toBe(e.sheet);
  if (e.topLeft) expect(t.range.split(':')[0]).toBe(e.topLeft);
  if (e.projectName !== undefined) expect(t.project.name).toBe(e.projectName);
  if (e.funds) for (const k of ['budget', 'executed', 'rate', 'weight', 'score'] as const) close(t.funds[k], e.funds[k], `funds.${k}`);
  if (e.funds?.reason !== undefined) expect({ fundsReason: t.funds.reason }).toEqual({ fundsReason: e.funds.reason });
  for (const ei of e.indicators ?? []) {
    const found = t.indicators.find((i) => i.name === ei.name);
    expect({ indicator: ei.name, found: !!found, names: found ? undefined : t.indicators.map((i) => i.name) }).toMatchObject({ indicator: ei.name, found: true });
    close(found!.weight, ei.weight, `${ei.name}.weight`);
    close(found!.score, ei.score, `${ei.name}.score`);
  }
  if (e.totals) {
    close(t.totals.weight, e.totals.weight, 'totals.weight');
    close(t.totals.score, e.totals.score, 'totals.score');
  }
  if (e.grade !== undefined) expect(t.grade).toBe(e.grade);
  const got = t.issues.map((i) => `${i.code}@${i.cell ?? ''}`);
  for (const ei of e.issues ?? []) {
    const match = t.issues.find((i) => i.code === ei.code && (ei.cell === undefined || i.cell === ei.cell) && (!ei.severity || i.severity === ei.severity));
    expect({ want: `${ei.code}@${ei.cell ?? ''}`, found: !!match, got: match ? undefined : got }).toMatchObject({ found: true });
  }
  for (const code of e.absentCodes ?? []) expect({ absent: code, got: got.filter((g) => g.startsWith(code + '@')) }).toEqual({ absent: code, got: [] });
}

describe('corpus of real published tables', () => {
  const corpus = loadCorpus();
  it('names the source of every fixture', () => {
    for (const { file, fixture } of corpus) {
      const s = fixture.source;
      expect({ file, ok: !!s.title && /^https?:\/\//.test(s.url) && s.year >= 2015 && s.year <= 2026 && !!s.province && fixture.sheets.length > 0 }).toEqual({ file, ok: true });
    }
  });
  for (const { file, fixture } of corpus) {
    const run = fixture.knownGap ? test.failing : test;
    run(`${file}: ${fixture.source.province} ${fixture.source.year} ${fixture.source.title}`, () => {
      const result = evaluateFixture(fixture);
      expect(result.tables.length).toBe(fixture.expected.length);
      fixture.expected.forEach((e, i) => checkTable(result.tables[i], e));
      if (!fixture.expected.length) {
        expect(result.issues.map((i) => i.code)).toContain('TABLE_NOT_FOUND');
        const message = result.issues.map((i) => i.message).join('\n');
        for (const w of fixture.notFoundMentions ?? []) expect(message).toContain(w);
      }
    });
  }
});
