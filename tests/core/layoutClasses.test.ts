/**
 * One synthetic fixture per layout class of RULES.md "More layouts met in published tables" and "not
 * project tables", each test named for the quirk. Built from the clean national table (helpers) with
 * the quirk typed in, so that each test shows the one thing the class changes.
 */
import type { CellInput } from '../../src/core/grid';
import {
  CLEAN_INDICATORS, codes, contractViolations, evaluate, ind, issueAt, nationalTable, only, pct, place, toGrid, transferTable, yunnanTable,
  type Built, type Ind, type NationalOptions,
} from './helpers';

const run = (o: NationalOptions = {}, profile = {}) => {
  const result = evaluate(toGrid(nationalTable(o)), profile);
  expect(contractViolations(result)).toEqual([]);
  return only(result);
};

/** Two built tables side by side: `b` starts `gap` columns right of `a`'s widest row. */
function beside(a: Built, b: Built, gap = 1): Built {
  const width = Math.max(...a.rows.map((r) => r.length));
  const right = place(b, `${String.fromCharCode(65 + width + gap)}1`);
  const rows: CellInput[][] = [];
  for (let i = 0; i < Math.max(a.rows.length, right.rows.length); i++) {
    const row: CellInput[] = [...(a.rows[i] ?? [])];
    (right.rows[i] ?? []).forEach((c, k) => { if (c !== undefined) row[k] = c; });
    rows.push(row);
  }
  return { rows, merges: [...a.merges, ...right.merges] };
}

describe('column markers (A)/(B)/(B/A) decide meaning whatever the words around them', () => {
  it('预算数（A）, 执行数（B）, 执行率（B/A）', () => {
    const t = run({ fundsHeader: ['年初预算数', '预算数（A）', '执行数（B）', '分值', '执行率（B/A）', '得分'] });
    expect(t.funds).toMatchObject({ budget: 97.9, executed: 97.9, rate: 1, weight: 10, score: 10, rateCell: 'H6' });
    expect(t.issues).toEqual([]);
  });

  it('调整预算数（A）, 全年实际值（B）: the markers win over unknown words', () => {
    const t = run({
      fundsHeader: ['年初预算数', '调整预算数（A）', '全年实际值（B）', '分值', '执行率（B/A）', '得分'],
      funds: [
        { label: '年度资金总额', values: [100, 80, 72, 10, pct(0.9), 9] },
        { label: '其中：当年财政拨款', values: [100, 80, 72, '—', pct(0.9), '—'] },
      ],
    });
    expect(t.funds).toMatchObject({ initialBudget: 100, budget: 80, executed: 72, rate: 0.9, score: 9 });
    expect(codes(t)).toContain('BUDGET_ADJUSTED');
    expect(codes(t)).not.toContain('RATE_MISMATCH');
  });
});

describe('a 得分 header may carry the execution weight', () => {
  it('"得分（20分*执行率）" with no 分值 column: execution weight 20 (湖北)', () => {
    const indicators = CLEAN_INDICATORS.map((x, i) => (i === 0 ? { ...x, weight: 10, score: 10 } : x));
    const t = run(
      {
        fundsHeader: ['年初预算数', '全年预算数（A）', '全年执行数（B）', '执行率（B/A）', '得分（20分*执行率）'],
        funds: [
          { label: '年度资金总额', values: [100, 100, 90, pct(0.9), 18] },
          { label: '其中：当年财政拨款', values: [100, 100, 90, pct(0.9), null] },
        ],
        indicators,
      },
      { weights: { execution: 20, output: 40, effect: 30, satisfaction: 10 } },
    );
    expect(t.funds).toMatchObject({ weight: 20, rate: 0.9, statedScore: 18, scoreCell: 'H6' });
    expect(t.funds.score).toBeCloseTo(18, 10);
    expect(t.totals).toMatchObject({ weight: 100 });
    expect(t.totals.score).toBeCloseTo(98, 10);
    expect(codes(t)).not.toContain('MISSING_VALUE');
    expect(codes(t)).not.toContain('SCORE_MISMATCH');
  });
});

