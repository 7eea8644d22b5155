/**
 * The scoring result shared by the add-in, the CLI and the tests.
 * Field names are fixed by shared/design/CONTRACT.md: add fields, never rename or drop.
 */

import type { FundsRole, IndicatorRole } from './layouts';

export type Severity = 'error' | 'warning' | 'info';

export type IssueCode =
  | 'TABLE_NOT_FOUND'
  | 'UNREADABLE_FILE'
  | 'MISSING_VALUE'
  | 'NOT_A_NUMBER'
  | 'NEGATIVE_VALUE'
  | 'EXECUTION_OVER_BUDGET'
  | 'BUDGET_ADJUSTED'
  | 'FUNDS_SUM'
  | 'RATE_MISMATCH'
  | 'SCORE_MISMATCH'
  | 'SCORE_OVER_WEIGHT'
  | 'WEIGHT_SUM'
  | 'LEVEL1_WEIGHT'
  | 'WEIGHT_PROFILE'
  | 'TOTAL_MISMATCH'
  | 'DEVIATION_UNEXPLAINED'
  | 'UNIT_MISMATCH'
  | 'VAGUE_ACTUAL'
  | 'QUALITATIVE_OUT_OF_TIER'
  | 'MANUAL_SCORE'
  | 'OVER_ACHIEVED'
  | 'MISSING_SCORE';

export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** A1 address on the table's sheet, or null for file-level issues. */
  cell: string | null;
  /** Chinese: what is wrong, where, and how to fix it. */
  message: string;
  /** Sheet name (added for batch listings and the pane's navigation). */
  sheet?: string;
  /**
   * open: stands in the workbook; corrected: a value the scoring wrote resolved it (the cell now holds
   * what an earlier scoring wrote, read from its backup). Set on every issue by evaluateWorkbook.
   */
  status?: IssueStatus;
  /** What the issue is about (field, indicator index…), so consumers never parse `cell`. Set on table issues. */
  subject?: IssueSubject;
}

/** What an issue is about; `index` points into TableResult.indicators or funds.sources. */
export type IssueSubject =
  | { kind: 'project'; field: 'name' | 'department' | 'implementer' }
  | { kind: 'funds'; field?: FundsRole }
  | { kind: 'source'; index: number; field?: FundsRole }
  | { kind: 'indicator'; index: number; field?: IndicatorRole }
  | { kind: 'level1'; label: string }
  | { kind: 'totals'; field?: 'weight' | 'score' }
  | { kind: 'table' };

export type IssueStatus = 'open' | 'corrected';

export type IndicatorKind = 'positive' | 'negative' | 'equal' | 'qualitative' | 'not_applicable' | 'unknown';
export type ScoreSource = 'computed' | 'stated' | 'none';

export interface FundsSource {
  label: string;
  initialBudget: number | null;
  budget: number | null;
  executed: number | null;
  row?: number;
  /** The row's own B ÷ A and the rate written on it, where the filer wrote one. */
  rate?: number | null;
  statedRate?: number | null;
  rateCell?: string | null;
}

export interface FundsResult {
  initialBudget: number | null;
  budget: number | null;
  executed: number | null;
  /** B ÷ A as a fraction (1 = 100%). */
  rate: number | null;
  weight: number | null;
  score: number | null;
  statedRate: number | null;
  statedScore: number | null;
  rateCell: string | null;
  scoreCell: string | null;
  sources: FundsSource[];
  /** Row (1-based) of 年度资金总额. */
  row?: number;
  /** Deviation cell for the funds row, where the layout has one (四川). */
  deviationCell?: string | null;
  /** How the execution score came about, with the numbers, in Chinese. */
  explanation?: string;
  /**
   * The reason already written for the execution (a 原因 column, a 说明 row, text beside the block);
   * null when none is written. Validation and the report use it instead of asking again.
   */
  reason?: string | null;
  /** The money unit the block's amounts are in, as its labels declare (万元 by default); null without a block. */
  unit?: '元' | '千元' | '万元' | '亿元' | null;
  /**
   * Report facts, decided here so no front end or report re-derives them (issue 12 item 5).
   * The full-year budget differs from 年初预算数 (a fact the table suggests; the report asks to verify it).
   */
  budgetAdjusted: boolean;
  /** The stated rate equals 全年执行数 ÷ 年初预算数: the rate was computed from the unadjusted budget. */
  rateFromInitial: boolean;
  /** Why the profile asks the filer to explain the funds row; empty when nothing is due. */
  deviationDue: DeviationCause[];
  /** Whether the execution score counts in 总分 under the profile. */
  countedInTotal: boolean;
}

