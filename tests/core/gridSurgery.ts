/**
 * Grid surgery for property tests: the edits a user makes around a table (shift it, insert or delete rows
 * and columns, retype cells), applied to a Grid with its merges kept consistent.
 */
import type { Cell, Grid, Merge } from '../../src/core/grid';

export const cloneGrid = (g: Grid): Grid => ({ ...g, cells: g.cells.map((r) => (r ? [...r] : r)), merges: g.merges.map((m) => ({ ...m })) });

export function shiftGrid(g: Grid, dr: number, dc: number): Grid {
  const cells: (Cell | undefined)[][] = [];
  g.cells.forEach((row, r) => {
    if (!row) return;
    const out: (Cell | undefined)[] = [];
    row.forEach((c, k) => (out[k + dc] = c));
    cells[r + dr] = out;
  });
  return { ...g, cells, merges: g.merges.map((m) => ({ top: m.top + dr, bottom: m.bottom + dr, left: m.left + dc, right: m.right + dc })) };
}

export function deleteRow(g: Grid, r: number): Grid {
  const cells = [...g.cells];
  cells.splice(r, 1);
  const merges: Merge[] = [];
  for (const m of g.merges) {
    if (m.top === r && m.bottom === r) continue;
    const top = m.top > r ? m.top - 1 : m.top;
    const bottom = m.bottom >= r ? m.bottom - 1 : m.bottom;
    merges.push({ ...m, top, bottom });
  }
  return { ...g, cells, merges };
}

export function insertRow(g: Grid, r: number): Grid {
  const cells = [...g.cells];
  cells.splice(r, 0, []);
  return { ...g, cells, merges: g.merges.map((m) => ({ ...m, top: m.top >= r ? m.top + 1 : m.top, bottom: m.bottom >= r ? m.bottom + 1 : m.bottom })) };
}

export function insertCol(g: Grid, c: number): Grid {
  const cells = g.cells.map((row) => {
    if (!row) return row;
    const out = [...row];
    if (out.length > c) out.splice(c, 0, undefined);
    return out;
  });
  return { ...g, cells, merges: g.merges.map((m) => ({ ...m, left: m.left >= c ? m.left + 1 : m.left, right: m.right >= c ? m.right + 1 : m.right })) };
}

export function mapCells(g: Grid, f: (c: Cell, r: number, k: number) => Cell): Grid {
  const out = cloneGrid(g);
  out.cells.forEach((row, r) => row?.forEach((c, k) => { if (c) row[k] = f(c, r, k); }));
  return out;
}

/** `b` placed beside `a`, `gap` empty columns right of `a`'s widest row (tables side by side on one sheet). */
export function besideGrid(a: Grid, b: Grid, gap: number): Grid {
  let width = 0;
  for (let r = 0; r < a.cells.length; r++) width = Math.max(width, a.cells[r]?.length ?? 0);
  const right = shiftGrid(b, 0, width + gap);
  const cells: (Cell | undefined)[][] = [];
  for (let r = 0; r < Math.max(a.cells.length, right.cells.length); r++) {
    const row: (Cell | undefined)[] = [...(a.cells[r] ?? [])];
    (right.cells[r] ?? []).forEach((c, k) => { if (c !== undefined) row[k] = c; });
    cells[r] = row;
  }
  return { ...a, cells, merges: [...a.merges, ...right.merges] };
}

/** `b` placed below `a`, `gap` empty rows under `a`'s last row (tables stacked on one sheet). */
export function belowGrid(a: Grid, b: Grid, gap: number): Grid {
  const below = shiftGrid(b, a.cells.length + gap, 0);
  const cells = [...a.cells];
  below.cells.forEach((row, r) => { if (row) cells[r] = row; });
  for (let r = 0; r < cells.length; r++) cells[r] ??= [];
  return { ...a, cells, merges: [...a.merges, ...below.merges] };
}
