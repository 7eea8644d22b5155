/**
 * One fixture per quirk of RULES.md "Real tables are messy", each test named for the quirk.
 * Fixtures are the clean national table (helpers.nationalTable) with the quirk typed in.
 */
import { gridFromArrays, type CellInput } from '../../src/core/grid';
import {
  CLEAN_INDICATORS, NATIONAL_FUNDS, codes, contractViolations, evaluate, formula, ind, issueAt, nationalTable, only,
  patchIndicators, pct, stack, toGrid, type Ind, type NationalOptions,
} from './helpers';

/** The clean table with indicator i patched. */
function patched(patches: Record<number, Partial<Ind>>, extra: NationalOptions = {}) {
  const indicators = CLEAN_INDICATORS.map((x, i) => ({ ...x, ...(patches[i] ?? {}) }));
  return nationalTable({ ...extra, indicators });
}
const run = (o: NationalOptions = {}, profile = {}) => {
  const result = evaluate(toGrid(nationalTable(o)), profile);
  expect(contractViolations(result)).toEqual([]);
  return only(result);
};
const runPatched = (patches: Record<number, Partial<Ind>>, extra: NationalOptions = {}) => {
  const result = evaluate(toGrid(patched(patches, extra)));
  expect(contractViolations(result)).toEqual([]);
  return only(result);
};
const fundsWith = (total: CellInput[], detail?: CellInput[]) => [
  { label: '年度资金总额', values: total },
  { label: '其中：当年财政拨款', values: detail ?? [97.9, 97.9, 97.9, '—', pct(1, 2), '—'] },
  ...NATIONAL_FUNDS.slice(2),
];
const clean = run();

describe('labels as real tables type them', () => {
  it('labels with spaces and line breaks inside: "绩 效\\n指 标", "三级\\n指标", "年度 总体 目标"', () => {
    const t = run({
      fundsGroup: '项 目 资 金\n（万元）',
      fundsHeader: ['年初\n预算数', '全年 预算数（A）', '全年\n执行数（B）', '分 值', '执行率\n（B/A）', '得 分'],
      indicatorHeader: ['一级\n指标', '二 级 指 标', '三级\n指标', '年度\n指标值', '实际\n完成值', '分\n值', '得\n分', '偏差原因分析\n及改进措施'],
      title: '项目支出 绩效 自评表',
    });
    expect(t.indicators).toHaveLength(7);
    expect(t.totals.score).toBe(100);
    expect(t.funds).toMatchObject({ budget: 97.9, executed: 97.9, rate: 1 });
    expect(t.title).toBe('项目支出绩效自评表');
    expect(t.issues).toEqual([]);
  });

  it('full- and half-width brackets and colons: "全年预算数(A)", "执行率（B/A）", "年度资金总额：", "其中:当年财政拨款"', () => {
    const t = run({
      fundsGroup: '项目资金(万元)',
      fundsHeader: ['年初预算数', '全年预算数(A)', '全年执行数(B)', '分值', '执行率(B/A)', '得分'],
      funds: [
        { label: '年度资金总额：', values: [97.9, 97.9, 97.9, 10, pct(1, 2), 10] },
        { label: '其中:当年财政拨款', values: [97.9, 97.9, 97.9, '—', pct(1, 2), '—'] },
      ],
      indicators: CLEAN_INDICATORS.map((x, i) => (i === 0 ? { ...x, l1: '产出指标（50分）' } : i === 4 ? { ...x, l1: '效益指标(30分)' } : x)),
    });
    expect(t.funds.sources.map((s) => s.label)).toEqual(['其中:当年财政拨款']);
    expect(t.funds.score).toBe(10);
    expect(ind(t, '热线来电受理量').level1DeclaredWeight).toBe(50);
    expect(ind(t, '群众诉求解决率').level1DeclaredWeight).toBe(30);
    expect(t.issues).toEqual([]);
  });

  it('一级 labels with their weight inside ("产出指标 (50 分)") or without', () => {
    const withW = runPatched({ 0: { l1: '产出指标 (50 分)' }, 4: { l1: '效益指标' } });
    expect(withW.issues).toEqual([]);
    expect(withW.groups?.map((g) => g.label)).toEqual(['预算执行率', '产出指标', '效益指标', '满意度指标']);
    // A declared weight that its rows do not add up to is reported on the 一级 cell.
    const wrong = runPatched({ 0: { l1: '产出指标 (60 分)' } });
    const [lw] = issueAt(wrong, 'LEVEL1_WEIGHT');
    expect(lw).toMatchObject({ severity: 'warning', cell: 'B13' });
    expect(lw.message).toMatch(/60 分.*20\+15\+5\+10 = 50/);
  });

  it('一级/二级 cells merged down over their rows, or repeated on every row', () => {
    const merged = clean;
    const repeated = run({ mergeLevels: false, indicators: CLEAN_INDICATORS.map((x, i) => ({ ...x, l1: x.l1 ?? (i < 4 ? '产出指标' : i < 6 ? '效益指标' : '满意度指标') })) });
    expect(repeated.indicators.map((i) => [i.level1, i.score])).toEqual(merged.indicators.map((i) => [i.level1, i.score]));
    // 二级 merged over two rows: the second row inherits it.
    const rows = nationalTable({
      indicators: [
        { l1: '产出指标', l2: '数量指标', name: '受理量', target: '≥30万件', actual: '32万件', weight: 25, score: 25 },
        { name: '回访量', target: '≥10万件', actual: '12万件', weight: 25, score: 25 },
        { l1: '效益指标', l2: '社会效益指标', name: '解决率', target: '≥90%', actual: '95%', weight: 30, score: 30 },
        { l1: '满意度指标', l2: '服务对象满意度指标', name: '满意度', target: '≥90%', actual: '95%', weight: 10, score: 10 },
      ],
    });
    rows.merges.push('C13:C14');
    const t = only(evaluate(toGrid(rows)));
    expect(ind(t, '回访量')).toMatchObject({ level1: '产出指标', level2: '数量指标', score: 25 });
    expect(t.grade).toBe('优');
  });
});

