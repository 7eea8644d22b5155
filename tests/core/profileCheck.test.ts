/**
 * A profile's problems, each said for a rules file (the JSON key, for the CLI's --config) and for a clerk
 * (the setting's Chinese name from profileFields.ts, rates in percent), one per field so a form marks each.
 */
import { checkProfile, parseProfile, ProfileError } from '../../src/core/profile';
import { PERCENT_FIELDS, profileFieldName } from '../../src/core/profileFields';

const JSON_KEY = /\b(weights|execution|output|effect|satisfaction|includeExecutionInTotal|qualitativeBands|negativeFormula|overAchievementThreshold|deviationBelowRate|decimals|rounding|grades|reportOutline|min|label|true|false|ratio|linear|half-up|truncate|seed|national)\b|[{}[\]"]/;

const BAD: unknown[] = [
  'x',
  { budget: 1 },
  { weights: 5 },
  { weights: { budget: 10 } },
  { weights: { output: 'abc', effect: -1 } },
  { includeExecutionInTotal: 'false' },
  { qualitativeBands: [0.8] },
  { qualitativeBands: [0.6, 0.8] },
  { qualitativeBands: ['八十', 2] },
  { negativeFormula: 'inverse' },
  { overAchievementThreshold: 1 },
  { deviationBelowRate: 90 },
  { decimals: 1.5 },
  { rounding: 'bankers' },
  { grades: [] },
  { grades: [{ min: 60, label: '合格' }] },
  { grades: [{ min: 90, label: '优' }, { min: 'x', label: ' ' }] },
  { reportOutline: 'short' },
];

describe('checkProfile', () => {
  it('words every problem for a clerk without a JSON key, naming the field as the pane labels it', () => {
    for (const input of BAD) {
      const { problems } = checkProfile(input);
      expect(problems.length).toBeGreaterThan(0);
      for (const p of problems) {
        // Only what the user typed may be Latin, and it is quoted “…”.
        expect({ input, message: p.message.replace(/“[^”]*”/g, '') }).not.toEqual({ input, message: expect.stringMatching(JSON_KEY) });
        expect(p.message).toMatch(/[\u4e00-\u9fff]/);
        if (p.field !== null) expect(p.message).toContain(p.field.startsWith('grades.') && p.message.startsWith('最低') ? '最低一档的下限分数' : profileFieldName(p.field));
      }
    }
  });

  it('reports each bad field once and keeps the good ones', () => {
    const { problems } = checkProfile({ weights: { output: 'abc', effect: -1, execution: 10 }, decimals: 9, deviationBelowRate: 0.9 });
    expect(problems.map((p) => p.field)).toEqual(['weights.output', 'weights.effect', 'decimals']);
    expect(problems[0].message).toBe('产出指标分值应为不小于 0 的数字，现为“abc”。');
    expect(problems[1].message).toBe('效益指标分值应为不小于 0 的数字。');
  });

  it('speaks of the rate-like settings in percent to a clerk and in fractions to a rules file', () => {
    expect(PERCENT_FIELDS).toEqual(['qualitativeBands.0', 'qualitativeBands.1', 'overAchievementThreshold', 'deviationBelowRate']);
    const [dev] = checkProfile({ deviationBelowRate: 90 }).problems;
    expect(dev.message).toBe('须说明偏差的执行率应为大于 0%、不超过 100% 的百分数，例如 90%。');
    expect(dev.keyMessage).toBe('deviationBelowRate（执行率低于多少须说明偏差）应为 0～1 之间的数，例如 0.9 表示 90%。');
    const bands = checkProfile({ qualitativeBands: [0.6, 0.8] }).problems;
    expect(bands.map((p) => [p.field, p.message])).toEqual([['qualitativeBands.1', '部分达成档下限应低于达成档下限。']]);
    const both = checkProfile({ qualitativeBands: [1.2, 0] }).problems;
    expect(both.map((p) => p.field)).toEqual(['qualitativeBands.0', 'qualitativeBands.1']);
  });

  it('points a grade problem at its own band', () => {
    const { problems } = checkProfile({ grades: [{ min: 90, label: '优' }, { min: 'x', label: ' ' }] });
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['grades.1.min', '第 2 档下限分数应为数字，现为“x”。'],
      ['grades.1.label', '第 2 档等级名称不能为空。'],
    ]);
    const low = checkProfile({ grades: [{ min: 90, label: '优' }, { min: 60, label: '合格' }] }).problems;
    expect(low.map((p) => p.field)).toEqual(['grades.1.min']);
  });
});

describe('ProfileError', () => {
  it('keeps the rules-file wording as its message (the CLI prints it) and carries the clerk’s and the field', () => {
    let err: unknown;
    try {
      parseProfile({ decimals: 9, weights: { output: 'abc' } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ProfileError);
    const e = err as ProfileError;
    // The first problem in key order, as before: weights come first.
    expect(e.message).toBe('weights.output 应为不小于 0 的数字，当前为 "abc"。');
    expect(e.userMessage).toBe('产出指标分值应为不小于 0 的数字，现为“abc”。');
    expect(e.field).toBe('weights.output');
  });

  it('still accepts a plain message', () => {
    const e = new ProfileError('评分规则有误。');
    expect([e.message, e.userMessage, e.field]).toEqual(['评分规则有误。', '评分规则有误。', null]);
  });
});
