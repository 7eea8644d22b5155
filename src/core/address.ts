/** A1 addresses and rectangles, sheet-qualified as Office.js prints and accepts them: the one parser every host uses. */
import { rectFromA1 } from './grid';

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "'My Sheet'!A1:B2" → { sheet: 'My Sheet', a1: 'A1:B2' }; no sheet prefix → sheet ''. */
export function splitAddress(address: string): { sheet: string; a1: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: '', a1: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, a1: address.slice(bang + 1) };
}

/** "A1:B2", "A:C", "3:5" (with or without sheet) → inclusive 0-based rectangle (grid.ts's rectFromA1). */
export function rectOf(address: string): Rect {
  return rectFromA1(splitAddress(address).a1);
}

/** Quotes a sheet name for a qualified address ("'自评 表'!A1"); quoting is always accepted by Excel. */
export function qualified(sheet: string, a1: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${a1}`;
}

/** Splits a RangeAreas address ("S!A1:B2, S!C3") into its areas, ignoring commas inside quoted names. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

export const cellKey = (sheet: string, address: string): string => `${sheet}!${address.replace(/\$/g, '').toUpperCase()}`;
