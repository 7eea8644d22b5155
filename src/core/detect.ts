/**
 * Finding self-evaluation tables by their labels: anywhere on a sheet, several per sheet, any
 * column order. The indicator header row (三级指标 … 分值/得分) anchors a table; the funds block,
 * goals, header fields and title are looked for above it, the indicator rows and 总分 below it.
 */
import { cellAt, mergeAt as gridMergeAt, rowCount, colCount, type Cell, type Grid, type Merge } from './grid';
import {
  DEPARTMENT_NAME,
  FUNDS_COLUMNS,
  INDICATOR_COLUMNS,
  LABELS,
  MONITORING_HEADER,
  classifyLayout,
  declaredMoneyUnit,
  headerWeight,
  isExecutionIndicator,
  matchRole,
  OTHER_TABLE_KINDS,
  otherKindOf,
  type FundsRole,
  type IndicatorRole,
  type LayoutSignals,
  type LayoutSpec,
  type MoneyUnit,
  type TableKind,
} from './layouts';
import { cleanIndicatorName, declaredWeight, includesAny, normalizeLabel, startsWithAny } from './text';

export interface Located {
  text: string;
  row: number;
  col: number;
}

export interface FundsRow {
  row: number;
  label: string;
  isTotal: boolean;
}

export interface FundsBlock {
  headerRow: number;
  cols: Partial<Record<FundsRole, number>>;
  rows: FundsRow[];
  /** The money unit its labels declare ("项目资金（元）"); 万元 when none is written. */
  unit: MoneyUnit;
  /** The execution weight a 得分 header or the group label carries ("得分（20分*执行率）", "预算执行情况（10分）"). */
  headerWeight: number | null;
  /** A reason already written: a 说明 row or text beside the block (RULES.md "reasons may already be written"). */
  reason: Located | null;
}

export interface IndicatorRow {
  row: number;
  level1: string;
  /** Where the 一级 label sits (its merge's top-left), for LEVEL1_WEIGHT. */
  level1Cell: { row: number; col: number } | null;
  level2: string;
  /** Name with "指标1:"/"★" decorations removed. */
  name: string;
  rawName: string;
  /** The reason written for the row, a reason merged down over several rows included ("" when none). */
  deviation: string;
}

export interface IndicatorBlock {
  headerRow: number;
  cols: Partial<Record<IndicatorRole, number>>;
  rows: IndicatorRow[];
  /** The group label left of the header carrying a weight ("绩效指标（90分）", "年度绩效目标(80分)"), at its merge's top-left. */
  group?: { label: string; weight: number; row: number; col: number } | null;
}

export interface TotalRow {
  row: number;
  /** Cell of a 评价等级 label already in the sheet, if any. */
  gradeLabel: { row: number; col: number } | null;
}

export interface DetectedTable {
  grid: Grid;
  layout: LayoutSpec;
  /** A project table, or another kind kept in the same workbooks (never scored). */
  kind: TableKind;
  /** An indicator row carries the execution points (预算执行率 under 项目管理): counted there, once. */
  executionOnRow: boolean;
  top: number;
  left: number;
  bottom: number;
  right: number;
  title: string | null;
  year: number | null;
  projectName: Located | null;
  department: Located | null;
  implementer: Located | null;
  /** Where the 项目名称 label is, so a missing name can be pointed at. */
  projectNameLabel: { row: number; col: number } | null;
  goalsExpected: Located | null;
  goalsActual: Located | null;
  funds: FundsBlock | null;
  indicators: IndicatorBlock;
  total: TotalRow | null;
}

/** Trimmed text of the cell itself (merged areas not resolved). */
function textAt(grid: Grid, row: number, col: number): string {
  const s = current;
  if (s !== null && s.grid === grid && s.texts !== null) {
    // Trimmed once in indexSheet: detection reads each cell a few times (as header, label, value).
    const texts = s.texts[row];
    const t = texts === undefined ? undefined : texts[col];
    return t === undefined ? '' : t;
  }
  const cell = cellAt(grid, row, col);
  const t = cell.text;
  return typeof t === 'string' ? trimmed(t) : cellText(cell);
}

/** normalizeLabel(textAt(…)), normalised once per cell while detectTables runs. */
function normAt(grid: Grid, row: number, col: number): string {
  const t = textAt(grid, row, col);
  if (t === '') return ''; // normalizeLabel('') is ''
  const s = current;
  if (s === null || s.grid !== grid) return normalizeLabel(t);
  // Text was found, so row and col index a cell of grid.cells.
  const norms = (s.norms[row] ??= new Array<string | undefined>((grid.cells[row] as unknown[]).length));
  let n = norms[col];
  if (n === undefined) norms[col] = n = normalizeLabel(t);
  return n;
}

function cellText(cell: Cell): string {
  return (cell.text ?? '').trim();
}

/** Columns of a header row mapped to roles; the first column naming a role wins. */
function headerRoles<R extends string>(
  grid: Grid,
  row: number,
  columns: Parameters<typeof matchRole<R>>[0],
  width: number,
): Partial<Record<R, number>> {
  const out: Partial<Record<R, number>> = {};
  for (let c = 0; c < width; c++) {
    const t = headerText(grid, row, c);
    if (!t) continue;
    const role = matchRole(columns, t);
    if (role && out[role] === undefined) out[role] = c;
  }
  return out;
}

/**
 * 三级指标 with values and a 分值/得分 column; or, for the special-fund and county forms that have no
 * 分值/得分 at all, 三级指标 with both 指标值 and 实际完成值 (still a table: its weights are reported missing).
 */
/**
 * A header cell's text. Two-row headers (云南: 年度指标值 over 指标性质/指标值/度量单位): the columns not
 * split in the second row are merged down from the first, and are read from there.
 */
function headerText(grid: Grid, row: number, c: number): string {
  const t = textAt(grid, row, c);
  if (t) return t;
  const m = mergeAt(grid, row, c);
  return m && m.top < row && m.left === c ? textAt(grid, m.top, m.left) : '';
}