/** The older four-group table: 项目决策/项目管理/项目产出/项目效益, 预算执行率 on an indicator row. */
const FOUR_GROUPS: Ind[] = [
  { l1: '项目决策', l2: '项目立项', name: '立项依据充分性', target: '充分', actual: '充分', weight: 10, score: 10 },
  { l1: '项目管理', l2: '资金管理', name: '预算执行率', target: '100%', actual: null, weight: 10, score: 9 },
  { l2: '组织实施', name: '制度执行有效性', target: '有效', actual: '有效', weight: 10, score: 10 },
  { l1: '项目产出', l2: '数量指标（30分）', name: '培训人次', target: '≥500人次', actual: '520人次', weight: 30, score: 30 },
  { l2: '质量指标', name: '培训合格率', target: '≥95%', actual: '96%', weight: 10, score: 10 },
  { l1: '项目效益', l2: '社会效益指标', name: '就业率', target: '≥80%', actual: '85%', weight: 20, score: 20 },
  { l2: '满意度指标', name: '学员满意度', target: '≥90%', actual: '92%', weight: 10, score: 10 },
];

describe('execution as an indicator row (项目决策/项目管理/项目产出/项目效益, 2019–2021)', () => {
  const t = run({
    fundsHeader: ['年初预算数', '全年预算数（A）', '全年执行数（B）', '执行率（B/A）'],
    funds: [
      { label: '年度资金总额', values: [50, 50, 45, pct(0.9)] },
      { label: '其中：当年财政拨款', values: [50, 50, 45, pct(0.9)] },
    ],
    indicators: FOUR_GROUPS,
    total: [100, 99],
  });

  it('no funds 分值 is demanded and the execution is counted once, on its row', () => {
    expect(codes(t)).not.toContain('MISSING_VALUE');
    expect(codes(t)).not.toContain('WEIGHT_SUM');
    expect(t.funds).toMatchObject({ rate: 0.9, weight: null, score: null });
    expect(ind(t, '预算执行率')).toMatchObject({ weight: 10, score: 9, scoreSource: 'computed' });
    expect(t.totals).toMatchObject({ weight: 100, score: 99 });
    expect(t.grade).toBe('优');
  });

  it('二级 labels carry weights ("数量指标（30分）") and still read as their kind', () => {
    expect(ind(t, '培训人次')).toMatchObject({ level2: '数量指标（30分）', kind: 'positive', score: 30 });
  });

  it('the row\'s own actual is used when it is written ("90%")', () => {
    const own = run({
      fundsHeader: ['年初预算数', '全年预算数（A）', '全年执行数（B）', '执行率（B/A）'],
      funds: [{ label: '年度资金总额', values: [50, 50, 45, pct(0.9)] }],
      indicators: FOUR_GROUPS.map((x, i) => (i === 1 ? { ...x, actual: '90%' } : x)),
      total: [100, 99],
    });
    expect(ind(own, '预算执行率')).toMatchObject({ score: 9, scoreSource: 'computed' });
    expect(own.totals.score).toBe(99);
  });

  it('a row with no target of its own ("—") is scored from B ÷ A, whatever score was typed (银川 2021)', () => {
    const dash = run({
      fundsHeader: ['年初预算数', '全年预算数（A）', '全年执行数（B）', '执行率（B/A）'],
      funds: [{ label: '年度资金总额', values: [64.8, 64.8, 64.8, pct(1)] }],
      indicators: FOUR_GROUPS.map((x, i) => (i === 1 ? { ...x, target: '—', actual: '100%', score: 9 } : x)),
      total: [100, 99],
    });
    expect(ind(dash, '预算执行率')).toMatchObject({ score: 10, scoreSource: 'computed' });
    expect(issueAt(dash, 'SCORE_MISMATCH').map((i) => i.severity)).toEqual(['warning']);
  });
});

describe('nested or absent 一级 weights', () => {
  it('一级 labels without weights and 二级 labels with them: no LEVEL1_WEIGHT, scores as usual', () => {
    const t = run({
      indicators: CLEAN_INDICATORS.map((x, i) => (i === 0 ? { ...x, l2: '数量指标（20分）' } : i === 3 ? { ...x, l2: '成本指标（10分）' } : x)),
    });
    expect(ind(t, '运行经费')).toMatchObject({ kind: 'negative', score: 10 });
    expect(t.issues).toEqual([]);
  });
});

