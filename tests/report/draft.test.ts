import { NATIONAL_PROFILE, parseProfile } from '../../src/core/profile';
import { draftReport } from '../../src/core/report/draft';
import { formatFigureValue } from '../../src/core/report/format';
import { draftFigures, draftPlaceholders, draftToPlainText, type ReportDraft } from '../../src/core/report/model';
import { expectTraceable } from './helpers';
import { seedResult, seedResultGraded } from './seedResult';

const SEED_SECTIONS = ['一、项目概况', '二、项目资金使用及管理情况', '三、项目组织实施情况', '四、项目绩效情况', '五、存在的主要问题', '六、改进工作的建议', '七、需要说明的其他问题'];

/** Section text by level-1 heading (its sub-sections included). */
function bySection(draft: ReportDraft): Map<string, string> {
  const out = new Map<string, string>();
  let current = '';
  for (const s of draft.sections) {
    if (s.level === 1) current = s.heading;
    const text = [s.heading, ...s.paragraphs.map((p) => p.runs.map((r) => r.text).join(''))].join('\n');
    out.set(current, `${out.get(current) ?? ''}${text}\n`);
  }
  return out;
}

describe('draftReport on the seed result (hand-built, national defaults)', () => {
  const table = seedResult();
  const draft = draftReport(table, NATIONAL_PROFILE);
  const text = draftToPlainText(draft);

  test('has the seed outline: seven sections with their sub-sections', () => {
    expect(draft.sections.filter((s) => s.level === 1).map((s) => s.heading)).toEqual(SEED_SECTIONS);
    for (const h of ['（一）项目单位简况', '（二）项目的基本情况', '（一）财政资金实际使用情况', '（二）项目资金管理情况分析', '（一）整体评价结果', '（二）主要指标分析', '（三）项目绩效目标未完成原因分析']) {
      expect(draft.sections.map((s) => s.heading)).toContain(h);
    }
  });

  test("carries the seed's facts in every section", () => {
    const sections = bySection(draft);
    expect([...sections.keys()]).toEqual(SEED_SECTIONS);
    for (const body of sections.values()) expect(body.trim().split('\n').length).toBeGreaterThan(1);
    expect(sections.get('一、项目概况')).toContain('12345 市民热线服务中心运行经费项目');
    expect(sections.get('一、项目概况')).toContain('西安市新城区人民政府办公室');
    const funds = sections.get('二、项目资金使用及管理情况') ?? '';
    expect(funds).toContain('年初预算 97.9 万元');
    expect(funds).toContain('全年预算 64.95 万元');
    expect(funds).toContain('实际支出 64.95 万元');
    expect(funds).toContain('预算执行率 100%');
    expect(funds).toContain('调减 32.95 万元');
    const perf = sections.get('四、项目绩效情况') ?? '';
    for (const ind of table.indicators) expect(perf).toContain(ind.name.replace(/,/g, '，'));
    expect(perf).toContain('产出指标标准分值 60 分，综合得分 60 分');
    expect(perf).toContain('预算执行率标准分值 10 分，综合得分 10 分');
    expect(perf).toContain('自评表填报总分为 96 分');
    expect(perf).toContain('各项分值合计 110 分');
    expect(sections.get('五、存在的主要问题')).toContain('66%（系按年初预算数计算）');
    expect(sections.get('五、存在的主要问题')).toContain('劳务派遣话务员人数的年度指标值（12 人）与实际完成值（100%）计量单位不一致');
    expect(sections.get('五、存在的主要问题')).toContain('运行经费得分填报为 6 分，按评分规则应为 10 分');
    expect(sections.get('六、改进工作的建议')).toContain('年度指标值与实际完成值使用同一计量单位');
  });

  test('every figure traces to a field of the result; no number without one', () => {
    expectTraceable(table, draft);
    expect(draftFigures(draft).map((f) => f.source)).toEqual(expect.arrayContaining(['funds.initialBudget', 'funds.budget', 'funds.executed', 'funds.rate', 'totals.statedScore', 'groups[1].weight']));
  });

  test('is deterministic', () => {
    expect(draftToPlainText(draftReport(seedResult(), NATIONAL_PROFILE))).toBe(text);
    expect(JSON.stringify(draftReport(seedResult(), NATIONAL_PROFILE))).toBe(JSON.stringify(draft));
  });

  test('no grade while an error stands: says why, with a placeholder to regenerate', () => {
    expect(text).toContain('暂不能确定总分和评价等级');
    expect(text).not.toContain('评价等级为');
  });

  test('placeholders only for what the table cannot know', () => {
    const hints = draftPlaceholders(draft).map((p) => p.hint).join('\n');
    expect(hints).toContain('资金管理情况');
    expect(hints).toContain('预算调整的原因');
    expect(hints).not.toContain('自评表未填写');
  });
});

