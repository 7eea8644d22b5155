/**
 * exceljs workbook → engine Grids, and a file reader that turns every way a file can fail into one
 * clear line. The Grid looks like what Office.js gives the add-in: merged areas hold their content
 * in the top-left cell only, texts are as Excel displays them.
 */
import * as fs from 'fs';
import * as path from 'path';
import type * as ExcelJS from 'exceljs';
import type { Cell, Grid, Merge, RawValue } from '../core/grid';
import { formatNumber } from './numberFormat';
import { DEFAULT_LIMITS, ReadTimeoutError, readPackageGrids, type PackageRead, type PartialSheet, type ReadLimits } from './readPackage';
import { ZipPackage } from './zipPackage';
import { legacyToXlsx, readLegacyWorkbook, type LegacyRead } from './readLegacy';

/**
 * exceljs, loaded on first use: plain scoring reads packages itself, and loading exceljs costs a
 * third of a second per run, a third of a small batch's time.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const excel = (): typeof ExcelJS => require('exceljs') as typeof ExcelJS;

const MS_PER_DAY = 86400000;
/** Serial of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;
const DATE1904_OFFSET = 1462;

/** Converts every worksheet of an exceljs workbook into a Grid. */
export function readWorkbook(workbook: ExcelJS.Workbook): Grid[] {
  const date1904 = Boolean(workbook.properties?.date1904);
  const grids: Grid[] = [];
  workbook.eachSheet((ws) => grids.push(readWorksheet(ws, date1904)));
  return grids;
}

/** Converts one worksheet into a Grid (absolute 0-based coordinates). */
export function readWorksheet(ws: ExcelJS.Worksheet, date1904 = false): Grid {
  const cells: (Cell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let out: (Cell | undefined)[] | undefined;
    row.eachCell({ includeEmpty: false }, (c, colNumber) => {
      // Non-master cells of a merge repeat the master's value in exceljs; Office.js leaves them empty.
      if (c.type === excel().ValueType.Merge) return;
      const cell = toGridCell(c, date1904);
      if (!cell) return;
      if (!out) out = cells[rowNumber - 1] = [];
      out[colNumber - 1] = cell;
    });
  });
  const grid: Grid = { name: ws.name, cells, merges: readMerges(ws) };
  if (ws.state === 'hidden' || ws.state === 'veryHidden') grid.hidden = true;
  return grid;
}

function readMerges(ws: ExcelJS.Worksheet): Merge[] {
  // ws.model rebuilds the whole sheet model; the private merge index is the cheap way in.
  const index = (ws as unknown as { _merges?: Record<string, { model?: { top: number; left: number; bottom: number; right: number } }> })._merges;
  const merges: Merge[] = [];
  if (index && typeof index === 'object') {
    for (const range of Object.values(index)) {
      const m = range?.model;
      if (m) merges.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
    }
    return merges;
  }
  for (const a1 of (ws.model as { merges?: string[] }).merges ?? []) {
    const [from, to] = a1.split(':');
    const a = ws.getCell(from);
    const b = ws.getCell(to ?? from);
    merges.push({ top: Number(a.row) - 1, left: Number(a.col) - 1, bottom: Number(b.row) - 1, right: Number(b.col) - 1 });
  }
  return merges;
}

/** Excel serial number of a date as exceljs returns it. */
export function dateToSerial(d: Date, date1904 = false): number {
  const serial = d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL - (date1904 ? DATE1904_OFFSET : 0);
  // exceljs rounds to whole milliseconds; undo the float noise that leaves.
  return Math.round(serial * 1e9) / 1e9;
}

type Scalar = RawValue | Date | undefined;

function plainText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && Array.isArray((v as { richText?: unknown }).richText)) {
    return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text ?? '').join('');
  }
  return String(v);
}

