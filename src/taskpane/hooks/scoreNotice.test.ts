import { seedResult, seedTable } from '../testing/sampleResult';
import { scoreNotice } from './useActions';

const out = (result: ReturnType<typeof seedResult>, changed = 15) => ({ result, plan: { writes: [], marks: [] }, changed, syncs: 3 });

describe('scoreNotice', () => {
  it('is a warning while an open error holds the total back', () => {
    expect(scoreNotice(out(seedResult()))).toMatchObject({ intent: 'warning', text: expect.stringContaining('已写回 15 个单元格；还有 1 个错误，总分和等级未写入') });
  });
  it('counts only open errors: a corrected one does not hold anything back', () => {
    const t = seedTable({ grade: '优' });
    t.issues = t.issues.map((i) => ({ ...i, status: 'corrected' as const }));
    expect(scoreNotice(out(seedResult({ tables: [t] })))).toMatchObject({ intent: 'success', title: '评分完成' });
  });
  it('says when nothing changed, and when there is no table', () => {
    expect(scoreNotice(out(seedResult({ tables: [seedTable({ issues: [] })] }), 0)).intent).toBe('info');
    expect(scoreNotice(out(seedResult({ tables: [] }))).title).toBe('没有可评分的表格');
  });
});
