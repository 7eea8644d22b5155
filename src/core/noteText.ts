/**
 * How our issue notes share a cell's note with the user's own text. Pure string logic (no exceljs,
 * no Node), so the Office.js applier can produce byte-identical notes and the parity test can compare.
 */
import { NOTE_PREFIX, type CellMark } from './writePlan';

/** Our note for a mark: the prefix, then every message of the cell, one per line. */
export function ourNoteText(mark: Pick<CellMark, 'note'>): string {
  const body = mark.note.trim();
  return body.startsWith(NOTE_PREFIX) ? body : `${NOTE_PREFIX}${body}`;
}

/**
 * Where our part of a note starts: our prefix at the start of the note or of a line (we always
 * append on a new line), so a user's sentence that merely mentions the prefix stays theirs. -1 if none.
 */
export function ourPartStart(text: string): number {
  if (text.startsWith(NOTE_PREFIX)) return 0;
  const i = text.indexOf(`\n${NOTE_PREFIX}`);
  return i < 0 ? -1 : i + 1;
}

/** Splits a note into the user's part and ours (everything from our prefix on). */
export function splitNote(text: string | null | undefined): { user: string; ours: string | null } {
  if (!text) return { user: '', ours: null };
  const i = ourPartStart(text);
  if (i < 0) return { user: text, ours: null };
  return { user: text.slice(0, i).replace(/\s+$/, ''), ours: text.slice(i) };
}

/** The note a cell should carry: the user's text kept first, ours appended; null when nothing is left. */
export function composeNote(existing: string | null | undefined, ours: string | null): string | null {
  const { user } = splitNote(existing);
  if (ours === null) return user === '' ? null : user;
  return user === '' ? ours : `${user}\n${ours}`;
}