function isIndicatorHeader(cols: Partial<Record<IndicatorRole, number>>): boolean {
  if (cols.name === undefined) return false;
  if (cols.weight !== undefined || cols.score !== undefined) return cols.target !== undefined || cols.actual !== undefined;
  return cols.target !== undefined && cols.actual !== undefined;
}

function isFundsHeader(cols: Partial<Record<FundsRole, number>>): boolean {
  return cols.budget !== undefined && cols.executed !== undefined;
}

/*
 * Every row is a possible header, but matching each cell against the column synonyms is the engine's
 * main cost. A header needs certain characters, which no other text normalises into (checked over all
 * of Unicode for NFKC): 三级指标 has "级"; a funds header has a 预算… column and an …执行… column.
 * Rows without them are skipped before any matching; the rows kept are matched exactly as before.
 * The same pass notes the characters an indicator row needs to be a 总分 row (see mayBeTotalLabel) or
 * a new table's title (表), so that most indicator rows are not read for either.
 */
const HAS_LEVEL = 1;
const HAS_BUDGET = 2;
const HAS_EXECUTED = 4;
const HAS_TOTAL = 8;
const HAS_TITLE = 16;
const MAY_BE_FUNDS_HEADER = HAS_BUDGET | HAS_EXECUTED;
const ALL_CHARS = HAS_LEVEL | HAS_BUDGET | HAS_EXECUTED | HAS_TOTAL | HAS_TITLE;

/** The header characters a cell's text holds, as bits (exported for its test). */
export function charsOf(text: unknown): number {
  // Not a string (malformed input): let the full match see it, as it always did.
  if (typeof text !== 'string') return ALL_CHARS;
  // Column markers (A)/(B) name budget and execution whatever the words (full-width letters fold to A/B).
  // Most cells hold none of the characters: one native search rules them out. The scan is native rather
  // than a JavaScript step per code unit because the engine is mostly run cold (a CLI run, a pane's click):
  // interpreted, a loop over every character of every cell was a fifth of detection.
  if (!ANY_HEADER_CHAR.test(text)) return 0;
  return headerCharsIn(text);
}

/** Any character charsOf gives a bit for (🈴 and other total marks: their high surrogate). */
const ANY_HEADER_CHAR = /[级预AＡ执BＢ总合\uD83C表]/;

/** charsOf's bits for a text holding at least one of its characters, by native searches. */
function headerCharsIn(text: string): number {
  let bits = 0;
  if (text.indexOf('级') >= 0) bits |= HAS_LEVEL;
  if (text.indexOf('预') >= 0 || text.indexOf('A') >= 0 || text.indexOf('Ａ') >= 0) bits |= HAS_BUDGET;
  if (text.indexOf('执') >= 0 || text.indexOf('B') >= 0 || text.indexOf('Ｂ') >= 0) bits |= HAS_EXECUTED;
  if (text.indexOf('总') >= 0 || text.indexOf('合') >= 0 || text.indexOf('\uD83C') >= 0) bits |= HAS_TOTAL;
  if (text.indexOf('表') >= 0) bits |= HAS_TITLE;
  return bits;
}

/*
 * Detection reads the same cells many times per table (as a header, a label, the value beside one)
 * and asks for the merge at a cell a few dozen times; grid.mergeAt scans every merge of the sheet.
 * While detectTables runs, the sheet is read once for each row's first text column and header
 * characters, cells are normalised once on first ask, and the merges are bucketed by row (in sheet
 * order, so the first merge found is the same). normAt, mergeAt, firstTextCol and rowHasText read these.
 */
interface SheetIndex {
  grid: Grid;
  /** Merges by row; null when a merge's coordinates are malformed or the merges too many (scanned then). */
  merges: MergeIndex | null;
  /** Normalised text per cell, filled on first ask (normAt). */
  norms: ((string | undefined)[] | undefined)[];
  /** Per row, the first column holding text (-1: none); null when a row or a cell's text is malformed (read as before). */
  firstCol: number[] | null;
  /** Per cell, its trimmed text (textAt); null, as firstCol, when the sheet is malformed. */
  texts: string[][] | null;
  /**
   * Per row, which header characters its cells hold, counting the text a header cell reads from a
   * merge above it (see headerText).
   */
  chars: number[];
}

let current: SheetIndex | null = null;

function indexSheet(grid: Grid): SheetIndex {
  const rows = rowCount(grid);
  // Plain arrays: a typed array this long gets a backing store outside the heap, costlier to make.
  const firstCol = new Array<number>(rows).fill(-1);
  const chars = new Array<number>(rows).fill(0);
  const texts = new Array<string[]>(rows);
  let odd = false;
  for (let r = 0; r < rows; r++) {
    const row = grid.cells[r];
    const out: string[] = (texts[r] = []);
    if (!row) continue;
    if (!Array.isArray(row)) {
      odd = true;
      continue;
    }
    let bits = 0;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) {
        out.push('');
        continue;
      }
      const text: unknown = cell.text ?? '';
      bits |= charsOf(text);
      if (typeof text !== 'string') {
        odd = true;
        continue;
      }
      const t = trimmed(text);
      out.push(t);
      if (firstCol[r] < 0 && t !== '') firstCol[r] = c;
    }
    chars[r] = bits;
  }
  for (const m of grid.merges) {
    // Malformed coordinates (not numbers): no rows can be ruled out.
    if (!m || typeof m.top !== 'number' || typeof m.bottom !== 'number') {
      chars.fill(ALL_CHARS);
      break;
    }
    if (!(m.bottom > m.top)) continue;
    const bits = charsOf(cellAt(grid, m.top, m.left).text ?? '');
    if (!bits) continue;
    const last = Math.min(Math.floor(m.bottom), rows - 1);
    for (let r = Math.max(Math.floor(m.top) + 1, 0); r <= last; r++) chars[r] |= bits;
  }
  return { grid, merges: indexMerges(grid), norms: new Array(rows), firstCol: odd ? null : firstCol, texts: odd ? null : texts, chars };
}

