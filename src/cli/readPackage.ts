/**
 * An .xlsx/.xlsm package → engine Grids, streaming and in bounded memory: the sheets' XML is scanned
 * as it is inflated, only what can hold a table is kept, and a sheet is left once it is clear the
 * table region is passed. The Grids are what readWorkbook makes of an exceljs load (merged areas
 * hold their content in the top-left cell only, texts as Excel displays them).
 */
import * as path from 'path';
import type { Cell, Grid, Merge, RawValue } from '../core/grid';
import { formatNumber } from './numberFormat';
import { ZipFormatError, type ZipPackage } from './zipPackage';
import { attr, decodeAddress, decodeCellText, decodeXml, detach, itemText, startTags } from './xmlScan';

export interface ReadLimits {
  /**
   * A sheet is read until this many rows past the last row holding a table word (a sheet with none:
   * its first rows). A 财政局's data sheet beside the table is then read no further.
   */
  rowsPastLabels: number;
  /** Cells kept per sheet at most; a sheet is left there. */
  cellsPerSheet: number;
  /** Characters of shared strings kept from the first pass; the rest are fetched only if a kept cell needs them. */
  sharedStringChars: number;
  /** Date.now() past which reading stops with a ReadTimeoutError. */
  deadline: number;
}

export const DEFAULT_LIMITS: Omit<ReadLimits, 'deadline'> = {
  rowsPastLabels: 5000,
  cellsPerSheet: 500_000,
  sharedStringChars: 16_000_000,
};

/** A sheet read only in part, and why: for the caller to say so. */
export interface PartialSheet {
  sheet: string;
  /** The sheet's part in the package ("xl/worksheets/sheet2.xml"). */
  part: string;
  /** Rows read (1-based last row). */
  rowsRead: number;
  reason: 'no-table-words' | 'cell-limit';
}

export class ReadTimeoutError extends Error {}

/**
 * Words every table's labels hold (项目名称, 年度指标值, 全年预算数, 分值, 得分, 总分 …): a row with one
 * may belong to a table; thousands of rows without one cannot. Matched on the text without spaces.
 */
const TABLE_WORDS = ['指标', '项目', '预算', '执行', '得分', '分值', '总分', '合计', '绩效', '自评', '资金', '_jixiao'];
const TABLE_WORD_MAX_LENGTH = 200;

export function holdsTableWord(text: string): boolean {
  if (text.length > TABLE_WORD_MAX_LENGTH) return false;
  const t = text.replace(/[\s\u3000]+/g, '');
  for (const w of TABLE_WORDS) if (t.includes(w)) return true;
  return false;
}

const PART_MAX = 64 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Workbook, relationships, styles

export interface SheetEntry {
  name: string;
  part: string;
  hidden: boolean;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

export function relsPartOf(part: string): string {
  return path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);
}

export function readRels(zip: ZipPackage, part: string): Relationship[] {
  const xml = zip.readText(relsPartOf(part), PART_MAX);
  if (!xml) return [];
  const base = path.posix.dirname(part);
  const out: Relationship[] = [];
  for (const tag of startTags(xml, 'Relationship')) {
    const target = attr(tag, 'Target');
    if (!target || attr(tag, 'TargetMode') === 'External') continue;
    out.push({
      id: attr(tag, 'Id') ?? '',
      type: attr(tag, 'Type') ?? '',
      target: target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(base, target)),
    });
  }
  return out;
}

// Built-in number formats (ECMA-376 Part 1, 18.8.30 numFmt) as exceljs names them; 0 is General (no format).
const BUILTIN_FORMATS: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm',
  21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** Number format code of each cell style index (cellXfs), undefined for General. */
