/**
 * The engine's front door: Grids in, a contract-shaped result and a write plan out.
 */
import { describeSheet, detectTables, otherKindNames, type DetectedTable } from './detect';
import { messages } from './messages';
import { evaluateTable } from './evaluate';
import { fromA1, type Grid } from './grid';
import { backupOfGrids, type Backup } from './backup';
import { placeBackup, valueStateAt, withOriginals, writtenValues } from './backupPlacement';
import { applyStatuses } from './issueStatus';
import { storedFingerprint } from './report/reportSheet';
import { attachSubjects } from './issueSubject';
import { NATIONAL_PROFILE, type RuleProfile } from './profile';
import type { Issue, OtherTable, TableResult, WorkbookResult } from './result';
import { planTableWrites } from './planner';
import { isBlankTable } from './tableState';
import type { WritePlan } from './writePlan';

export interface EvaluateOptions {
  /**
   * The backup of an earlier scoring. Undefined: looked for among the grids (a host that reads hidden
   * sheets, as the CLI does); null: none.
   */
  backup?: Backup | null;
}

/**
 * Finds, validates and scores every self-evaluation table in the workbook, as the user filled it: cells
 * still holding what an earlier scoring wrote are read as they were before it, and an issue such a value
 * resolved is `corrected`. Never throws on bad data.
 */
export function evaluateWorkbook(grids: Grid[], profile: RuleProfile = NATIONAL_PROFILE, options: EvaluateOptions = {}): WorkbookResult {
  const backup = options.backup !== undefined ? options.backup : backupOfGrids(grids);
  const placed = placeBackup(backup, grids);
  const result = evaluateTables(withOriginals(grids, placed), profile);
  applyStatuses(result, writtenValues(placed), (sheet, address) => {
    const { row, col } = fromA1(address);
    return valueStateAt(grids.find((g) => g.name === sheet), row, col);
  });
  return result;
}

/** The tables of the grids exactly as given (no backup read): the evaluation both scoring paths share. */
export function evaluateTables(grids: Grid[], profile: RuleProfile = NATIONAL_PROFILE): WorkbookResult {
  const tables: TableResult[] = [];
  const sheets: { grid: Grid; detected: DetectedTable[] }[] = [];
  let otherKinds = false;
  for (let g = 0; g < grids.length; g++) {
    const grid = grids[g];
    // A sheet this tool generated (a report, its 填报问题清单 — they carry a fingerprint line) copies the
    // table's figures: it is output, never a table to score.
    if (grid.hidden || storedFingerprint(grid) !== null) continue;
    const detected = detectTables(grid);
    // 部门整体 tables, 申报表 and 监控表 are never scored as a project (RULES.md "not project tables").
    for (let i = 0; i < detected.length; i++) {
      const t = detected[i];
      if (t.kind !== 'project') {
        otherKinds = true;
        continue;
      }
      const table = evaluateTable(t, profile);
      attachSubjects(t, table);
      tables.push(table);
    }
    sheets.push({ grid, detected });
  }
  const otherTable = (sheet: string, name: string): OtherTable => ({ sheet, name, message: messages.otherTableKind(sheet, name) });
  if (tables.length) {
    // Project tables only (the usual workbook): nothing else to name.
    if (!otherKinds) return { tables, issues: [] };
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
    // A table nobody has filled in has nothing to write, not even marks on its empty inputs (it shows 待填写).
    if (isBlankTable(table)) continue;
    const grid = grids.find((g) => g.name === table.sheet);
    if (!grid) continue;
    const p = planTableWrites(table, grid, profile);
    plan.writes.push(...p.writes);
    plan.marks.push(...p.marks);
  }
  return plan;
}
