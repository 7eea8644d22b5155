/** One fixture per published layout, built from literal 2D arrays. */
import { codes, contractViolations, evaluate, ind, issueAt, nationalTable, only, sichuanTable, toGrid, transferTable, yunnanTable } from './helpers';

describe('national layout (财预〔2020〕10号)', () => {
  const result = evaluate(toGrid(nationalTable()));
  const t = only(result);

  it('a clean, consistent table scores 100, grade 优, with no issue at all', () => {
    expect(contractViolations(result)).toEqual([]);
    expect(t.layout).toBe('national');
    expect(t.issues).toEqual([]);
    expect(t.totals).toMatchObject({ weight: 100, score: 100, statedWeight: 100, statedScore: 100, scoreCell: 'H20' });
    expect(t.grade).toBe('优');
    expect(t.range).toBe('A1:I20');
    expect(t.year).toBe(2023);
    expect(t.title).toBe('项目支出绩效自评表');
    expect(t.project).toEqual({ name: '12345市民热线服务中心运行经费', department: '西安市新城区人民政府办公室', implementer: '区政府办' });
  });

  it('infers each kind: ≥ 正向, ≤ 反向, 成本指标 plain amount 反向, text target 定性', () => {
    expect(ind(t, '热线来电受理量').kind).toBe('positive');
    expect(ind(t, '工单办理时限').kind).toBe('negative');
    expect(ind(t, '运行经费').kind).toBe('negative');
    expect(ind(t, '长效工作机制')).toMatchObject({ kind: 'qualitative', score: 10 });
    expect(t.indicators.map((i) => i.level1)).toEqual(['产出指标', '产出指标', '产出指标', '产出指标', '效益指标', '效益指标', '满意度指标']);
  });

  it('groups summarise 执行率 first, then each 一级', () => {
    expect(t.groups?.map((g) => [g.label, g.weight, g.score])).toEqual([
      ['预算执行率', 10, 10], ['产出指标', 50, 50], ['效益指标', 30, 30], ['满意度指标', 10, 10],
    ]);
  });
});

describe('transfer-payment 绩效目标自评表 (分值 before 指标值, no 年初预算数, 未完成原因 column)', () => {
  const result = evaluate(toGrid(transferTable(), '转移支付'));
  const t = only(result);

  it('is recognised as the transfer layout and read by header, not position', () => {
    expect(contractViolations(result)).toEqual([]);
    expect(t.layout).toBe('transfer');
    expect(t.range).toBe('A1:H15');
    expect(t.year).toBe(2023);
    expect(t.funds).toMatchObject({ initialBudget: null, budget: 500, executed: 450, rate: 0.9, weight: 10, score: 9, rateCell: 'F5', scoreCell: 'G5' });
    expect(t.funds.sources.map((s) => s.label)).toEqual(['其中：中央补助', '地方资金']);
  });

  it('scores 正向 not met as actual ÷ target × 分值 and reads the 未完成原因 column', () => {
    const i = ind(t, '农村公路养护里程');
    expect(i).toMatchObject({ kind: 'positive', weight: 25, scoreSource: 'computed', scoreCell: 'G11', deviationCell: 'H11' });
    expect(i.score).toBeCloseTo((1180 / 1200) * 25, 12);
    expect(i.deviation).toContain('水毁');
    expect(ind(t, '群众出行条件')).toMatchObject({ kind: 'qualitative', score: 30, scoreSource: 'stated' });
  });

  it('totals 98.58 (9 + 24.58 + 25 + 30 + 10 at 2 decimals) and grades 优 with no error', () => {
    expect(t.totals.score).toBeCloseTo(9 + (1180 / 1200) * 25 + 25 + 30 + 10, 10);
    expect(t.totals.statedScore).toBe(98.58);
    expect(codes(t)).not.toContain('TOTAL_MISMATCH');
    expect(codes(t)).not.toContain('SCORE_MISMATCH');
    expect(t.grade).toBe('优');
  });
});