function readStyles(zip: ZipPackage, part: string | undefined): (string | undefined)[] {
  const xml = part ? zip.readText(part, PART_MAX) : undefined;
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const tag of startTags(xml, 'numFmt')) {
    const id = Number(attr(tag, 'numFmtId'));
    const code = attr(tag, 'formatCode');
    if (Number.isFinite(id) && code !== undefined) custom.set(id, code);
  }
  const start = xml.indexOf('<cellXfs');
  const end = xml.indexOf('</cellXfs>', start);
  if (start < 0 || end < 0) return [];
  const formats: (string | undefined)[] = [];
  for (const tag of startTags(xml.slice(start, end), 'xf')) {
    const id = Number(attr(tag, 'numFmtId') ?? 0);
    formats.push(id ? custom.get(id) ?? BUILTIN_FORMATS[id] : undefined);
  }
  return formats;
}

// ---------------------------------------------------------------------------------------------
// Shared strings: kept up to a budget, the rest fetched on demand

class SharedStrings {
  private readonly texts: (string | undefined)[] = [];
  private words = new Uint8Array(1024);
  count = 0;
  private complete = true;

  constructor(
    private readonly zip: ZipPackage,
    private readonly part: string | undefined,
  ) {}

  async load(limits: ReadLimits): Promise<void> {
    if (!this.part) return;
    let kept = 0;
    await forEachItem(this.zip, this.part, limits, (text, index) => {
      if (index >= this.words.length) {
        const grown = new Uint8Array(this.words.length * 2);
        grown.set(this.words);
        this.words = grown;
      }
      if (holdsTableWord(text)) this.words[index] = 1;
      if (kept + text.length <= limits.sharedStringChars) {
        this.texts[index] = detach(text);
        kept += text.length;
      } else this.complete = false;
      this.count = index + 1;
    });
  }

  tableWord(index: number): boolean {
    return index < this.words.length && this.words[index] === 1;
  }

  text(index: number): string | undefined {
    return this.texts[index];
  }

  /** Fetches the strings the kept cells need that the first pass did not keep. */
  async fetch(needed: Set<number>, limits: ReadLimits): Promise<void> {
    if (this.complete || needed.size === 0 || !this.part) return;
    await forEachItem(this.zip, this.part, limits, (text, index) => {
      if (needed.has(index)) this.texts[index] = detach(text);
    });
  }
}

async function forEachItem(zip: ZipPackage, part: string, limits: ReadLimits, visit: (text: string, index: number) => void): Promise<void> {
  await scanItems(zip, part, {
    item: (_raw, inner, index) => visit(inner === null ? '' : itemText(inner), index),
    chunk: async () => {
      if (Date.now() > limits.deadline) throw new ReadTimeoutError('shared strings');
    },
  });
}

/**
 * Streams the <si> items of a shared-string part: `item` gets each item whole (raw), its inner XML
 * (null for <si/>) and its index; `between` the text around them; `chunk` runs after each chunk.
 */
export async function scanItems(
  zip: ZipPackage,
  part: string,
  on: { item: (raw: string, inner: string | null, index: number) => void; between?: (text: string) => void; chunk?: () => Promise<void> },
): Promise<void> {
  let carry = '';
  let index = 0;
  const between = (text: string) => {
    if (text && on.between) on.between(text);
  };
  for await (const chunk of zip.textChunks(part)) {
    const buf = carry + chunk;
    let p = 0;
    for (;;) {
      const i = buf.indexOf('<si', p);
      if (i < 0) {
        // Keep a tail that may be the start of the next item's tag ("<s" at the chunk's end).
        const tail = Math.max(p, buf.length - 3);
        between(buf.slice(p, tail));
        p = tail;
        break;
      }
      const gt = buf.indexOf('>', i);
      if (gt < 0) break;
      between(buf.slice(p, i));
      p = i;
      if (buf.charCodeAt(gt - 1) === 0x2f) {
        on.item(buf.slice(i, gt + 1), null, index++);
        p = gt + 1;
        continue;
      }
      const end = buf.indexOf('</si>', gt);
      if (end < 0) break;
      on.item(buf.slice(i, end + 5), buf.slice(gt + 1, end), index++);
      p = end + 5;
    }
    carry = buf.slice(p);
    if (on.chunk) await on.chunk();
  }
  between(carry);
}

// ---------------------------------------------------------------------------------------------
// One sheet

/** A cell whose text waits for its shared string. */
interface PendingCell {
  cell: Cell;
  index: number;
}

