/**
 * Helpers for the batch tests: running the compiled CLI, variants of the seed workbook, and the bad
 * files a 财政局 really receives (encrypted workbooks and .xls are OLE compound files, built here).
 */
import { spawn } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';

export const ROOT = path.join(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'jixiao.js');
export const SEED = path.join(ROOT, 'tests', 'fixtures', 'xincheng-12345-2023.xlsx');

/** The CLI tests run the compiled CLI; say how to get it rather than fail obscurely. */
export function requireBuiltCli(): void {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'))) {
    throw new Error('lib/cli/main.js 不存在：批量测试需要先编译 CLI，请运行 npm run build（或 npx tsc -p tsconfig.cli.json）');
  }
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/jixiao.js …` asynchronously (jest's timers keep running; big JSON outputs fit). */
export function jixiao(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** A literal string inside a RegExp (CLI messages name files by absolute path, which may hold . + ( …). */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const sha256 = (f: string): string => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

export interface VariantOptions {
  project?: string;
  department?: string;
  /** 全年预算数 (A) and 全年执行数 (B) of the funds row and its 当年财政拨款 source row. */
  budget?: number;
  executed?: number;
  /** Fixes the seed's weights (产出 60 → 50) so the table carries no error and gets a grade. */
  graded?: boolean;
  /** 按时办结率's actual (E15 target is 100%): lower it to lower the total. */
  onTimeRate?: number;
  /** Name of the sheet holding the table. */
  sheet?: string;
}

/** Loads the seed workbook (a fresh copy each time; the fixture itself is never written). */
export async function loadSeed(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SEED);
  return wb;
}

/** Applies a variant to the seed's 自评表 in place. */
export function applyVariant(ws: ExcelJS.Worksheet, o: VariantOptions): void {
  if (o.project !== undefined) ws.getCell('C3').value = o.project;
  if (o.department !== undefined) ws.getCell('C4').value = o.department;
  for (const row of [6, 7]) {
    if (o.budget !== undefined) ws.getCell(`E${row}`).value = o.budget;
    if (o.executed !== undefined) ws.getCell(`F${row}`).value = o.executed;
    if (o.budget !== undefined || o.executed !== undefined) {
      const a = Number(ws.getCell(`E${row}`).value);
      const b = Number(ws.getCell(`F${row}`).value);
      ws.getCell(`H${row}`).value = b / a;
    }
  }
  if (o.graded) {
    ws.getCell('B13').value = '产出指标 (50 分)';
    ws.getCell('G13').value = 10;
    ws.getCell('H13').value = 10;
  }
  if (o.onTimeRate !== undefined) ws.getCell('F15').value = o.onTimeRate;
  if (o.sheet !== undefined) ws.name = o.sheet;
}

/** Writes a variant of the seed to `file`. */
export async function writeSeedVariant(file: string, o: VariantOptions = {}): Promise<void> {
  const wb = await loadSeed();
  applyVariant(wb.worksheets[0], o);
  await wb.xlsx.writeFile(file);
}

/** A valid workbook without any self-evaluation table. */
export async function writeNoTableWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('通讯录');
  ws.addRow(['姓名', '电话']);
  ws.addRow(['张三', '12345']);
  await wb.xlsx.writeFile(file);
}

// ---------------------------------------------------------------------------------------------
// OLE compound files (MS-CFB, version 3, 512-byte sectors). Streams are kept at ≥ 4096 bytes so
// they live in regular sectors and no mini stream is needed: a well-formed container, minimal.

const SECTOR = 512;
const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

function dirEntry(name: string, type: 1 | 2 | 5, opts: { left?: number; right?: number; child?: number; start?: number; size?: number }): Buffer {
  const e = Buffer.alloc(128);
  const n = Buffer.from(`${name}\0`, 'utf16le');
  n.copy(e, 0);
  e.writeUInt16LE(n.length, 64);
  e.writeUInt8(type, 66);
  e.writeUInt8(1, 67); // black
  e.writeUInt32LE(opts.left ?? NOSTREAM, 68);
  e.writeUInt32LE(opts.right ?? NOSTREAM, 72);
  e.writeUInt32LE(opts.child ?? NOSTREAM, 76);
  e.writeUInt32LE(opts.start ?? ENDOFCHAIN, 116);
  e.writeUInt32LE(opts.size ?? 0, 120);
  return e;
}

/**
 * A compound file holding the given streams under the root storage (at most 3, each padded to a
 * multiple of 512 and at least 4096 bytes). Siblings form a right-leaning chain in CFB name order
 * (shorter names first, then upper-cased comparison).
 */
export function compoundFile(streams: { name: string; data: Buffer }[]): Buffer {
  if (streams.length > 3) throw new Error('compoundFile: at most 3 streams');
  const sorted = [...streams].sort((a, b) => a.name.length - b.name.length || (a.name.toUpperCase() < b.name.toUpperCase() ? -1 : 1));
  const padded = sorted.map((s) => {
    const size = Math.max(4096, Math.ceil(s.data.length / SECTOR) * SECTOR);
    const data = Buffer.alloc(size);
    s.data.copy(data);
    return { name: s.name, data, size: Math.max(4096, s.data.length) };
  });
  // Sector 0: FAT, sector 1: directory, then each stream's sectors in turn.
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(ENDOFCHAIN, 4);
  let next = 2;
  const starts: number[] = [];
  for (const s of padded) {
    const count = s.data.length / SECTOR;
    starts.push(next);
    for (let k = 0; k < count; k++) fat.writeUInt32LE(k === count - 1 ? ENDOFCHAIN : next + k + 1, (next + k) * 4);
    next += count;
  }
  if (next > SECTOR / 4) throw new Error('compoundFile: streams too large for one FAT sector');
  const entries = [dirEntry('Root Entry', 5, { child: padded.length ? 1 : NOSTREAM })];
  padded.forEach((s, i) => entries.push(dirEntry(s.name, 2, { right: i + 1 < padded.length ? i + 2 : NOSTREAM, start: starts[i], size: s.size })));
  while (entries.length < 4) entries.push(Buffer.alloc(128));
  for (let i = padded.length + 1; i < 4; i++) {
    entries[i].writeUInt32LE(NOSTREAM, 68);
    entries[i].writeUInt32LE(NOSTREAM, 72);
    entries[i].writeUInt32LE(NOSTREAM, 76);
  }
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  header.writeUInt16LE(6, 32); // 64-byte mini sectors
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(ENDOFCHAIN, 60); // no mini FAT
  header.writeUInt32LE(ENDOFCHAIN, 68); // no DIFAT sectors
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREESECT, 76 + i * 4);
  return Buffer.concat([header, fat, Buffer.concat(entries), ...padded.map((s) => s.data)]);
}

/** What Excel writes for "Encrypt with password": EncryptionInfo + EncryptedPackage in a compound file. */
export function encryptedWorkbookBytes(): Buffer {
  const info = Buffer.alloc(4096);
  info.writeUInt16LE(4, 0); // agile encryption, version 4.4
  info.writeUInt16LE(4, 2);
  info.writeUInt32LE(0x40, 4);
  Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption/>', 'utf8').copy(info, 8);
  const pkg = Buffer.alloc(8192);
  for (let i = 8; i < pkg.length; i++) pkg[i] = (i * 131 + 7) & 0xff; // stands in for ciphertext
  pkg.writeUInt32LE(6000, 0);
  return compoundFile([
    { name: 'EncryptionInfo', data: info },
    { name: 'EncryptedPackage', data: pkg },
  ]);
}

/** A legacy .xls (BIFF8): a compound file with a "Workbook" stream starting with a BOF record. */
export function xlsBytes(): Buffer {
  const book = Buffer.alloc(4096);
  book.writeUInt16LE(0x0809, 0); // BOF
  book.writeUInt16LE(16, 2);
  book.writeUInt16LE(0x0600, 4); // BIFF8
  book.writeUInt16LE(0x0005, 6); // workbook globals
  return compoundFile([{ name: 'Workbook', data: book }]);
}
