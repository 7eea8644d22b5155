/**
 * Property tests: random grids and mutations of real fixtures never throw and always give a
 * contract-shaped result; detection does not depend on where the table sits.
 */
import fc from 'fast-check';
import { readWorkbookFile } from '../../src/cli/readWorkbook';
import { evaluateWorkbook, planWrites } from '../../src/core/engine';
import { fromA1, toA1, type Cell, type Grid, type Merge } from '../../src/core/grid';
import { cloneGrid, deleteRow, insertCol, insertRow, mapCells, shiftGrid } from './gridSurgery';
import { parseProfile } from '../../src/core/profile';
import type { WorkbookResult } from '../../src/core/result';
import { contractViolations, nationalTable, patchIndicators, sichuanTable, toGrid, transferTable, yunnanTable } from './helpers';

const RUNS = Number(process.env.FC_RUNS ?? 200);

// ---- generators -----------------------------------------------------------------------------

const FRAGMENTS = [
  '项目支出绩效自评表', '（2023年度）', '项目名称', '主管部门', '实施单位', '项目资金（万元）', '年初预算数', '全年预算数（A）',
  '全年执行数（B）', '分值', '执行率（B/A）', '得分', '年度资金总额', '其中：当年财政拨款', '上年结转资金', '其他资金',
  '年度总体目标', '预期目标', '实际完成情况', '绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值',
  '偏差原因分析及改进措施', '产出指标 (60 分)', '效益指标', '满意度指标', '成本指标', '数量指标', '总分', '合计', '评价等级',
  '指标2:', '……', '/', '—', '-', '★', '指标1：', '其中', '≥95%', '≤97.9万元', '﹦100', '＝', '12 人', '97.9 万元', '72890 元',
  '66%', '保质保量完成', '达成年度指标', '部分达成', '未达成', '一千二百人', '#N/A', '0', '权重', '指标性质', '度量单位', '完成值',
  '预算执行情况(10分)', '绩效目标自评表', '不低于', '不超过', '%', '元', '人', '\n', ' ',
];

const arbText = fc.oneof(
  fc.constantFrom(...FRAGMENTS),
  fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 3 }).map((xs) => xs.join('')),
  fc.string({ maxLength: 12 }),
  fc.double().map((x) => `${x}`),
);
const arbNumber = fc.oneof(
  fc.double(),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(NaN, Infinity, -Infinity, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 5e-324, -0, 0.66, 97.9, 64.95, 10, 100),
);
const arbCell: fc.Arbitrary<Cell | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: arbText.map((t): Cell => ({ value: t, text: t })) },
  { weight: 3, arbitrary: arbNumber.map((n): Cell => ({ value: n, text: String(n) })) },
  { weight: 1, arbitrary: arbNumber.map((n): Cell => ({ value: n, text: `${n * 100}%`, numberFormat: '0%' })) },
  { weight: 1, arbitrary: fc.constantFrom('#N/A', '#DIV/0!', '#VALUE!', '#REF!').map((e): Cell => ({ value: { error: e }, text: e })) },
  { weight: 1, arbitrary: fc.boolean().map((b): Cell => ({ value: b, text: b ? 'TRUE' : 'FALSE' })) },
  { weight: 1, arbitrary: fc.tuple(arbNumber, fc.string({ maxLength: 6 })).map(([n, f]): Cell => ({ value: n, text: String(n), formula: `SUM(${f})` })) },
);
const arbMerge = fc.tuple(fc.nat(25), fc.nat(11), fc.nat(4), fc.nat(4)).map(([top, left, h, w]): Merge => ({ top, left, bottom: top + h, right: left + w }));
const arbGrid: fc.Arbitrary<Grid> = fc
  .tuple(fc.array(fc.array(arbCell, { maxLength: 12 }), { maxLength: 28 }), fc.array(arbMerge, { maxLength: 8 }), fc.boolean())
  .map(([cells, merges, hidden]) => ({ name: '随机', cells, merges, hidden: hidden && Math.random() < 0 }));

