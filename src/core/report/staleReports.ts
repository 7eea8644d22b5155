/**
 * After 撤销评分 the report sheets drafted from the scored numbers no longer match the table. Which sheets
 * those are, and what "mark as stale" renames them to, is decided here for every host: a sheet is ours
 * when it carries the fingerprint line generation writes (storedFingerprint); one the user edited since
 * is still named, so the front end only offers to mark it, never to delete it.
 */
import type { Grid } from '../grid';
import { MAX_SHEET_NAME, clip, isUneditedDraft, storedFingerprint } from './reportSheet';

export interface GeneratedSheet {
  name: string;
  /** The user changed it after it was generated: deleting it would lose their text. */
  edited: boolean;
}

/** The suffix a stale report sheet gets, so nobody submits it by mistake. */
export const STALE_SUFFIX = '（已过期）';

/** Report and 填报问题清单 sheets this tool generated, not already marked stale, in workbook order. */
export function generatedSheets(grids: Grid[]): GeneratedSheet[] {
  return grids
    .filter((g) => !g.hidden && !g.name.endsWith(STALE_SUFFIX) && storedFingerprint(g) !== null)
    .map((g) => ({ name: g.name, edited: !isUneditedDraft(g) }));
}

/**
 * The name a stale sheet is renamed to: its name plus （已过期）, clipped to Excel's 31 characters, made unique
 * against `taken` (every sheet name of the workbook) with " (2)", " (3)" …
 */
export function staleSheetName(name: string, taken: string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const tail = n === 1 ? STALE_SUFFIX : `${STALE_SUFFIX} (${n})`;
    const candidate = `${clip(name, MAX_SHEET_NAME - [...tail].length)}${tail}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** A stale report's tab colour (Excel's grey), so it stands apart from the live sheets. */
export const STALE_TAB_COLOR = '#A6A6A6';

/** What the user is told after deleting or marking them: `done` are the sheets acted on (new names when marked). */
export function retiredMessage(done: string[], how: 'delete' | 'mark'): string {
  if (!done.length) return '报告工作表已不在，未作改动。';
  const list = done.map((n) => `“${n}”`).join('');
  return how === 'delete' ? `已删除${list}。` : `已标为过期：${list}。重新评分后可再点“生成报告”。`;
}

/** What the notice after an undo says of them (Chinese), or null when there are none. */
export function staleReportText(sheets: GeneratedSheet[]): string | null {
  if (!sheets.length) return null;
  const names = sheets.map((s) => `“${s.name}”`).join('');
  const edited = sheets.some((s) => s.edited);
  return `工作表${names}是按撤销前的评分生成的，数字已与自评表不符。${edited ? '其中有您改过的内容，只能标为已过期；' : ''}可删除，或标为“已过期”后重新生成报告。`;
}
