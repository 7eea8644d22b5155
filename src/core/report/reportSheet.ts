/**
 * The report draft as a sheet (SheetSpec), its name, and the regeneration rule: a draft the user has
 * not edited is replaced; an edited one is kept and a new sheet is made. Edits are detected by a
 * fingerprint of the generated text written into the sheet itself, so it survives save and reopen.
 */
import { fromA1, type Grid } from '../grid';
import type { TableResult } from '../result';
import type { SheetSpec, SpecCell, SpecMerge } from '../sheetSpec';
import { displayWidth, formatFigureValue } from './format';
import { FINDINGS_TITLE, hasPlaceholder, runsText, type ReportDraft, type ScoreRow } from './model';

export const REPORT_SHEET_BASE = '绩效自评报告';
/** Highlight for paragraphs the user must complete (Word's yellow highlight, same in the sheet). */
export const PLACEHOLDER_FILL = '#FFFF00';
export const HEADING_FILL = '#DDEBF7';
/** The footer line carries the fingerprint after this marker. */
export const FINGERPRINT_MARK = '校验码 ';

export const MAX_SHEET_NAME = 31;
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

export function clip(name: string, max: number): string {
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
  // Every sheet of every workbook is asked this before detection: a cheap substring test per cell, the
  // pattern only where the mark occurs.
  // Indexed loops: this runs on every sheet before anything is known about it, mostly not yet optimised.
  const rows = grid.cells;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c]?.value;
      // Shorter than the mark and its code, a text cannot hold them: most cells are ruled out without a search.
      if (typeof v === 'string' && v.length >= FINGERPRINT_LENGTH && v.includes(FINGERPRINT_MARK)) {
        const m = FINGERPRINT_PATTERN.exec(v);
        if (m) return m[1];
      }
    }
  }
  return null;
}

const FINGERPRINT_PATTERN = new RegExp(`${FINGERPRINT_MARK}([0-9a-f]{8})`);
/** The length of the shortest text FINGERPRINT_PATTERN matches. */
const FINGERPRINT_LENGTH = FINGERPRINT_MARK.length + 8;

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
  // Excel caps a row at 409 points: a longer paragraph is split before it gets here.
  return Math.min(MAX_ROW_POINTS, Math.ceil(lines * LINE_HEIGHT * (size / BODY_SIZE) + 4));
}

/** Excel's limit for one cell's text. */
export const MAX_CELL_CHARS = 32767;
const MAX_ROW_POINTS = 409;
/** A paragraph longer than fits one row (409 pt) is split into rows at sentence ends. */
const MAX_ROW_CHARS = Math.floor(((MAX_ROW_POINTS - 4) / LINE_HEIGHT) * CHARS_PER_LINE / 2);

/** A paragraph as rows: at most MAX_ROW_CHARS each (so also never above Excel's 32,767), cut after a sentence. */
export function splitForCells(text: string, max = MAX_ROW_CHARS): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const head = rest.slice(0, max);
    const cut = Math.max(head.lastIndexOf('。'), head.lastIndexOf('；'), head.lastIndexOf('，'));
    const at = cut > max / 2 ? cut + 1 : max;
    out.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  out.push(rest);
  return out;
}

export interface ReportSheetOptions {
  /** Whether the host draws charts (Office.js does, exceljs does not): no rows are kept for a chart that will not come. */
  charts?: boolean;
}

/** Column letters of the score table (附表) across A:H. */
const SCORE_COLUMNS: { key: keyof ScoreRow; title: string; from: string; to: string }[] = [
  { key: 'level1', title: '一级指标', from: 'A', to: 'A' },
  { key: 'level2', title: '二级指标', from: 'B', to: 'B' },
  // Not "三级指标": a header row with 三级指标, 指标值 and 分值 is what detection takes for a 自评表.
  { key: 'name', title: '指标名称', from: 'C', to: 'D' },
  { key: 'target', title: '年度指标值', from: 'E', to: 'E' },
  { key: 'actual', title: '实际完成值', from: 'F', to: 'F' },
  { key: 'weight', title: '分值', from: 'G', to: 'G' },
  { key: 'score', title: '得分', from: 'H', to: 'H' },
];

/**
 * The draft as a printable A4 sheet: title, body and the unit's signature across the merged width A:H,
 * the footer line right after the text, then the 指标评分表 (附表) and, where the host draws charts,
 * the 一级 weights against scores with their chart.
 */
