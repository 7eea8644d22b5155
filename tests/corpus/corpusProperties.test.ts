/**
 * Robustness across the corpus (issue 11 part 6): every real table (and each layout the core tests build), shifted, with blank rows and columns
 * inserted, numbers turned into text, and a second copy added beside or below it, is still found — every
 * table — with the same result (funds, indicators, totals, grade, issue codes; addresses move with it).
 */
import fc from 'fast-check';
import type { Cell, Grid } from '../../src/core/grid';
import type { TableResult, WorkbookResult } from '../../src/core/result';
import { belowGrid, besideGrid, insertCol, insertRow, mapCells, shiftGrid } from '../core/gridSurgery';
import { evaluateWorkbook } from '../../src/core/engine';
import { parseProfile } from '../../src/core/profile';
import { nationalTable, sichuanTable, toGrid, transferTable, yunnanTable } from '../core/helpers';
import { evaluateGrids, fixtureGrids, loadCorpus } from './corpusLoad';

const RUNS = Number(process.env.FC_RUNS ?? 12);

/** What must not change when the table moves: everything but addresses and row numbers. */
function summary(t: TableResult) {
  const f = t.funds;
  return {
    sheet: t.sheet,
    layout: t.layout,
    title: t.title,
    year: t.year,
    project: t.project,
    funds: [f.initialBudget, f.budget, f.executed, f.rate, f.weight, f.score, f.statedRate, f.statedScore, f.reason ?? null, f.sources.length],
    indicators: t.indicators.map((i) => [i.level1, i.level2, i.name, i.kind, i.weight, i.score, i.statedScore, i.scoreSource, i.deviation ?? '']),
    totals: [t.totals.weight, t.totals.score, t.totals.statedWeight, t.totals.statedScore],
    grade: t.grade,
    issues: t.issues.map((i) => `${i.code}/${i.severity}`).sort(),
  };
}

// Tables are compared in a canonical order: with a copy added below tables that sit side by side, the
// engine lists them band by band (A1, A22, L1, L22), not row by row; the property is that every table is
// found with the same result, and the order of an unedited sheet is asserted in corpus.test.ts.
const canonical = (ts: ReturnType<typeof summary>[]) => [...ts].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
const summarise = (r: WorkbookResult) => ({ tables: canonical(r.tables.map(summary)), fileIssues: r.issues.map((i) => i.code) });

/** Where a copy goes: beside or below, with a gap. */
type Copy = { where: 'beside' | 'below'; gap: number } | null;

interface Edit {
  shift: [number, number];
  blankRows: number[];
  blankCols: number[];
  numbersAsText: boolean;
  copy: Copy;
}

const arbEdit: fc.Arbitrary<Edit> = fc.record({
  shift: fc.tuple(fc.nat(5), fc.nat(5)),
  // Up to two blank rows and two blank columns anywhere in the sheet (three blank rows in a row end an
  // indicator block by design, so they are not "a blank row").
  blankRows: fc.uniqueArray(fc.nat(40), { maxLength: 2 }).map((xs) => xs.sort((a, b) => b - a)).filter((xs) => xs.length < 2 || xs[0] - xs[1] > 1),
  blankCols: fc.uniqueArray(fc.nat(14), { maxLength: 2 }).map((xs) => xs.sort((a, b) => b - a)),
  numbersAsText: fc.boolean(),
  copy: fc.oneof(
    fc.constant(null),
    fc.record({ where: fc.constant<'beside'>('beside'), gap: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ where: fc.constant<'below'>('below'), gap: fc.integer({ min: 3, max: 5 }) }),
  ),
});

/** A number typed as text: the text Excel showed ("97.9", "66%", "10.00"). */
const asText = (c: Cell): Cell => (typeof c.value === 'number' && c.text ? { value: c.text, text: c.text } : c);

function edited(g: Grid, e: Edit): Grid {
  let out = shiftGrid(g, e.shift[0], e.shift[1]);
  for (const r of e.blankRows) out = insertRow(out, r);
  for (const c of e.blankCols) out = insertCol(out, c);
  if (e.numbersAsText) out = mapCells(out, asText);
  if (e.copy?.where === 'beside') out = besideGrid(out, out, e.copy.gap);
  if (e.copy?.where === 'below') out = belowGrid(out, out, e.copy.gap);
  return out;
}

/** The baseline summary as the edit should leave it: each sheet's tables twice when a copy was added. */
function expectedAfter(base: ReturnType<typeof summarise>, grids: Grid[], e: Edit) {
  if (!e.copy || !base.tables.length) return base;
  const tables = grids.flatMap((s) => {
    const own = base.tables.filter((t) => t.sheet === s.name);
    return [...own, ...own];
  });
  return { ...base, tables: canonical(tables) };
}

interface Subject {
  name: string;
  grids: Grid[];
  run: (grids: Grid[]) => WorkbookResult;
  /** Project tables the subject holds as it is. */
  tables: number;
}

// Every corpus table the engine reads (a known gap is not yet "the same result"), and the published
// layouts the core tests build, so the property holds before and beyond the corpus.
const subjects: Subject[] = [
  ...loadCorpus()
    .filter(({ fixture }) => !fixture.knownGap)
    .map(({ file, fixture }) => ({ name: file, grids: fixtureGrids(fixture), run: (g: Grid[]) => evaluateGrids(fixture, g), tables: fixture.expected.length })),
  ...[nationalTable, transferTable, yunnanTable, sichuanTable].map((build) => ({
    name: `helpers.${build.name}`,
    grids: [toGrid(build())],
    run: (g: Grid[]) => evaluateWorkbook(g, parseProfile({})),
    tables: 1,
  })),
];

describe('every table survives the edits users make around it', () => {
  for (const { name, grids, run, tables } of subjects) {
    it(`${name}: shifted, blank rows/columns, numbers as text, a second table beside or below`, () => {
      const base = summarise(run(grids));
      expect(base.tables.length).toBe(tables);
      fc.assert(
        fc.property(arbEdit, (e) => {
          const after = summarise(run(grids.map((g) => edited(g, e))));
          const want = expectedAfter(base, grids, e);
          // With a copy added, tables side by side and a copy below may be read band by band: same tables, any order.
          const order = (r: typeof want) => (e.copy ? { ...r, tables: [...r.tables].sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1)) } : r);
          expect(order(after)).toEqual(order(want));
        }),
        { numRuns: RUNS },
      );
    });
  }
});
