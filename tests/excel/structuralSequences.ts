/**
 * The workbooks and edits of the structural-undo sequences, shared by the Office run
 * (structuralUndo.test.ts) and the WPS run (tests/wps/sequences.test.ts), so both hosts are held to
 * the very same cases.
 */
import type { Grid } from '../../src/core/grid';
import type { FakeWorkbook } from '../../src/excel/testing/fakeExcel';
import { nationalTable, toGrid, type Ind } from '../core/helpers';

export type Edit = (wb: FakeWorkbook) => void;

/** The given grids with a 文号 line above the table (the first sheet's rows and merges one lower). */
export function withDocNumberLine(grids: Grid[]): Grid[] {
  grids[0].cells.unshift([{ value: '新政办〔2024〕1号', text: '新政办〔2024〕1号' }]);
  grids[0].merges = grids[0].merges.map((m) => ({ ...m, top: m.top + 1, bottom: m.bottom + 1 }));
  return grids;
}

/** The given grids with a column of 文号 left of the table (the first sheet's cells and merges one column right). */
export function withLeftColumn(grids: Grid[]): Grid[] {
  grids[0].cells = grids[0].cells.map((r, i) => (i === 0 ? [{ value: '附件1', text: '附件1' }, ...(r ?? [])] : [undefined, ...(r ?? [])]));
  grids[0].merges = grids[0].merges.map((m) => ({ ...m, left: m.left + 1, right: m.right + 1 }));
  return grids;
}

/** A row inserted inside the seed's table and a new indicator typed into it. */
export const addIndicator: Edit = (w) => {
  w.insertRows('自评表', 17, 1);
  for (const [a, v] of [['C17', '经济效益指标'], ['D17', '新增指标'], ['E17', '100%'], ['F17', '100%'], ['G17', 5]] as const) w.setCell('自评表', a, { value: v, text: String(v) });
};

/** A national table whose scores are wrong (so scoring writes them), levels not merged (so rows sort). */
export function sortableTable(name: string, scores: number[]): Grid[] {
  const inds: Ind[] = [
    { l1: '产出指标', l2: '数量指标', name: '热线来电受理量', target: '≥30万件', actual: '32.6万件', weight: 30, score: scores[0] },
    { l1: '产出指标', l2: '质量指标', name: '工单按时办结率', target: '≥95%', actual: '97.5%', weight: 30, score: scores[1] },
    { l1: '效益指标', l2: '社会效益指标', name: '群众诉求解决率', target: '≥90%', actual: '92%', weight: 20, score: scores[2] },
    { l1: '满意度指标', l2: '服务对象满意度指标', name: '来电群众满意度', target: '≥90%', actual: '96.5%', weight: 10, score: scores[3] },
  ];
  const b = nationalTable({ name, indicators: inds, mergeLevels: false, total: [100, 80] });
  // Column A's 绩效指标 label merged down the indicator rows would make Excel refuse the sort: unmerged here.
  b.merges = b.merges.filter((m) => !/^A1[0-9]:A/.test(m) || m.split(':')[0].slice(1) === m.split(':')[1].slice(1));
  return [toGrid(b)];
}

/** The edit that reverses the four indicator rows of a sortableTable. */
export function reverseIndicators(grids: Grid[]): Edit {
  const first = grids[0].cells.map((r) => r?.[3]?.text).indexOf('热线来电受理量') + 1;
  return (w) => w.sortRows('自评表', first, first + 3, [first + 3, first + 2, first + 1, first]);
}
