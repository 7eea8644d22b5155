/**
 * Writing a zip package entry by entry, in bounded memory: new parts deflated as they are produced,
 * parts of another package copied with their compressed bytes unchanged (no inflate, no deflate).
 * Archives over 4 GB would need zip64, which is refused with a clear error.
 */
import * as fs from 'fs';
import * as zlib from 'zlib';
import type { ZipEntry, ZipPackage } from './zipPackage';

interface Written {
  name: Buffer;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const LIMIT = 0xffffffff;
const FLAG_UTF8 = 0x0800;
const FLAG_DESCRIPTOR = 0x0008;

export class ZipWriter {
  private readonly fd: number;
  private offset = 0;
  private readonly written: Written[] = [];

  constructor(file: string) {
    this.fd = fs.openSync(file, 'w');
  }

  private put(buf: Buffer): void {
    fs.writeSync(this.fd, buf);
    this.offset += buf.length;
    if (this.offset >= LIMIT) throw new Error('zip 超过 4 GB（zip64 is not written）');
  }

  private localHeader(name: Buffer, method: number, flags: number, crc: number, compressedSize: number, size: number): void {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(flags, 6);
    h.writeUInt16LE(method, 8);
    h.writeUInt16LE(0x21, 12); // 1980-01-01: a fixed date keeps copies reproducible
    h.writeUInt32LE(crc >>> 0, 14);
    h.writeUInt32LE(compressedSize, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(name.length, 26);
    this.put(h);
    this.put(name);
  }

  /** A part copied from another package as it is stored there. */
  copy(from: ZipPackage, entry: ZipEntry, name: string = entry.name): void {
    const n = Buffer.from(name, 'utf8');
    const offset = this.offset;
    this.localHeader(n, entry.method, FLAG_UTF8, entry.crc, entry.compressedSize, entry.size);
    for (const chunk of from.rawChunks(entry)) this.put(chunk);
    this.written.push({ name: n, method: entry.method, crc: entry.crc, compressedSize: entry.compressedSize, size: entry.size, offset });
  }

  /** A small part, deflated in one call. */
  add(name: string, data: Buffer | string): void {
    const raw = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const body = zlib.deflateRawSync(raw);
    const n = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(raw) >>> 0;
    const offset = this.offset;
    this.localHeader(n, 8, FLAG_UTF8, crc, body.length, raw.length);
    this.put(body);
    this.written.push({ name: n, method: 8, crc, compressedSize: body.length, size: raw.length, offset });
  }

  /** A part produced in pieces (`push` may be awaited for back-pressure), deflated as it comes. */
  async addStream(name: string, produce: (push: (text: string) => Promise<void>) => Promise<void>, level = 6): Promise<void> {
    const n = Buffer.from(name, 'utf8');
    const offset = this.offset;
    this.localHeader(n, 8, FLAG_UTF8 | FLAG_DESCRIPTOR, 0, 0, 0);
    let crc = 0;
    let size = 0;
    let compressedSize = 0;
    const deflate = zlib.createDeflateRaw({ level });
    deflate.on('data', (b: Buffer) => {
      this.put(b);
      compressedSize += b.length;
    });
    const ended = new Promise<void>((resolve, reject) => {
      deflate.on('end', resolve);
      deflate.on('error', reject);
    });
    let pending: string[] = [];
    let pendingLength = 0;
    const flush = async () => {
      if (pendingLength === 0) return;
      const buf = Buffer.from(pending.join(''), 'utf8');
      pending = [];
      pendingLength = 0;
      crc = zlib.crc32(buf, crc);
      size += buf.length;
      if (!deflate.write(buf)) await new Promise<void>((r) => deflate.once('drain', () => r()));
    };
    await produce(async (text) => {
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength > 1 << 20) await flush();
    });
    await flush();
    deflate.end();
    await ended;
    if (size >= LIMIT) throw new Error('部件超过 4 GB（zip64 is not written）');
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(crc >>> 0, 4);
    d.writeUInt32LE(compressedSize, 8);
    d.writeUInt32LE(size, 12);
    this.put(d);
    this.written.push({ name: n, method: 8, crc: crc >>> 0, compressedSize, size, offset });
  }

  /** Writes the central directory and closes the file. */
  close(): void {
    const start = this.offset;
    for (const w of this.written) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(FLAG_UTF8, 8);
      c.writeUInt16LE(w.method, 10);
      c.writeUInt16LE(0x21, 14);
      c.writeUInt32LE(w.crc, 16);
      c.writeUInt32LE(w.compressedSize, 20);
      c.writeUInt32LE(w.size, 24);
      c.writeUInt16LE(w.name.length, 28);
      c.writeUInt32LE(w.offset, 42);
      this.put(c);
      this.put(w.name);
    }
    const e = Buffer.alloc(22);
    e.writeUInt32LE(0x06054b50, 0);
    e.writeUInt16LE(this.written.length, 8);
    e.writeUInt16LE(this.written.length, 10);
    e.writeUInt32LE(this.offset - start, 12);
    e.writeUInt32LE(start, 16);
    this.put(e);
    fs.closeSync(this.fd);
  }

  /** Closes the file without finishing it (the caller removes it). */
  abort(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      /* already closed */
    }
  }
}