/** text.trim(), without the call when both ends are plainly not whitespace (most cells). */
function trimmed(text: string): string {
  const n = text.length;
  if (n === 0) return text;
  const a = text.charCodeAt(0);
  const b = text.charCodeAt(n - 1);
  // Printable ASCII, or above U+3000 (the last whitespace but U+FEFF).
  if (((a > 0x20 && a < 0x7f) || (a > 0x3000 && a !== 0xfeff)) && ((b > 0x20 && b < 0x7f) || (b > 0x3000 && b !== 0xfeff))) return text;
  return text.trim();
}

/**
 * The merges touching each row, in sheet order: those of row r are list[start[r]] … list[start[r + 1] - 1].
 * One flat list rather than an array per row: a handful of allocations per sheet, not one per row.
 */
interface MergeIndex {
  start: number[];
  list: Merge[];
}

/** The first and last rows a merge is filed under (none when it contains no row: top > bottom, NaN). */
const firstMergeRow = (m: Merge): number => (m.top <= m.bottom ? Math.max(Math.floor(m.top), 0) : 0);
const lastMergeRow = (m: Merge, rows: number): number => (m.top <= m.bottom ? Math.min(Math.ceil(m.bottom), rows - 1) : -1);

function indexMerges(grid: Grid): MergeIndex | null {
  const rows = rowCount(grid);
  const start = new Array<number>(rows + 1).fill(0);
  let entries = 0;
  for (const m of grid.merges) {
    if (!m || typeof m.top !== 'number' || typeof m.bottom !== 'number') return null; // malformed: scan as before
    if (!(m.top <= m.bottom)) continue; // contains no row
    const first = firstMergeRow(m);
    const last = lastMergeRow(m, rows);
    entries += Math.max(last - first + 1, 0);
    if (entries > 200000) return null; // a few huge merges: not worth the memory
    for (let r = first; r <= last; r++) start[r + 1]++;
  }
  for (let r = 0; r < rows; r++) start[r + 1] += start[r];
  const next = start.slice(0, rows);
  const list = new Array<Merge>(start[rows]);
  for (const m of grid.merges) for (let r = firstMergeRow(m), last = lastMergeRow(m, rows); r <= last; r++) list[next[r]++] = m;
  return { start, list };
}

function mergeAt(grid: Grid, row: number, col: number): Merge | undefined {
  const s = current;
  const idx = s !== null && s.grid === grid ? s.merges : null;
  if (idx === null || !Number.isInteger(row) || row < 0 || row >= idx.start.length - 1) return gridMergeAt(grid, row, col);
  const { start, list } = idx;
  for (let i = start[row]; i < start[row + 1]; i++) {
    const m = list[i];
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
  }
  return undefined;
}

/** The trimmed text of grid.resolvedCell: a cell inside a merged area reads as the area's top-left cell. */
function resolvedText(grid: Grid, row: number, col: number): string {
  const m = mergeAt(grid, row, col);
  if (m && (m.top !== row || m.left !== col)) return textAt(grid, m.top, m.left);
  return textAt(grid, row, col);
}

/** normalizeLabel(resolvedText(…)), normalised once per cell. */
function resolvedNorm(grid: Grid, row: number, col: number): string {
  const m = mergeAt(grid, row, col);
  if (m && (m.top !== row || m.left !== col)) return normAt(grid, m.top, m.left);
  return normAt(grid, row, col);
}

/** The first column of row r holding text; 0 when none. */
function firstTextCol(grid: Grid, r: number): number {
  const s = current;
  if (s !== null && s.grid === grid && s.firstCol !== null) {
    const c = s.firstCol[r];
    return c === undefined || c < 0 ? 0 : c;
  }
  const row = grid.cells[r] ?? [];
  for (let c = 0; c < row.length; c++) if (row[c] && cellText(row[c] as Cell)) return c;
  return 0;
}

/** Whether row r holds any text. */
function rowHasText(grid: Grid, r: number): boolean {
  const s = current;
  if (s !== null && s.grid === grid && s.firstCol !== null) {
    const c = s.firstCol[r];
    return c !== undefined && c >= 0;
  }
  const row = grid.cells[r];
  return !!row && row.some((c) => c && cellText(c));
}

/** All tables on one sheet: band by band (tables side by side), top to bottom. Never throws on odd content. */
export function detectTables(grid: Grid): DetectedTable[] {
  current = indexSheet(grid);
  try {
    const chars = current.chars;
    const anchors = findAnchors(grid, chars);
    const bands = columnBands(grid, anchors);
    if (bands.length <= 1) return detectIndexed(grid, anchors, chars);
    const tables: DetectedTable[] = [];
    for (const band of bands) {
      const masked = maskColumns(grid, band.from, band.to);
      current = indexSheet(masked);
      const inBand = anchors.filter((a) => a.left >= band.from && a.right <= band.to);
      tables.push(...detectIndexed(masked, inBand, chars));
    }
    return tables;
  } finally {
    current = null;
  }
}

/**
 * What a sheet with no project table holds, for the TABLE_NOT_FOUND message: the other kinds of tables
 * its labels name (部门整体, 申报表, 监控表), or a 三级指标 header that lacks the columns a table needs.
 */
