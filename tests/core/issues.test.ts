/**
 * Every issue code of CONTRACT.md triggered by a minimal fixture, with its cell, severity and a Chinese
 * message naming the cell. The clean national table (no issue at all) is changed in one place each time.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readWorkbookFile, WorkbookReadError } from '../../src/cli/readWorkbook';
import { gridFromArrays, type CellInput } from '../../src/core/grid';
import type { IssueCode, Severity, WorkbookResult } from '../../src/core/result';
import {
  CLEAN_INDICATORS, CODE_SEVERITIES, ISSUE_CODES, NATIONAL_FUNDS, contractViolations, evaluate, nationalTable, pct,
  toGrid, type Ind, type NationalOptions,
} from './helpers';

interface Case {
  /** What the filer did, in words. */
  what: string;
  build: () => WorkbookResult | Promise<WorkbookResult>;
  cell: string | null;
  severity: Severity;
}

const table = (o: NationalOptions) => evaluate(toGrid(nationalTable(o)));
const withInd = (patches: Record<number, Partial<Ind>>, o: NationalOptions = {}) =>
  table({ ...o, indicators: CLEAN_INDICATORS.map((x, i) => ({ ...x, ...(patches[i] ?? {}) })) });
/** The total row of funds with one value replaced (0 年初, 1 全年, 2 执行, 3 分值, 4 执行率, 5 得分). */
const withFunds = (k: number, v: CellInput, detail: Record<number, CellInput> = {}) => {
  const funds = NATIONAL_FUNDS.map((f) => ({ ...f, values: [...f.values] }));
  funds[0].values[k] = v;
  for (const [j, x] of Object.entries(detail)) funds[1].values[Number(j)] = x;
  return table({ funds });
};

const CASES: Partial<Record<IssueCode, Case[]>> = {
  TABLE_NOT_FOUND: [{ what: 'a workbook without a self-evaluation table', build: () => evaluate([gridFromArrays('Sheet1', [['部门', '人数'], ['办公室', 5]])]), cell: null, severity: 'error' }],
  UNREADABLE_FILE: [{
    what: 'a text file named .xlsx (the CLI turns the reader\'s failure into this file-level issue)',
    build: async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-core-')), '坏文件.xlsx');
      fs.writeFileSync(file, '项目名称,金额\n热线,97.9\n');
      const { unreadableResult } = await import('../../src/cli/commands/score');
      try {
        await readWorkbookFile(file);
      } catch (e) {
        expect(e).toBeInstanceOf(WorkbookReadError);
        return unreadableResult(file, (e as Error).message);
      }
      throw new Error('a text file was read as a workbook');
    },
    cell: null,
    severity: 'error',
  }],
  MISSING_VALUE: [
    { what: '全年执行数 left empty (blocks the total)', build: () => withFunds(2, null, { 2: null }), cell: 'F6', severity: 'error' },
    { what: '项目名称 left empty', build: () => table({ name: null }), cell: 'C3', severity: 'warning' },
    { what: 'a 年度指标值 missing beside a kept stated score', build: () => withInd({ 0: { target: null } }), cell: 'E13', severity: 'warning' },
    { what: 'an 实际完成值 missing with no stated score', build: () => withInd({ 0: { actual: null, score: null } }), cell: 'F13', severity: 'error' },
  ],
  NOT_A_NUMBER: [
    { what: '全年预算数 "待定"', build: () => withFunds(1, '待定'), cell: 'E6', severity: 'error' },
    { what: '分值 "二十"', build: () => withInd({ 0: { weight: '二十' } }), cell: 'G13', severity: 'error' },
  ],
  NEGATIVE_VALUE: [
    { what: '全年执行数 −5', build: () => withFunds(2, -5, { 2: -5 }), cell: 'F6', severity: 'error' },
    { what: '实际完成值 "-3万件"', build: () => withInd({ 0: { actual: '-3万件' } }), cell: 'F13', severity: 'error' },
  ],
  EXECUTION_OVER_BUDGET: [{ what: '执行数 100 > 预算数 97.9', build: () => withFunds(2, 100, { 2: 100 }), cell: 'F6', severity: 'warning' }],
  BUDGET_ADJUSTED: [{ what: '年初预算数 90 ≠ 全年预算数 97.9', build: () => withFunds(0, 90, { 0: 90 }), cell: 'E6', severity: 'info' }],
  FUNDS_SUM: [{ what: '其中 row 90 under a total of 97.9', build: () => withFunds(1, 97.9, { 1: 90 }), cell: 'E6', severity: 'error' }],
  RATE_MISMATCH: [{ what: '执行率 typed 90%', build: () => withFunds(4, pct(0.9)), cell: 'H6', severity: 'warning' }],
  SCORE_MISMATCH: [
    { what: '执行率得分 typed 9', build: () => withFunds(5, 9), cell: 'I6', severity: 'warning' },
    { what: 'an indicator scored 18 though met', build: () => withInd({ 0: { score: 18, deviation: '略' } }), cell: 'H13', severity: 'warning' },
  ],
  SCORE_OVER_WEIGHT: [{ what: '得分 25 above 分值 20', build: () => withInd({ 0: { score: 25 } }), cell: 'H13', severity: 'error' }],
  WEIGHT_SUM: [{ what: '分值 adding up to 110, reported at the 一级 cell that causes it', build: () => withInd({ 0: { weight: 30, score: 30 } }, { total: [110, 110] }), cell: 'B13', severity: 'error' }],
  LEVEL1_WEIGHT: [{ what: '"产出指标（60分）" over rows worth 50', build: () => withInd({ 0: { l1: '产出指标（60分）' } }), cell: 'B13', severity: 'warning' }],
  WEIGHT_PROFILE: [{ what: '产出 55 / 效益 25 (still 100)', build: () => withInd({ 0: { weight: 25, score: 25 }, 4: { weight: 15, score: 15 } }), cell: 'B13', severity: 'info' }],
  TOTAL_MISMATCH: [{ what: '总分 typed 99', build: () => table({ total: [100, 99] }), cell: 'H20', severity: 'warning' }],
  DEVIATION_UNEXPLAINED: [{ what: 'a shortfall with no reason', build: () => withInd({ 0: { actual: '27万件', score: 18 } }, { total: [100, 98] }), cell: 'I13', severity: 'warning' }],
  UNIT_MISMATCH: [{ what: '人 target, % actual', build: () => withInd({ 0: { target: '≥1000人', actual: '95%' } }), cell: 'F13', severity: 'warning' }],
  VAGUE_ACTUAL: [
    { what: 'the target copied into the actual ("≥95%")', build: () => withInd({ 1: { actual: '≥95%' } }), cell: 'F14', severity: 'warning' },
    { what: 'words for a numeric target ("圆满完成")', build: () => withInd({ 1: { actual: '圆满完成' } }), cell: 'F14', severity: 'warning' },
  ],
  QUALITATIVE_OUT_OF_TIER: [{ what: '达成 but scored 6 of 10', build: () => withInd({ 5: { score: 6, deviation: '—' } }), cell: 'H18', severity: 'warning' }],
  MANUAL_SCORE: [
    { what: 'a qualitative actual the engine cannot place, stated 10 kept', build: () => withInd({ 5: { actual: '机制已建立并运行' } }), cell: 'H18', severity: 'info' },
  ],
  OVER_ACHIEVED: [{ what: '40万件 against ≥30万件 (133%)', build: () => withInd({ 0: { actual: '40万件', deviation: '年初预计偏保守' } }), cell: 'F13', severity: 'info' }],
  MISSING_SCORE: [{ what: '部分达成, no score: only the filer can judge', build: () => withInd({ 5: { actual: '部分达成，机制初步建立', score: null } }), cell: 'H18', severity: 'error' }],
};