describe('云南 layout (two-row header: 年度指标值 over 指标性质/指标值/度量单位)', () => {
  const result = evaluate(toGrid(yunnanTable(), '项目自评表'));
  const t = only(result);

  it('is detected through the two header rows and classified 云南', () => {
    expect(contractViolations(result)).toEqual([]);
    expect(t.layout).toBe('yunnan');
    expect(t.indicators.map((i) => i.name)).toEqual(['卫片执法补助经费', '项目验收合格率', '项目完成及时率', '违法行为责停率', '满意度']);
    expect(t.year).toBe(2020);
  });

  it('reads "﹦" as =, bare numbers under 度量单位 "%" as percents and "元" as money', () => {
    expect(ind(t, '项目验收合格率')).toMatchObject({ kind: 'equal', score: 20, met: true });
    expect(ind(t, '卫片执法补助经费')).toMatchObject({ kind: 'equal', score: 10, met: true, level1: '产出指标' });
    expect(ind(t, '违法行为责停率')).toMatchObject({ kind: 'positive', score: 30 });
    expect(ind(t, '满意度')).toMatchObject({ kind: 'positive', score: 10, level1: '满意度指标' });
    expect(codes(t)).not.toContain('UNIT_MISMATCH');
  });

  it('funds 7.29/7.29/7.29 → rate 1, score 10; total 100, grade 优, no issue', () => {
    expect(t.funds).toMatchObject({ initialBudget: 7.29, budget: 7.29, executed: 7.29, rate: 1, score: 10, statedRate: 1, statedScore: 10, rateCell: 'H5', scoreCell: 'I5' });
    expect(t.totals).toMatchObject({ weight: 100, score: 100 });
    expect(t.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(t.grade).toBe('优');
  });
});

describe('四川 layout (预算执行情况(10分) + 绩效指标(90分))', () => {
  const result = evaluate(toGrid(sichuanTable(), '自评表'), { deviationBelowRate: 0.9 });
  const t = only(result);

  it('is classified 四川 and reads 年初预算/调整后预算数/预算执行数/预算执行率/权重/得分', () => {
    expect(contractViolations(result)).toEqual([]);
    expect(t.layout).toBe('sichuan');
    expect(t.title).toBe('部门预算项目支出绩效自评表（2023年度）');
    expect(t.year).toBe(2023);
    expect(t.project.name).toBe('51000021R000000019951-工资性支出');
    expect(t.project.implementer).toBe('青神县发展和改革局');
    expect(t.funds).toMatchObject({ initialBudget: 238.93, budget: 251.89, executed: 241.81, weight: 10, statedScore: 9.6, rateCell: 'F8', scoreCell: 'H8', deviationCell: 'I8' });
    expect(t.funds.rate).toBeCloseTo(241.81 / 251.89, 12);
    expect(t.funds.sources.map((s) => s.label)).toEqual(['其中：财政资金', '财政专户管理资金', '单位资金', '其他资金']);
  });

  it('finds the goals block above the funds block (项目年度目标 / 年度目标完成情况 under a merged group label)', () => {
    expect(t.goals).toEqual({ expected: '严格执行相关政策，保障工资及时、足额发放。', actual: '工资及时足额发放。' });
    expect(t.funds.sources).toHaveLength(4);
  });

  it('reads 指标性质 "=" with 指标值 100 under 度量单位 % and 权重 as 分值; total stops at 合计', () => {
    expect(t.indicators).toHaveLength(2);
    expect(ind(t, '发放（缴纳）覆盖率')).toMatchObject({ kind: 'equal', weight: 60, score: 60, scoreCell: 'J14' });
    expect(t.totals).toMatchObject({ weight: 100, statedWeight: 100, statedScore: 99.6, scoreCell: 'J16' });
    expect(t.range).toBe('A2:K16');
  });

  it('explained budget adjustment and a rate of 96% (≥ 90%): no deviation asked, consistent total', () => {
    expect(codes(t)).toContain('BUDGET_ADJUSTED');
    expect(codes(t)).not.toContain('DEVIATION_UNEXPLAINED');
    expect(t.totals.score).toBeCloseTo((241.81 / 251.89) * 10 + 90, 10);
    // 241.81 ÷ 251.89 × 10 = 9.5998… → 9.60, so the stated 9.6 and 99.6 agree.
    expect(codes(t)).not.toContain('SCORE_MISMATCH');
    expect(codes(t)).not.toContain('TOTAL_MISMATCH');
    expect(t.grade).toBe('优');
  });

  it('asks for the reason when the rate is below 90% and the 原因 cell is empty', () => {
    const low = only(evaluate(toGrid(sichuanTable({
      reason: null,
      funds: [
        { label: '总额', values: [251.89, 251.89, 201.51, pct80(), 10, 8, null] },
        { label: '其中：财政资金', values: [251.89, 251.89, 201.51, pct80(), '/', '/'] },
      ],
      total: [100, 98],
    })), { deviationBelowRate: 0.9 }));
    const [d] = issueAt(low, 'DEVIATION_UNEXPLAINED');
    expect(d.cell).toBe('I8');
    expect(d.message).toContain('90%');
  });
});

function pct80() {
  return { value: 0.8, text: '80.00%', numberFormat: '0.00%' };
}