class SheetScan {
  cells: (Cell | undefined)[][] = [];
  merges: Merge[] = [];
  pending: PendingCell[] = [];
  kept = 0;
  lastWordRow = -1;
  sawWord = false;
  row = -1;
  col = -1;
  partial: PartialSheet['reason'] | null = null;
  /** Shared-string indices this sheet's cells use (a copy of a part-read workbook keeps only these). */
  readonly stringsUsed = new Set<number>();
  private readonly sharedFormulas = new Map<string, { formula: string; row: number; col: number }>();

  constructor(
    readonly name: string,
    private readonly formats: (string | undefined)[],
    private readonly strings: SharedStrings,
    private readonly date1904: boolean,
    private readonly limits: ReadLimits,
  ) {}

  /** Whether to go on past the row about to start. */
  beforeRow(row: number): boolean {
    if (row - this.lastWordRow > this.limits.rowsPastLabels) {
      this.partial = 'no-table-words';
      return false;
    }
    if (this.kept >= this.limits.cellsPerSheet) {
      this.partial = 'cell-limit';
      return false;
    }
    if ((row & 255) === 0 && Date.now() > this.limits.deadline) throw new ReadTimeoutError(this.name);
    return true;
  }

  /** One <c> element: `tag` its start tag, `inner` what lies between it and </c>. */
  addCell(tag: string, inner: string): void {
    const ref = fastAttr(tag, ' r="');
    if (ref !== undefined) {
      const at = decodeAddress(ref);
      if (at) {
        if (at.row !== this.row) this.row = at.row;
        this.col = at.col;
      } else this.col++;
    } else this.col++;
    const row = this.row;
    const col = this.col;
    const t = fastAttr(tag, ' t="') ?? 'n';
    const s = fastAttr(tag, ' s="');
    const numberFormat = s !== undefined ? this.formats[Number(s)] : undefined;

    let formula: string | undefined;
    const f = inner.indexOf('<f');
    if (f >= 0) formula = this.readFormula(inner, f, row, col);
    let v: string | undefined;
    const vi = inner.indexOf('<v');
    if (vi >= 0) {
      const gt = inner.indexOf('>', vi);
      const ve = inner.indexOf('</v>', gt);
      if (gt >= 0 && inner.charCodeAt(gt - 1) !== 0x2f && ve > gt) v = inner.slice(gt + 1, ve);
    }

    let value: RawValue = null;
    let text = '';
    let pendingIndex = -1;
    switch (t) {
      case 's': {
        const index = v === undefined ? NaN : Number(v);
        if (!Number.isInteger(index) || index < 0) break;
        this.stringsUsed.add(index);
        if (this.strings.tableWord(index)) this.lastWordRow = row;
        const str = this.strings.text(index);
        if (str === undefined) pendingIndex = index;
        else value = text = str;
        break;
      }
      case 'inlineStr': {
        const is = inner.indexOf('<is');
        if (is >= 0) value = text = detach(itemText(inner.slice(is)));
        if (holdsTableWord(text)) this.lastWordRow = row;
        break;
      }
      case 'str': {
        if (v !== undefined) value = text = detach(decodeCellText(v));
        if (holdsTableWord(text)) this.lastWordRow = row;
        break;
      }
      case 'b':
        if (v !== undefined) {
          value = v.trim() === '1' || v.trim() === 'true';
          text = value ? 'TRUE' : 'FALSE';
        }
        break;
      case 'e':
        if (v !== undefined) {
          const error = decodeXml(v).trim();
          value = { error };
          text = error;
        }
        break;
      case 'd': {
        // ISO 8601 date (strict OOXML); dates arrive as serials, as exceljs hands them over.
        const ms = v === undefined ? NaN : Date.parse(/Z|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
        if (Number.isFinite(ms)) {
          value = Math.round((ms / 86400000 + 25569 - (this.date1904 ? 1462 : 0)) * 1e9) / 1e9;
          text = formatNumber(value, numberFormat ?? 'yyyy-mm-dd', this.date1904);
        }
        break;
      }
      default: {
        if (v === undefined) break;
        const n = Number(v);
        if (v.trim() === '' || Number.isNaN(n)) break;
        value = n;
        text = Number.isFinite(n) ? formatNumber(n, numberFormat, this.date1904) : String(n);
      }
    }
    if (pendingIndex < 0 && (value === null || value === '') && formula === undefined) return;
    const cell: Cell = { value, text };
    if (numberFormat) cell.numberFormat = numberFormat;
    if (formula !== undefined) cell.formula = formula;
    if (pendingIndex >= 0) this.pending.push({ cell, index: pendingIndex });
    const line = this.cells[row] ?? (this.cells[row] = []);
    line[col] = cell;
    this.kept++;
  }

  private readFormula(inner: string, at: number, row: number, col: number): string | undefined {
    const gt = inner.indexOf('>', at);
    if (gt < 0) return undefined;
    const tag = inner.slice(at, gt + 1);
    const selfClosing = inner.charCodeAt(gt - 1) === 0x2f;
    let body = '';
    if (!selfClosing) {
      const end = inner.indexOf('</f>', gt);
      body = end > gt ? decodeXml(inner.slice(gt + 1, end)) : '';
    }
    if (attr(tag, 't') === 'shared') {
      const si = attr(tag, 'si') ?? '';
      if (body) {
        this.sharedFormulas.set(si, { formula: body, row, col });
        return detach(body);
      }
      const master = this.sharedFormulas.get(si);
      // exceljs's cell.formula gives a shared formula's dependants their own references: so do we.
      return master ? slideFormula(master.formula, master.row, master.col, row, col) : undefined;
    }
    if (body.startsWith('=')) body = body.slice(1);
    return body ? detach(body) : undefined;
  }

  addMerge(ref: string): void {
    const [a, b = a] = ref.split(':');
    const x = decodeAddress(a);
    const y = decodeAddress(b);
    if (!x || !y) return;
    this.merges.push({ top: Math.min(x.row, y.row), left: Math.min(x.col, y.col), bottom: Math.max(x.row, y.row), right: Math.max(x.col, y.col) });
  }

  /** Office.js reads a merged area's other cells as empty: drop what a file may hold there. */
  clearMergedCells(): void {
    for (const m of this.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        const line = this.cells[r];
        if (!line) continue;
        for (let c = m.left; c <= m.right; c++) if ((r !== m.top || c !== m.left) && line[c]) line[c] = undefined;
      }
    }
  }
}