/** Splits an exceljs cell value into raw value and formula, whatever its shape. */
function unpack(value: ExcelJS.CellValue): { raw: Scalar; formula?: string } {
  if (value === null || value === undefined) return { raw: null };
  if (typeof value !== 'object' || value instanceof Date) return { raw: value };
  if ('error' in value) return { raw: { error: String(value.error) } };
  if ('richText' in value) return { raw: plainText(value) };
  if ('hyperlink' in value) return { raw: plainText((value as ExcelJS.CellHyperlinkValue).text) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    let raw: Scalar;
    if (result && typeof result === 'object' && !(result instanceof Date)) {
      raw = 'error' in result ? { error: String(result.error) } : plainText(result);
    } else {
      raw = result ?? null;
    }
    return { raw };
  }
  return { raw: plainText(value) };
}

function toGridCell(c: ExcelJS.Cell, date1904: boolean): Cell | undefined {
  const { raw } = unpack(c.value);
  let formula: string | undefined;
  if (c.type === excel().ValueType.Formula) {
    // cell.formula translates shared formulas to this cell's own references.
    const f = c.formula;
    if (f) formula = f.startsWith('=') ? f.slice(1) : f;
  }
  const numberFormat = c.numFmt || undefined;
  let value: RawValue;
  let text: string;
  if (raw instanceof Date) {
    value = dateToSerial(raw, date1904);
    text = formatNumber(value, numberFormat ?? 'yyyy-mm-dd', date1904);
  } else if (typeof raw === 'number') {
    value = raw;
    text = Number.isFinite(raw) ? formatNumber(raw, numberFormat, date1904) : String(raw);
  } else if (typeof raw === 'boolean') {
    value = raw;
    text = raw ? 'TRUE' : 'FALSE';
  } else if (raw && typeof raw === 'object') {
    value = raw;
    text = raw.error;
  } else {
    value = raw ?? null;
    text = raw ?? '';
  }
  if ((value === null || value === '') && formula === undefined) return undefined;
  const cell: Cell = { value, text };
  if (numberFormat) cell.numberFormat = numberFormat;
  if (formula !== undefined) cell.formula = formula;
  return cell;
}

// ---------------------------------------------------------------------------------------------
// Reading a file

export type ReadFailure =
  | 'NOT_FOUND'
  | 'IS_DIRECTORY'
  | 'NO_PERMISSION'
  | 'EMPTY'
  | 'XLS'
  | 'ENCRYPTED'
  | 'NOT_XLSX'
  | 'NOT_REGULAR'
  | 'TOO_LARGE'
  | 'TIMEOUT'
  | 'CORRUPT';

