/** The scoring rules of RULES.md: functions first, then through whole tables and their write plans. */
import { parseValueText } from '../../src/core/cellValue';
import { roundTo } from '../../src/core/decimal';
import { evaluateWorkbook, planWrites } from '../../src/core/engine';
import { NATIONAL_PROFILE, PROFILE_PRESETS, ProfileError, parseProfile } from '../../src/core/profile';
import { executionRate, executionScore, gradeFor, qualitativeTier, scoreQuantitative, tierRange } from '../../src/core/scoring';
import { CLEAN_INDICATORS, codes, evaluate, ind, issueAt, nationalTable, only, toGrid, type Ind } from './helpers';

const ratio = { negativeFormula: 'ratio' as const };
const linear = { negativeFormula: 'linear' as const };
const q = (kind: 'positive' | 'negative' | 'equal', target: number, actual: number, weight = 10, p: { negativeFormula: 'ratio' | 'linear' } = ratio, strict = false) =>
  scoreQuantitative(kind, target, actual, weight, strict, p);

const tableWith = (patches: Record<number, Partial<Ind>>, profile = {}, total: [number, number] | undefined = undefined) => {
  const indicators = CLEAN_INDICATORS.map((x, i) => ({ ...x, ...(patches[i] ?? {}) }));
  return only(evaluate(toGrid(nationalTable({ indicators, total })), profile));
};

describe('预算执行率', () => {
  it('is B ÷ A, min(rate, 1) × 分值, null without a positive A', () => {
    expect(executionRate(64.95, 64.95)).toBe(1);
    expect(executionRate(100, 66)).toBe(0.66);
    expect(executionRate(0, 5)).toBeNull();
    expect(executionRate(null, 5)).toBeNull();
    expect(executionScore(0.66, 10)).toBe(6.6);
    expect(executionScore(1.2, 10)).toBe(10);
    expect(executionScore(-0.1, 10)).toBe(0);
    expect(executionScore(0.5, null)).toBeNull();
  });
});

describe('quantitative indicators', () => {
  it('正向 met → full 分值; not met → actual ÷ target × 分值', () => {
    expect(q('positive', 100, 120)).toEqual({ score: 10, met: true });
    expect(q('positive', 100, 100)).toEqual({ score: 10, met: true });
    expect(q('positive', 30, 27, 20)).toEqual({ score: 18, met: false });
    expect(q('positive', 3, 1, 10).score).toBeCloseTo(10 / 3, 14);
  });

  it('strict > is not met at equality', () => {
    expect(q('positive', 100, 100, 10, ratio, true)).toEqual({ score: 10, met: false });
    expect(q('negative', 5, 5, 10, ratio, true).met).toBe(false);
  });

  it('反向 ratio: met → full; not met → target ÷ actual × 分值', () => {
    expect(q('negative', 97.9, 64.95)).toEqual({ score: 10, met: true });
    expect(q('negative', 5, 8, 5).score).toBeCloseTo(25 / 8, 14);
    expect(q('negative', 0, 3)).toEqual({ score: 0, met: false });
  });

  it('反向 linear: 1 − (actual − target) ÷ target, 0 at 2× target, never below 0', () => {
    expect(q('negative', 100, 150, 10, linear).score).toBe(5);
    expect(q('negative', 100, 200, 10, linear).score).toBe(0);
    expect(q('negative', 100, 300, 10, linear).score).toBe(0);
    expect(q('negative', 100, 90, 10, linear)).toEqual({ score: 10, met: true });
  });

  it('"=" behaves as 正向; with target 0 it is full only when actual ≤ 0', () => {
    expect(q('equal', 100, 100)).toEqual({ score: 10, met: true });
    expect(q('equal', 100, 80)).toEqual({ score: 8, met: false });
    expect(q('equal', 0, 0)).toEqual({ score: 10, met: true });
    expect(q('equal', 0, 1)).toEqual({ score: 0, met: false });
  });

  it('scores are capped at 分值 and never go below 0', () => {
    for (const [kind, t, a] of [['positive', 1, 1e9], ['negative', 1e9, 1], ['positive', 100, -5], ['negative', 1, 1e-9]] as const) {
      const s = q(kind, t, a).score;
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(10);
    }
  });

  it('through a table: 正向 not met, 反向 ratio and linear, with the written value rounded', () => {
    const t = tableWith({ 0: { actual: '27万件', score: 18, deviation: '来电下降' }, 2: { actual: '8个工作日', score: 3.13, deviation: '人手不足' } }, {}, [100, 96.13]);
    expect(ind(t, '热线来电受理量').score).toBe(18);
    expect(ind(t, '工单办理时限').score).toBeCloseTo(3.125, 14);
    expect(codes(t)).not.toContain('SCORE_MISMATCH');
    expect(codes(t)).not.toContain('TOTAL_MISMATCH');
    const lin = tableWith({ 2: { actual: '6个工作日', score: 4, deviation: '人手不足' } }, { negativeFormula: 'linear' }, [100, 99]);
    expect(ind(lin, '工单办理时限').score).toBe(4);
    expect(codes(lin)).not.toContain('SCORE_MISMATCH');
  });

  it('over-achievement: actual ≥ 130% of target → OVER_ACHIEVED (threshold inclusive, profile setting honoured)', () => {
    const at = (actual: string, profile = {}) => tableWith({ 0: { actual, deviation: '年初预计偏保守' } }, profile);
    expect(codes(at('39万件'))).toContain('OVER_ACHIEVED');
    expect(codes(at('38.9万件'))).not.toContain('OVER_ACHIEVED');
    expect(codes(at('38.9万件', { overAchievementThreshold: 1.2 }))).toContain('OVER_ACHIEVED');
    const noReason = tableWith({ 0: { actual: '45万件' } });
    expect(issueAt(noReason, 'DEVIATION_UNEXPLAINED')[0].message).toContain('远超');
    expect(ind(noReason, '热线来电受理量').score).toBe(20);
  });
});