export function describeSheet(grid: Grid, detected: DetectedTable[]): { kinds: string[]; partialHeader: string | null } {
  const kinds = new Set<string>(otherKindNames(detected));
  const width = colCount(grid);
  let partialHeader: string | null = null;
  for (let r = 0; r < rowCount(grid); r++) {
    const row = grid.cells[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const raw = cellText(cellAt(grid, r, c));
      if (!raw || raw.length > 40) continue;
      const t = normalizeLabel(raw);
      const k = otherKindOf(t);
      if (k) kinds.add(k.name);
      // The name column's header: 三级指标, or 指标内容/指标名称 on some targets forms.
      else if (!partialHeader && !detected.length && (t.includes('三级指标') || matchRole(INDICATOR_COLUMNS, raw) === 'name')) {
        const cols = headerRoles(grid, r, INDICATOR_COLUMNS, width);
        const lacking = [cols.target === undefined ? '年度指标值' : '', cols.actual === undefined ? '实际完成值' : ''].filter(Boolean);
        // Targets without actuals or scores: what a 绩效目标申报表 holds (RULES.md), so say so.
        const targetsOnly = cols.target !== undefined && cols.actual === undefined && cols.score === undefined;
        if (lacking.length) {
          partialHeader = `第 ${r + 1} 行有“${t.includes('三级指标') ? '三级指标' : t}”表头，但缺少“${lacking.join('”“')}”列${targetsOnly ? '：只列指标值的是绩效目标申报表，不是自评表' : ''}`;
        }
      }
    }
  }
  return { kinds: [...kinds], partialHeader };
}

/** The names of the other kinds of tables detected (部门整体支出绩效自评表 …), each once. */
export function otherKindNames(detected: DetectedTable[]): string[] {
  const names: string[] = [];
  for (const t of detected) {
    const k = OTHER_TABLE_KINDS.find((o) => o.kind === t.kind);
    if (k && !names.includes(k.name)) names.push(k.name);
  }
  return names;
}

interface Anchor {
  row: number;
  cols: Partial<Record<IndicatorRole, number>>;
  left: number;
  right: number;
}

/** Every indicator header on the sheet; a row holding two (tables side by side) gives two anchors. */
function findAnchors(grid: Grid, chars: number[]): Anchor[] {
  const rows = rowCount(grid);
  const width = colCount(grid);
  const anchors: Anchor[] = [];
  for (let r = 0; r < rows; r++) {
    if (!grid.cells[r] || !(chars[r] & HAS_LEVEL)) continue;
    for (const seg of headerSegments(grid, r, width)) if (isIndicatorHeader(seg.cols)) anchors.push({ row: r, ...seg });
  }
  return anchors;
}

/** Roles that open a table's header, left of its value columns. */
const TABLE_START_ROLES: ReadonlySet<IndicatorRole> = new Set<IndicatorRole>(['level1', 'level2', 'name']);

/** A header row split where a 一级/二级/三级指标 column repeats (one segment per table). */
function headerSegments(grid: Grid, row: number, width: number): { cols: Partial<Record<IndicatorRole, number>>; left: number; right: number }[] {
  const segs: { cols: Partial<Record<IndicatorRole, number>>; left: number; right: number }[] = [];
  let cur: (typeof segs)[number] | null = null;
  let hasValues = false; // the current segment has a column right of its 一级/二级/三级指标
  for (let c = 0; c < width; c++) {
    const t = headerText(grid, row, c);
    if (!t) continue;
    const role = matchRole(INDICATOR_COLUMNS, t);
    if (!role) continue;
    const opens = TABLE_START_ROLES.has(role);
    // 一级/二级/三级指标 come before a table's value columns: seen again, or after values, a new table starts.
    if (!cur || (opens && (cur.cols[role] !== undefined || hasValues))) {
      segs.push((cur = { cols: {}, left: c, right: c }));
      hasValues = false;
    }
    if (!opens) hasValues = true;
    if (cur.cols[role] === undefined) cur.cols[role] = c;
    const m = mergeAt(grid, row, c);
    cur.right = Math.max(cur.right, m ? m.right : c);
  }
  return segs;
}

/**
 * Column bands holding tables side by side: anchors whose header spans overlap share a band. Between two
 * bands the cut is the first empty column after the left table's header (or right after it).
 */
function columnBands(grid: Grid, anchors: Anchor[]): { from: number; to: number }[] {
  if (anchors.length < 2) return [];
  const spans = anchors.map((a) => [a.left, a.right]).sort((x, y) => x[0] - y[0]);
  const merged: number[][] = [];
  for (const [l, r] of spans) {
    const last = merged[merged.length - 1];
    if (last && l <= last[1]) last[1] = Math.max(last[1], r);
    else merged.push([l, r]);
  }
  if (merged.length < 2) return [];
  const bands: { from: number; to: number }[] = [];
  let from = 0;
  for (let i = 0; i + 1 < merged.length; i++) {
    const right = merged[i][1];
    const nextLeft = merged[i + 1][0];
    let to = right;
    let next = right + 1;
    for (let c = right + 1; c < nextLeft; c++) {
      if (isEmptyColumn(grid, c)) {
        to = c - 1;
        next = c + 1;
        break;
      }
    }
    bands.push({ from, to });
    from = next;
  }
  bands.push({ from, to: Number.MAX_SAFE_INTEGER });
  return bands;
}

function isEmptyColumn(grid: Grid, c: number): boolean {
  for (const row of grid.cells) if (row && row[c] && cellText(row[c] as Cell)) return false;
  return !grid.merges.some((m) => m && m.left <= c && m.right >= c && m.right > m.left);
}

/** The grid with only columns [from, to] kept, at their own addresses (merges reaching past `to` clipped). */
function maskColumns(grid: Grid, from: number, to: number): Grid {
  const cells = grid.cells.map((row) => {
    if (!row) return row;
    const out: (Cell | undefined)[] = [];
    for (let c = from; c < row.length && c <= to; c++) if (row[c] !== undefined) out[c] = row[c];
    return out;
  });
  const merges = grid.merges
    .filter((m) => m && m.left >= from && m.left <= to)
    .map((m) => (m.right > to ? { ...m, right: to } : m));
  return { ...grid, cells, merges };
}

