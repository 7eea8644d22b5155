/**
 * Test helper: copies the seed's values (tests/fixtures/xincheng-12345-2023.xlsx) into a template
 * workbook, found by the seed's own labels, so the round trip compares against the real filled table.
 */
import type * as ExcelJS from 'exceljs';
import { cellAt, resolvedCell, type Cell, type Grid } from '../../src/core/grid';
import { templateAddresses, templateIndicatorRows, type TemplateLayout } from '../../src/core/template';

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

function find(grid: Grid, pred: (text: string) => boolean): { row: number; col: number } {
  for (let r = 0; r < grid.cells.length; r++) {
    const row = grid.cells[r] ?? [];
    for (let c = 0; c < row.length; c++) if (row[c] && pred(squash(row[c]!.text))) return { row: r, col: c };
  }
  throw new Error('label not found in seed');
}

/** The first non-empty cell right of a (possibly merged) label. */
function rightOf(grid: Grid, row: number, col: number): Cell {
  const m = grid.merges.find((x) => x.top <= row && row <= x.bottom && x.left <= col && col <= x.right);
  for (let c = (m ? m.right : col) + 1; c < 40; c++) if (cellAt(grid, row, c).text) return cellAt(grid, row, c);
  return { value: null, text: '' };
}

function put(ws: ExcelJS.Worksheet, address: string, cell: Cell): void {
  if (cell.value === null || cell.value === '') return;
  const target = ws.getCell(address);
  target.value = typeof cell.value === 'object' ? cell.text : cell.value;
  if (cell.numberFormat && cell.numberFormat !== 'General') target.numFmt = cell.numberFormat;
}

export interface FillReport {
  /** Seed indicator name → template row it went to. */
  placed: Map<string, number>;
}

export function fillFromSeed(seed: Grid, ws: ExcelJS.Worksheet, layout: TemplateLayout): FillReport {
  const A = templateAddresses(layout);

  // Header fields and goals.
  for (const [label, address] of [['项目名称', A.projectName], ['主管部门', A.department], ['实施单位', A.implementer]] as const) {
    const at = find(seed, (t) => t === label);
    put(ws, address, rightOf(seed, at.row, at.col));
  }
  const expected = find(seed, (t) => t.startsWith('预期目标'));
  put(ws, A.goalsExpected, cellAt(seed, expected.row + 1, expected.col));
  const actual = find(seed, (t) => t === '实际完成情况');
  put(ws, A.goalsActual, cellAt(seed, actual.row + 1, actual.col));

  // Funds: the seed's columns by header, its rows by label.
  const fh = find(seed, (t) => t.startsWith('全年预算数')).row;
  const fcol = (prefix: string) => find(seed, (t) => t.startsWith(prefix)).col;
  const cols = {
    initialBudget: fcol('年初预算数'),
    budget: fcol('全年预算数'),
    executed: fcol('全年执行数'),
    rate: fcol('执行率'),
    score: (seed.cells[fh] ?? []).findIndex((c) => c && squash(c.text) === '得分'),
  };
  const labels = ['年度资金总额', '其中:当年财政拨款', '上年结转资金', '其他资金'];
  labels.forEach((label, k) => {
    const row = find(seed, (t) => t === label).row;
    const target = A.funds[k];
    if (target.initialBudget) put(ws, target.initialBudget, cellAt(seed, row, cols.initialBudget));
    put(ws, target.budget, cellAt(seed, row, cols.budget));
    put(ws, target.executed, cellAt(seed, row, cols.executed));
    put(ws, target.rate, cellAt(seed, row, cols.rate));
    if (k === 0) put(ws, target.score, cellAt(seed, row, cols.score));
  });

  // Indicators: each seed row into the next free template row of its 二级.
  const header = find(seed, (t) => t === '三级指标').row;
  const hcol = (name: string) => (seed.cells[header] ?? []).findIndex((c) => c && squash(c.text) === name);
  const sc = {
    level2: hcol('二级指标'),
    name: hcol('三级指标'),
    target: hcol('年度指标值'),
    actual: hcol('实际完成值'),
    weight: hcol('分值'),
    score: hcol('得分'),
    deviation: (seed.cells[header] ?? []).findIndex((c) => c && squash(c.text).includes('偏差原因')),
  };
  const free = templateIndicatorRows();
  const placed = new Map<string, number>();
  const ic = A.indicatorColumns;
  let r = header + 1;
  for (; r < seed.cells.length; r++) {
    const name = resolvedCell(seed, r, sc.name).text;
    if (squash(cellAt(seed, r, 0).text) === '总分') break;
    if (!name) continue;
    const level2 = resolvedCell(seed, r, sc.level2).text;
    const slot = free.findIndex((f) => f.level2 === squash(level2));
    if (slot < 0) throw new Error(`no free template row for ${level2}`);
    const row = free.splice(slot, 1)[0].row;
    placed.set(name, row);
    put(ws, `${ic.name}${row}`, cellAt(seed, r, sc.name));
    put(ws, `${ic.target}${row}`, cellAt(seed, r, sc.target));
    put(ws, `${ic.actual}${row}`, cellAt(seed, r, sc.actual));
    put(ws, `${ic.weight}${row}`, cellAt(seed, r, sc.weight));
    put(ws, `${ic.score}${row}`, cellAt(seed, r, sc.score));
    put(ws, `${ic.deviation}${row}`, cellAt(seed, r, sc.deviation));
  }
  // The stated 总分 (the template's 分值合计 is a formula, left as it is).
  put(ws, A.total.score, cellAt(seed, r, sc.score));
  return { placed };
}