/** A file that cannot be read as a workbook; `message` is one line for the user (Chinese + English). */
export class WorkbookReadError extends Error {
  constructor(
    readonly reason: ReadFailure,
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** Encrypted OOXML lives in an OLE container with an "EncryptedPackage" stream (name in UTF-16LE). */
const ENCRYPTED_MARKER = Buffer.from('EncryptedPackage', 'utf16le');

function describeNonZip(file: string, label: string, head: Buffer): WorkbookReadError {
  const fail = (reason: ReadFailure, what: string) => new WorkbookReadError(reason, label, `无法读取 ${label}：${what}`);
  const ext = path.extname(file).toLowerCase();
  if (head.subarray(0, 5).toString('latin1') === '<?xml' || /^\s*</.test(head.subarray(0, 64).toString('latin1'))) {
    return fail('NOT_XLSX', '不是 .xlsx 文件（像是 XML/HTML 文本，请在 Excel 中另存为 .xlsx）（not an .xlsx workbook）');
  }
  if (ext === '.csv' || ext === '.txt' || looksLikeText(head)) {
    return fail('NOT_XLSX', '不是 .xlsx 文件（是文本或 CSV 文件，请在 Excel 中打开后另存为 .xlsx）（not an .xlsx workbook: text/CSV）');
  }
  return fail('NOT_XLSX', '不是 .xlsx 文件（请在 Excel 中另存为 .xlsx）（not an .xlsx workbook）');
}

function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false;
  let control = 0;
  for (const b of head) if (b < 9 || (b > 13 && b < 32)) control++;
  return control === 0;
}

export interface ReadOptions {
  /** Files larger than this are refused unread (bytes). */
  maxBytes?: number;
  /** Reading a file stops after this long (milliseconds). */
  timeoutMs?: number;
  /** Overrides of the streaming reader's bounds (tests use small ones). */
  limits?: Partial<Omit<ReadLimits, 'deadline'>>;
}

export const DEFAULT_MAX_BYTES = 1024 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 300_000;

/** A workbook read for scoring: its Grids, and the way to open it whole when a copy is to be written. */
export interface LoadedWorkbook {
  grids: Grid[];
  /** Sheets read only in part (a data sheet beside the table), for the copy's decision. */
  partial: PartialSheet[];
  /** Shared-string indices the sheets read whole use (what a grafted copy's exceljs load needs). */
  stringsUsed?: Set<number>;
  /** The file's size in bytes. */
  size: number;
  /** xlsx; xlsm (a VBA project inside); legacy (.xls/.et, whose copy can only be an .xlsx). */
  format: 'xlsx' | 'xlsm' | 'legacy';
  /** Loads the whole workbook into exceljs (only a scored copy needs it). */
  open(): Promise<ExcelJS.Workbook>;
}

const mb = (bytes: number) => `${Number((bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 3 : 0))} MB`;

/**
 * Reads a workbook file into Grids, streaming: only regular files are opened, the size and time are
 * capped, and the sheets' XML is scanned without loading the workbook (src/cli/readPackage.ts).
 * Every failure is a WorkbookReadError whose message is one line naming the file and what happened.
 */
export async function readWorkbookFile(file: string, label: string = file, options: ReadOptions = {}): Promise<LoadedWorkbook> {
  const fail = (reason: ReadFailure, what: string) => new WorkbookReadError(reason, label, `无法读取 ${label}：${what}`);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let fd: number;
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw fail('IS_DIRECTORY', '这是一个文件夹，不是 .xlsx 文件（is a directory）');
    if (!stat.isFile()) throw notRegular(stat, fail);
    // O_NONBLOCK: should the path turn into a FIFO between stat and open, opening it must not hang.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) {
      fs.closeSync(fd);
      throw notRegular(opened, fail);
    }
    size = opened.size;
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw fail('NOT_FOUND', '文件不存在，请检查路径（file not found）');
    if (code === 'EACCES' || code === 'EPERM') throw fail('NO_PERMISSION', '没有读取权限（permission denied）');
    if (code === 'EISDIR') throw fail('IS_DIRECTORY', '这是一个文件夹，不是 .xlsx 文件（is a directory）');
    if (code === 'ELOOP') throw fail('NOT_REGULAR', '是循环的符号链接，不是普通文件（symlink loop）');
    throw fail('CORRUPT', `读取文件失败（${oneLine(e)}）`);
  }
  try {
    if (size === 0) throw fail('EMPTY', '文件为空（0 字节）（empty file）');
    if (size > maxBytes) {
      throw fail('TOO_LARGE', `文件大小 ${mb(size)}，超过上限 ${mb(maxBytes)}，未读取；如确需处理，请用 --max-size 调高上限（file larger than the cap）`);
    }
    const head = Buffer.alloc(Math.min(512, size));
    fs.readSync(fd, head, 0, head.length, 0);
    if (head.subarray(0, 8).equals(OLE_SIGNATURE)) {
      // A compound file: an encrypted .xlsx, or a legacy .xls/.et (at most 65,536 rows: read whole).
      const whole = fs.readFileSync(fd);
      if (whole.includes(ENCRYPTED_MARKER)) {
        throw fail('ENCRYPTED', '文件设有打开密码（已加密），请在 Excel 中取消密码后另存为 .xlsx（password-protected workbook）');
      }
      let legacy: LegacyRead;
      try {
        legacy = readLegacyWorkbook(whole);
      } catch (e) {
        throw fail('XLS', `是旧版 Excel/WPS 文件（.xls/.et），但无法读取（${oneLine(e)}），请在 Excel 或 WPS 中另存为 .xlsx（unreadable legacy workbook）`);
      }
      if (legacy.grids.length === 0) throw fail('XLS', '是旧版 Excel/WPS 文件（.xls/.et），但其中没有工作表（no worksheets in legacy workbook）');
      return { grids: legacy.grids, partial: [], size, format: 'legacy', open: () => loadBytesWithExcelJS(legacyToXlsx(legacy.workbook), fail) };
    }
    if (head.subarray(0, 4).equals(EMPTY_ZIP_SIGNATURE)) {
      throw fail('CORRUPT', '文件已损坏（压缩包为空），请重新从 Excel 保存（corrupt .xlsx）');
    }
    if (!head.subarray(0, 4).equals(ZIP_SIGNATURE)) throw describeNonZip(file, label, head);

    const limits: ReadLimits = { ...DEFAULT_LIMITS, ...options.limits, deadline: Date.now() + timeoutMs };
    let read: PackageRead;
    try {
      read = await readPackageGrids(ZipPackage.open(fd, size), limits);
    } catch (e) {
      if (e instanceof ReadTimeoutError) {
        throw fail('TIMEOUT', `读取超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已放弃（停在工作表“${e.message}”）；如确需处理，请用 --timeout 调高时限（read timed out）`);
      }
      throw fail('CORRUPT', `文件已损坏或不完整，无法作为 .xlsx 打开，请重新从 Excel 保存（corrupt or truncated .xlsx: ${oneLine(e)}）`);
    }
    if (read.sheetCount === 0) throw fail('CORRUPT', '文件中没有工作表，可能不是 Excel 工作簿或已损坏（no worksheets）');
    return { grids: read.grids, partial: read.partial, stringsUsed: read.stringsUsed, size, format: read.macros ? 'xlsm' : 'xlsx', open: () => loadBytesWithExcelJS(fs.readFileSync(file), fail) };
  } finally {
    fs.closeSync(fd);
  }
}

