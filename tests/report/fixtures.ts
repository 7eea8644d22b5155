/**
 * Engine results of real workbooks for the report tests: each fixture read through exceljs and evaluated
 * by the engine, never a hand-built result. The seed is the real 西安市新城区 table; the layout fixtures
 * are the published layouts (national offset, transfer, 四川, 云南) as committed .xlsx files.
 */
import * as path from 'path';
import { loadWorkbookFile } from '../../src/cli/readWorkbook';
import { evaluateWorkbook } from '../../src/core/engine';
import type { Grid } from '../../src/core/grid';
import { parseProfile, type ProfileInput, type RuleProfile } from '../../src/core/profile';
import type { TableResult } from '../../src/core/result';

export interface ReportFixture {
  /** Golden file stem. */
  id: string;
  file: string;
  profile: ProfileInput;
  /** Which table of the workbook (0 = first). */
  table?: number;
  outline?: 'seed' | 'national';
}

export const FIXTURES: ReportFixture[] = [
  { id: 'seed', file: 'xincheng-12345-2023.xlsx', profile: {} },
  { id: 'seed-no-execution', file: 'xincheng-12345-2023.xlsx', profile: { includeExecutionInTotal: false } },
  { id: 'seed-national-outline', file: 'xincheng-12345-2023.xlsx', profile: { includeExecutionInTotal: false }, outline: 'national' },
  { id: 'national-offset', file: 'core-offset-c5.xlsx', profile: {} },
  { id: 'transfer', file: 'core-transfer.xlsx', profile: {} },
  // 四川's form asks for reasons only below 90% execution.
  { id: 'sichuan', file: 'core-sichuan.xlsx', profile: { deviationBelowRate: 0.9 } },
  { id: 'yunnan', file: 'core-yunnan.xlsx', profile: {} },
];

export const fixturePath = (file: string) => path.join(__dirname, '../fixtures', file);

const cache = new Map<string, Promise<Grid[]>>();

/** The fixture's table as the engine evaluates it, its profile and the grid it came from. */
export async function load(fx: ReportFixture): Promise<{ table: TableResult; profile: RuleProfile; grid: Grid }> {
  if (!cache.has(fx.file)) cache.set(fx.file, loadWorkbookFile(fixturePath(fx.file)).then((r) => r.grids));
  const grids = await (cache.get(fx.file) as Promise<Grid[]>);
  const profile = parseProfile(fx.profile);
  const result = evaluateWorkbook(grids, profile);
  const table = result.tables[fx.table ?? 0];
  if (!table) throw new Error(`${fx.file}: no table ${fx.table ?? 0}`);
  const grid = grids.find((g) => g.name === table.sheet) as Grid;
  return { table, profile, grid };
}