describe('rows that are not indicators', () => {
  it('reserved empty rows ("指标2:", "……", "指标3：") are not indicators', () => {
    const inds: Ind[] = [...CLEAN_INDICATORS];
    inds.splice(1, 0, { name: '指标2:' }, { name: '……' });
    inds.splice(6, 0, { name: '指标3：' });
    const t = run({ indicators: inds });
    expect(t.indicators.map((i) => i.name)).toEqual(clean.indicators.map((i) => i.name));
    expect(t.issues).toEqual([]);
    expect(t.totals.score).toBe(100);
  });

  it('"/" rows are not applicable: listed, not scored, weight not counted', () => {
    const inds: Ind[] = [...CLEAN_INDICATORS];
    inds.splice(4, 0,
      { l2: '生态效益指标', name: '/', target: '/', actual: '/', weight: '/', score: '/' },
      { l2: '经济效益指标', name: '带动相关产业', target: '/', actual: '/', weight: '/', score: '/' });
    const t = run({ indicators: inds });
    const na = t.indicators.filter((i) => i.kind === 'not_applicable');
    expect(na.map((i) => i.name)).toEqual(['/', '带动相关产业']);
    for (const i of na) expect(i).toMatchObject({ weight: null, score: null, scoreSource: 'none' });
    expect(t.totals).toMatchObject({ weight: 100, score: 100 });
    expect(t.issues).toEqual([]);
  });

  it('"指标1:" and "★" prefixes are stripped from names', () => {
    const t = runPatched({ 0: { name: '指标1：热线来电受理量' }, 1: { name: '★工单按时办结率' }, 2: { name: '★指标3: 工单办理时限' } });
    expect(t.indicators.slice(0, 3).map((i) => i.name)).toEqual(['热线来电受理量', '工单按时办结率', '工单办理时限']);
    expect(t.issues).toEqual([]);
  });

  it('detail rows "其中…" with no 分值 are neither scored nor counted', () => {
    const inds: Ind[] = [...CLEAN_INDICATORS];
    inds.splice(1, 0,
      { name: '其中：营商环境专线来电', target: '≥3万件', actual: '3.4万件' },
      { name: '其中:12345热线来电', target: '≥27万件', actual: '29.2万件' });
    const t = run({ indicators: inds });
    const details = t.indicators.filter((i) => i.name.startsWith('其中'));
    expect(details).toHaveLength(2);
    for (const d of details) expect(d).toMatchObject({ weight: null, score: null, scoreSource: 'none' });
    expect(t.totals).toMatchObject({ weight: 100, score: 100 });
    expect(t.issues).toEqual([]);
  });

  it('a weighted row without "其中" and without 分值 is an error (MISSING_VALUE on the 分值 cell)', () => {
    const t = runPatched({ 1: { weight: null } });
    const [m] = issueAt(t, 'MISSING_VALUE');
    expect(m).toMatchObject({ severity: 'error', cell: 'G14' });
    expect(t.grade).toBeNull();
  });

  it('a 其中 funds row that repeats the 10-point execution score is counted once', () => {
    const twice = run({ funds: fundsWith([97.9, 97.9, 97.9, 10, pct(1, 2), 10], [97.9, 97.9, 97.9, 10, pct(1, 2), 10]) });
    expect(twice.funds).toMatchObject({ weight: 10, score: 10, scoreCell: 'I6' });
    expect(twice.totals).toMatchObject({ weight: 100, score: 100 });
    expect(twice.issues).toEqual([]);
    // Only on the 其中 row: taken from there, still once.
    const onlyDetail = run({ funds: fundsWith([97.9, 97.9, 97.9, null, pct(1, 2), null], [97.9, 97.9, 97.9, 10, pct(1, 2), 10]) });
    expect(onlyDetail.funds).toMatchObject({ weight: 10, score: 10, scoreCell: 'I7' });
    expect(onlyDetail.totals).toMatchObject({ weight: 100, score: 100 });
  });
});

