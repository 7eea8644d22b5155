/**
 * Generates the big workbooks of a 财政局's inbox at test/bench time (never committed): the seed's
 * table on its sheet, and beside it a data sheet "资金明细" of `rows` × `cols` cells (dates, voucher
 * numbers, a unique summary text per row as a shared string, categories, amounts). Written straight as
 * package XML through a streaming zip writer, so a 1,048,576-row file is made in bounded memory.
 *
 *   node scripts/bigWorkbook.js OUT.xlsx ROWS [COLS]
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SEED = path.join(__dirname, '..', 'tests', 'fixtures', 'xincheng-12345-2023.xlsx');
const CATEGORIES = ['办公费', '印刷费', '邮电费', '差旅费', '维修（护）费', '租赁费', '会议费', '培训费', '委托业务费', '物业管理费'];
const UNITS = ['综合科', '热线一组', '热线二组', '质检组', '信息中心', '后勤保障组'];

/** A zip written entry by entry, each deflated as it is produced (data descriptors carry the sizes). */
class ZipWriter {
  constructor(file) {
    this.fd = fs.openSync(file, 'w');
    this.offset = 0;
    this.entries = [];
  }
  write(buf) {
    fs.writeSync(this.fd, buf);
    this.offset += buf.length;
  }
  /** Adds an entry whose text comes from `produce(push)`; push(string) may be called many times. */
  async add(name, produce) {
    const nameBuf = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0808, 6); // data descriptor + UTF-8 names
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(nameBuf.length, 26);
    const start = this.offset;
    this.write(header);
    this.write(nameBuf);
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const deflate = zlib.createDeflateRaw({ level: 1 });
    deflate.on('data', (b) => {
      this.write(b);
      compressed += b.length;
    });
    const done = new Promise((resolve, reject) => {
      deflate.on('end', resolve);
      deflate.on('error', reject);
    });
    let pending = [];
    let pendingLength = 0;
    const flush = async () => {
      if (pendingLength === 0) return;
      const buf = Buffer.from(pending.join(''), 'utf8');
      pending = [];
      pendingLength = 0;
      crc = zlib.crc32(buf, crc);
      size += buf.length;
      if (!deflate.write(buf)) await new Promise((r) => deflate.once('drain', r));
    };
    await produce(async (text) => {
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength > 1 << 20) await flush();
    });
    await flush();
    deflate.end();
    await done;
    if (size >= 0xffffffff || this.offset >= 0xffffffff) throw new Error('bigWorkbook: over 4 GB needs zip64, which this generator does not write');
    const desc = Buffer.alloc(16);
    desc.writeUInt32LE(0x08074b50, 0);
    desc.writeUInt32LE(crc >>> 0, 4);
    desc.writeUInt32LE(compressed, 8);
    desc.writeUInt32LE(size, 12);
    this.write(desc);
    this.entries.push({ nameBuf, crc: crc >>> 0, compressed, size, start });
  }
  close() {
    const dirStart = this.offset;
    for (const e of this.entries) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(0x0808, 8);
      c.writeUInt16LE(8, 10);
      c.writeUInt32LE(e.crc, 16);
      c.writeUInt32LE(e.compressed, 20);
      c.writeUInt32LE(e.size, 24);
      c.writeUInt16LE(e.nameBuf.length, 28);
      c.writeUInt32LE(e.start, 42);
      this.write(c);
      this.write(e.nameBuf);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - dirStart, 12);
    end.writeUInt32LE(dirStart, 16);
    this.write(end);
    fs.closeSync(this.fd);
  }
}

