/**
 * The draft on every layout fixture (national, transfer, 云南, 四川): it builds, every figure traces
 * to the result, and placeholders stand only where the table cannot know — or where data is absent.
 */
import { NATIONAL_PROFILE } from '../../src/core/profile';
import { draftReport } from '../../src/core/report/draft';
import { draftPlaceholders, draftToPlainText } from '../../src/core/report/model';
import { evaluate, nationalTable, only, patchIndicators, sichuanTable, toGrid, transferTable, yunnanTable } from '../core/helpers';
import { expectTraceable } from './helpers';

/** What no table holds: how money was managed and work organised, the unit's own summary. */
const ALWAYS_UNKNOWN = /单位主要职能|立项依据|资金管理情况|实施计划|管理制度|总体成效|其他问题|改进工作的建议|改进建议|主要问题|成文日期|逐项对照/;
/** The marker the draft uses when a cell of the table was left empty. */
const DATA_MISSING = /自评表未填写/;

const LAYOUTS = [
  ['national', () => nationalTable()],
  ['transfer', () => transferTable()],
  ['yunnan', () => yunnanTable()],
  ['sichuan', () => sichuanTable()],
] as const;

describe.each(LAYOUTS)('the draft on the %s fixture', (layout, build) => {
  const table = only(evaluate(toGrid(build())));
  const draft = draftReport(table, NATIONAL_PROFILE);
  const text = draftToPlainText(draft);

  test('is detected as that layout and drafts the seven sections', () => {
    expect(table.layout).toBe(layout);
    expect(draft.sections.filter((s) => s.level === 1)).toHaveLength(7);
    expect(text).not.toMatch(/NaN|undefined|null|Infinity|\[object/);
  });

  test('names every indicator and traces every figure to the result', () => {
    for (const ind of table.indicators) expect(text).toContain(ind.name.trim());
    expectTraceable(table, draft);
  });

  test('has placeholders only for what the table cannot know', () => {
    const hints = draftPlaceholders(draft).map((p) => p.hint);
    const unexpected = hints.filter((h) => !ALWAYS_UNKNOWN.test(h) && !/结余|超预算|未达要求|未完成|未全部支出|更正自评表|按完成档次|超额完成/.test(h));
    expect(unexpected).toEqual([]);
    expect(hints.filter((h) => DATA_MISSING.test(h))).toEqual([]);
  });
});

describe('placeholders where data is absent', () => {
  test('an empty target and actual are marked 自评表未填写 on that indicator, and nowhere else', () => {
    const inds = patchIndicators({ 1: { target: null, actual: null } });
    const table = only(evaluate(toGrid(nationalTable({ indicators: inds }))));
    const draft = draftReport(table, NATIONAL_PROFILE);
    const missing = draftPlaceholders(draft).filter((p) => DATA_MISSING.test(p.hint));
    expect(missing.length).toBe(2);
    const line = draftToPlainText(draft)
      .split('\n')
      .find((l) => l.includes(table.indicators[1].name));
    expect(line).toMatch(/年度指标值为【请补充：自评表未填写年度指标值】.*实际完成值为【请补充：自评表未填写实际完成值】/);
  });

  test('a table without its project name asks for it instead of inventing one', () => {
    const table = only(evaluate(toGrid(nationalTable({ name: '' }))));
    const draft = draftReport(table, NATIONAL_PROFILE);
    expect(draft.cover.project.map((r) => r.text).join('')).toBe('【请补充：项目名称】');
    expect(draftToPlainText(draft)).toMatch(/^项目绩效自评报告\n/);
  });
});