describe('numbers as real tables type them', () => {
  it('numbers typed as text ("97.9", " 10 ")', () => {
    const t = run({ funds: fundsWith(['97.9', '97.9', '97.9', ' 10 ', '100%', '10']) });
    expect(t.funds).toMatchObject({ initialBudget: 97.9, budget: 97.9, executed: 97.9, weight: 10, rate: 1, statedRate: 1, statedScore: 10 });
    const w = runPatched({ 0: { weight: '20', score: '20' } });
    expect(ind(w, '热线来电受理量')).toMatchObject({ weight: 20, score: 20, statedScore: 20 });
    expect(w.issues).toEqual([]);
  });

  it('rates as "66%" text, as percent-formatted numbers and as 66 under a % unit', () => {
    const funds = (rate: CellInput) => fundsWith([97.9, 100, 66, 10, rate, 6.6], [97.9, 100, 66, '—', null, '—']);
    const initialOff = (t: ReturnType<typeof run>) => t.issues.filter((i) => i.code !== 'BUDGET_ADJUSTED' && i.code !== 'FUNDS_SUM');
    for (const rate of ['66%', '66.00%', pct(0.66), pct(0.66, 2), 66, '66']) {
      const t = run({ funds: funds(rate), total: [100, 96.6] });
      expect(t.funds.statedRate).toBeCloseTo(0.66, 12);
      expect(t.funds.rate).toBeCloseTo(0.66, 12);
      expect(initialOff(t).map((i) => i.code)).toEqual([]);
    }
    // An indicator: 指标值 "≥95" and 实际 "96" under a % 度量单位 are read as 95% and 96% (云南/四川).
    // (covered in layouts.test.ts); here a percent-formatted actual beside a "≥95%" target:
    const t = runPatched({ 1: { actual: pct(0.94) } });
    expect(ind(t, '工单按时办结率').score).toBeCloseTo((0.94 / 0.95) * 15, 12);
  });

  it('formulas with cached results: 执行率 =F6/E6 and 得分 =G6*H6 are read from their cached values', () => {
    const t = run({ funds: fundsWith([97.9, 97.9, 88.11, 10, formula('F6/E6', 0.9, '90.00%', '0.00%'), formula('G6*H6', 9)]), total: [100, formula('SUM(G6:H19)', 99)] });
    expect(t.funds).toMatchObject({ statedRate: 0.9, rate: 0.9, statedScore: 9, score: 9 });
    expect(t.totals.statedScore).toBe(99);
    expect(codes(t)).not.toContain('RATE_MISMATCH');
    expect(codes(t)).not.toContain('TOTAL_MISMATCH');
  });

  it('"-", "—" and "/" in numeric cells mean none, not an error', () => {
    const t = run({
      funds: [
        { label: '年度资金总额', values: [97.9, 97.9, 97.9, 10, pct(1, 2), 10] },
        { label: '其中：当年财政拨款', values: [97.9, 97.9, 97.9, '-', '—', '/'] },
        { label: '上年结转资金', values: ['—', '-', '/', '—', '-', '—'] },
        { label: '其他资金', values: ['/', '/', '/', '/', '/', '/'] },
      ],
    });
    expect(t.issues).toEqual([]);
    expect(t.funds.sources[1]).toMatchObject({ initialBudget: null, budget: null, executed: null });
  });

  it('"0" in a deviation cell means nothing to explain; it does not explain a shortfall', () => {
    const full = runPatched({ 0: { deviation: '0' }, 1: { deviation: 0 } });
    expect(full.issues).toEqual([]);
    const short = runPatched({ 0: { actual: '27万件', score: 18, deviation: '0' } });
    const [d] = issueAt(short, 'DEVIATION_UNEXPLAINED');
    expect(d).toMatchObject({ cell: 'I13', severity: 'warning' });
    expect(d.message).toMatch(/得分 18 低于分值 20/);
  });

  it('"﹦" (U+FE66) and "＝" for "="', () => {
    for (const eq of ['﹦', '＝', '=']) {
      const t = runPatched({ 1: { target: `${eq}100%`, actual: '100%' }, 2: { target: `${eq}5个工作日`, actual: '4个工作日', score: 4 } });
      expect(ind(t, '工单按时办结率')).toMatchObject({ kind: 'equal', score: 15 });
      // "=" is 正向: 4 of 5 days is 4/5 of the 分值.
      expect(ind(t, '工单办理时限')).toMatchObject({ kind: 'equal', score: 4 });
    }
  });

  it('≥ / >= / 不低于 / 不少于 are 正向; ≤ / <= / 不高于 / 不超过 are 反向', () => {
    for (const ge of ['≥', '>=', '不低于', '不少于', '＞＝']) {
      const t = runPatched({ 0: { target: `${ge}30万件`, actual: '24万件', score: 16, deviation: '话务量下降' } });
      expect(ind(t, '热线来电受理量')).toMatchObject({ kind: 'positive', score: 16, met: false });
    }
    for (const le of ['≤', '<=', '不高于', '不超过', '＜＝']) {
      const t = runPatched({ 2: { target: `${le}5个工作日`, actual: '8个工作日', score: 3.13, deviation: '人手不足' } });
      const i = ind(t, '工单办理时限');
      expect(i).toMatchObject({ kind: 'negative', met: false });
      expect(i.score).toBeCloseTo((5 / 8) * 5, 12);
      expect(codes(t)).not.toContain('SCORE_MISMATCH');
    }
  });

  it('values with units: "12 人", "97.9 万元", "≥1000人", and "72890 元" against 万元 converted, not a mismatch', () => {
    const t = runPatched({
      0: { target: '≥1000人', actual: '1200 人' },
      1: { target: '12 人', actual: '12人' },
      3: { target: '≤7.29 万元', actual: '72890 元' },
    });
    expect(ind(t, '热线来电受理量')).toMatchObject({ score: 20, met: true });
    expect(ind(t, '工单按时办结率')).toMatchObject({ score: 15, met: true });
    expect(ind(t, '运行经费')).toMatchObject({ kind: 'negative', score: 10, met: true });
    expect(codes(t)).not.toContain('UNIT_MISMATCH');
    // Over budget in 元 is still converted: 80000 元 > 7.29 万元 → 7.29 ÷ 8 × 10.
    const over = runPatched({ 3: { target: '≤7.29 万元', actual: '80000 元', score: 9.11, deviation: '设备维修支出增加' } });
    expect(ind(over, '运行经费').score).toBeCloseTo((72900 / 80000) * 10, 12);
    // Different kinds of unit are a mismatch.
    const bad = runPatched({ 0: { target: '≥1000人', actual: '95%' } });
    expect(issueAt(bad, 'UNIT_MISMATCH')[0]).toMatchObject({ cell: 'F13', severity: 'warning' });
  });

  it('a bare number beside a percent is percentage points: "≥90%" against 85 is 85%, not 8,500%', () => {
    // 群众诉求解决率 (row 4): 20 points, target ≥90%.
    const t = only(evaluate(toGrid(nationalTable({ indicators: patchIndicators({ 4: { actual: 85, score: 18.89 } }) }))));
    const row = ind(t, '群众诉求解决率');
    expect(row.met).toBe(false);
    expect(row.score).toBeCloseTo((0.85 / 0.9) * 20, 10);
    expect(codes(t)).not.toContain('UNIT_MISMATCH');
    // …and the other way round: a bare target 90 against an actual of 96.5%.
    const u = only(evaluate(toGrid(nationalTable({ indicators: patchIndicators({ 4: { target: '≥90', actual: '96.5%' } }) }))));
    expect(ind(u, '群众诉求解决率')).toMatchObject({ met: true, score: 20 });
    // A bare 1 stays a fraction: 1 = 100%.
    const v = only(evaluate(toGrid(nationalTable({ indicators: patchIndicators({ 4: { actual: 1 } }) }))));
    expect(ind(v, '群众诉求解决率')).toMatchObject({ met: true, score: 20 });
  });

  it('error values (#N/A) and Chinese numerals are NOT_A_NUMBER, never guessed', () => {
    const t = run({ funds: fundsWith([97.9, 97.9, { value: { error: '#N/A' } }, 10, pct(1, 2), 10]) });
    expect(issueAt(t, 'NOT_A_NUMBER')[0]).toMatchObject({ cell: 'F6', severity: 'error' });
    expect(issueAt(t, 'NOT_A_NUMBER')[0].message).toContain('#N/A');
    expect(t.funds.executed).toBeNull();
    expect(t.grade).toBeNull();
    const cn = runPatched({ 0: { target: '≥一千人', actual: '一千二百人' } });
    const nan = issueAt(cn, 'NOT_A_NUMBER');
    expect(nan.map((i) => i.cell)).toEqual(['E13', 'F13']);
    expect(nan[0].message).toContain('阿拉伯数字');
    // The stated 20 is kept rather than a guess made.
    expect(ind(cn, '热线来电受理量')).toMatchObject({ score: 20, scoreSource: 'stated' });
    const weight = runPatched({ 0: { weight: '二十' } });
    expect(issueAt(weight, 'NOT_A_NUMBER')[0]).toMatchObject({ cell: 'G13' });
  });
});