function detectIndexed(grid: Grid, anchors: Anchor[], chars: number[]): DetectedTable[] {
  const rows = rowCount(grid);
  const width = colCount(grid);
  const tables: DetectedTable[] = [];
  let regionStart = 0;
  for (let i = 0; i < anchors.length; i++) {
    const anchor = anchors[i];
    if (anchor.row < regionStart) continue;
    const limit = i + 1 < anchors.length ? anchors[i + 1].row : rows;
    const table = buildTable(grid, regionStart, anchor.row, anchor.cols, limit, width, chars);
    tables.push(table);
    regionStart = table.bottom + 1;
  }
  return tables;
}

function buildTable(
  grid: Grid,
  regionStart: number,
  headerRow: number,
  indCols: Partial<Record<IndicatorRole, number>>,
  limit: number,
  width: number,
  chars: number[],
): DetectedTable {
  // The funds header: the last one between the region's start and the indicator header.
  let funds: FundsBlock | null = null;
  for (let r = headerRow - 1; r >= regionStart; r--) {
    if (!grid.cells[r] || (chars[r] & MAY_BE_FUNDS_HEADER) !== MAY_BE_FUNDS_HEADER) continue;
    const cols = headerRoles(grid, r, FUNDS_COLUMNS, width);
    if (isFundsHeader(cols)) {
      funds = { headerRow: r, cols, rows: [], unit: '万元', headerWeight: null, reason: null };
      break;
    }
  }
  const upperEnd = funds ? funds.headerRow : headerRow;

  // Title, year and header fields, above the funds block.
  // Assigned in the eachText visitor, which narrowing does not follow: typed by assertion.
  let title = null as Located | null;
  let year: number | null = null;
  let projectName: Located | null = null;
  let projectNameLabel: { row: number; col: number } | null = null;
  let department: Located | null = null;
  let implementer: Located | null = null;
  let kind: TableKind = 'project';
  let departmentName = false;
  let unitAbove: MoneyUnit | null = null;
  eachText(grid, regionStart, upperEnd, (raw, r, c) => {
    const t = normAt(grid, r, c);
    if (kind === 'project' && t.length <= 40) kind = otherKindOf(t)?.kind ?? 'project';
    if (!title && t.length <= 30 && includesAny(t, LABELS.title)) title = { text: raw, row: r, col: c };
    if (unitAbove === null && t.length <= 20 && t.includes('单位')) unitAbove = declaredMoneyUnit(t);
    if (t.length <= 8 && includesAny(t, DEPARTMENT_NAME)) departmentName = true;
    // The regex only where its 年 is: most cells have none.
    if (year === null && t.length <= 30 && t.includes('年')) {
      const y = /((?:19|20)\d{2})年/.exec(t);
      if (y) year = Number(y[1]);
    }
    if (t.length <= 12) {
      if (!projectName && !projectNameLabel && includesAny(t, LABELS.projectName)) {
        projectNameLabel = { row: r, col: c };
        projectName = valueRightOf(grid, r, c, width);
      } else if (!department && includesAny(t, LABELS.department)) department = valueRightOf(grid, r, c, width);
      else if (!implementer && includesAny(t, LABELS.implementer)) implementer = valueRightOf(grid, r, c, width);
    }
  });

  // Goals: anywhere above the indicator header (四川 puts them above the funds block).
  const goals = findGoals(grid, regionStart, headerRow, width);

  // The funds block ends where the goals block starts below it (or at the indicator header).
  if (funds) {
    const fundsHeader = funds.headerRow;
    const fundsEnd = goals.rows.find((r) => r > fundsHeader) ?? headerRow;
    funds.rows = fundsRows(grid, funds, fundsEnd);
    readFundsLabels(grid, funds, fundsEnd, width, unitAbove);
  }

  const indicators: IndicatorBlock = { headerRow, cols: indCols, rows: [], group: weightedGroupLabel(grid, headerRow, indCols) };
  const total = indicatorRows(grid, indicators, limit, width, chars);
  // A 说明 / 原因分析 row under the 总分 row ("偏差大或目标未完成原因分析 | …") explains the table's deviations.
  if (funds && !funds.reason && total) funds.reason = reasonRowBelow(grid, total.row, Math.min(limit, total.row + 6), width);

  const headerRows = [headerRow, ...(funds ? [funds.headerRow] : [])];
  let left = Number.POSITIVE_INFINITY;
  let right = 0;
  for (const r of headerRows) {
    const row = grid.cells[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (!textAt(grid, r, c)) continue;
      const m = mergeAt(grid, r, c);
      left = Math.min(left, m ? m.left : c);
      right = Math.max(right, m ? m.right : c);
    }
  }
  // A group label merged down beside the header ("绩效指标") starts the table further left.
  for (const r of headerRows) {
    for (let c = 0; c < left; c++) if (resolvedText(grid, r, c)) left = c;
  }
  if (!Number.isFinite(left)) left = 0;
  const lastIndicator = indicators.rows.length ? indicators.rows[indicators.rows.length - 1].row : headerRow;
  const top = title ? title.row : firstNonEmptyRow(grid, regionStart, upperEnd) ?? upperEnd;

  const signalRows = [headerRow, ...(funds ? [funds.headerRow, funds.headerRow - 1] : [])];
  let headerJoined: string | null = null;
  const signals: LayoutSignals = {
    indicatorRoles: new Set(Object.keys(indCols) as IndicatorRole[]),
    fundsRoles: new Set(Object.keys(funds?.cols ?? {}) as FundsRole[]),
    title: title ? normalizeLabel(title.text) : '',
    // A method, not a getter: an object literal with an accessor is built on V8's slow path.
    headerText: () => (headerJoined ??= signalRows.map((r) => (grid.cells[r] ?? []).map((_, c) => normAt(grid, r, c)).join('|')).join('|')),
    weightBeforeTarget:
      indCols.weight !== undefined && indCols.target !== undefined && indCols.weight < indCols.target,
  };

  // Labels of other kinds of tables: a 部门名称 with no 项目名称, a monitoring header, a header with
  // targets but neither actuals nor scores (a 申报表).
  if (kind === 'project' && departmentName && !projectNameLabel) kind = 'department';
  if (kind === 'project' && signalRows.some((r) => holdsMonitoringWord(grid, r))) kind = 'monitoring';
  if (kind === 'project' && indCols.actual === undefined && indCols.score === undefined) kind = 'declaration';

  return {
    grid,
    layout: classifyLayout(signals),
    kind,
    // Only when the funds block has no 分值 of its own (RULES.md: "the funds block then has no 分值").
    executionOnRow:
      (!funds || (funds.cols.weight === undefined && funds.headerWeight === null)) && indicators.rows.some((row) => isExecutionIndicator(row.name)),
    top,
    left,
    bottom: total ? total.row : lastIndicator,
    right,
    title: title ? title.text.replace(/\s+/g, '') : null,
    year,
    projectName,
    projectNameLabel,
    department,
    implementer,
    goalsExpected: goals.expected,
    goalsActual: goals.actual,
    funds,
    indicators,
    total,
  };
}

