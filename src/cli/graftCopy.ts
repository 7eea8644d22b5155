/**
 * The scored copy of a workbook too big to load whole (a data sheet of a million rows beside the table):
 * exceljs loads the package with the big sheets replaced by empty stand-ins, writes the scored copy as
 * usual, and the big sheets' XML is then put back byte for byte (compressed bytes copied, never
 * inflated). For the big sheets' cells to keep their meaning, the copy keeps the original shared
 * strings and styles: the sheets exceljs wrote get their strings inline and their style indices moved
 * past the original ones, whose styles.xml gets exceljs's styles appended.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { packageSheets, relsPartOf, scanItems, type PartialSheet } from './readPackage';
import { ZipPackage, type ZipEntry } from './zipPackage';
import { ZipWriter } from './zipWriter';
import { missingKinds } from './copyFidelity';

const STUB = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';
const PART_MAX = 64 * 1024 * 1024;
const CT_SST = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';
const REL_SST = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings';

/**
 * Why a big sheet cannot be grafted, or null: a table on it (the scoring writes there, and the graft
 * puts the original back), or parts of its own (drawings, comments: their numbering would change).
 */
export function graftObstacle(file: string, partial: PartialSheet[], tableSheets: string[]): string | null {
  const scored = partial.find((p) => tableSheets.includes(p.sheet));
  if (scored) return `工作表“${scored.sheet}”上有自评表，评分要写入其中`;
  const fd = fs.openSync(file, 'r');
  try {
    const zip = ZipPackage.open(fd, fs.fstatSync(fd).size);
    for (const p of partial) if (zip.entry(relsPartOf(p.part))) return `工作表“${p.sheet}”带有图片、批注或表格等关联部件`;
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

function withTemp<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-graft-'));
  return run(dir).finally(() => fs.rmSync(dir, { recursive: true, force: true }));
}

/**
 * Loads `file` into exceljs with the big sheets stubbed, lets `edit` score it, and writes the grafted
 * copy to `output` (through a temporary file: never half a copy).
 */
export async function writeGraftedCopy(
  file: string,
  partial: PartialSheet[],
  output: string,
  edit: (wb: ExcelJS.Workbook) => Promise<void>,
  stringsUsed?: Set<number>,
): Promise<{ lost: string[] }> {
  return withTemp(async (dir) => {
    const fd = fs.openSync(file, 'r');
    try {
      const src = ZipPackage.open(fd, fs.fstatSync(fd).size);
      const big = new Set(partial.map((p) => p.part.toLowerCase()));
      // 1. The package without the big sheets' cells, for exceljs.
      const lite = path.join(dir, 'lite.xlsx');
      const w = new ZipWriter(lite);
      const sst = packageSheets(src).rels.find((r) => /\/sharedStrings$/.test(r.type))?.target.toLowerCase();
      for (const e of src.entriesInOrder()) {
        const key = e.name.replace(/^\/+/, '').toLowerCase();
        if (big.has(key)) w.add(e.name, STUB);
        // exceljs would hold every string of a million-string table; the sheets it loads need few.
        else if (key === sst && stringsUsed) await w.addStream(e.name, (push) => keptItems(src, e.name, stringsUsed, push), 1);
        else w.copy(src, e);
      }
      w.close();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(fs.readFileSync(lite) as unknown as ExcelJS.Buffer);
      fs.rmSync(lite);
      await edit(workbook);
      const written = path.join(dir, 'written.xlsx');
      fs.writeFileSync(written, Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer));

      // 2. exceljs's package, the big sheets and the original strings and styles put back.
      const wfd = fs.openSync(written, 'r');
      try {
        const out = ZipPackage.open(wfd, fs.fstatSync(wfd).size);
        const tmp = `${output}.${process.pid}.tmp`;
        fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
        try {
          compose(src, out, partial, tmp);
          fs.renameSync(tmp, output);
          // Macros and external links are not carried over on this path: say so, with whatever else is missing.
          return { lost: missingKinds(src.names(), out.names(), false) };
        } catch (e) {
          fs.rmSync(tmp, { force: true });
          throw e;
        }
      } finally {
        fs.closeSync(wfd);
      }
    } finally {
      fs.closeSync(fd);
    }
  });
}