function fastAttr(tag: string, key: string): string | undefined {
  const i = tag.indexOf(key);
  if (i < 0) return tag.indexOf("'") >= 0 ? attr(tag, key.trim().slice(0, -2)) : undefined;
  const end = tag.indexOf('"', i + key.length);
  return end < 0 ? undefined : tag.slice(i + key.length, end);
}

const CELL_REF = /(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!])/g;

/** A shared formula as it reads from another cell: relative references moved by the offset. */
function slideFormula(formula: string, fromRow: number, fromCol: number, toRow: number, toCol: number): string {
  const dr = toRow - fromRow;
  const dc = toCol - fromCol;
  // Text in quotes is left alone.
  return formula
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(CELL_REF, (m, colAbs: string, letters: string, rowAbs: string, digits: string) => {
            let col = 0;
            for (const ch of letters) col = col * 26 + ch.charCodeAt(0) - 64;
            const c = colAbs ? col : col + dc;
            const r = rowAbs ? Number(digits) : Number(digits) + dr;
            if (c < 1 || r < 1) return m;
            let s = '';
            for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
            return `${colAbs}${s}${rowAbs}${r}`;
          }),
    )
    .join('"');
}

type Mode = 'before' | 'data' | 'skipData' | 'after' | 'done';

async function scanSheet(zip: ZipPackage, part: string, scan: SheetScan, limits: ReadLimits): Promise<void> {
  let mode: Mode = 'before';
  let carry = '';
  for await (const chunk of zip.textChunks(part)) {
    if (Date.now() > limits.deadline) throw new ReadTimeoutError(scan.name);
    const buf = carry + chunk;
    carry = '';
    let p = 0;
    while (mode !== 'done') {
      if (mode === 'before') {
        const i = buf.indexOf('<sheetData', p);
        const gt = i < 0 ? -1 : buf.indexOf('>', i);
        if (gt < 0) {
          carry = buf.slice(Math.max(p, i < 0 ? buf.length - 16 : i));
          break;
        }
        mode = buf.charCodeAt(gt - 1) === 0x2f ? 'after' : 'data';
        p = gt + 1;
      } else if (mode === 'data') {
        const i = buf.indexOf('<', p);
        if (i < 0) break;
        const c1 = buf.charCodeAt(i + 1);
        const c2 = buf.charCodeAt(i + 2);
        if (c1 === 0x63 /* c */ && (c2 === 0x20 || c2 === 0x3e || c2 === 0x2f)) {
          const gt = buf.indexOf('>', i);
          if (gt < 0) {
            carry = buf.slice(i);
            break;
          }
          if (buf.charCodeAt(gt - 1) === 0x2f) {
            // An empty cell (a style only): it still moves the column for the next one without r.
            const ref = fastAttr(buf.slice(i, gt + 1), ' r="');
            const at = ref ? decodeAddress(ref) : null;
            scan.col = at ? at.col : scan.col + 1;
            p = gt + 1;
            continue;
          }
          const end = buf.indexOf('</c>', gt);
          if (end < 0) {
            carry = buf.slice(i);
            break;
          }
          scan.addCell(buf.slice(i, gt + 1), buf.slice(gt + 1, end));
          p = end + 4;
        } else if (c1 === 0x72 /* r */ && buf.startsWith('<row', i) && /[\s>/]/.test(buf[i + 4] ?? '')) {
          const gt = buf.indexOf('>', i);
          if (gt < 0) {
            carry = buf.slice(i);
            break;
          }
          const r = fastAttr(buf.slice(i, gt + 1), ' r="');
          const row = r !== undefined && Number(r) >= 1 ? Number(r) - 1 : scan.row + 1;
          if (!scan.beforeRow(row)) {
            mode = scan.sawWord ? 'skipData' : 'done';
            p = gt + 1;
            continue;
          }
          scan.row = row;
          scan.col = -1;
          p = gt + 1;
        } else if (c1 === 0x2f /* / */ && buf.startsWith('</sheetData>', i)) {
          mode = 'after';
          p = i + 12;
        } else {
          if (i + 12 > buf.length) {
            carry = buf.slice(i);
            break;
          }
          p = i + 1;
        }
        if (scan.lastWordRow >= 0) scan.sawWord = true;
      } else if (mode === 'skipData') {
        const i = buf.indexOf('</sheetData>', p);
        if (i < 0) {
          carry = buf.slice(Math.max(p, buf.length - 16));
          break;
        }
        mode = 'after';
        p = i + 12;
      } else {
        // After the cells: the merged areas, when the sheet has any.
        const i = buf.indexOf('<mergeCell', p);
        if (i < 0) {
          if (buf.indexOf('</worksheet', p) >= 0) mode = 'done';
          else carry = buf.slice(Math.max(p, buf.length - 16));
          break;
        }
        const gt = buf.indexOf('>', i);
        if (gt < 0) {
          carry = buf.slice(i);
          break;
        }
        const tag = buf.slice(i, gt + 1);
        if (tag.startsWith('<mergeCell ')) {
          const ref = attr(tag, 'ref');
          if (ref) scan.addMerge(ref);
        }
        p = gt + 1;
      }
    }
    if (mode === 'done') break;
  }
}