export function reportSheetSpec(draft: ReportDraft, table: TableResult, name: string, options: ReportSheetOptions = {}): SheetSpec {
  const cells: SpecCell[] = [];
  const merges: SpecMerge[] = [];
  const rowHeights: Record<number, number> = {};
  let row = 0;
  const line = (text: string, style: Omit<SpecMerge, 'range'>, height?: number) => {
    for (const piece of splitForCells(text)) {
      row++;
      const address = `A${row}`;
      cells.push({ address, value: piece });
      merges.push({ range: `A${row}:${LAST_COL}${row}`, wrap: true, vertical: 'top', fontName: BODY_FONT, fontSize: BODY_SIZE, ...style });
      rowHeights[row] = height ?? paragraphHeight(piece, style.fontSize ?? BODY_SIZE);
    }
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
    for (const p of s.paragraphs) line(runsText(p.runs), hasPlaceholder(p) ? { fill: PLACEHOLDER_FILL } : {});
  }
  blank();
  line(runsText(draft.signature.unit), { horizontal: 'right', ...(hasPlaceholder(draft.signature.unit) ? { fill: PLACEHOLDER_FILL } : {}) }, 20);
  line(runsText(draft.signature.date), { horizontal: 'right', ...(hasPlaceholder(draft.signature.date) ? { fill: PLACEHOLDER_FILL } : {}) }, 20);
  const footerRow = row + 2;
  row = footerRow;

  // 附表：指标评分表, the figures of 四（二） in one table.
  const headerStyle = { bold: true, border: true, horizontal: 'center' as const, vertical: 'middle' as const, wrap: true, fill: HEADING_FILL, fontName: BODY_FONT, fontSize: 10 };
  const bodyStyle = { border: true, wrap: true, vertical: 'middle' as const, fontName: BODY_FONT, fontSize: 10 };
  blank();
  line('指标评分表', { bold: true, fontName: HEADING_FONT, fontSize: 12 }, 20);
  const tableRow = (values: Record<string, string>, style: typeof bodyStyle | typeof headerStyle) => {
    row++;
    let tallest = 1;
    for (const c of SCORE_COLUMNS) {
      const text = values[c.key] ?? '';
      // Text as shown ("100%", "≥95%"): formatted as text so no host turns it into a number.
      // An empty cell gets no value (hosts differ on an empty string: exceljs keeps "", Office reads null).
      cells.push({ address: `${c.from}${row}`, ...(text ? { value: text } : {}), ...style, numberFormat: '@' });
      if (c.to !== c.from) merges.push({ range: `${c.from}${row}:${c.to}${row}`, ...style });
      const span = c.to.charCodeAt(0) - c.from.charCodeAt(0) + 1;
      tallest = Math.max(tallest, Math.ceil(displayWidth(text) / Math.max(1, span * COLUMN_WIDTH - 1)));
    }
    rowHeights[row] = Math.min(MAX_ROW_POINTS, tallest * 14 + 4);
  };
  tableRow(Object.fromEntries(SCORE_COLUMNS.map((c) => [c.key, c.title])), headerStyle);
  for (const r of draft.scoreTable) tableRow({ ...r }, bodyStyle);

  // 一级 weights against scores and their chart: only where the host draws charts.
  const groups = table.groups;
  const charts: SheetSpec['charts'] = [];
  if (options.charts !== false && groups.length) {
    blank();
    line('附：一级指标分值与得分', { bold: true, fontName: HEADING_FONT, fontSize: 12 }, 20);
    const header = ++row;
    const style = { border: true, fontName: BODY_FONT, fontSize: BODY_SIZE };
    cells.push({ address: `A${header}`, value: '一级指标', ...headerStyle }, { address: `B${header}`, value: '分值', ...headerStyle }, { address: `C${header}`, value: '得分', ...headerStyle });
    for (const g of groups) {
      const r = ++row;
      const num = (v: number | null) => (v === null ? null : Number(formatFigureValue(v, 'score', draft.numberStyle)));
      cells.push({ address: `A${r}`, value: g.label.replace(/[（(]\s*[\d.]+\s*分?\s*[)）]\s*$/, '').trim(), ...style });
      cells.push({ address: `B${r}`, value: num(g.weight), numberFormat: '0.##', horizontal: 'right', ...style });
      cells.push({ address: `C${r}`, value: num(g.score), numberFormat: '0.##', horizontal: 'right', ...style });
    }
    const last = row;
    charts.push({ type: 'clusteredColumn', title: '一级指标分值与得分', dataRange: `A${header}:C${last}`, from: `A${last + 2}`, to: `${LAST_COL}${last + 17}` });
    row = last + 18;
  }

  // The footer sits right after the signature, on the last page of text.
  const provisional = `本表由绩效自评助手根据“${table.sheet}”生成，请逐项补充【】中的内容。未经修改时重新生成将直接更新本表；修改后重新生成将另建新表，不会覆盖您的修改。`;
  const fingerprint = specFingerprint(cells);
  cells.push({ address: `A${footerRow}`, value: `${provisional}${FINGERPRINT_MARK}${fingerprint}` });
  merges.push({ range: `A${footerRow}:${LAST_COL}${footerRow}`, wrap: true, vertical: 'top', fontName: BODY_FONT, fontSize: 9, fontColor: '#808080' });
  rowHeights[footerRow] = paragraphHeight(provisional, 9);
  rowHeights[footerRow - 1] = 8;

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

/** The 填报问题清单 sheet's name beside a report sheet named `reportName`. */
export function findingsSheetName(reportName: string): string {
  return clip(sanitizeSheetName(reportName.replace(REPORT_SHEET_BASE, FINDINGS_TITLE)), MAX_SHEET_NAME);
}

/**
 * The 填报问题清单 as its own sheet beside the report: what to correct in the 自评表, one row per
 * finding (位置, 类别, 问题及更正方法). Never part of the report; delete it once the table is corrected.
 */
export function findingsSheetSpec(draft: ReportDraft, name: string): SheetSpec {
  const cells: SpecCell[] = [];
  const merges: SpecMerge[] = [];
  const rowHeights: Record<number, number> = {};
  const head = { bold: true, border: true, horizontal: 'center' as const, vertical: 'middle' as const, fill: HEADING_FILL, fontName: BODY_FONT, fontSize: 10 };
  const body = { border: true, wrap: true, vertical: 'top' as const, fontName: BODY_FONT, fontSize: 10 };
  cells.push({ address: 'A1', value: `${FINDINGS_TITLE}（${draft.sheet}）` });
  merges.push({ range: `A1:${LAST_COL}1`, bold: true, fontName: HEADING_FONT, fontSize: 14, horizontal: 'center', vertical: 'middle' });
  rowHeights[1] = 26;
  cells.push({ address: 'A2', value: '以下是对自评表的复核意见，供更正自评表时逐项核对，不属于绩效自评报告的内容。更正后请重新生成报告。' });
  merges.push({ range: `A2:${LAST_COL}2`, wrap: true, fontName: BODY_FONT, fontSize: 10, fontColor: '#404040' });
  rowHeights[2] = 30;
  cells.push({ address: 'A3', value: '序号', ...head }, { address: 'B3', value: '位置', ...head }, { address: 'C3', value: '类别', ...head }, { address: 'D3', value: '问题及更正方法', ...head });
  merges.push({ range: `D3:${LAST_COL}3`, ...head });
  let row = 3;
  if (!draft.findings.length) {
    row++;
    cells.push({ address: `A${row}`, value: '未发现须更正的填报问题。' });
    merges.push({ range: `A${row}:${LAST_COL}${row}`, ...body });
  }
  draft.findings.forEach((f, i) => {
    row++;
    const text = f.text.length > MAX_CELL_CHARS ? f.text.slice(0, MAX_CELL_CHARS) : f.text;
    cells.push({ address: `A${row}`, value: i + 1, ...body, horizontal: 'center' }, { address: `B${row}`, value: f.place, ...body }, { address: `C${row}`, value: `${f.level}\n${f.title}`, ...body, horizontal: 'center' });
    cells.push({ address: `D${row}`, value: text, ...body });
    merges.push({ range: `D${row}:${LAST_COL}${row}`, ...body });
    rowHeights[row] = Math.min(MAX_ROW_POINTS, Math.ceil(displayWidth(text) / (5 * COLUMN_WIDTH - 2)) * 14 + 6);
  });
  // The same fingerprint as the report sheet's: regenerating replaces an unedited list, keeps an edited one.
  row += 2;
  const fingerprint = specFingerprint(cells);
  cells.push({ address: `A${row}`, value: `本清单由绩效自评助手根据“${draft.sheet}”生成。${FINGERPRINT_MARK}${fingerprint}` });
  merges.push({ range: `A${row}:${LAST_COL}${row}`, wrap: true, fontName: BODY_FONT, fontSize: 9, fontColor: '#808080' });
  return {
    name,
    cells,
    merges,
    columnWidths: [6, 14, 14, COLUMN_WIDTH, COLUMN_WIDTH, COLUMN_WIDTH, COLUMN_WIDTH, COLUMN_WIDTH],
    rowHeights,
    print: { paper: 'A4', orientation: 'portrait', fitToWidth: true, margins: { top: 1.0, bottom: 1.0, left: 0.8, right: 0.8 } },
    tabColor: '#C00000',
  };
}
