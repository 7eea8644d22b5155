/**
 * The report draft as a sheet (SheetSpec), its name, and the regeneration rule: a draft the user has
 * not edited is replaced; an edited one is kept and a new sheet is made. Edits are detected by a
 * fingerprint of the generated text written into the sheet itself, so it survives save and reopen.
 */
import { fromA1, type Grid } from '../grid';
import type { TableResult } from '../result';
import type { SheetSpec, SpecCell, SpecMerge } from '../sheetSpec';
import { displayWidth, formatFigureValue } from './format';
import { hasPlaceholder, runsText, type ReportDraft } from './model';

export const REPORT_SHEET_BASE = '绩效自评报告';
/** Highlight for paragraphs the user must complete (Word's yellow highlight, same in the sheet). */
export const PLACEHOLDER_FILL = '#FFFF00';
export const HEADING_FILL = '#DDEBF7';
/** The footer line carries the fingerprint after this marker. */
export const FINGERPRINT_MARK = '校验码 ';

const MAX_SHEET_NAME = 31;
const COLUMNS = 8;
const COLUMN_WIDTH = 11;
const LAST_COL = 'H';
const BODY_FONT = '仿宋';
const HEADING_FONT = '黑体';
const BODY_SIZE = 11;
/** Points per wrapped line at 11 pt, and the usable half-width characters per line of A:H. */
const LINE_HEIGHT = 15;
const CHARS_PER_LINE = Math.floor(COLUMNS * COLUMN_WIDTH * 0.92);

/** 32-bit FNV-1a over UTF-16 code units, as 8 hex digits: small, pure, stable across hosts. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Excel refuses these in sheet names. */
export function sanitizeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').replace(/\s+/g, ' ').trim();
}

function clip(name: string, max: number): string {
  return [...name].slice(0, max).join('').trim();
}

/**
 * Report sheet names, one per table, in the tables' order: 绩效自评报告 for one table;
 * 绩效自评报告 - <sheet> (with the table's first cell when a sheet holds several) for more.
 */
export function reportSheetNames(tables: Pick<TableResult, 'sheet' | 'range'>[]): string[] {
  if (tables.length <= 1) return tables.map(() => REPORT_SHEET_BASE);
  const count = new Map<string, number>();
  for (const t of tables) count.set(t.sheet, (count.get(t.sheet) ?? 0) + 1);
  return tables.map((t) => {
    const label = (count.get(t.sheet) ?? 0) > 1 ? `${t.sheet} ${t.range.split(':')[0]}` : t.sheet;
    return clip(sanitizeSheetName(`${REPORT_SHEET_BASE} - ${label}`), MAX_SHEET_NAME);
  });
}

/** The values a fingerprint covers, in row-major order: literal cells only (formulas differ by host). */
function fingerprintOf(values: { row: number; col: number; text: string }[]): string {
  const sorted = values.filter((v) => v.text !== '' && !v.text.includes(FINGERPRINT_MARK)).sort((a, b) => a.row - b.row || a.col - b.col);
  return fnv1a(sorted.map((v) => `${v.row},${v.col}=${v.text}`).join('\u0001'));
}

function specFingerprint(cells: SpecCell[]): string {
  return fingerprintOf(
    cells.filter((c) => c.formula === undefined && c.value !== undefined && c.value !== null).map((c) => ({ ...fromA1(c.address), text: String(c.value) })),
  );
}

/** Fingerprint of a sheet as read back (literal cells, the fingerprint line excluded). */
export function gridFingerprint(grid: Grid): string {
  const values: { row: number; col: number; text: string }[] = [];
  grid.cells.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell || cell.formula !== undefined || cell.value === null || typeof cell.value === 'object') return;
      values.push({ row: r, col: c, text: String(cell.value) });
    }),
  );
  return fingerprintOf(values);
}

/** The fingerprint a generated sheet recorded about itself, or null when the sheet is not ours. */
export function storedFingerprint(grid: Grid): string | null {
  for (const row of grid.cells) {
    for (const cell of row ?? []) {
      if (cell && typeof cell.value === 'string') {
        const m = new RegExp(`${FINGERPRINT_MARK}([0-9a-f]{8})`).exec(cell.value);
        if (m) return m[1];
      }
    }
  }
  return null;
}

/** Whether a sheet is a generated draft that nobody has edited since. */
export function isUneditedDraft(grid: Grid): boolean {
  const stored = storedFingerprint(grid);
  return stored !== null && stored === gridFingerprint(grid);
}

export type ReportTarget = { replace: string } | { create: string };

/**
 * Where to write a report named `base`: over an unedited earlier draft of that name (or of one of its
 * numbered copies), else under the first free name "base", "base (2)", … — never over user edits
 * or over a sheet of the user's that happens to have the name.
 */
export function decideReportTarget(existingSheets: { name: string; grid: Grid }[], base: string): ReportTarget {
  const safeBase = clip(sanitizeSheetName(base), MAX_SHEET_NAME) || REPORT_SHEET_BASE;
  const nameFor = (n: number) => (n === 1 ? safeBase : `${clip(safeBase, MAX_SHEET_NAME - ` (${n})`.length)} (${n})`);
  const byName = new Map(existingSheets.map((s) => [s.name.toLowerCase(), s]));
  for (let n = 1; n <= existingSheets.length + 1; n++) {
    const s = byName.get(nameFor(n).toLowerCase());
    if (s && isUneditedDraft(s.grid)) return { replace: s.name };
  }
  for (let n = 1; ; n++) if (!byName.has(nameFor(n).toLowerCase())) return { create: nameFor(n) };
}

