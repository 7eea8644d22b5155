/**
 * Loading the corpus of real tables (tests/corpus/tables/*.ts) and running the engine on one fixture:
 * shared by the corpus runner and the property test that mutates every fixture.
 */
import * as fs from 'fs';
import * as path from 'path';
import { gridFromArrays, type Grid } from '../../src/core/grid';
import { evaluateWorkbook } from '../../src/core/engine';
import { parseProfile } from '../../src/core/profile';
import type { WorkbookResult } from '../../src/core/result';
import type { CorpusFixture } from './corpusFixture';

const dir = path.join(__dirname, 'tables');

export function loadCorpus(): { file: string; fixture: CorpusFixture }[] {
  if (!fs.existsSync(dir)) return [];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
  // Fixtures are found at run time (one module per file), so they are loaded with require.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return files.map((file) => ({ file, fixture: (require(path.join(dir, file)) as { fixture: CorpusFixture }).fixture }));
}

/** The fixture's sheets as the engine sees them. */
export function fixtureGrids(fx: CorpusFixture): Grid[] {
  return fx.sheets.map((s) => gridFromArrays(s.name, s.rows, { merges: s.merges ?? [], hidden: s.hidden }));
}

export function evaluateGrids(fx: CorpusFixture, grids: Grid[]): WorkbookResult {
  return evaluateWorkbook(grids, parseProfile(fx.profile ?? {}));
}

export function evaluateFixture(fx: CorpusFixture): WorkbookResult {
  return evaluateGrids(fx, fixtureGrids(fx));
}
