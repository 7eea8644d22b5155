/**
 * The seed workbook (西安市新城区 12345 热线, 2023) with the full expected result of issue 3, field by
 * field and code by code, its write plan, and idempotence of a second scoring.
 */
import { readWorkbookFile } from '../../src/cli/readWorkbook';
import { evaluateWorkbook, planWrites } from '../../src/core/engine';
import type { Grid } from '../../src/core/grid';
import { parseProfile, PROFILE_PRESETS } from '../../src/core/profile';
import type { TableResult } from '../../src/core/result';
import { CORRECTED_FILL, SEVERITY_FILL, NOTE_PREFIX, type WritePlan } from '../../src/core/writePlan';
import { codes, contractViolations, ind, issueAt, only } from './helpers';

const SEED = 'tests/fixtures/xincheng-12345-2023.xlsx';
let grids: Grid[];
let table: TableResult;

beforeAll(async () => {
  grids = (await readWorkbookFile(SEED)).grids;
  const result = evaluateWorkbook(grids);
  expect(result.issues).toEqual([]);
  table = only(result);
});

/** Applies a plan's writes to in-memory grids (what an applier does to the cell values). */
export function applyToGrids(grids: Grid[], plan: WritePlan): Grid[] {
  const copy = grids.map((g) => ({ ...g, cells: g.cells.map((r) => (r ? [...r] : r)) }));
  for (const w of plan.writes) {
    const g = copy.find((x) => x.name === w.sheet) as Grid;
    const row = (g.cells[w.row] ??= []);
    const text = typeof w.value === 'number' && w.numberFormat?.endsWith('%')
      ? `${(w.value * 100).toFixed(w.numberFormat.split('.')[1]?.length ? w.numberFormat.split('.')[1].length - 1 : 0)}%`
      : typeof w.value === 'number' && w.numberFormat ? w.value.toFixed(w.numberFormat.split('.')[1]?.length ?? 0) : String(w.value);
    row[w.col] = { value: w.value, text, numberFormat: w.numberFormat };
  }
  return copy;
}