describe('weights inside 二级 labels', () => {
  it('"数量指标（30分）" over a row of 20: LEVEL1_WEIGHT on the 二级 cell', () => {
    const t = run({ indicators: CLEAN_INDICATORS.map((x, i) => (i === 0 ? { ...x, l2: '数量指标（30分）' } : x)) });
    const [w] = issueAt(t, 'LEVEL1_WEIGHT');
    expect(w).toMatchObject({ cell: 'C13', severity: 'warning' });
    expect(w.message).toContain('“数量指标”标明 30 分');
    expect(t.grade).toBe('优');
  });
});

describe('tables without 分值/得分 columns are found and reported, never "not found"', () => {
  const noWeights = (o: NationalOptions = {}) =>
    run({
      indicatorHeader: ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', null as unknown as string, null as unknown as string, '偏差原因分析及改进措施'],
      indicators: CLEAN_INDICATORS.map((x) => ({ ...x, weight: undefined, score: undefined })),
      total: null,
      ...o,
    });

  it('a county form: the table, its indicators and the missing weights', () => {
    const t = noWeights();
    expect(t.indicators).toHaveLength(7);
    const [missing] = issueAt(t, 'MISSING_VALUE').filter((i) => i.cell === 'D12');
    expect(missing.severity).toBe('error');
    expect(missing.message).toContain('分值');
    expect(t.grade).toBeNull();
    expect(t.totals.score).toBeNull();
    // The missing column is the fault, not a sum of 10: no WEIGHT_SUM on top of it (施甸 2021, 湖北 2020).
    expect(t.totals.weight).toBeNull();
    expect(codes(t)).not.toContain('WEIGHT_SUM');
  });

  it('a special-fund template: 专项资金名称 instead of 项目名称', () => {
    const b = nationalTable({ title: '2021年度专项资金绩效自评表', total: null });
    b.rows[2][0] = '专项资金名称';
    const t = only(evaluate(toGrid(b)));
    expect(t.project.name).toBe('12345市民热线服务中心运行经费');
    expect(t.title).toBe('2021年度专项资金绩效自评表');
  });
});

describe('tables side by side on one sheet are separate tables', () => {
  it('two tables columns apart: each its own table, left first, same results as alone', () => {
    const left = nationalTable();
    const right = transferTable();
    const sheet = beside(left, right, 2);
    const result = evaluate(toGrid(sheet));
    expect(contractViolations(result)).toEqual([]);
    expect(result.tables).toHaveLength(2);
    const [a, b] = result.tables;
    const aloneA = only(evaluate(toGrid(left)));
    const aloneB = only(evaluate(toGrid(right, '自评表')));
    expect(a.range).toBe('A1:I20');
    expect(b.range.startsWith('L1')).toBe(true);
    expect(a.indicators.map((i) => [i.name, i.score])).toEqual(aloneA.indicators.map((i) => [i.name, i.score]));
    expect(b.indicators.map((i) => [i.name, i.score])).toEqual(aloneB.indicators.map((i) => [i.name, i.score]));
    expect([a.totals.score, b.totals.score]).toEqual([aloneA.totals.score, aloneB.totals.score]);
    expect([a.grade, b.grade]).toEqual([aloneA.grade, aloneB.grade]);
    expect(b.project.name).toBe('农村公路养护中央补助资金');
  });

  it('side by side with no blank column between them, and with different heights', () => {
    const left = nationalTable({ funds: [{ label: '年度资金总额', values: [97.9, 97.9, 97.9, 10, pct(1, 2), 10] }] });
    const right = nationalTable({ name: '第二个项目' });
    const result = evaluate(toGrid(beside(left, right, 0)));
    expect(result.tables.map((t) => [t.project.name, t.totals.score, t.grade])).toEqual([
      ['12345市民热线服务中心运行经费', 100, '优'],
      ['第二个项目', 100, '优'],
    ]);
  });
});