// ---------------------------------------------------------------------------------------------
// The package

const REL = {
  officeDocument: /\/officeDocument$/,
  worksheet: /\/worksheet$/,
  styles: /\/styles$/,
  sharedStrings: /\/sharedStrings$/,
};

export interface PackageRead {
  grids: Grid[];
  partial: PartialSheet[];
  /** Sheets listed by the workbook (worksheets only: chart sheets hold no cells). */
  sheetCount: number;
  /** The package holds a VBA project (an .xlsm, whatever its name). */
  macros: boolean;
  /** Shared-string indices used by the sheets read whole. */
  stringsUsed: Set<number>;
}

/** The workbook part, its relationships and its worksheets in order (chart sheets left out). */
export function packageSheets(zip: ZipPackage): { workbookPart: string; workbookXml: string; rels: Relationship[]; sheets: SheetEntry[] } {
  const rootRels = readRels(zip, '');
  const workbookPart = rootRels.find((r) => REL.officeDocument.test(r.type))?.target ?? 'xl/workbook.xml';
  const workbookXml = zip.readText(workbookPart, PART_MAX);
  if (workbookXml === undefined) throw new ZipFormatError('压缩包中没有工作簿部件（no workbook part）');
  const rels = readRels(zip, workbookPart);
  const byId = new Map(rels.map((r) => [r.id, r]));

  const sheets: SheetEntry[] = [];
  const sheetsStart = workbookXml.indexOf('<sheets');
  const sheetsEnd = workbookXml.indexOf('</sheets>', sheetsStart);
  if (sheetsStart >= 0) {
    for (const tag of startTags(workbookXml.slice(sheetsStart, sheetsEnd < 0 ? undefined : sheetsEnd), 'sheet')) {
      const rid = /\s[A-Za-z0-9_]+:id\s*=\s*["']([^"']*)["']/.exec(tag)?.[1];
      const rel = rid !== undefined ? byId.get(rid) : undefined;
      if (!rel || !REL.worksheet.test(rel.type) || !zip.entry(rel.target)) continue;
      const state = attr(tag, 'state');
      sheets.push({ name: attr(tag, 'name') ?? '', part: rel.target, hidden: state === 'hidden' || state === 'veryHidden' });
    }
  }
  return { workbookPart, workbookXml, rels, sheets };
}