describe('seed workbook, national defaults', () => {
  it('is contract-shaped', () => {
    expect(contractViolations({ tables: [table], issues: [] })).toEqual([]);
  });

  it('finds the table at A1:I21, national layout, title, year and project fields', () => {
    expect(table.sheet).toBe('自评表');
    expect(table.range).toBe('A1:I21');
    expect(table.layout).toBe('national');
    expect(table.title).toBe('项目绩效自评表');
    expect(table.year).toBe(2023);
    expect(table.project).toEqual({ name: '12345 市民热线服务中心运行经费', department: '西安市新城区人民政府办公室', implementer: '政府办' });
  });

  it('reads the funds: A = 全年预算数, rate B ÷ A = 1, score 10, stated 66% and 7', () => {
    const f = table.funds;
    expect(f.initialBudget).toBe(97.9);
    expect(f.budget).toBe(64.95);
    expect(f.executed).toBe(64.95);
    expect(f.rate).toBe(1);
    expect(f.weight).toBe(10);
    expect(f.score).toBe(10);
    expect(f.statedRate).toBe(0.66);
    expect(f.statedScore).toBe(7);
    expect(f.rateCell).toBe('H6');
    expect(f.scoreCell).toBe('I6');
    expect(f.sources[0]).toMatchObject({ label: '其中：当年财政拨款', initialBudget: 97.9, budget: 64.95, executed: 64.95 });
  });

  it('reports RATE_MISMATCH on H6 noticing that 0.66 is B ÷ 年初预算数', () => {
    const [i] = issueAt(table, 'RATE_MISMATCH');
    expect(i).toMatchObject({ severity: 'warning', cell: 'H6' });
    expect(i.message).toContain('年初预算数');
    expect(i.message).toContain('H6');
    expect(i.message).toMatch(/64\.95 ÷ 97\.9/);
  });

  it('checks the 其中 row\'s own 执行率 too: H7 66% against its B ÷ A = 100%', () => {
    const h7 = table.issues.find((i) => i.code === 'RATE_MISMATCH' && i.cell === 'H7');
    expect(h7?.severity).toBe('warning');
    expect(table.funds.sources[0]).toMatchObject({ statedRate: 0.66, rate: 1, rateCell: 'H7' });
    // 上年结转资金 / 其他资金 have no rate written: nothing to check, nothing to write.
    expect(table.funds.sources[1].rateCell).toBeUndefined();
  });

  it('reports SCORE_MISMATCH on I6 (stated 7, computed 10) and BUDGET_ADJUSTED', () => {
    const i6 = table.issues.find((i) => i.code === 'SCORE_MISMATCH' && i.cell === 'I6');
    expect(i6?.severity).toBe('warning');
    expect(i6?.message).toMatch(/原填 7 分.*应为 10 分/);
    const [adj] = issueAt(table, 'BUDGET_ADJUSTED');
    expect(adj.severity).toBe('info');
    expect(adj.message).toContain('97.9');
    expect(adj.message).toContain('64.95');
  });

  it('has 8 indicators with their levels, names and rows', () => {
    expect(table.indicators).toHaveLength(8);
    expect(table.indicators.map((i) => i.row)).toEqual([13, 14, 15, 16, 17, 18, 19, 20]);
    expect(table.indicators.map((i) => i.weight)).toEqual([20, 20, 10, 10, 10, 10, 10, 10]);
    expect(table.indicators[0]).toMatchObject({ level2: '数量指标', name: '劳务派遣话务员人数', target: '12 人' });
    expect(table.indicators[0].level1.replace(/\s/g, '')).toBe('产出指标(60分)');
    // Names are shown as typed: the full-width comma stays.
    expect(table.indicators[5].name).toBe('打造以热线电话为主、网络为辅的受理平台，有效解决群众诉求');
  });

  it('scores 运行经费 as 反向 (成本指标): 10, stated 6 → SCORE_MISMATCH on H16', () => {
    const i = ind(table, '运行经费');
    expect(i).toMatchObject({ level2: '成本指标', target: '97.9 万元', actual: '64.95 万元', kind: 'negative', weight: 10, score: 10, statedScore: 6, scoreSource: 'computed', row: 16, scoreCell: 'H16' });
    const m = table.issues.find((x) => x.code === 'SCORE_MISMATCH' && x.cell === 'H16');
    expect(m?.message).toMatch(/原填 6 分.*应为 10 分/);
  });

  it('flags 劳务派遣话务员人数 (12 人 vs 100%) as UNIT_MISMATCH and keeps the stated 20', () => {
    const [u] = issueAt(table, 'UNIT_MISMATCH');
    expect(u).toMatchObject({ cell: 'F13', severity: 'warning' });
    expect(ind(table, '劳务派遣话务员人数')).toMatchObject({ score: 20, scoreSource: 'stated' });
  });

  it('flags 服务对象满意度 (≥95% vs ≥95%) as VAGUE_ACTUAL', () => {
    const [v] = issueAt(table, 'VAGUE_ACTUAL');
    expect(v).toMatchObject({ cell: 'F20', severity: 'warning' });
    expect(v.message).toContain('≥95%');
  });

  it('reports WEIGHT_SUM at the 一级 cell that causes it (B13 产出指标 60 ≠ 50), not at G21 which shows 100', () => {
    const [w] = issueAt(table, 'WEIGHT_SUM');
    expect(w).toMatchObject({ severity: 'error', cell: 'B13' });
    expect(w.message).toContain('B13（产出指标）各指标分值合计 60，按评分规则应为 50');
    expect(w.message).not.toMatch(/命令行|includeExecutionInTotal/);
    expect(w.message).toContain('110');
    expect(w.message).toContain('10+50+30+10');
    expect(w.message).toContain('总分不含预算执行率');
    expect(w.message).toMatch(/10\+60\+30\+10/);
  });

  it('totals 110/110, stated 100/96 → TOTAL_MISMATCH at H21; no grade while an error stands', () => {
    expect(table.totals).toMatchObject({ weight: 110, score: 110, statedWeight: 100, statedScore: 96, scoreCell: 'H21' });
    const [tm] = issueAt(table, 'TOTAL_MISMATCH');
    expect(tm).toMatchObject({ severity: 'warning', cell: 'H21' });
    expect(tm.message).toContain('96');
    expect(table.grade).toBeNull();
  });

  it('raises exactly the expected codes', () => {
    expect([...codes(table)].sort()).toEqual(
      ['BUDGET_ADJUSTED', 'RATE_MISMATCH', 'RATE_MISMATCH', 'SCORE_MISMATCH', 'SCORE_MISMATCH', 'UNIT_MISMATCH', 'VAGUE_ACTUAL', 'WEIGHT_SUM', 'TOTAL_MISMATCH'].sort(),
    );
    // B13 carries one issue, the error: the WEIGHT_PROFILE hint there would say the same thing again.
    expect(table.issues.filter((i) => i.cell === 'B13').map((i) => i.code)).toEqual(['WEIGHT_SUM']);
  });
});