describe('qualitative indicators', () => {
  const tier = (target: string, actual: string) => qualitativeTier(target, actual, parseValueText(actual));

  it('reads the tier from the actual text', () => {
    expect(tier('保质保量完成', '保质保量完成')).toBe('achieved');
    expect(tier('效果明显', '达成年度指标')).toBe('achieved');
    expect(tier('保质保量完成', '100%')).toBe('achieved');
    expect(tier('保质保量完成', '是')).toBe('achieved');
    expect(tier('显著提升', '部分达成年度指标并具有一定效果')).toBe('partial');
    expect(tier('显著提升', '基本完成')).toBe('partial');
    expect(tier('显著提升', '未达成年度指标且效果较差')).toBe('failed');
    expect(tier('显著提升', '未完成')).toBe('failed');
    expect(tier('显著提升', '')).toBe('unknown');
    // Negations are not achievements: "不明显" contains "明显", "不显著" contains "显著".
    expect(tier('效果明显', '效果不明显')).toBe('failed');
    expect(tier('显著提升', '提升不显著')).toBe('failed');
    expect(tier('效果明显', '无明显效果')).toBe('failed');
    // "是" answers only on its own; inside a sentence it is no achievement.
    expect(tier('效果明显', '不是很理想')).toBe('failed');
    expect(tier('制度健全', '还是在建设中')).toBe('unknown');
  });

  it('tier ranges under 80/60 and 80/50 profiles', () => {
    expect(tierRange('achieved', 10, [0.8, 0.6])).toEqual([8, 10]);
    expect(tierRange('partial', 10, [0.8, 0.6])).toEqual([6, 8]);
    expect(tierRange('failed', 10, [0.8, 0.6])).toEqual([0, 6]);
    expect(tierRange('partial', 10, [0.8, 0.5])).toEqual([5, 8]);
    expect(tierRange('failed', 20, [0.8, 0.5])).toEqual([0, 10]);
  });

  it('达成 with no stated score is scored in full', () => {
    const t = tableWith({ 5: { score: null } });
    expect(ind(t, '长效工作机制')).toMatchObject({ score: 10, scoreSource: 'computed', met: true });
  });

  it('a stated score inside its tier is kept without complaint; outside it is flagged and still kept', () => {
    const inside = tableWith({ 5: { actual: '部分达成，机制初步建立', score: 7, deviation: '制度仍在完善' } }, {}, [100, 97]);
    expect(ind(inside, '长效工作机制')).toMatchObject({ score: 7, scoreSource: 'stated' });
    expect(inside.issues).toEqual([]);
    const outside = tableWith({ 5: { actual: '部分达成，机制初步建立', score: 9, deviation: '制度仍在完善' } }, {}, [100, 99]);
    const [o] = issueAt(outside, 'QUALITATIVE_OUT_OF_TIER');
    expect(o.cell).toBe('H18');
    expect(o.message).toContain('6～8');
    expect(ind(outside, '长效工作机制').score).toBe(9);
  });

  it('80/50 bands (江西, 湖北): 5.5 is inside 部分达成 there, outside under 80/60', () => {
    const patch = { 5: { actual: '部分达成', score: 5.5, deviation: '制度仍在完善' } };
    expect(codes(tableWith(patch, { qualitativeBands: [0.8, 0.5] }, [100, 95.5]))).not.toContain('QUALITATIVE_OUT_OF_TIER');
    expect(codes(tableWith(patch, {}, [100, 95.5]))).toContain('QUALITATIVE_OUT_OF_TIER');
  });

  it('never invents a score below the top tier: MISSING_SCORE + MANUAL_SCORE, no total, no grade', () => {
    for (const actual of ['部分达成，机制初步建立', '未达成年度指标且效果较差']) {
      const t = tableWith({ 5: { actual, score: null, deviation: '制度仍在完善' } });
      expect(ind(t, '长效工作机制')).toMatchObject({ score: null, scoreSource: 'none' });
      expect(issueAt(t, 'MISSING_SCORE')[0].cell).toBe('H18');
      expect(issueAt(t, 'MANUAL_SCORE')[0].cell).toBe('H18');
      expect(t.totals.score).toBeNull();
      expect(t.grade).toBeNull();
      const plan = planWrites({ tables: [t], issues: [] }, [toGrid(nationalTable({ indicators: CLEAN_INDICATORS.map((x, i) => (i === 5 ? { ...x, actual, score: null } : x)) }))], NATIONAL_PROFILE);
      expect(plan.writes.find((w) => w.address === 'H18')).toBeUndefined();
      expect(plan.writes.find((w) => w.role === 'totalScore')).toBeUndefined();
    }
  });
});