function notRegular(stat: fs.Stats, fail: (reason: ReadFailure, what: string) => WorkbookReadError): WorkbookReadError {
  const what = stat.isFIFO()
    ? '是命名管道（FIFO），不是普通文件'
    : stat.isCharacterDevice() || stat.isBlockDevice()
      ? '是设备文件，不是普通文件'
      : stat.isSocket()
        ? '是套接字，不是普通文件'
        : '不是普通文件';
  return fail('NOT_REGULAR', `${what}，未读取（not a regular file）`);
}

/** The whole workbook in exceljs, for writing a scored copy. */
async function loadBytesWithExcelJS(bytes: Buffer, fail: (reason: ReadFailure, what: string) => WorkbookReadError): Promise<ExcelJS.Workbook> {
  const workbook = new (excel().Workbook)();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw fail('CORRUPT', `文件已损坏或不完整，无法作为 .xlsx 打开，请重新从 Excel 保存（corrupt or truncated .xlsx: ${oneLine(e)}）`);
  }
  return workbook;
}

/** First line of an error's message, trimmed, for embedding in a one-line report. */
export function oneLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const first = msg.split(/\r?\n/)[0].trim();
  return first.length > 160 ? `${first.slice(0, 157)}…` : first;
}

/** A workbook file loaded whole into exceljs, with its Grids (for code that edits the workbook itself). */
export async function loadWorkbookFile(file: string, label: string = file): Promise<{ grids: Grid[]; workbook: ExcelJS.Workbook }> {
  const loaded = await readWorkbookFile(file, label);
  const workbook = await loaded.open();
  return { grids: readWorkbook(workbook), workbook };
}