export async function readPackageGrids(zip: ZipPackage, limits: ReadLimits): Promise<PackageRead> {
  const { workbookXml, rels, sheets } = packageSheets(zip);
  const pr = [...startTags(workbookXml, 'workbookPr')][0];
  const date1904 = pr !== undefined && /^(1|true)$/i.test(attr(pr, 'date1904') ?? '');

  const formats = readStyles(zip, rels.find((r) => REL.styles.test(r.type))?.target);
  const strings = new SharedStrings(zip, rels.find((r) => REL.sharedStrings.test(r.type))?.target);
  await strings.load(limits);

  const scans: SheetScan[] = [];
  const grids: Grid[] = [];
  const partial: PartialSheet[] = [];
  for (const sheet of sheets) {
    const scan = new SheetScan(sheet.name, formats, strings, date1904, limits);
    await scanSheet(zip, sheet.part, scan, limits);
    scan.clearMergedCells();
    scans.push(scan);
    if (scan.partial) partial.push({ sheet: sheet.name, part: sheet.part, rowsRead: scan.row + 1, reason: scan.partial });
    const grid: Grid = { name: sheet.name, cells: scan.cells, merges: scan.merges };
    if (sheet.hidden) grid.hidden = true;
    grids.push(grid);
  }

  const needed = new Set<number>();
  for (const s of scans) for (const p of s.pending) needed.add(p.index);
  await strings.fetch(needed, limits);
  for (const s of scans) {
    for (const p of s.pending) {
      const text = strings.text(p.index) ?? '';
      p.cell.value = text;
      p.cell.text = text;
    }
    s.pending = [];
  }
  // A cell whose shared string turned out empty is no cell at all (as readWorkbook leaves it out).
  for (const s of scans) {
    for (const line of s.cells) {
      if (!line) continue;
      for (let c = 0; c < line.length; c++) {
        const cell = line[c];
        if (cell && cell.value === '' && cell.formula === undefined) line[c] = undefined;
      }
    }
  }
  const stringsUsed = new Set<number>();
  for (const s of scans) if (!s.partial) for (const i of s.stringsUsed) stringsUsed.add(i);
  return { grids, partial, sheetCount: sheets.length, macros: rels.some((r) => /\/vbaProject$/.test(r.type)), stringsUsed };
}
