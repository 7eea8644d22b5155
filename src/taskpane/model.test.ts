import { ProfileError } from '../core/profile';
import { bodyUnderTitle, capabilitiesOf, changesSinceStated, countBySeverity, formatRate, formatScore, gradeExplanation, groupIssues, level1Name, level1Summaries, userMessageOf } from './model';
import { FakeAdapter } from './testing/fakeAdapter';
import { seedTable } from './testing/sampleResult';

describe('level1Summaries', () => {
  it("uses the engine's groups", () => {
    const groups = [{ label: 'X', weight: 1, score: 1, statedScore: null, declaredWeight: null, kind: 'other' as const, indicators: [], countedInTotal: true }];
    expect(level1Summaries(seedTable({ groups }))).toBe(groups);
  });
});

describe('changesSinceStated', () => {
  it('lists the rate, each changed score and the total', () => {
    const c = changesSinceStated(seedTable());
    expect(c).toEqual([
      { label: '预算执行率', cell: 'H6', stated: '66%', computed: '100%' },
      { label: '预算执行率 得分', cell: 'I6', stated: '7', computed: '10' },
      { label: '运行经费 得分', cell: 'H16', stated: '6', computed: '10' },
      { label: '总分', cell: 'H21', stated: '96', computed: '未写入' },
    ]);
  });
  it('is empty when everything agrees', () => {
    const t = seedTable();
    t.funds.statedRate = 1;
    t.funds.statedScore = 10;
    t.indicators[3].statedScore = 10;
    t.totals.statedScore = 110;
    expect(changesSinceStated(t)).toEqual([]);
  });
});

describe('formatting', () => {
  it('formats scores to at most 2 decimals and rates as percentages', () => {
    expect(formatScore(6.635)).toBe('6.64');
    expect(formatScore(null)).toBe('—');
    expect(formatRate(0.66345)).toBe('66.35%');
    expect(formatRate(null)).toBe('—');
    expect(level1Name('产出指标 （60 分）')).toBe('产出指标');
  });
});

describe('issues', () => {
  it('groups by severity in order error, warning, info and counts them', () => {
    const t = seedTable();
    expect(groupIssues(t.issues).map((g) => [g.severity, g.issues.length])).toEqual([
      ['error', 1],
      ['warning', 7],
      ['info', 1],
    ]);
    expect(countBySeverity(t.issues)).toEqual({ error: 1, warning: 7, info: 1 });
  });
  it('explains a missing grade', () => {
    expect(gradeExplanation(seedTable())).toMatch(/还有 1 个错误，总分和评价等级未写入/);
    expect(gradeExplanation(seedTable({ grade: '优' }))).toBeNull();
    expect(gradeExplanation(seedTable({ issues: [], totals: { ...seedTable().totals, score: null } }))).toMatch(/无法得出得分/);
  });
});

describe('userMessageOf', () => {
  it('prefers userMessage, shows ProfileError reasons, and keeps only the first line of anything else', () => {
    expect(userMessageOf(Object.assign(new Error('x'), { userMessage: '请先退出单元格编辑。' })).message).toBe('请先退出单元格编辑。');
    // A ProfileError says the rules-file key in `message` (for the CLI) and only the Chinese name in userMessage.
    const bad = new ProfileError({ field: 'decimals', message: '保留小数位数应为 0～6 的整数。', keyMessage: 'decimals（保留小数位数）应为 0～6 的整数。' });
    expect(userMessageOf(bad).message).toBe('保留小数位数应为 0～6 的整数。');
    const m = userMessageOf(new Error('RichApi.Error: InvalidReference\n    at foo (x.js:1:2)'), '失败');
    expect(m).toEqual({ message: '失败', detail: 'RichApi.Error: InvalidReference' });
    expect(userMessageOf(undefined, '失败')).toEqual({ message: '失败' });
  });
});

describe('capabilitiesOf', () => {
  it('reflects which optional adapter methods exist', () => {
    expect(capabilitiesOf(new FakeAdapter())).toEqual({ generateReport: false, insertTemplate: false, reportDocx: false, clearMarks: false });
    expect(capabilitiesOf(new FakeAdapter({ withReport: true, withTemplate: true }))).toEqual({ generateReport: true, insertTemplate: true, reportDocx: false, clearMarks: false });
  });
});

describe('bodyUnderTitle', () => {
  it('drops a lead that repeats the title, keeps everything else', () => {
    expect(bodyUnderTitle('读取工作簿失败', '读取工作簿失败：Excel 返回错误（GeneralException）。请稍后重试。')).toBe('Excel 返回错误（GeneralException）。请稍后重试。');
    expect(bodyUnderTitle('一键评分失败', '一键评分失败：工作表“自评表”受保护。')).toBe('工作表“自评表”受保护。');
    expect(bodyUnderTitle('一键评分失败', '工作表“自评表”受保护，未写入任何内容。')).toBe('工作表“自评表”受保护，未写入任何内容。');
    expect(bodyUnderTitle('生成报告失败', '未找到自评表：请先插入模板。')).toBe('未找到自评表：请先插入模板。');
  });
});