describe('grades', () => {
  it('band lower bounds are inclusive: 90 → 优, 89.99 → 良, 80 → 良, 60 → 中, 59.99 → 差', () => {
    const g = NATIONAL_PROFILE.grades;
    expect(gradeFor(100, g)).toBe('优');
    expect(gradeFor(90, g)).toBe('优');
    expect(gradeFor(89.99, g)).toBe('良');
    expect(gradeFor(80, g)).toBe('良');
    expect(gradeFor(79.99, g)).toBe('中');
    expect(gradeFor(60, g)).toBe('中');
    expect(gradeFor(59.99, g)).toBe('差');
    expect(gradeFor(0, g)).toBe('差');
    expect(gradeFor(96, PROFILE_PRESETS.find((p) => p.id === 'abcd')!.profile.grades!)).toBe('A');
  });

  it('a table totalling exactly 90 is 优 and one at 89.99 is 良', () => {
    // 热线来电受理量 worth 20: 27万 of 30万 → 18, total 98; make the shortfall exactly 10 points and 10.01.
    const t90 = tableWith({ 0: { actual: '15万件', score: 10, deviation: '来电下降' } }, {}, [100, 90]);
    expect(t90.totals.score).toBe(90);
    expect(t90.grade).toBe('优');
    const t8999 = tableWith({ 0: { actual: '14.985万件', score: 9.99, deviation: '来电下降' } }, {}, [100, 89.99]);
    expect(t8999.totals.score).toBeCloseTo(89.99, 12);
    expect(t8999.grade).toBe('良');
  });
});

describe('rounding', () => {
  it('half-up is decimal-exact: 6.635 → 6.64, 1.005 → 1.01, 2.675 → 2.68', () => {
    expect(roundTo(6.635, 2)).toBe(6.64);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(9.5, 0)).toBe(10);
  });

  it('truncate cuts: 6.639 → 6.63, 9.99 → 9 at 0 decimals', () => {
    expect(roundTo(6.639, 2, 'truncate')).toBe(6.63);
    expect(roundTo(9.99, 0, 'truncate')).toBe(9);
  });

  it('the write plan rounds what it writes as the profile says (6.635 → 6.64 / 6.63 / 7)', () => {
    // 热线来电受理量 ≥30万件 worth 10: 19.905万件 → 19.905 ÷ 30 × 10 = 6.635 exactly.
    const indicators = CLEAN_INDICATORS.map((x, i) => (i === 0 ? { ...x, weight: 20, actual: '19.905万件', score: null, deviation: '来电下降' } : x));
    const rows = nationalTable({ indicators, total: [100, null] });
    const grid = toGrid(rows);
    const plan = (profile: object) => {
      const p = parseProfile(profile);
      return planWrites(evaluateWorkbook([grid], p), [grid], p).writes.find((w) => w.address === 'H13');
    };
    // 19.905 ÷ 30 × 20 = 13.27 — use the 分值 10 case for 6.635:
    expect(plan({})?.value).toBe(13.27);
    const ten = CLEAN_INDICATORS.map((x, i) => (i === 0 ? { ...x, weight: 10, actual: '19.905万件', score: null, deviation: '来电下降' } : i === 1 ? { ...x, weight: 25, score: 25 } : x));
    const g2 = toGrid(nationalTable({ indicators: ten, total: [100, null] }));
    const plan2 = (profile: object) => {
      const p = parseProfile(profile);
      const r = evaluateWorkbook([g2], p);
      expect(r.tables[0].indicators[0].score).toBeCloseTo(6.635, 12);
      return planWrites(r, [g2], p).writes.find((w) => w.address === 'H13');
    };
    expect(plan2({})).toMatchObject({ value: 6.64, numberFormat: '0.00' });
    expect(plan2({ rounding: 'truncate' })).toMatchObject({ value: 6.63 });
    expect(plan2({ decimals: 0 })).toMatchObject({ value: 7, numberFormat: '0' });
  });

  it('a stated score equal at the profile\'s precision is not a mismatch (6.64 for 6.635; 7 at 0 decimals)', () => {
    const ten = (score: number) => CLEAN_INDICATORS.map((x, i) => (i === 0 ? { ...x, weight: 10, actual: '19.905万件', score, deviation: '来电下降' } : i === 1 ? { ...x, weight: 25, score: 25 } : x));
    const t = (score: number, profile = {}) => only(evaluate(toGrid(nationalTable({ indicators: ten(score), total: [100, null] })), profile));
    expect(codes(t(6.64))).not.toContain('SCORE_MISMATCH');
    expect(codes(t(6.63))).toContain('SCORE_MISMATCH');
    expect(codes(t(6.63, { rounding: 'truncate' }))).not.toContain('SCORE_MISMATCH');
    expect(codes(t(7, { decimals: 0 }))).not.toContain('SCORE_MISMATCH');
  });
});

