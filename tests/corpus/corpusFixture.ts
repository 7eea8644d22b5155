/**
 * The shape of one real published self-evaluation table, transcribed faithfully (its own typing and
 * mistakes kept), with the result a person computed by hand from the published figures.
 * One file per source under tests/corpus/tables/, named for the source (province-place-project-year).
 */
import type { CellInput } from '../../src/core/grid';
import type { IssueCode, Severity } from '../../src/core/result';
import type { ProfileInput } from '../../src/core/profile';

/** The layout classes of shared/domain/RULES.md a fixture exercises (a fixture may have several). */
export type CorpusClass =
  | 'national' // the 10号 national form as such
  | 'column-markers' // (A)/(B)/(B/A) decide the meaning of budget/execution/rate columns
  | 'score-header-weight' // a 得分 header carrying the execution weight ("得分（20分*执行率）")
  | 'four-groups' // 项目决策/项目管理/项目产出/项目效益, execution on an indicator row
  | 'nested-weights' // 一级 weights nested, absent, or carried by 二级 labels ("数量指标（10分）")
  | 'no-weights' // no 分值/得分 columns at all (special-fund or county forms)
  | 'special-fund' // 专项资金名称 / 专项资金绩效自评表
  | 'side-by-side' // several tables columns apart on one sheet
  | 'stacked' // several tables one below the other
  | 'reasons-written' // a 原因 column, a 说明 row or text beside the funds block already filled
  | 'amounts-yuan' // amounts in 元 (or 亿元) rather than 万元
  | 'transfer' // 转移支付 绩效目标自评表
  | 'sichuan'
  | 'yunnan'
  | 'department' // 部门整体支出绩效自评表 (not a project table)
  | 'declaration' // 绩效目标申报表 (not a project table)
  | 'monitoring'; // 绩效运行监控表 (not a project table)

export interface CorpusSource {
  /** The document's own title, as published. */
  title: string;
  publisher: string;
  province: string;
  /** The year the table evaluates (the 年度 in its title). */
  year: number;
  url: string;
  /** Which rows were completed by hand where the published copy is cut off or garbled, and from what. */
  completed?: string;
}

export interface ExpectedIssue {
  code: IssueCode;
  /** A1 address on the table's sheet; omitted only for issues that have no cell. */
  cell?: string;
  severity?: Severity;
}

export interface ExpectedIndicator {
  name: string;
  weight?: number | null;
  score?: number | null;
}

export interface ExpectedTable {
  sheet: string;
  /** Range top-left corner, to tell side-by-side tables apart. */
  topLeft?: string;
  projectName?: string | null;
  funds?: {
    budget?: number | null; executed?: number | null; rate?: number | null; weight?: number | null; score?: number | null;
    /** The reason the table already gives for the funds (a 原因 column, a 说明 row, text beside the block). */
    reason?: string | null;
  };
  indicators?: ExpectedIndicator[];
  totals?: { weight?: number | null; score?: number | null };
  grade?: string | null;
  /** Issues that must be present (at their cells). */
  issues?: ExpectedIssue[];
  /** Codes that must not be raised anywhere in this table. */
  absentCodes?: IssueCode[];
}

export interface CorpusFixture {
  source: CorpusSource;
  classes: CorpusClass[];
  sheets: { name: string; rows: CellInput[][]; merges?: string[]; hidden?: boolean }[];
  profile?: ProfileInput;
  /** Project tables expected, in reading order; empty for a file holding no project table. */
  expected: ExpectedTable[];
  /** For a file with no project table: words the TABLE_NOT_FOUND message must contain (what was found). */
  notFoundMentions?: string[];
  /**
   * Set while the engine cannot yet read this table correctly: the test then runs as `test.failing`
   * (it passes only while the engine still gets it wrong) and says why here. Remove it once fixed.
   */
  knownGap?: string;
}
