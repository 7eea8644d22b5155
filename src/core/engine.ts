/**
 * The engine's front door: Grids in, a contract-shaped result and a write plan out.
 * (Implementation lands in this module; the signatures are what every front end codes against.)
 */
import type { Grid } from './grid';
import { NATIONAL_PROFILE, type RuleProfile } from './profile';
import type { WorkbookResult } from './result';
import type { WritePlan } from './writePlan';

/** Finds, validates and scores every self-evaluation table in the workbook. Never throws on bad data. */
export function evaluateWorkbook(grids: Grid[], profile: RuleProfile = NATIONAL_PROFILE): WorkbookResult {
  void grids;
  void profile;
  throw new Error('engine not implemented yet');
}

/** The cells to write back (rate, scores, total, grade) and the issue marks, for every table. */
export function planWrites(result: WorkbookResult, grids: Grid[], profile: RuleProfile = NATIONAL_PROFILE): WritePlan {
  void result;
  void grids;
  void profile;
  throw new Error('engine not implemented yet');
}