function compose(src: ZipPackage, out: ZipPackage, partial: PartialSheet[], target: string): void {
  const srcParts = packageSheets(src);
  const outParts = packageSheets(out);
  const text = (zip: ZipPackage, part: string) => zip.readText(part, PART_MAX) ?? '';
  const styleRel = (rels: { type: string; target: string }[]) => rels.find((r) => /\/styles$/.test(r.type))?.target;
  const sstRel = (rels: { type: string; target: string }[]) => rels.find((r) => /\/sharedStrings$/.test(r.type))?.target;

  // Which part of the copy stands in for each big sheet (exceljs renames parts): by sheet name.
  const stubFor = new Map<string, ZipEntry>();
  for (const p of partial) {
    const o = outParts.sheets.find((s) => s.name === p.sheet);
    const e = src.entry(p.part);
    if (!o || !e) throw new Error(`副本中找不到工作表“${p.sheet}”`);
    stubFor.set(o.part.toLowerCase(), e);
  }

  const srcStylesPart = styleRel(srcParts.rels);
  const outStylesPart = styleRel(outParts.rels);
  if (!srcStylesPart || !outStylesPart) throw new Error('工作簿缺少样式部件（styles.xml）');
  const merged = mergeStyles(text(src, srcStylesPart), text(out, outStylesPart));
  const outSst = sstRel(outParts.rels);
  const sstItems = outSst ? sharedItems(text(out, outSst)) : [];
  const srcSst = sstRel(srcParts.rels);
  const srcSstEntry = srcSst ? src.entry(srcSst) : undefined;

  const w = new ZipWriter(target);
  let wroteSst = false;
  try {
    for (const e of out.entriesInOrder()) {
      const name = e.name.replace(/^\/+/, '');
      const key = name.toLowerCase();
      const bigSheet = stubFor.get(key);
      if (bigSheet) w.copy(src, bigSheet, name);
      else if (key === outStylesPart.toLowerCase()) w.add(name, merged.xml);
      else if (outSst && key === outSst.toLowerCase()) {
        if (srcSstEntry) {
          w.copy(src, srcSstEntry, name);
          wroteSst = true;
        }
      } else if (outParts.sheets.some((s) => s.part.toLowerCase() === key)) w.add(name, remapSheet(text(out, name), merged, sstItems));
      else if (key === '[content_types].xml' && srcSstEntry && !outSst) {
        w.add(name, text(out, name).replace('</Types>', `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT_SST}"/></Types>`));
      } else if (key === relsPartOf(outParts.workbookPart).toLowerCase() && srcSstEntry && !outSst) {
        w.add(name, text(out, name).replace('</Relationships>', `<Relationship Id="rIdSst1" Type="${REL_SST}" Target="sharedStrings.xml"/></Relationships>`));
      } else w.copy(out, e);
    }
    if (srcSstEntry && !wroteSst) w.copy(src, srcSstEntry, 'xl/sharedStrings.xml');
    w.close();
  } catch (e) {
    w.abort();
    throw e;
  }
}

const EMPTY_ITEM = '<si><t></t></si>';

/** The shared-string part with every item not in `keep` emptied (indices unchanged), streamed. */
async function keptItems(zip: ZipPackage, part: string, keep: Set<number>, push: (text: string) => Promise<void>): Promise<void> {
  let out = '';
  await scanItems(zip, part, {
    item: (raw, _inner, index) => {
      out += keep.has(index) ? raw : EMPTY_ITEM;
    },
    between: (text) => {
      out += text;
    },
    chunk: async () => {
      await push(out);
      out = '';
    },
  });
  await push(out);
}

// ---------------------------------------------------------------------------------------------
// Styles: exceljs's appended to the original

interface Section {
  start: number;
  end: number;
  items: string[];
}

function section(xml: string, tag: string, item: string): Section | null {
  const open = new RegExp(`<${tag}\\b[^>]*?(/?)>`).exec(xml);
  if (!open) return null;
  if (open[1] === '/') return { start: open.index, end: open.index + open[0].length, items: [] };
  const close = xml.indexOf(`</${tag}>`, open.index);
  if (close < 0) return null;
  const inner = xml.slice(open.index + open[0].length, close);
  const items = inner.match(new RegExp(`<${item}\\b[^>]*/>|<${item}\\b[^>]*>[\\s\\S]*?</${item}>`, 'g')) ?? [];
  return { start: open.index, end: close + tag.length + 3, items };
}

const SECTIONS: [string, string][] = [
  ['numFmts', 'numFmt'],
  ['fonts', 'font'],
  ['fills', 'fill'],
  ['borders', 'border'],
  ['cellStyleXfs', 'xf'],
  ['cellXfs', 'xf'],
  ['cellStyles', 'cellStyle'],
  ['dxfs', 'dxf'],
];

export interface MergedStyles {
  xml: string;
  xfOffset: number;
  dxfOffset: number;
}

function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}=")[^"]*"`);
  return re.test(tag) ? tag.replace(re, `$1${value}"`) : tag.replace(/^<(\w+)/, `<$1 ${name}="${value}"`);
}