describe('seed workbook with 总分不含预算执行率', () => {
  it('weights 100, total 100, grade 优, no error', () => {
    const t = only(evaluateWorkbook(grids, parseProfile({ includeExecutionInTotal: false })));
    expect(t.totals.weight).toBe(100);
    expect(t.totals.score).toBe(100);
    expect(t.grade).toBe('优');
    expect(t.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(codes(t)).not.toContain('WEIGHT_SUM');
    // The stated 96 still differs from 100.
    expect(codes(t)).toContain('TOTAL_MISMATCH');
  });

  it('grades A with the A/B/C/D preset', () => {
    const abcd = PROFILE_PRESETS.find((p) => p.id === 'abcd')!.profile;
    const t = only(evaluateWorkbook(grids, parseProfile({ ...abcd, includeExecutionInTotal: false })));
    expect(t.grade).toBe('A');
  });
});

describe('seed write plan', () => {
  const planFor = (profile = parseProfile({})) => {
    const result = evaluateWorkbook(grids, profile);
    return { result, plan: planWrites(result, grids, profile) };
  };

  it('writes the rate 1 as 0.00%, the execution score 10, H16 10; no total and no grade while an error stands', () => {
    const { plan } = planFor();
    const w = (a: string) => plan.writes.find((x) => x.address === a);
    expect(w('H6')).toMatchObject({ role: 'rate', value: 1, numberFormat: '0.00%', previous: { value: 0.66 } });
    expect(w('H7')).toMatchObject({ role: 'rate', value: 1, numberFormat: '0.00%', previous: { value: 0.66 } });
    expect(w('H8')).toBeUndefined();
    expect(w('I6')).toMatchObject({ role: 'executionScore', value: 10, previous: { value: 7 } });
    expect(w('H16')).toMatchObject({ role: 'indicatorScore', value: 10, previous: { value: 6 } });
    // WEIGHT_SUM blocks the total: 110 is never written into a 100-point form, nor a grade.
    expect(w('H21')).toBeUndefined();
    // Stated scores that only the filer can set are never overwritten.
    expect(w('H13')).toBeUndefined();
    expect(w('H14')).toBeUndefined();
    expect(plan.writes.some((x) => x.role === 'grade' || x.role === 'gradeLabel' || x.role === 'totalScore')).toBe(false);
    // The total cell says why instead.
    const h21 = plan.marks.find((m) => m.address === 'H21')!;
    expect(h21).toMatchObject({ severity: 'error', fill: SEVERITY_FILL.error });
    expect(h21.note).toContain('总分和评价等级未写入');
    for (const x of plan.writes) expect(x.sheet).toBe('自评表');
  });

  it('marks every issue cell with its most serious severity fill and a prefixed note', () => {
    const { result, plan } = planFor();
    const cells = new Set([...result.tables[0].issues.map((i) => i.cell).filter(Boolean), 'H21']);
    expect(new Set(plan.marks.map((m) => m.address))).toEqual(cells);
    const b13 = plan.marks.find((m) => m.address === 'B13')!;
    expect(b13).toMatchObject({ severity: 'error', fill: SEVERITY_FILL.error });
    // H6 is corrected by the write: green, and its note says so (without repeating the address).
    expect(plan.marks.find((m) => m.address === 'H6')).toMatchObject({ severity: 'warning', corrected: true, fill: CORRECTED_FILL });
    expect(plan.marks.find((m) => m.address === 'H6')!.note).toMatch(/^【绩效自评助手】\n已自动更正：填写的执行率 66%/);
    expect(plan.marks.find((m) => m.address === 'F20')).toMatchObject({ severity: 'warning', fill: SEVERITY_FILL.warning });
    expect(plan.marks.find((m) => m.address === 'E6')).toMatchObject({ severity: 'info', fill: SEVERITY_FILL.info });
    for (const m of plan.marks) expect(m.note.startsWith(NOTE_PREFIX)).toBe(true);
  });

  it('with 总分不含预算执行率 writes total 100 and grade 优', () => {
    const profile = parseProfile({ includeExecutionInTotal: false });
    const { plan } = planFor(profile);
    expect(plan.writes.find((x) => x.role === 'totalScore')?.value).toBe(100);
    // The grade goes inside the table, into the total row's empty 偏差原因 cell (I21), never into J21.
    expect(plan.writes.find((x) => x.role === 'grade')).toMatchObject({ address: 'I21', value: '评价等级：优' });
    expect(plan.writes.some((x) => x.role === 'gradeLabel')).toBe(false);
  });

  it('is idempotent: applying the plan, re-evaluating and re-planning yields the same values', () => {
    for (const profile of [parseProfile({}), parseProfile({ includeExecutionInTotal: false })]) {
      const first = planWrites(evaluateWorkbook(grids, profile), grids, profile);
      const scored = applyToGrids(grids, first);
      const again = evaluateWorkbook(scored, profile);
      const second = planWrites(again, scored, profile);
      // The 评价等级 label is written once; the next run finds it and writes only the grade.
      const values = (p: WritePlan) => p.writes.filter((w) => w.role !== 'gradeLabel').map((w) => [w.address, w.role, w.value]).sort();
      expect(values(second)).toEqual(values(first));
      // The scored sheet now agrees with itself: no mismatch left, the grade label is found again.
      const t = again.tables[0];
      expect(codes(t)).not.toContain('RATE_MISMATCH');
      expect(codes(t).filter((c) => c === 'SCORE_MISMATCH')).toEqual([]);
      // Under the national rules the total stays unwritten (WEIGHT_SUM), so the stated 96 still differs.
      if (profile.includeExecutionInTotal) expect(codes(t)).toContain('TOTAL_MISMATCH');
      else {
        expect(codes(t)).not.toContain('TOTAL_MISMATCH');
        // The grade cell is found again and rewritten in place.
        expect(t.totals.gradeLabelCell).toBe('I21');
        expect(second.writes.find((w) => w.role === 'grade')?.address).toBe('I21');
      }
      // A third run changes nothing either.
      const third = planWrites(evaluateWorkbook(applyToGrids(scored, second), profile), applyToGrids(scored, second), profile);
      expect(values(third)).toEqual(values(second));
    }
  });
});
