/**
 * Results for the pane's unit tests: the engine's own result on the seed workbook's 自评表 (seedSheet.ts,
 * the real table as the CLI reads it) under the national rules, so the pane is tested on facts the engine
 * gives, never on hand-made ones. Built by functions so each test gets its own copy to modify.
 */
import { evaluateWorkbook } from '../../core/engine';
import type { TableResult, WorkbookResult } from '../../core/result';
import { seedGrid } from './seedSheet';

/** The engine's result for the seed table, with `overrides` laid over it. */
export function seedTable(overrides: Partial<TableResult> = {}): TableResult {
  return { ...evaluateWorkbook([seedGrid()]).tables[0], ...overrides };
}

export function seedResult(overrides: Partial<WorkbookResult> = {}): WorkbookResult {
  return { ...evaluateWorkbook([seedGrid()]), file: 'xincheng-12345-2023.xlsx', ...overrides };
}

/** The engine's result for a workbook without a 自评表. */
export function emptyResult(): WorkbookResult {
  return evaluateWorkbook([{ name: 'Sheet1', cells: [[{ value: '会议纪要', text: '会议纪要' }]], merges: [] }]);
}
