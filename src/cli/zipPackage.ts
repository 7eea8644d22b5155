/**
 * Reading the parts of an OOXML package (a zip file) without loading the file: the central directory
 * is read from the end, small parts are inflated whole, big ones streamed in chunks so a reader can
 * stop early. Zip64 archives (parts over 4 GB uncompressed, as huge sheets produce) are read too.
 */
import * as fs from 'fs';
import * as zlib from 'zlib';
import { StringDecoder } from 'string_decoder';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  crc: number;
}

/** The archive is not a zip this reader can read (the caller turns it into a one-line message). */
export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Parts up to this size (uncompressed) are inflated in one call: quicker than a stream. */
const WHOLE_PART_MAX = 8 * 1024 * 1024;
const CHUNK = 256 * 1024;

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = fs.readSync(fd, buf, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got === length ? buf : buf.subarray(0, got);
}

export class ZipPackage {
  private readonly entries = new Map<string, ZipEntry>();

  private constructor(
    private readonly fd: number,
    readonly fileSize: number,
  ) {}

  /** Reads the central directory of an open file. */
  static open(fd: number, fileSize: number): ZipPackage {
    const zip = new ZipPackage(fd, fileSize);
    zip.readDirectory();
    return zip;
  }

  private readDirectory(): void {
    const tailLength = Math.min(this.fileSize, 65557);
    const tail = readAt(this.fd, this.fileSize - tailLength, tailLength);
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new ZipFormatError('找不到压缩包目录（end of central directory missing）');
    let count = tail.readUInt16LE(at + 10);
    let dirSize = tail.readUInt32LE(at + 12);
    let dirOffset = tail.readUInt32LE(at + 16);
    if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
      const loc = at - 20;
      if (loc < 0 || tail.readUInt32LE(loc) !== EOCD64_LOCATOR) throw new ZipFormatError('Zip64 目录定位记录缺失（zip64 locator missing）');
      const eocd64 = readAt(this.fd, Number(tail.readBigUInt64LE(loc + 8)), 56);
      if (eocd64.length < 56 || eocd64.readUInt32LE(0) !== EOCD64) throw new ZipFormatError('Zip64 目录记录损坏（zip64 record corrupt）');
      count = Number(eocd64.readBigUInt64LE(32));
      dirSize = Number(eocd64.readBigUInt64LE(40));
      dirOffset = Number(eocd64.readBigUInt64LE(48));
    }
    if (dirOffset + dirSize > this.fileSize) throw new ZipFormatError('压缩包目录超出文件末尾，文件不完整（truncated archive）');
    const dir = readAt(this.fd, dirOffset, dirSize);
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) throw new ZipFormatError('压缩包目录损坏（central directory corrupt）');
      const method = dir.readUInt16LE(p + 10);
      const crc = dir.readUInt32LE(p + 16);
      let compressedSize = dir.readUInt32LE(p + 20);
      let size = dir.readUInt32LE(p + 24);
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      let localHeaderOffset = dir.readUInt32LE(p + 42);
      const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
      // Zip64 extra field: the 64-bit values, in this order, for those whose 32-bit field is all ones.
      let x = p + 46 + nameLength;
      const extraEnd = x + extraLength;
      while (x + 4 <= extraEnd) {
        const id = dir.readUInt16LE(x);
        const len = dir.readUInt16LE(x + 2);
        if (id === 0x0001) {
          let q = x + 4;
          if (size === 0xffffffff) {
            size = Number(dir.readBigUInt64LE(q));
            q += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = Number(dir.readBigUInt64LE(q));
            q += 8;
          }
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = Number(dir.readBigUInt64LE(q));
        }
        x += 4 + len;
      }
      this.entries.set(normalise(name), { name, method, compressedSize, size, localHeaderOffset, crc });
      p = extraEnd + commentLength;
    }
  }

  /** The entry for a part name ("xl/workbook.xml", "/xl/workbook.xml"; case as zips vary). */
  entry(name: string): ZipEntry | undefined {
    return this.entries.get(normalise(name));
  }

  /** The part names of a zip file (its central directory only). */
  static namesOf(file: string): string[] {
    const fd = fs.openSync(file, 'r');
    try {
      return ZipPackage.open(fd, fs.fstatSync(fd).size).names();
    } finally {
      fs.closeSync(fd);
    }
  }

  names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  private dataRange(e: ZipEntry): { start: number; end: number } {
    const head = readAt(this.fd, e.localHeaderOffset, 30);
    if (head.length < 30 || head.readUInt32LE(0) !== LOCAL) throw new ZipFormatError(`部件 ${e.name} 的文件头损坏（local header corrupt）`);
    const start = e.localHeaderOffset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
    const end = start + e.compressedSize;
    if (end > this.fileSize) throw new ZipFormatError(`部件 ${e.name} 超出文件末尾，文件不完整（truncated archive）`);
    if (e.method !== 0 && e.method !== 8) throw new ZipFormatError(`部件 ${e.name} 的压缩方式 ${e.method} 不受支持（unsupported compression）`);
    return { start, end };
  }

  /** The raw (compressed) bytes of a part, for copying it into another package unchanged. */
  rawBytes(e: ZipEntry): Buffer {
    const { start, end } = this.dataRange(e);
    return readAt(this.fd, start, end - start);
  }

  /** The raw (compressed) bytes of a part in chunks, for copying a big part without holding it. */
  *rawChunks(e: ZipEntry): Generator<Buffer> {
    const { start, end } = this.dataRange(e);
    for (let p = start; p < end; p += CHUNK) yield readAt(this.fd, p, Math.min(CHUNK, end - p));
  }

  entriesInOrder(): ZipEntry[] {
    return [...this.entries.values()].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  }

  /** A whole part as bytes; refuses parts over `maxBytes` uncompressed (a zip bomb stops here). */
  readBytes(name: string, maxBytes: number): Buffer | undefined {
    const e = this.entry(name);
    if (!e) return undefined;
    if (e.size > maxBytes) throw new ZipFormatError(`部件 ${e.name} 解压后 ${e.size} 字节，超过上限（part too large）`);
    const raw = this.rawBytes(e);
    if (e.method === 0) return raw;
    return zlib.inflateRawSync(raw, { maxOutputLength: Math.max(maxBytes, 1) });
  }

  readText(name: string, maxBytes: number): string | undefined {
    return this.readBytes(name, maxBytes)?.toString('utf8');
  }

  /**
   * A part as UTF-8 text in chunks: small parts in one chunk, big ones inflated as they are read.
   * Breaking out of the loop stops reading (nothing further is inflated).
   */
  async *textChunks(name: string): AsyncGenerator<string> {
    const e = this.entry(name);
    if (!e) return;
    if (e.size <= WHOLE_PART_MAX && e.compressedSize <= WHOLE_PART_MAX) {
      yield this.readBytes(name, WHOLE_PART_MAX)!.toString('utf8');
      return;
    }
    const { start, end } = this.dataRange(e);
    const decoder = new StringDecoder('utf8');
    if (e.method === 0) {
      for (let p = start; p < end; p += CHUNK) yield decoder.write(readAt(this.fd, p, Math.min(CHUNK, end - p)));
      const rest = decoder.end();
      if (rest) yield rest;
      return;
    }
    const inflate = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
    const pending: Buffer[] = [];
    let failure: Error | null = null;
    inflate.on('data', (b: Buffer) => pending.push(b));
    inflate.on('error', (err) => (failure = err));
    try {
      for (let p = start; p < end; p += CHUNK) {
        const input = readAt(this.fd, p, Math.min(CHUNK, end - p));
        await new Promise<void>((resolve) => inflate.write(input, () => resolve()));
        if (failure) throw failure;
        while (pending.length > 0) yield decoder.write(pending.shift()!);
      }
      await new Promise<void>((resolve) => inflate.end(() => resolve()));
      if (failure) throw failure;
      while (pending.length > 0) yield decoder.write(pending.shift()!);
      const rest = decoder.end();
      if (rest) yield rest;
    } finally {
      inflate.destroy();
    }
  }
}

function normalise(name: string): string {
  return name.replace(/^\/+/, '').replace(/\\/g, '/').toLowerCase();
}