describe('where tables are', () => {
  it('a table anywhere on a sheet: starting at C5, after notes', () => {
    const b = nationalTable();
    const grid = toGrid(b, '填报', { at: 'C5' });
    grid.cells[0] = [{ value: '填报说明：1. 金额单位为万元；2. 执行率保留两位小数。', text: '填报说明：1. 金额单位为万元；2. 执行率保留两位小数。' }];
    grid.cells[2] = [{ value: '附件2', text: '附件2' }];
    const t = only(evaluate(grid));
    expect(t.range).toBe('C5:K24');
    expect(t.funds).toMatchObject({ rateCell: 'J10', scoreCell: 'K10', score: 10 });
    expect(t.totals.scoreCell).toBe('J24');
    expect(t.indicators.map((i) => i.score)).toEqual(clean.indicators.map((i) => i.score));
    expect(t.issues).toEqual([]);
  });

  it('several tables per workbook: one per sheet', () => {
    const r = evaluate([toGrid(nationalTable(), '项目一'), toGrid(nationalTable({ name: '网格化管理经费' }), '项目二')]);
    expect(r.tables.map((t) => [t.sheet, t.project.name, t.totals.score])).toEqual([
      ['项目一', '12345市民热线服务中心运行经费', 100],
      ['项目二', '网格化管理经费', 100],
    ]);
  });

  it('two tables stacked on one sheet, the second without a blank gap', () => {
    for (const gap of [0, 3]) {
      const second = patched({ 0: { actual: '27万件', score: 18, deviation: '来电量下降' } }, { name: '第二个项目', total: [100, 98] });
      const grid = toGrid(stack([nationalTable(), second], gap), '汇总');
      const r = evaluate(grid);
      expect(contractViolations(r)).toEqual([]);
      expect(r.tables).toHaveLength(2);
      const [a, b] = r.tables;
      expect(a.range).toBe('A1:I20');
      expect(b.range).toBe(`A${21 + gap}:I${40 + gap}`);
      expect(b.project.name).toBe('第二个项目');
      expect(a.totals.score).toBe(100);
      expect(b.totals.score).toBe(98);
      expect(b.funds.rateCell).toBe(`H${26 + gap}`);
      expect(a.issues).toEqual([]);
      expect(b.issues).toEqual([]);
    }
  });

  it('other sheets are ignored, hidden sheets are ignored', () => {
    const notes = gridFromArrays('填报说明', [['填报说明'], ['1. 指标值与实际完成值单位一致。'], ['三级指标', '说明']]);
    const hidden = toGrid(nationalTable({ name: '隐藏的备份' }), '备份', { hidden: true });
    const r = evaluate([notes, toGrid(nationalTable()), hidden]);
    expect(r.tables.map((t) => t.sheet)).toEqual(['自评表']);
  });

  it('no table → TABLE_NOT_FOUND (file-level), no crash', () => {
    const r = evaluate([gridFromArrays('Sheet1', [['单位', '金额'], ['办公室', 12]]), gridFromArrays('Sheet2', [])]);
    expect(r.tables).toEqual([]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'TABLE_NOT_FOUND', severity: 'error', cell: null });
    expect(r.issues[0].message).toContain('Sheet1');
    expect(evaluate([]).issues[0].code).toBe('TABLE_NOT_FOUND');
  });
});