describe('amounts in 元/万元/亿元: the unit from the group label', () => {
  it('项目资金（元）: amounts in 元, a cell written in 万元 converted', () => {
    const t = run({
      fundsGroup: '项目资金（元）',
      funds: [
        { label: '年度资金总额', values: [979000, 979000, 880000, 10, pct(0.8989, 2), 8.99] },
        { label: '其中：当年财政拨款', values: [979000, '97.9万元', 880000, '—', null, '—'] },
      ],
    });
    expect(t.funds).toMatchObject({ unit: '元', budget: 979000, executed: 880000 });
    expect(t.funds.rate).toBeCloseTo(880000 / 979000, 12);
    expect(t.funds.sources[0].budget).toBe(979000);
    expect(codes(t)).not.toContain('FUNDS_SUM');
    expect(codes(t)).not.toContain('NOT_A_NUMBER');
  });

  it('"单位：亿元" above the block', () => {
    const b = nationalTable({ fundsGroup: '项目资金', funds: [{ label: '年度资金总额', values: [1.2, 1.2, 1.2, 10, pct(1), 10] }] });
    b.rows[1] = ['（2023年度）', null, null, null, null, null, null, '单位：亿元'];
    const t = only(evaluate(toGrid(b)));
    expect(t.funds).toMatchObject({ unit: '亿元', budget: 1.2, rate: 1 });
  });
});

describe('other kinds of tables are never scored as a project', () => {
  it('a 部门整体支出绩效自评表 alone: TABLE_NOT_FOUND naming what it is', () => {
    const b = nationalTable({ title: '2023年度部门整体支出绩效自评表' });
    b.rows[2][0] = '部门名称';
    const result = evaluate(toGrid(b, '部门整体'));
    expect(result.tables).toEqual([]);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ code: 'TABLE_NOT_FOUND', severity: 'error', cell: null });
    expect(result.issues[0].message).toContain('工作表「部门整体」是部门整体支出绩效自评表；本工具评的是项目支出绩效自评表');
    expect(result.otherTables?.map((o) => [o.sheet, o.name])).toEqual([['部门整体', '部门整体支出绩效自评表']]);
  });

  it('a 绩效目标申报表 (targets only, no 实际完成值, no 得分)', () => {
    const b = nationalTable({
      title: '项目支出绩效目标申报表',
      indicatorHeader: ['一级指标', '二级指标', '三级指标', '年度指标值', '分值'],
      indicators: CLEAN_INDICATORS.map((x) => ({ ...x, actual: x.weight, weight: undefined, score: undefined })),
    });
    const result = evaluate(toGrid(b, '申报表'));
    expect(result.tables).toEqual([]);
    expect(result.issues[0].message).toContain('工作表「申报表」是绩效目标申报表');
  });

  it('a 绩效运行监控表 (1–6月执行, 全年预计完成)', () => {
    const b = nationalTable({
      title: '2023年度项目支出绩效运行监控表',
      indicatorHeader: ['一级指标', '二级指标', '三级指标', '年度指标值', '1-6月执行情况', '全年预计完成情况', '偏差原因'],
    });
    const result = evaluate(toGrid(b, '监控'));
    expect(result.tables).toEqual([]);
    expect(result.issues[0].message).toContain('工作表「监控」是绩效运行监控表');
  });

  it('beside a project table on another sheet: only the project table is scored', () => {
    const dept = nationalTable({ title: '部门整体支出绩效自评表' });
    const result = evaluate([toGrid(dept, '部门'), toGrid(nationalTable(), '项目')]);
    expect(result.tables.map((t) => t.sheet)).toEqual(['项目']);
    expect(result.issues).toEqual([]);
    expect(result.otherTables).toEqual([{ sheet: '部门', name: '部门整体支出绩效自评表', message: '工作表「部门」是部门整体支出绩效自评表；本工具评的是项目支出绩效自评表' }]);
  });

  it('a header with 三级指标 but no actuals names what is missing', () => {
    const b = nationalTable({ title: '项目表', indicatorHeader: ['一级指标', '二级指标', '三级指标', '年度指标值'] });
    const result = evaluate(toGrid(b, '表一'));
    expect(result.issues[0].message).toContain('缺少“实际完成值”列');
  });
});