/** Estimated height of a wrapped paragraph across A:H (merged cells do not grow by themselves). */
function paragraphHeight(text: string, size = BODY_SIZE): number {
  const perLine = Math.max(10, Math.floor((CHARS_PER_LINE * BODY_SIZE) / size));
  const lines = Math.max(1, Math.ceil(displayWidth(text) / perLine));
  return Math.ceil(lines * LINE_HEIGHT * (size / BODY_SIZE) + 4);
}

/** The draft as a printable A4 sheet with a block of 一级 weights against scores and its chart. */
export function reportSheetSpec(draft: ReportDraft, table: TableResult, name: string): SheetSpec {
  const cells: SpecCell[] = [];
  const merges: SpecMerge[] = [];
  const rowHeights: Record<number, number> = {};
  let row = 0;
  const line = (text: string, style: Omit<SpecMerge, 'range'>, height: number) => {
    row++;
    const address = `A${row}`;
    cells.push({ address, value: text });
    merges.push({ range: `A${row}:${LAST_COL}${row}`, wrap: true, vertical: 'top', fontName: BODY_FONT, fontSize: BODY_SIZE, ...style });
    rowHeights[row] = height;
  };
  const blank = () => {
    row++;
    rowHeights[row] = 8;
  };

  line(runsText(draft.title), { bold: true, fontSize: 16, fontName: HEADING_FONT, horizontal: 'center', vertical: 'middle' }, 30);
  if (draft.subtitle.length) line(runsText(draft.subtitle), { horizontal: 'center', fontSize: 12 }, 20);
  blank();
  for (const s of draft.sections) {
    if (s.level === 1) line(s.heading, { bold: true, fontName: HEADING_FONT, fontSize: 13, fill: HEADING_FILL }, 22);
    else line(s.heading, { bold: true, fontName: '楷体', fontSize: 12 }, 19);
    for (const p of s.paragraphs) {
      const text = runsText(p.runs);
      line(text, hasPlaceholder(p) ? { fill: PLACEHOLDER_FILL } : {}, paragraphHeight(text));
    }
  }

  // 一级 weights against scores: the numbers the chart draws, readable on their own where charts are not.
  const groups = table.groups ?? [];
  const charts: SheetSpec['charts'] = [];
  if (groups.length) {
    blank();
    line('附：一级指标分值与得分', { bold: true, fontName: HEADING_FONT, fontSize: 12 }, 20);
    const header = ++row;
    const headerStyle = { bold: true, border: true, horizontal: 'center' as const, fill: HEADING_FILL, fontName: BODY_FONT, fontSize: BODY_SIZE };
    cells.push({ address: `A${header}`, value: '一级指标', ...headerStyle }, { address: `B${header}`, value: '分值', ...headerStyle }, { address: `C${header}`, value: '得分', ...headerStyle });
    cells.push({ address: `D${header}`, value: '得分率', ...headerStyle });
    merges.push({ range: `D${header}:${LAST_COL}${header}`, ...headerStyle });
    for (const g of groups) {
      const r = ++row;
      const style = { border: true, fontName: BODY_FONT, fontSize: BODY_SIZE };
      const num = (v: number | null) => (v === null ? null : Number(formatFigureValue(v, 'score', draft.numberStyle)));
      cells.push({ address: `A${r}`, value: g.label.replace(/[（(]\s*[\d.]+\s*分?\s*[)）]\s*$/, '').trim(), ...style });
      cells.push({ address: `B${r}`, value: num(g.weight), numberFormat: '0.##', horizontal: 'right', ...style });
      cells.push({ address: `C${r}`, value: num(g.score), numberFormat: '0.##', horizontal: 'right', ...style });
      // An in-cell bar, so the comparison shows even where no chart can be drawn (exceljs).
      cells.push({ address: `D${r}`, formula: `IF(AND(ISNUMBER(C${r}),B${r}>0),REPT("■",ROUND(C${r}/B${r}*20,0))&" "&TEXT(C${r}/B${r},"0%"),"")`, fontColor: '#2F5597', ...style });
      merges.push({ range: `D${r}:${LAST_COL}${r}`, border: true });
    }
    const last = row;
    charts.push({ type: 'clusteredColumn', title: '一级指标分值与得分', dataRange: `A${header}:C${last}`, from: `A${last + 2}`, to: `${LAST_COL}${last + 17}` });
    row = last + 18;
  }

  blank();
  const provisional = `本表由绩效自评助手根据“${table.sheet}”生成。未经修改时重新生成将直接更新本表；修改后重新生成将另建新表，不会覆盖您的修改。`;
  const fingerprint = specFingerprint(cells);
  line(`${provisional}${FINGERPRINT_MARK}${fingerprint}`, { fontSize: 9, fontColor: '#808080' }, paragraphHeight(provisional, 9));

  return {
    name,
    cells,
    merges,
    columnWidths: Array.from({ length: COLUMNS }, () => COLUMN_WIDTH),
    rowHeights,
    charts,
    print: {
      paper: 'A4',
      orientation: 'portrait',
      fitToWidth: true,
      // 公文 margins (GB/T 9704): top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
      margins: { top: 1.46, bottom: 1.38, left: 1.1, right: 1.02 },
    },
    tabColor: '#2F5597',
  };
}
