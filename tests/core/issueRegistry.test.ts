/**
 * One registry of issue codes, and structured subjects: every issue the engine raises on the fixtures is
 * registered with its severity and scope, and says what it is about without a cell address to parse.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbookFile } from '../../src/cli/readWorkbook';
import { evaluateWorkbook } from '../../src/core/engine';
import { ALL_ISSUE_CODES, ISSUE_CODES } from '../../src/core/issueRegistry';
import { NATIONAL_PROFILE } from '../../src/core/profile';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

test.each(fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')))('%s: every issue is registered, with a subject', async (file) => {
  const { grids } = await readWorkbookFile(path.join(FIXTURES, file));
  const result = evaluateWorkbook(grids, NATIONAL_PROFILE);
  for (const i of result.issues) expect([i.code, ISSUE_CODES[i.code].scope]).toEqual([i.code, 'file']);
  for (const t of result.tables) {
    for (const i of t.issues) {
      expect([i.code, ISSUE_CODES[i.code].scope, ISSUE_CODES[i.code].severities.includes(i.severity)]).toEqual([i.code, 'table', true]);
      expect(i.subject).toBeDefined();
      if (i.subject?.kind === 'indicator') expect(t.indicators[i.subject.index]).toBeDefined();
      if (i.subject?.kind === 'source') expect(t.funds.sources[i.subject.index]).toBeDefined();
    }
  }
});

test('the seed: subjects name the funds field, the source, the indicator and its column, the totals, the 一级 group', async () => {
  const { grids } = await readWorkbookFile(path.join(FIXTURES, 'xincheng-12345-2023.xlsx'));
  const t = evaluateWorkbook(grids, NATIONAL_PROFILE).tables[0];
  const at = (code: string, cell: string) => t.issues.find((i) => i.code === code && i.cell === cell)?.subject;
  expect(at('RATE_MISMATCH', 'H6')).toEqual({ kind: 'funds', field: 'rate' });
  expect(at('BUDGET_ADJUSTED', 'E6')).toEqual({ kind: 'funds', field: 'budget' });
  expect(at('RATE_MISMATCH', 'H7')).toEqual({ kind: 'source', index: 0, field: 'rate' });
  expect(at('SCORE_MISMATCH', 'H16')).toEqual({ kind: 'indicator', index: t.indicators.findIndex((i) => i.name === '运行经费'), field: 'score' });
  expect(at('UNIT_MISMATCH', 'F13')).toEqual({ kind: 'indicator', index: 0, field: 'actual' });
  expect(at('WEIGHT_SUM', 'B13')).toMatchObject({ kind: 'level1' }); // at the 一级 cell that causes it (issue 13)
  expect(at('TOTAL_MISMATCH', 'H21')).toEqual({ kind: 'totals', field: 'score' });
  // Each cell's issue listed once: B13's hint that 60 differs from the profile's 50 is part of its WEIGHT_SUM error.
  expect(t.issues.filter((i) => i.cell === 'B13').map((i) => i.code)).toEqual(['WEIGHT_SUM']);
});

test('the registry covers every code once, each with a title and a report slot', () => {
  expect(new Set(ALL_ISSUE_CODES).size).toBe(ALL_ISSUE_CODES.length);
  for (const code of ALL_ISSUE_CODES) {
    expect(ISSUE_CODES[code].title).toMatch(/\p{Script=Han}/u);
    expect(['problem', 'fact', 'none']).toContain(ISSUE_CODES[code].report);
  }
});