describe('rule profile', () => {
  it('merges a partial profile over the national defaults', () => {
    const p = parseProfile({ weights: { execution: 20 }, qualitativeBands: [0.8, 0.5] });
    expect(p.weights).toEqual({ execution: 20, output: 50, effect: 30, satisfaction: 10 });
    expect(p.qualitativeBands).toEqual([0.8, 0.5]);
    expect(p.includeExecutionInTotal).toBe(true);
    expect(parseProfile(undefined)).toEqual(NATIONAL_PROFILE);
    // The defaults are not mutated by a parsed copy.
    p.weights.output = 1;
    expect(NATIONAL_PROFILE.weights.output).toBe(50);
  });

  it('sorts grade bands from the highest', () => {
    expect(parseProfile({ grades: [{ min: 0, label: '差' }, { min: 90, label: '优' }] }).grades.map((g) => g.label)).toEqual(['优', '差']);
  });

  const bad: [string, unknown][] = [
    ['not an object', 'national'],
    ['an array', [1]],
    ['an unknown key', { includeExecution: false }],
    ['weights not an object', { weights: 10 }],
    ['an unknown weight', { weights: { budget: 10 } }],
    ['a negative weight', { weights: { output: -1 } }],
    ['includeExecutionInTotal not boolean', { includeExecutionInTotal: 'false' }],
    ['bands in the wrong order', { qualitativeBands: [0.6, 0.8] }],
    ['bands of the wrong length', { qualitativeBands: [0.8] }],
    ['an unknown negative formula', { negativeFormula: 'inverse' }],
    ['a threshold at or below 1', { overAchievementThreshold: 1 }],
    ['a deviation rate above 1', { deviationBelowRate: 90 }],
    ['fractional decimals', { decimals: 1.5 }],
    ['too many decimals', { decimals: 7 }],
    ['an unknown rounding', { rounding: 'bankers' }],
    ['empty grades', { grades: [] }],
    ['grades without a 0 band', { grades: [{ min: 60, label: '合格' }] }],
    ['a grade without label', { grades: [{ min: 0, label: ' ' }] }],
  ];
  for (const [what, input] of bad) {
    it(`refuses ${what} with a Chinese ProfileError`, () => {
      let err: unknown;
      try {
        parseProfile(input);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ProfileError);
      expect((err as Error).message).toMatch(/[\u4e00-\u9fff]/);
    });
  }

  it('every key is honoured: 湖北 execution 20 changes the expected weights', () => {
    const t = only(evaluate(toGrid(nationalTable()), { weights: { execution: 20 } }));
    expect(issueAt(t, 'WEIGHT_PROFILE').map((i) => i.cell)).toEqual(['G6']);
  });

  it('deviationBelowRate (四川 90%) decides when the funds reason is due', () => {
    // covered with a 四川 fixture in layouts.test.ts; here the national table has no funds reason column.
    const t = only(evaluate(toGrid(nationalTable()), { deviationBelowRate: 0.9 }));
    expect(t.funds.deviationCell ?? null).toBeNull();
  });
});