describe('VAGUE_ACTUAL and UNIT_MISMATCH apply to unweighted rows too', () => {
  it('a 其中 detail row with a bound as its actual, another in another unit', () => {
    const indicators: Ind[] = [...CLEAN_INDICATORS];
    indicators.splice(1, 0,
      { name: '其中：夜间来电受理率', target: '≥95%', actual: '≥95%' },
      { name: '其中：回访人数', target: '≥1200人', actual: '98%' });
    const t = run({ indicators });
    expect(issueAt(t, 'VAGUE_ACTUAL').map((i) => i.cell)).toEqual(['F14']);
    expect(issueAt(t, 'UNIT_MISMATCH').map((i) => i.cell)).toEqual(['F15']);
    expect(t.totals.score).toBe(100);
  });
});

describe('reasons already in the table are read', () => {
  const short = (o: NationalOptions = {}) => run({
    funds: [
      { label: '年度资金总额', values: [97.9, 97.9, 88.11, 10, pct(0.9), 9] },
      { label: '其中：当年财政拨款', values: [97.9, 97.9, 88.11, '—', pct(0.9), '—'] },
    ],
    total: [100, 99],
    ...o,
  });

  it('no reason written: funds.reason is null', () => {
    expect(short().funds.reason).toBeNull();
  });

  it('a 说明 row under the funds block', () => {
    const t = short({
      funds: [
        { label: '年度资金总额', values: [97.9, 97.9, 88.11, 10, pct(0.9), 9] },
        { label: '说明', values: ['部分设备采购延至次年，结余资金已上缴。'] },
      ],
    });
    expect(t.funds.reason).toBe('部分设备采购延至次年，结余资金已上缴。');
    expect(t.funds.sources).toEqual([]);
  });

  it('a 原因分析 row under the 总分 row (施甸 2021: 偏差大或目标未完成原因分析)', () => {
    const t = short({
      after: [
        ['偏差大或\n目标未完成\n原因分析', '部分设备采购延至次年，结余资金已上缴。'],
        ['改进措施及\n结果应用方案', '加快采购进度。'],
      ],
    });
    expect(t.funds.reason).toBe('部分设备采购延至次年，结余资金已上缴。');
  });

  it('a note under the 总分 row is not a reason ("注：…未完成原因…")', () => {
    const t = short({ after: [['注：1.执行率低于100%的，请在偏差原因栏说明原因。']] });
    expect(t.funds.reason).toBeNull();
  });

  it('text beside the funds block', () => {
    const b = nationalTable({ funds: [{ label: '年度资金总额', values: [97.9, 97.9, 88.11, 10, pct(0.9), 9] }], total: [100, 99] });
    b.rows[5][10] = '执行率偏低原因：政府采购流程较长。';
    const t = only(evaluate(toGrid(b)));
    expect(t.funds.reason).toBe('执行率偏低原因：政府采购流程较长。');
  });

  it('a 原因 column: the funds reason and each indicator\'s deviation text', () => {
    const t = short({
      fundsHeader: ['年初预算数', '全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分', '原因'],
      funds: [{ label: '年度资金总额', values: [97.9, 97.9, 88.11, 10, pct(0.9), 9, '采购延期'] }],
      indicatorHeader: ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '原因'],
      indicators: CLEAN_INDICATORS.map((x, i) => (i === 0 ? { ...x, actual: '30万件', score: 18.4, deviation: '来电量下降' } : x)),
    });
    expect(t.funds.reason).toBe('采购延期');
    expect(ind(t, '热线来电受理量').deviation).toBe('来电量下降');
    expect(ind(t, '工单按时办结率').deviation).toBe('');
    expect(codes(t)).not.toContain('DEVIATION_UNEXPLAINED');
  });
});

describe('the 总分 row wherever its label sits left of the 分值 column (云南, 永德县 2022)', () => {
  it('"其他需要说明事项 | 无 | 总分 | 100 | 96": the 总分 row, not an indicator named 无', () => {
    const b = yunnanTable({ total: [100, 100] });
    const last = b.rows.length - 1;
    b.rows[last] = ['其他需要说明事项', '无', null, null, null, null, '总分', 100, 100, '优'];
    b.merges = b.merges.filter((m) => m !== `A${last + 1}:G${last + 1}`).concat(`B${last + 1}:F${last + 1}`);
    const t = only(evaluate(toGrid(b)));
    expect(t.indicators.map((i) => i.name)).not.toContain('无');
    expect(t.totals).toMatchObject({ weight: 100, score: 100, statedScore: 100, scoreCell: `I${last + 1}` });
    expect(t.grade).toBe('优');
  });
});

