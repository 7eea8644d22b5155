/**
 * The engine's front door: Grids in, a contract-shaped result and a write plan out.
 */
import { detectTables } from './detect';
import { evaluateTable } from './evaluate';
import type { Grid } from './grid';
import { NATIONAL_PROFILE, type RuleProfile } from './profile';
import type { TableResult, WorkbookResult } from './result';
import { planTableWrites } from './planner';
import type { WritePlan } from './writePlan';

/** Finds, validates and scores every self-evaluation table in the workbook. Never throws on bad data. */
export function evaluateWorkbook(grids: Grid[], profile: RuleProfile = NATIONAL_PROFILE): WorkbookResult {
  const tables: TableResult[] = [];
  for (const grid of grids) {
    if (grid.hidden) continue;
    for (const t of detectTables(grid)) tables.push(evaluateTable(t, profile));
  }
  if (!tables.length) {
    const searched = grids.filter((g) => !g.hidden).map((g) => g.name);
    return {
      tables,
      issues: [
        {
          code: 'TABLE_NOT_FOUND',
          severity: 'error',
          cell: null,
          message: `在${searched.length ? `工作表“${searched.join('”“')}”` : '工作簿'}中未找到项目支出绩效自评表：没有同时含“三级指标”“指标值/实际完成值”“分值/得分”的表头行。请确认表格表头，或插入空白模板后填写。`,
        },
      ],
    };
  }
  return { tables, issues: [] };
}

/** The cells to write back (rate, scores, total, grade) and the issue marks, for every table. */
export function planWrites(result: WorkbookResult, grids: Grid[], profile: RuleProfile = NATIONAL_PROFILE): WritePlan {
  const plan: WritePlan = { writes: [], marks: [] };
  for (const table of result.tables) {
    const grid = grids.find((g) => g.name === table.sheet);
    if (!grid) continue;
    const p = planTableWrites(table, grid, profile);
    plan.writes.push(...p.writes);
    plan.marks.push(...p.marks);
  }
  return plan;
}