/** A weight declared by the group label left of the indicator header (nested over the 一级 weights). */
function weightedGroupLabel(grid: Grid, headerRow: number, cols: Partial<Record<IndicatorRole, number>>): IndicatorBlock['group'] {
  const first = Math.min(...(Object.values(cols) as number[]));
  for (let c = first - 1; c >= 0; c--) {
    const label = resolvedText(grid, headerRow, c);
    if (!label) continue;
    const weight = declaredWeight(label);
    if (weight === null) return null;
    const m = mergeAt(grid, headerRow, c);
    return { label, weight, row: m ? m.top : headerRow, col: m ? m.left : c };
  }
  return null;
}

function firstNonEmptyRow(grid: Grid, from: number, to: number): number | null {
  for (let r = from; r < to; r++) if (rowHasText(grid, r)) return r;
  return null;
}

/**
 * Whether a cell of row r holds a MONITORING_HEADER word: what includesAny asks of the row's
 * normalised texts joined by "|" (which no word holds), without joining them. Every word has 预, 月
 * or 偏; a cell without them, or the characters NFKC folds into 月 (⽉ ㈪ ㊊ ㋀–㋋ 🈷, checked over all
 * of Unicode), is ruled out before normalising.
 */
function holdsMonitoringWord(grid: Grid, r: number): boolean {
  const row = grid.cells[r];
  if (!row) return false;
  for (let c = 0; c < row.length; c++) {
    const raw = textAt(grid, r, c);
    if (mayHoldMonitoringWord(raw) && includesAny(normAt(grid, r, c), MONITORING_HEADER)) return true;
  }
  return false;
}

/** 预 月 偏, and what NFKC folds into 月 (🈷 by its high surrogate). */
const MONITORING_CHAR = /[预月偏\u2f49\u322a\u328a\u32c0-\u32cb\uD83C]/;

function mayHoldMonitoringWord(raw: string): boolean {
  return MONITORING_CHAR.test(raw);
}

/** Labels of fields and goals: the text beside a label is never one of these. */
const FIELD_LABELS = [
  ...LABELS.department,
  ...LABELS.implementer,
  ...LABELS.projectName,
  ...LABELS.goalsExpected,
  ...LABELS.goalsActual,
  normalizeLabel('年初设定'),
];

/** Every non-empty cell in rows [from, to), with its trimmed text (normAt gives it normalised). */
function eachText(grid: Grid, from: number, to: number, visit: (raw: string, r: number, c: number) => void): void {
  for (let r = from; r < to; r++) {
    const row = grid.cells[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const raw = textAt(grid, r, c);
      if (raw) visit(raw, r, c);
    }
  }
}

/** The value typed beside a label: the next non-empty cell to the right outside the label's merge. */
function valueRightOf(grid: Grid, row: number, col: number, width: number): Located | null {
  const m = mergeAt(grid, row, col);
  const start = m ? m.right + 1 : col + 1;
  for (let c = start; c < width; c++) {
    const t = textAt(grid, row, c);
    if (!t) continue;
    // The next label on the same line ("实施单位") is not this label's value.
    const nt = normAt(grid, row, c);
    if (t.length <= 16 && includesAny(nt, FIELD_LABELS)) return null;
    return { text: t, row, col: c };
  }
  return null;
}

/**
 * The 年度总体目标 block: its expected and actual texts, and the rows its labels sit on. It is looked
 * for in the whole region above the indicator header, since 四川 puts it above the funds block.
 * A label merged down over its own content ("年度总体目标完成情况" over two rows) groups the block;
 * a one-row label heads the content below it.
 */
function findGoals(
  grid: Grid,
  from: number,
  to: number,
  width: number,
): { expected: Located | null; actual: Located | null; rows: number[] } {
  let expected: Located | null = null;
  let actual: Located | null = null;
  const rows: number[] = [];
  let groupOnly = null as { row: number; col: number } | null; // set in the visitor (see buildTable)
  eachText(grid, from, to, (raw, r, c) => {
    // Every label below has 目标 or 完成情况: most cells are ruled out before normalising.
    if (!mayBeGoalsLabel(raw)) return;
    const t = normAt(grid, r, c);
    if (t.length > 20) return;
    if (!t.includes('目标') && !t.includes('完成情况')) return;
    const isActual = includesAny(t, GOALS_ACTUAL) && !t.startsWith('年度总体目标完成情况');
    const isExpected = !isActual && (includesAny(t, GOALS_EXPECTED) || t.endsWith('年度目标'));
    const isGroup = t.startsWith('年度总体目标') || t.includes('目标完成情况');
    if (!isActual && !isExpected && !isGroup) return;
    rows.push(r);
    const m = mergeAt(grid, r, c);
    if ((m && m.bottom > m.top) || (!isActual && !isExpected)) {
      groupOnly ??= { row: r, col: c };
      if (t.includes('综述') && !actual) actual = contentBelowOrRight(grid, r, c, to, width);
      return;
    }
    if (isExpected && !expected) expected = contentBelowOrRight(grid, r, c, to, width);
    else if (isActual && !actual) actual = contentBelowOrRight(grid, r, c, to, width);
  });
  // A goals block with only its group label: the text beside it is the expected goal.
  if (!expected && groupOnly) expected = valueRightOf(grid, groupOnly.row, groupOnly.col, width);
  return { expected, actual, rows };
}