describe('comparators typed with look-alike characters', () => {
  const natures = (nature: string, target: number, actual: number) =>
    only(evaluate(toGrid(yunnanTable({
      indicators: [
        { l1: '产出指标', l2: '数量指标', name: '受益人数', nature, target, unit: '人', actual, weight: 40, score: null },
        { l1: '效益指标', l2: '社会效益指标', name: '违法行为责停率', nature: '≥', target: 95, unit: '%', actual: 96, weight: 40, score: 40 },
        { l1: '满意度指标', l2: '服务对象满意度指标', name: '满意度', nature: '≥', target: 95, unit: '%', actual: 95, weight: 10, score: 10 },
      ],
    }))));
  it('"≧" (U+2267) reads as ≥: 80 of 100 → 80% of the points', () => {
    const t = natures('≧', 100, 80);
    expect(ind(t, '受益人数')).toMatchObject({ kind: 'positive', score: 32 });
  });
  it('"≦" (U+2266) reads as ≤: 125 against ≤100 → 100 ÷ 125 of the points, not full marks', () => {
    const t = natures('≦', 100, 125);
    expect(ind(t, '受益人数')).toMatchObject({ kind: 'negative', score: 32 });
  });
  it('"═" (U+2550) reads as =', () => {
    const t = natures('═', 100, 100);
    expect(ind(t, '受益人数')).toMatchObject({ kind: 'equal', score: 40 });
  });
});

describe('deadlines as targets (宣城 2021: "11月底前" against "10月")', () => {
  const deadline = (target: string, actual: string) => run({
    indicators: CLEAN_INDICATORS.map((x, i) => (i === 2 ? { ...x, name: '业务培训时限', target, actual } : x)),
  });
  it('done before the deadline: met, full marks, no unit mismatch', () => {
    const t = deadline('11月底前', '10月');
    expect(ind(t, '业务培训时限')).toMatchObject({ kind: 'negative', score: 5 });
    expect(codes(t)).not.toContain('UNIT_MISMATCH');
  });
  it('on the deadline month it is met; after it, not ("10月前" against "11月": 10 ÷ 11 of the points)', () => {
    expect(ind(deadline('12月底前', '12月'), '业务培训时限').score).toBe(5);
    const late = ind(deadline('10月前', '11月'), '业务培训时限');
    expect(late.kind).toBe('negative');
    expect(late.score).toBeCloseTo((10 / 11) * 5, 9);
  });
});

describe('the name column headed 指标内容 instead of 三级指标', () => {
  it('a self-evaluation table with 指标内容: found and scored as usual', () => {
    const t = run({ indicatorHeader: ['一级指标', '二级指标', '指标内容', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'] });
    expect(t.indicators).toHaveLength(CLEAN_INDICATORS.length);
    expect(t.totals.score).toBe(100);
  });
  it('"指标名称" heads the name column on some forms (湖北 高校 2021): the table is read', () => {
    const result = evaluate(toGrid(nationalTable({ indicatorHeader: ['一级指标', '二级指标', '指标名称', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'] })));
    expect(result.tables).toHaveLength(1);
    expect(result.tables[0].indicators).toHaveLength(CLEAN_INDICATORS.length);
  });
  it('a targets table with 指标内容 (武汉青山 2020): not found, and the message says it is a 申报表', () => {
    const result = evaluate(toGrid({
      rows: [
        ['绩效目标表'],
        ['项目名称', '农村义务教育薄弱学校改造补助资金'],
        ['绩效指标', '一级指标', '二级指标', '指标内容', '指标值'],
        [null, '产出指标', '数量指标', '农村义务教育学校改造覆盖率', '100%'],
      ],
      merges: [],
    }));
    expect(result.tables).toEqual([]);
    const [nf] = result.issues.filter((i) => i.code === 'TABLE_NOT_FOUND');
    expect(nf.message).toContain('“指标内容”表头');
    expect(nf.message).toContain('绩效目标申报表');
  });
});
