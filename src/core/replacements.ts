/**
 * Which writes of a plan replace something the user typed — a text, a number that differs, a formula —
 * and so need the user's confirmation before 一键评分 writes them. Filling an empty output cell or
 * reformatting a value that stays the same needs none. The pane's preview, the ribbon command and the
 * tests all ask this one function.
 */
import { sameAt } from './decimal';
import type { RawValue } from './grid';
import type { CellSnapshot, CellWrite, WritePlan } from './writePlan';

export type ReplacementKind = 'text' | 'number' | 'formula';

export interface Replacement {
  sheet: string;
  address: string;
  kind: ReplacementKind;
  /** What the cell shows now ("满分", "66%", "6"). */
  before: string;
  /** What will be written, as the preview shows it. */
  after: string;
  write: CellWrite;
}

const isEmpty = (v: RawValue | undefined) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** What a write does to the cell as it is: nothing to confirm (null) or the kind of user input it replaces. */
export function replacementKind(current: CellSnapshot, write: Pick<CellWrite, 'value' | 'keepFormula'>): ReplacementKind | null {
  if (current.formula) return write.keepFormula ? null : 'formula';
  const v = current.value;
  if (isEmpty(v)) return null;
  if (typeof v === 'number' && typeof write.value === 'number') return sameAt(v, write.value, 9) ? null : 'number';
  if (typeof v === 'string' && typeof write.value === 'string' && v.trim() === write.value.trim()) return null;
  return typeof v === 'number' ? 'number' : 'text';
}

function shown(s: CellSnapshot): string {
  if (s.formula) return `=${s.formula}`;
  if (s.text !== undefined && s.text !== '') return s.text;
  return s.value === null || s.value === undefined ? '' : String(s.value);
}

function written(w: CellWrite): string {
  if (typeof w.value !== 'number') return w.value;
  if (w.numberFormat?.endsWith('%')) return `${Number((w.value * 100).toFixed(6))}%`;
  return String(w.value);
}

/**
 * The writes that replace user input. `current` gives the cell as it is now when the caller knows it
 * better than the plan's `previous` (a workbook scored before: the plan sees the user's original there).
 */
export function replacementsOf(plan: WritePlan, current?: (w: CellWrite) => CellSnapshot | undefined): Replacement[] {
  const out: Replacement[] = [];
  for (const w of plan.writes) {
    const now = current?.(w) ?? w.previous;
    const kind = replacementKind(now, w);
    if (kind) out.push({ sheet: w.sheet, address: w.address, kind, before: shown(now), after: written(w), write: w });
  }
  return out;
}

/** "将改写 17 个单元格，其中 1 个原为文字「满分」、1 个原为公式。" — the preview's headline. */
export function replacementSummary(list: Replacement[]): string {
  const texts = list.filter((r) => r.kind === 'text');
  const formulas = list.filter((r) => r.kind === 'formula');
  const parts: string[] = [];
  if (texts.length) parts.push(`${texts.length} 个原为文字${texts.slice(0, 3).map((r) => `「${r.before}」`).join('')}${texts.length > 3 ? '等' : ''}`);
  if (formulas.length) parts.push(`${formulas.length} 个原为公式`);
  return `将改写 ${list.length} 个单元格${parts.length ? `，其中 ${parts.join('、')}` : ''}。`;
}