// ---- checks ---------------------------------------------------------------------------------

function checkRun(grids: Grid[], profile = parseProfile({})): WorkbookResult {
  const result = evaluateWorkbook(grids, profile);
  const violations = contractViolations(result);
  if (violations.length) throw new Error(violations.slice(0, 5).join('\n'));
  const plan = planWrites(result, grids, profile);
  for (const w of plan.writes) {
    expect(/^[A-Z]{1,3}\d+$/.test(w.address)).toBe(true);
    if (typeof w.value === 'number') expect(Number.isFinite(w.value)).toBe(true);
  }
  return result;
}

const PROFILES = [parseProfile({}), parseProfile({ includeExecutionInTotal: false, negativeFormula: 'linear', decimals: 0, rounding: 'truncate', qualitativeBands: [0.8, 0.5] })];

describe('random grids', () => {
  it('never throw and always return a contract-shaped result', () => {
    fc.assert(fc.property(arbGrid, fc.nat(1), (g, p) => { checkRun([g], PROFILES[p]); }), { numRuns: RUNS });
  });

  it('a random grid with a real header row planted in it still never throws', () => {
    const header = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];
    fc.assert(
      fc.property(arbGrid, fc.nat(20), fc.nat(3), (g, r, c) => {
        const grid = cloneGrid(g);
        grid.cells[r] = [];
        header.forEach((h, k) => (grid.cells[r][c + k] = { value: h, text: h }));
        checkRun([grid]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('mutations of real fixtures', () => {
  let seed: Grid;
  beforeAll(async () => {
    seed = (await readWorkbookFile('tests/fixtures/xincheng-12345-2023.xlsx')).grids[0];
  });
  const fixtures = () => [seed, toGrid(nationalTable()), toGrid(transferTable()), toGrid(yunnanTable()), toGrid(sichuanTable())];

  type Mutation = (g: Grid) => Grid;
  const arbMutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.tuple(fc.nat(6), fc.nat(6)).map(([dr, dc]) => (g: Grid) => shiftGrid(g, dr, dc)),
    fc.nat(25).map((r) => (g: Grid) => deleteRow(g, r)),
    fc.nat(25).map((r) => (g: Grid) => insertRow(g, r)),
    fc.nat(11).map((c) => (g: Grid) => insertCol(g, c)),
    fc.nat(1000).map((seedN) => (g: Grid) => mapCells(g, (c, r, k) => ((r * 31 + k + seedN) % 3 === 0 && typeof c.value === 'number' ? { value: c.text || String(c.value), text: c.text || String(c.value) } : c))),
    fc.nat(1000).map((seedN) => (g: Grid) => mapCells(g, (c, r, k) => ((r + k * 7 + seedN) % 4 === 0 && typeof c.value === 'string' ? { ...c, value: ` ${c.text.split('').join(' ')} `, text: ` ${c.text.split('').join(' ')} ` } : c))),
    fc.tuple(fc.nat(25), fc.nat(11), arbCell).map(([r, k, cell]) => (g: Grid) => { const out = cloneGrid(g); (out.cells[r] ??= [])[k] = cell; return out; }),
    fc.tuple(fc.nat(25), fc.nat(11), fc.constantFrom(1e308, -1e308, -5, 1e15, NaN, Infinity)).map(([r, k, n]) => (g: Grid) => { const out = cloneGrid(g); (out.cells[r] ??= [])[k] = { value: n, text: String(n) }; return out; }),
  );

  it('shifted, rows deleted/inserted, columns inserted, numbers as text, stray spaces, huge or negative values: never throw, contract-shaped', () => {
    fc.assert(
      fc.property(fc.nat(4), fc.array(arbMutation, { minLength: 1, maxLength: 4 }), fc.nat(1), (which, muts, p) => {
        const g = muts.reduce((acc, m) => m(acc), fixtures()[which]);
        checkRun([g], PROFILES[p]);
      }),
      { numRuns: RUNS },
    );
  });

  it('huge values (1e308 in two 分值 cells) are NOT_A_NUMBER, never an Infinity total', () => {
    const g = toGrid(nationalTable({ indicators: patchIndicators({ 0: { weight: 1e308, score: 1e308 }, 1: { weight: 1e308 } }) }));
    const r = checkRun([g]);
    const t = r.tables[0];
    expect(t.issues.filter((i) => i.code === 'NOT_A_NUMBER').map((i) => i.cell)).toEqual(['G13', 'H13', 'G14']);
    expect(Number.isFinite(t.totals.weight)).toBe(true);
    expect(t.grade).toBeNull();
  });

  it('numbers typed as text score exactly like numbers', () => {
    const asText = mapCells(seed, (c) => (typeof c.value === 'number' && !c.numberFormat ? { value: c.text, text: c.text } : c));
    const a = evaluateWorkbook([seed]).tables[0];
    const b = evaluateWorkbook([asText]).tables[0];
    expect(b.indicators.map((i) => i.score)).toEqual(a.indicators.map((i) => i.score));
    expect(b.issues.map((i) => `${i.code}@${i.cell}`)).toEqual(a.issues.map((i) => `${i.code}@${i.cell}`));
  });

  it('A1 addresses read back to their cell, and any other spelling reads as the A1 pattern says', () => {
    // The pattern fromA1 stood on before its char-code path for plain addresses.
    const byPattern = (address: string) => {
      const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
      if (!m) return 'throws';
      let col = 0;
      for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
      return { row: Number(m[2]) - 1, col: col - 1 };
    };
    const read = (address: string) => {
      try {
        return fromA1(address);
      } catch {
        return 'throws';
      }
    };
    fc.assert(
      fc.property(fc.nat(1048575), fc.nat(16383), (row, col) => {
        expect(fromA1(toA1(row, col))).toEqual({ row, col });
      }),
    );
    const spelled = fc.stringMatching(/^ ?\$?[A-Za-z0-9]{0,5}\$?[0-9]{0,4} ?$/);
    fc.assert(
      fc.property(spelled, (address) => {
        expect(read(address)).toEqual(byPattern(address));
      }),
      { numRuns: 3000 },
    );
  });

  it('detection is position-independent: the seed shifted by k rows/cols gives the same scores at shifted addresses', () => {
    const base = evaluateWorkbook([seed]).tables[0];
    const shift = (a: string | null, dr: number, dc: number) => {
      if (!a) return a;
      const p = fromA1(a);
      return toA1(p.row + dr, p.col + dc);
    };
    fc.assert(
      fc.property(fc.nat(40), fc.nat(12), (dr, dc) => {
        const t = evaluateWorkbook([shiftGrid(seed, dr, dc)]).tables[0];
        const [from, to] = base.range.split(':');
        expect(t.range).toBe(`${shift(from, dr, dc)}:${shift(to, dr, dc)}`);
        expect(t.funds.rateCell).toBe(shift(base.funds.rateCell, dr, dc));
        expect(t.funds.scoreCell).toBe(shift(base.funds.scoreCell, dr, dc));
        expect([t.funds.rate, t.funds.score]).toEqual([base.funds.rate, base.funds.score]);
        expect(t.indicators.map((i) => [i.name, i.kind, i.score, i.row - dr, shift(i.scoreCell, -dr, -dc)])).toEqual(
          base.indicators.map((i) => [i.name, i.kind, i.score, i.row, i.scoreCell]),
        );
        expect({ ...t.totals, scoreCell: shift(t.totals.scoreCell ?? null, -dr, -dc), weightCell: shift(t.totals.weightCell ?? null, -dr, -dc) }).toEqual(base.totals);
        expect(t.issues.map((i) => `${i.code}@${shift(i.cell, -dr, -dc)}`)).toEqual(base.issues.map((i) => `${i.code}@${i.cell}`));
        expect(t.grade).toBe(base.grade);
      }),
      { numRuns: 60 },
    );
  });
});