function col(n) {
  let s = '';
  for (let c = n + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/**
 * Writes the seed's table plus a data sheet of rows × cols to `file`. Every cell of the data sheet is
 * filled; texts of column C are unique shared strings (a worst case for the shared-string table).
 */
async function writeBigWorkbook(file, rows, cols = 16) {
  const JSZip = require('jszip');
  const seed = await JSZip.loadAsync(fs.readFileSync(SEED));
  const text = (p) => seed.file(p).async('string');
  const seedStrings = await text('xl/sharedStrings.xml');
  const seedCount = (seedStrings.match(/<si>/g) || []).length;
  const zip = new ZipWriter(file);
  const names = Object.keys(seed.files).filter((n) => !seed.files[n].dir);
  for (const name of names) {
    if (name === 'xl/sharedStrings.xml') continue;
    let body = await text(name);
    if (name === 'xl/workbook.xml') body = body.replace('</sheets>', '<sheet sheetId="2" name="资金明细" state="visible" r:id="rId90"/></sheets>');
    if (name === 'xl/_rels/workbook.xml.rels') body = body.replace('</Relationships>', '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet90.xml"/></Relationships>');
    if (name === '[Content_Types].xml') body = body.replace('</Types>', '<Override PartName="/xl/worksheets/sheet90.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
    await zip.add(name, async (push) => push(body));
  }
  const header = ['序号', '日期', '摘要', '凭证号', '科目', '承办科室', '金额（元）', '数量', '单价', '税额', '累计', '备注', '审核人', '状态', '批次', '校验'];
  await zip.add('xl/sharedStrings.xml', async (push) => {
    push(seedStrings.slice(0, seedStrings.lastIndexOf('</sst>')).replace(/ count="\d+" uniqueCount="\d+"/, ''));
    for (let r = 1; r < rows; r++) await push(`<si><t>支付第${r}笔日常运转支出</t></si>`);
    push('</sst>');
  });
  await zip.add('xl/worksheets/sheet90.xml', async (push) => {
    push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:${col(cols - 1)}${rows}"/><sheetData>`);
    let line = '<row r="1">';
    for (let c = 0; c < cols; c++) line += `<c r="${col(c)}1" t="inlineStr"><is><t>${header[c % header.length]}</t></is></c>`;
    await push(`${line}</row>`);
    const letters = Array.from({ length: cols }, (_, c) => col(c));
    for (let r = 2; r <= rows; r++) {
      let s = `<row r="${r}">`;
      for (let c = 0; c < cols; c++) {
        const ref = `${letters[c]}${r}`;
        switch (c) {
          case 0: s += `<c r="${ref}"><v>${r - 1}</v></c>`; break;
          case 1: s += `<c r="${ref}"><v>${44927 + (r % 365)}</v></c>`; break;
          case 2: s += `<c r="${ref}" t="s"><v>${seedCount + r - 2}</v></c>`; break;
          case 3: s += `<c r="${ref}" t="inlineStr"><is><t>记-${String(r).padStart(7, '0')}</t></is></c>`; break;
          case 4: s += `<c r="${ref}" t="inlineStr"><is><t>${CATEGORIES[r % CATEGORIES.length]}</t></is></c>`; break;
          case 5: s += `<c r="${ref}" t="inlineStr"><is><t>${UNITS[r % UNITS.length]}</t></is></c>`; break;
          default: s += `<c r="${ref}"><v>${((r * 7919 + c * 104729) % 1000000) / 100}</v></c>`;
        }
      }
      await push(`${s}</row>`);
    }
    push('</sheetData></worksheet>');
  });
  zip.close();
}

module.exports = { writeBigWorkbook, ZipWriter };

if (require.main === module) {
  const [out, rows, cols] = process.argv.slice(2);
  if (!out || !Number(rows)) {
    process.stderr.write('用法：node scripts/bigWorkbook.js OUT.xlsx ROWS [COLS]\n');
    process.exitCode = 1;
  } else {
    const t0 = Date.now();
    writeBigWorkbook(out, Number(rows), Number(cols) || 16).then(
      () => process.stdout.write(`${out}：${rows} 行，${((Date.now() - t0) / 1000).toFixed(1)} s，${(fs.statSync(out).size / 1048576).toFixed(1)} MB\n`),
      (e) => {
        process.stderr.write(`${e.message}\n`);
        process.exitCode = 1;
      },
    );
  }
}