describe('every issue code has a minimal fixture', () => {
  it('covers all the codes of CONTRACT.md', () => {
    const missing = ISSUE_CODES.filter((c) => !(CASES[c]?.length));
    expect(missing).toEqual([]);
  });

  for (const code of ISSUE_CODES) {
    for (const c of CASES[code] ?? []) {
      it(`${code}: ${c.what}`, async () => {
        const result = await c.build();
        expect(contractViolations(result)).toEqual([]);
        const all = [...result.issues, ...result.tables.flatMap((t) => t.issues)];
        const found = all.filter((i) => i.code === code && i.cell === c.cell);
        expect(found.length).toBeGreaterThan(0);
        for (const i of found) {
          expect(i.severity).toBe(c.severity);
          expect(CODE_SEVERITIES[code]).toContain(i.severity);
          expect(i.message).toMatch(/[\u4e00-\u9fff]/);
          if (c.cell) expect(i.message).toContain(c.cell);
        }
        if (c.severity === 'error' && result.tables.length) expect(result.tables[0].grade).toBeNull();
      });
    }
  }
});

describe('messages say how to fix', () => {
  it('MISSING_SCORE and MANUAL_SCORE name the tier range the filer must choose from', () => {
    const t = withInd({ 5: { actual: '部分达成，机制初步建立', score: null } }).tables[0];
    const manual = t.issues.find((i) => i.code === 'MANUAL_SCORE');
    expect(manual?.message).toContain('6～8');
    expect(t.issues.find((i) => i.code === 'MISSING_SCORE')?.message).toContain('部分达成年度指标并具有一定效果');
  });

  it('SCORE_MISMATCH shows the formula used', () => {
    const t = withInd({ 0: { actual: '27万件', score: 20, deviation: '来电量下降' } }).tables[0];
    const m = t.issues.find((i) => i.code === 'SCORE_MISMATCH');
    expect(m?.message).toMatch(/原填 20 分.*应为 18 分.*27 ÷ 30 × 20/);
  });
});