function getAttr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** The original styles with exceljs's numFmts, fonts, fills, borders, cell formats and dxfs appended. */
export function mergeStyles(original: string, added: string): MergedStyles {
  const a = Object.fromEntries(SECTIONS.map(([t, i]) => [t, section(original, t, i)]));
  const b = Object.fromEntries(SECTIONS.map(([t, i]) => [t, section(added, t, i)]));
  const count = (t: string) => a[t]?.items.length ?? 0;
  let nextFmt = Math.max(163, ...(a.numFmts?.items ?? []).map((f) => Number(getAttr(f, 'numFmtId') ?? 0)));
  const fmtMap = new Map<string, string>();
  const newFmts = (b.numFmts?.items ?? []).map((f) => {
    const id = String(++nextFmt);
    fmtMap.set(getAttr(f, 'numFmtId') ?? '', id);
    return setAttr(f, 'numFmtId', id);
  });
  const shift = (tag: string, attr: string, by: number) => {
    const v = getAttr(tag, attr);
    return v === undefined ? tag : setAttr(tag, attr, String(Number(v) + by));
  };
  const newXfs = (b.cellXfs?.items ?? []).map((xf) => {
    const head = /^<xf\b[^>]*>/.exec(xf)![0];
    let h = head;
    const fmt = getAttr(h, 'numFmtId');
    if (fmt !== undefined && fmtMap.has(fmt)) h = setAttr(h, 'numFmtId', fmtMap.get(fmt)!);
    h = shift(h, 'fontId', count('fonts'));
    h = shift(h, 'fillId', count('fills'));
    h = shift(h, 'borderId', count('borders'));
    h = setAttr(h, 'xfId', '0');
    return h + xf.slice(head.length);
  });
  const additions: Record<string, string[]> = {
    numFmts: newFmts,
    fonts: b.fonts?.items ?? [],
    fills: b.fills?.items ?? [],
    borders: b.borders?.items ?? [],
    cellXfs: newXfs,
    dxfs: b.dxfs?.items ?? [],
  };
  // Rebuild from the end so earlier offsets stay valid.
  let xml = original;
  const order = SECTIONS.map(([t, i]) => ({ t, i, s: a[t] })).reverse();
  for (const { t, s } of order) {
    const add = additions[t];
    if (!add || add.length === 0) continue;
    const items = [...(s?.items ?? []), ...add];
    const block = `<${t} count="${items.length}">${items.join('')}</${t}>`;
    if (s) xml = xml.slice(0, s.start) + block + xml.slice(s.end);
    else if (t === 'numFmts') xml = xml.replace(/(<styleSheet\b[^>]*>)/, `$1${block}`);
    else if (t === 'dxfs') {
      const at = ['<tableStyles', '<colors', '<extLst', '</styleSheet>'].map((m) => xml.indexOf(m)).filter((i) => i >= 0);
      const i = Math.min(...at);
      xml = xml.slice(0, i) + block + xml.slice(i);
    } else throw new Error(`原工作簿的样式缺少 <${t}>`);
  }
  return { xml, xfOffset: count('cellXfs'), dxfOffset: count('dxfs') };
}

// ---------------------------------------------------------------------------------------------
// exceljs's sheets: styles moved, strings inline

function sharedItems(sst: string): string[] {
  return (sst.match(/<si\b[^>]*\/>|<si\b[^>]*>[\s\S]*?<\/si>/g) ?? []).map((si) => (si.endsWith('/>') ? '' : si.replace(/^<si\b[^>]*>/, '').replace(/<\/si>$/, '')));
}

export function remapSheet(xml: string, styles: MergedStyles, strings: string[]): string {
  const shiftS = (tag: string, attr: string, by: number) => tag.replace(new RegExp(`(\\s${attr}=")(\\d+)"`), (_, p: string, n: string) => `${p}${Number(n) + by}"`);
  return xml
    .replace(/<c\b[^>]*\/>|<c\b[^>]*>[\s\S]*?<\/c>/g, (whole) => {
      const head = /^<c\b[^>]*>/.exec(whole)![0];
      let h = shiftS(head, 's', styles.xfOffset);
      if (head.endsWith('/>') || !/\st="s"/.test(h)) return h + whole.slice(head.length);
      const k = /<v>(\d+)<\/v>/.exec(whole);
      const item = k ? strings[Number(k[1])] ?? '' : '';
      h = h.replace(/\st="s"/, ' t="inlineStr"');
      return `${h}<is>${item}</is></c>`;
    })
    .replace(/<row\b[^>]*>/g, (tag) => shiftS(tag, 's', styles.xfOffset))
    .replace(/<col\b[^>]*>/g, (tag) => shiftS(tag, 'style', styles.xfOffset))
    .replace(/(\sdxfId=")(\d+)"/g, (_, p: string, n: string) => `${p}${Number(n) + styles.dxfOffset}"`);
}