/** What makes an explanation (偏差原因) due under the profile. */
export type DeviationCause = 'below-weight' | 'over-achieved' | 'rate-below-threshold' | 'budget-adjusted';

/** How a row's 实际完成值 contradicts or fails to answer its 年度指标值 (a question for the filer, not a score). */
export type ActualProblem = 'unit-mismatch' | 'bound-not-value' | 'text-for-number';

export interface IndicatorResult {
  level1: string;
  level2: string;
  name: string;
  /** As displayed. */
  target: string;
  actual: string;
  kind: IndicatorKind;
  weight: number | null;
  score: number | null;
  statedScore: number | null;
  scoreSource: ScoreSource;
  /** 1-based sheet row. */
  row: number;
  scoreCell: string | null;
  /** Added: the deviation text ("" when none is written) and its cell. */
  deviation?: string;
  deviationCell?: string | null;
  /** Whether the target was met (null when not decidable). */
  met?: boolean | null;
  /** 一级 weight declared in its label ("产出指标 (60 分)"), if any. */
  level1DeclaredWeight?: number | null;
  /** 指标性质 (≥ ≤ = …) and 度量单位 cells as written, where the layout has those columns (云南, 四川). */
  nature?: string | null;
  unit?: string | null;
  /** Why an explanation is due for this row under the profile; empty when none is. */
  deviationDue: DeviationCause[];
  /** The deviation text says something (not empty, "0", "无", "/", "—"). */
  deviationGiven: boolean;
  /** Actual at or above the profile's over-achievement threshold × target. */
  overAchieved: boolean;
  /** The actual contradicts the target (12 人 → 100%, ≥95% → ≥95%): the row's score is the filer's, to discuss. */
  actualProblem: ActualProblem | null;
  /** Actual ÷ target (in the target's unit) for a quantitative 正向/"=" row; null otherwise. */
  completion: number | null;
  /** How the score came about, with the numbers, in Chinese ("反向指标：目标 97.9 万元，实际 64.95 万元，已完成 → 满分 10"). */
  explanation?: string;
}

export interface TotalsResult {
  weight: number | null;
  score: number | null;
  statedWeight: number | null;
  statedScore: number | null;
  scoreCell: string | null;
  weightCell?: string | null;
  /** Where the grade is written (beside the total, labelled 评价等级). */
  gradeCell?: string | null;
  gradeLabelCell?: string | null;
  /** Grade already in the sheet, if any. */
  statedGrade?: string | null;
}

export interface ProjectInfo {
  name: string | null;
  department: string | null;
  implementer: string | null;
}

export interface GoalsInfo {
  expected: string | null;
  actual: string | null;
}

export type Level1Kind = 'execution' | 'output' | 'effect' | 'satisfaction' | 'other';

/** One 一级 group: its weight against its score, for the pane's chart and the report. */
export interface Level1Summary {
  label: string;
  weight: number;
  score: number | null;
  statedScore: number | null;
  declaredWeight: number | null;
  /** Which of the profile's 一级 categories the label stands for. */
  kind: Level1Kind;
  /** Indexes into `indicators` of the group's rows (empty for execution). */
  indicators: number[];
  /** Whether the group's score counts in 总分 (execution: only when the profile says so). */
  countedInTotal: boolean;
}

export interface TableResult {
  sheet: string;
  range: string;
  layout: string;
  title: string | null;
  year: number | null;
  project: ProjectInfo;
  goals?: GoalsInfo;
  funds: FundsResult;
  indicators: IndicatorResult[];
  totals: TotalsResult;
  grade: string | null;
  issues: Issue[];
  /** Per-一级 summaries, execution first. */
  groups: Level1Summary[];
}

/** A table of another kind found in the workbook (部门整体, 申报表, 监控表): named, never scored. */
export interface OtherTable {
  sheet: string;
  /** 部门整体支出绩效自评表 · 绩效目标申报表 · 绩效运行监控表 */
  name: string;
  /** "工作表「…」是部门整体支出绩效自评表；本工具评的是项目支出绩效自评表", for the pane and the CLI. */
  message: string;
}

export interface WorkbookResult {
  file?: string;
  tables: TableResult[];
  issues: Issue[];
  /** Added: the workbook holds the backup of an earlier scoring, so 撤销评分 has something to restore. */
  undoable?: boolean;
  /** Added: tables of other kinds found in the workbook, when there are any. */
  otherTables?: OtherTable[];
}
