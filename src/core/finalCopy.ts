/**
 * 清除标记（定稿）: the copy a unit submits carries the values only — none of the add-in's fills, notes or
 * backup. Which cells to clean, and to what, is decided here for every host.
 */
import { composeNote, splitNote } from './noteText';
import { OUR_FILLS } from './writePlan';

export interface MarkedCell {
  sheet: string;
  address: string;
  fill: string | null;
  note: string | null;
}

export interface CleanCell {
  sheet: string;
  address: string;
  /** Present when the fill changes: the fill the cell had before our mark (null: none). */
  fill?: string | null;
  /** Present when the note changes: the user's own part, or null when nothing is left. */
  note?: string | null;
}

const ours = new Set(OUR_FILLS.map((f) => f.toUpperCase()));

/**
 * `fillBefore`: the fill a cell had before a scoring marked it, as the backup recorded it ("sheet!A1" keys);
 * a fill of ours with no record goes back to none. The user's own fills and note text stay.
 */
export function cleanCells(cells: MarkedCell[], fillBefore: Map<string, string | null> = new Map()): CleanCell[] {
  const out: CleanCell[] = [];
  for (const c of cells) {
    const clean: CleanCell = { sheet: c.sheet, address: c.address };
    if (c.fill && ours.has(c.fill.toUpperCase())) {
      const before = fillBefore.get(`${c.sheet}!${c.address}`) ?? null;
      clean.fill = before && ours.has(before.toUpperCase()) ? null : before;
    }
    if (splitNote(c.note).ours !== null) clean.note = composeNote(c.note, null);
    if ('fill' in clean || 'note' in clean) out.push(clean);
  }
  return out;
}