const GOALS_CHAR = /[目完\u2f6c]/;

/** Whether a text can normalise into one holding 目标 or 完成情况: it holds 目 or 完, or ⽬ (U+2F6C, the one character NFKC folds into either; checked over all of Unicode). */
function mayBeGoalsLabel(raw: string): boolean {
  return GOALS_CHAR.test(raw);
}

const GOALS_EXPECTED = ['预期目标', '年初设定目标'].map(normalizeLabel);
const GOALS_ACTUAL = ['实际完成情况', '完成情况综述', '目标完成情况'].map(normalizeLabel);

function contentBelowOrRight(grid: Grid, row: number, col: number, to: number, width: number): Located | null {
  const m = mergeAt(grid, row, col);
  const below = (m ? m.bottom : row) + 1;
  if (below < to) {
    const t = textAt(grid, below, col);
    if (t) return { text: t, row: below, col };
  }
  return valueRightOf(grid, row, col, width);
}

const FUNDS_SOURCE_HINTS = ['其中', '财政', '结转', '其他资金', '单位资金', '专户', '自筹', '资金'].map(normalizeLabel);

function fundsRows(grid: Grid, funds: FundsBlock, end: number): FundsRow[] {
  const dataCols = Object.values(funds.cols) as number[];
  const firstData = Math.min(...dataCols);
  const out: FundsRow[] = [];
  for (let r = funds.headerRow + 1; r < end; r++) {
    if (!grid.cells[r]) continue;
    let label = '';
    let nl = '';
    for (let c = firstData - 1; c >= 0; c--) {
      const raw = resolvedText(grid, r, c);
      if (!raw) continue;
      const t = resolvedNorm(grid, r, c);
      if (!includesAny(t, LABELS.fundsGroup)) {
        label = raw;
        nl = t;
        break;
      }
    }
    if (isReasonLabel(nl)) continue; // a 说明 row: read as the block's reason (readFundsLabels), not a source
    const hasData = dataCols.some((c) => textAt(grid, r, c) !== '');
    if (!label && !hasData) continue;
    const totalLabel = includesAny(nl, LABELS.fundsTotal);
    if (label && !hasData && !totalLabel && !includesAny(nl, FUNDS_SOURCE_HINTS)) continue;
    const isTotal = totalLabel && !nl.startsWith('其中');
    out.push({ row: r, label, isTotal });
  }
  // Tables that leave the total row unlabelled: the first row is the total.
  if (out.length && !out.some((f) => f.isTotal)) out[0].isTotal = true;
  return out;
}

const REASON_LABELS = ['说明', '原因'].map(normalizeLabel);

/** A row label that introduces written reasons ("说明", "偏差原因", "执行偏差原因说明"), not a source of funds. */
function isReasonLabel(nl: string): boolean {
  return nl.length > 0 && includesAny(nl, REASON_LABELS) && !includesAny(nl, LABELS.fundsTotal) && !nl.startsWith('其中');
}

/**
 * What the funds block's labels say beyond its columns: the money unit ("项目资金（元）", "单位：元"), the
 * execution weight a 得分 header or the group label carries, and a reason written in a 说明 row or beside
 * the block.
 */
function readFundsLabels(grid: Grid, funds: FundsBlock, end: number, width: number, unitAbove: MoneyUnit | null): void {
  const dataCols = Object.values(funds.cols) as number[];
  const firstData = Math.min(...dataCols);
  let lastData = Math.max(...dataCols);
  const h = funds.headerRow;
  let unit: MoneyUnit | null = null;
  let groupWeight: number | null = null;
  for (let c = 0; c < width && unit === null; c++) unit = declaredMoneyUnit(headerText(grid, h, c));
  for (let c = 0; c < firstData; c++) {
    const label = resolvedText(grid, h, c);
    if (!label) continue;
    unit ??= declaredMoneyUnit(label);
    if (groupWeight === null && includesAny(normalizeLabel(label), LABELS.fundsGroup)) groupWeight = declaredWeight(label);
  }
  funds.unit = unit ?? unitAbove ?? '万元';
  const scoreHeader = funds.cols.score !== undefined ? headerText(grid, h, funds.cols.score) : '';
  funds.headerWeight = headerWeight(scoreHeader) ?? groupWeight;
  const hm = mergeAt(grid, h, lastData);
  if (hm) lastData = Math.max(lastData, hm.right);

  for (let r = h + 1; r < end && !funds.reason; r++) {
    if (!grid.cells[r]) continue;
    // A 说明 row: its label, then the text beside it (or after the label's colon).
    for (let c = 0; c < width; c++) {
      const raw = textAt(grid, r, c);
      if (!raw) continue;
      const nl = normAt(grid, r, c);
      if (!isReasonLabel(nl)) break;
      const inline = /^[^:]{0,12}:(.+)$/.exec(raw.normalize('NFKC').trim());
      const beside = valueRightOf(grid, r, c, width);
      if (beside && !isEmptyReason(beside.text)) funds.reason = beside;
      else if (inline && !isEmptyReason(inline[1])) funds.reason = { text: inline[1].trim(), row: r, col: c };
      break;
    }
    if (funds.reason || !funds.rows.some((f) => f.row === r)) continue;
    // Text beside the block: right of its last column, on one of its rows.
    for (let c = lastData + 1; c < width; c++) {
      const raw = textAt(grid, r, c);
      if (raw && !/^[-+]?[\d.,%\s]+$/.test(raw) && !isEmptyReason(raw)) {
        funds.reason = { text: raw, row: r, col: c };
        break;
      }
    }
  }
}