describe('draftReport variants', () => {
  test('graded table: total and grade, national outline', () => {
    const table = seedResultGraded();
    const draft = draftReport(table, NATIONAL_PROFILE, { outline: 'national' });
    const text = draftToPlainText(draft);
    expect(text).toContain('自评总分 100 分（满分 100 分），评价等级为“优”');
    expect(draft.sections.filter((s) => s.level === 1).map((s) => s.heading)).toEqual([
      '一、基本情况', '二、绩效评价工作开展情况', '三、综合评价情况及评价结论', '四、绩效评价指标分析', '五、主要经验及做法、存在的问题及原因分析', '六、有关建议', '七、其他需要说明的问题',
    ]);
    expect(text).toContain('总分填报为 96 分，按评分规则复核为 100 分');
    expectTraceable(table, draft);
  });

  test('the profile chooses the outline when options do not', () => {
    const draft = draftReport(seedResultGraded(), parseProfile({ reportOutline: 'national' }));
    expect(draft.outline).toBe('national');
  });

  test('an unmet indicator: named in 未完成原因, problems and suggestions, with its deviation text', () => {
    const table = seedResultGraded();
    table.indicators[2] = { ...table.indicators[2], actual: '90%', score: 9, met: false, deviation: '部分工单因涉及多部门协调，办理时间延长' };
    table.funds = { ...table.funds, executed: 58.2, rate: 58.2 / 64.95 };
    const draft = draftReport(table, NATIONAL_PROFILE);
    const s = bySection(draft);
    expect(s.get('四、项目绩效情况')).toContain('按时办结率：年度指标值 100%，实际完成值 90%，得分 9 分（分值 10 分），未完全达到年度指标值。原因及改进措施：部分工单因涉及多部门协调，办理时间延长。');
    expect(s.get('四、项目绩效情况')).toContain('预算执行率 89.61%');
    expect(s.get('五、存在的主要问题')).toContain('部分绩效指标未达到年度目标：按时办结率年度指标值 100%，实际完成值 90%');
    expect(s.get('五、存在的主要问题')).toContain('预算执行不到位');
    expect(s.get('六、改进工作的建议')).toContain('针对按时办结率逐项分析未完成原因');
    expect(s.get('二、项目资金使用及管理情况')).toContain('全年预算结余 6.75 万元未支出');
    expectTraceable(table, draft);
  });

  test('unmet without a deviation text: a placeholder naming the indicator', () => {
    const table = seedResultGraded();
    table.indicators[0] = { ...table.indicators[0], score: 12, met: false };
    const text = draftToPlainText(draftReport(table, NATIONAL_PROFILE));
    expect(text).toContain('【请补充：“劳务派遣话务员人数”未完成的原因及拟采取的改进措施（自评表未填写）】');
  });

  test('sparse table: placeholders where data is absent, groups derived from indicators', () => {
    const table = seedResultGraded();
    table.project = { name: null, department: null, implementer: null };
    table.year = null;
    delete table.goals;
    delete table.groups;
    table.funds = { ...table.funds, initialBudget: null, executed: null, rate: null, score: null, statedRate: null, sources: [] };
    table.indicators[1] = { ...table.indicators[1], score: null, scoreSource: 'none' };
    table.grade = null;
    table.issues = [];
    const draft = draftReport(table, NATIONAL_PROFILE);
    const text = draftToPlainText(draft);
    expect(text).toContain('【请补充：项目名称】');
    expect(text).toContain('【请补充：自评表未填写全年执行数】');
    expect(text).toContain('【请补充：自评表未填写年度总体目标');
    expect(text).toContain('产出指标标准分值 60 分，综合得分【请补充：得分（部分指标暂无得分）】');
    expect(text).toContain('效益指标标准分值 30 分，综合得分 30 分');
    expectTraceable(table, draft);
  });

  test('numbers are written the seed way: trimmed, half-up, rates as percent', () => {
    const style = { scoreDecimals: 2, scoreRounding: 'half-up' as const };
    expect(formatFigureValue(97.9, 'amount', style)).toBe('97.9');
    expect(formatFigureValue(64.950000001, 'amount', style)).toBe('64.95');
    expect(formatFigureValue(0.66, 'percent', style)).toBe('66%');
    expect(formatFigureValue(0.663449, 'percent', style)).toBe('66.34%');
    expect(formatFigureValue(6.635, 'score', style)).toBe('6.64');
    expect(formatFigureValue(96, 'score', style)).toBe('96');
    expect(formatFigureValue(6.639, 'score', { scoreDecimals: 2, scoreRounding: 'truncate' })).toBe('6.63');
  });
});
