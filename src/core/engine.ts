/**
 * The engine's front door: Grids in, a contract-shaped result and a write plan out.
 */
import { describeSheet, detectTables, otherKindNames, type DetectedTable } from './detect';
import { messages } from './messages';
import { evaluateTable } from './evaluate';
import type { Grid } from './grid';
import { NATIONAL_PROFILE, type RuleProfile } from './profile';
import type { Issue, OtherTable, TableResult, WorkbookResult } from './result';
import { planTableWrites } from './planner';
import type { WritePlan } from './writePlan';

/** Finds, validates and scores every self-evaluation table in the workbook. Never throws on bad data. */
export function evaluateWorkbook(grids: Grid[], profile: RuleProfile = NATIONAL_PROFILE): WorkbookResult {
  const tables: TableResult[] = [];
  const sheets: { grid: Grid; detected: DetectedTable[] }[] = [];
  for (const grid of grids) {
    if (grid.hidden) continue;
    const detected = detectTables(grid);
    // 部门整体 tables, 申报表 and 监控表 are never scored as a project (RULES.md "not project tables").
    for (const t of detected) if (t.kind === 'project') tables.push(evaluateTable(t, profile));
    sheets.push({ grid, detected });
  }
  const otherTable = (sheet: string, name: string): OtherTable => ({ sheet, name, message: messages.otherTableKind(sheet, name) });
  if (tables.length) {
    const otherTables = sheets.flatMap(({ grid, detected }) => otherKindNames(detected).map((name) => otherTable(grid.name, name)));
    return otherTables.length ? { tables, issues: [], otherTables } : { tables, issues: [] };
  }
  // Say what was found instead: "工作表「…」是部门整体支出绩效自评表；本工具评的是项目支出绩效自评表".
  const described = sheets.map(({ grid, detected }) => ({ sheet: grid.name, ...describeSheet(grid, detected) }));
  const otherTables = described.flatMap((d) => d.kinds.map((name) => otherTable(d.sheet, name)));
  const partial = described.find((d) => d.partialHeader !== null);
  const searched = sheets.map(({ grid }) => grid.name);
  const message = otherTables.length
    ? `${otherTables.map((o) => o.message).join('；')}。未找到项目支出绩效自评表，请打开含项目支出绩效自评表的工作簿或工作表。`
    : `在${searched.length ? `工作表“${searched.join('”“')}”` : '工作簿'}中未找到项目支出绩效自评表：没有同时含“三级指标”“指标值/实际完成值”“分值/得分”的表头行${partial ? `（工作表「${partial.sheet}」${partial.partialHeader}）` : ''}。请确认表格表头，或插入空白模板后填写。`;
  const issues: Issue[] = [{ code: 'TABLE_NOT_FOUND', severity: 'error', cell: null, message }];
  return otherTables.length ? { tables, issues, otherTables } : { tables, issues };
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