/**
 * The first 说明/原因 row from `from` (the 总分 row) to `to`: its short label, then the text beside it or after
 * the label's colon. Notes ("注：…", "备注：…") are instructions of the form, not reasons.
 */
function reasonRowBelow(grid: Grid, from: number, to: number, width: number): Located | null {
  for (let r = from; r < to; r++) {
    if (!grid.cells[r]) continue;
    const c = firstTextCol(grid, r);
    const raw = textAt(grid, r, c);
    // A reason label holds 说明 or 原因, and nothing NFKC folds into 说 or 原 (checked over all of Unicode):
    // the 总分 row and most rows below it are passed over before any normalising.
    if (!REASON_CHAR.test(raw)) continue;
    const nl = normAt(grid, r, c);
    if (/^(备注|注)/.test(nl)) continue;
    const inline = /^([^:]{1,12}):(.+)$/.exec(raw.normalize('NFKC').trim());
    const label = inline ? normalizeLabel(inline[1]) : nl;
    if (label.length > 20 || !isReasonLabel(label)) continue;
    const beside = valueRightOf(grid, r, c, width);
    if (beside && !isEmptyReason(beside.text)) return beside;
    if (inline && !isEmptyReason(inline[2])) return { text: inline[2].trim(), row: r, col: c };
  }
  return null;
}

const REASON_CHAR = /[说原]/;

/** Text that explains nothing ("", "0", "无", "/"). */
export function isEmptyReason(text: string): boolean {
  return /^(0|无|没有|\/|-|—)?$/.test(normalizeLabel(text));
}

/**
 * Whether a cell's text can be a 总分/合计 label: it holds 总 or 合, or 🈴 (U+1F234, the only character
 * NFKC turns into either; checked over all of Unicode), found by its high surrogate. Most cells of an
 * indicator row are ruled out before normalising.
 */
function mayBeTotalLabel(raw: string): boolean {
  return TOTAL_CHAR.test(raw);
}

const TOTAL_CHAR = /[总合\uD83C]/;

/** A 总分/合计 label, given its normalised text. */
function isTotalLabel(n: string): boolean {
  return startsWithAny(n, LABELS.total);
}

/** Fills block.rows; returns the 总分 row if there is one. */
function indicatorRows(grid: Grid, block: IndicatorBlock, limit: number, width: number, chars: number[]): TotalRow | null {
  const { cols } = block;
  const nameCol = cols.name as number;
  // Pushed, not .map/.filter'd: see evaluate.ts on arrays that optimised code builds holey.
  const valueCols: number[] = [];
  for (const c of [cols.target, cols.actual, cols.weight, cols.score]) if (c !== undefined) valueCols.push(c);
  let level1 = '';
  let level1Cell: { row: number; col: number } | null = null;
  let level2 = '';
  let blankRun = 0;
  // 总分 / 合计 in any column left of the 分值/得分 columns ends the block: some forms put a 说明 cell
  // first and the 总分 label just before the 分值 column ("其他需要说明事项 | 无 | 总分 | 100 | 96").
  const scoreCols = [cols.weight, cols.score].filter((c): c is number => c !== undefined && c > nameCol);
  const leftEnd = scoreCols.length ? Math.min(...scoreCols) - 1 : Math.max(nameCol, ...valueCols.filter((c) => c <= nameCol));
  const lastLabelCol = Math.min(leftEnd, width - 1);
  for (let r = block.headerRow + 1; r < limit; r++) {
    if (!rowHasText(grid, r)) {
      if (++blankRun >= 3) break;
      continue;
    }
    blankRun = 0;
    if (chars[r] & HAS_TOTAL) {
      for (let c = 0; c <= lastLabelCol; c++) {
        if (mayBeTotalLabel(textAt(grid, r, c)) && isTotalLabel(normAt(grid, r, c))) return { row: r, gradeLabel: findGradeLabel(grid, r, width) };
      }
    }
    // A new title or funds header means the next table started without a 总分 row. Every title has
    // 表, which no other character normalises into: most rows are ruled out before normalising.
    if (chars[r] & HAS_TITLE) {
      const first = firstTextCol(grid, r);
      if (textAt(grid, r, first).includes('表')) {
        const firstText = normAt(grid, r, first);
        if (firstText.length <= 30 && includesAny(firstText, LABELS.title)) break;
      }
    }
    if ((chars[r] & MAY_BE_FUNDS_HEADER) === MAY_BE_FUNDS_HEADER && isFundsHeader(headerRoles(grid, r, FUNDS_COLUMNS, width))) break;

    if (cols.level1 !== undefined) {
      const l1 = resolvedText(grid, r, cols.level1);
      if (l1) {
        if (l1 !== level1) {
          const m = mergeAt(grid, r, cols.level1);
          level1Cell = m ? { row: m.top, col: m.left } : { row: r, col: cols.level1 };
          level2 = '';
        }
        level1 = l1;
      }
    }
    if (cols.level2 !== undefined) {
      const l2 = resolvedText(grid, r, cols.level2);
      if (l2) level2 = l2;
    }
    const rawName = resolvedText(grid, r, nameCol);
    const name = cleanIndicatorName(rawName);
    if (!name) continue; // empty or reserved ("指标2:", "……")
    const deviation = cols.deviation !== undefined ? resolvedText(grid, r, cols.deviation) : '';
    block.rows.push({ row: r, level1, level1Cell, level2, name, rawName, deviation });
  }
  return null;
}

function findGradeLabel(grid: Grid, totalRow: number, width: number): { row: number; col: number } | null {
  for (const r of [totalRow, totalRow + 1]) {
    for (let c = 0; c < width + 2; c++) {
      const t = normAt(grid, r, c);
      if (t && t.length <= 6 && startsWithAny(t, LABELS.grade)) return { row: r, col: c };
    }
  }
  return null;
}
