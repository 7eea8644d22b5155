/**
 * What exceljs drops when it rewrites a workbook, put back or named. exceljs 4.4 keeps sheets, styles,
 * comments, images and tables, but writes neither a VBA project (an .xlsm copy would lose its macros
 * and its content type, and Excel refuses an .xlsm without it) nor external link parts (formulas such
 * as [1]Sheet1!A1 would point nowhere). Both are copied back from the original package here; every
 * other kind of part the copy lacks is named, for one stderr line.
 */
import type JSZip from 'jszip';

const REL_VBA = 'http://schemas.microsoft.com/office/2006/relationships/vbaProject';
const REL_EXTERNAL_LINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink';
const CT_MACRO_WORKBOOK = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
const CT_VBA = 'application/vnd.ms-office.vbaProject';
const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const CONTENT_TYPES = '[Content_Types].xml';

/** Kinds of part a copy may lack, by where they live (ECMA-376 Part 1 and MS-XLSX part names). */
const PART_KINDS: [RegExp, string][] = [
  [/^xl\/charts\/chart\d*\.xml$/i, '图表'],
  [/^xl\/chartsheets\/[^/]+\.xml$/i, '图表工作表'],
  [/^xl\/pivotTables\/[^/]+\.xml$/i, '数据透视表'],
  [/^xl\/slicers\/[^/]+\.xml$/i, '切片器'],
  [/^xl\/timelines\/[^/]+\.xml$/i, '日程表'],
  [/^xl\/activeX\/[^/]+\.xml$/i, 'ActiveX 控件'],
  [/^xl\/ctrlProps\/[^/]+\.xml$/i, '表单控件'],
  [/^xl\/embeddings\/[^/]+$/i, '嵌入对象'],
  [/^xl\/connections\.xml$/i, '数据连接'],
  [/^xl\/queryTables\/[^/]+\.xml$/i, '查询表'],
  [/^xl\/threadedComments\/[^/]+\.xml$/i, '线程批注'],
  [/^customXml\/item\d+\.xml$/i, '自定义 XML'],
  [/^xl\/externalLinks\/externalLink\d+\.xml$/i, '外部链接'],
  [/^xl\/vbaProject\.bin$/i, '宏（VBA 工程）'],
  [/^xl\/media\/[^/]+$/i, '图片'],
  [/^xl\/tables\/[^/]+\.xml$/i, '表格（列表）'],
];

/** Whether a package holds any part exceljs may drop (read from its central directory only). */
export function mayLoseParts(partNames: string[]): boolean {
  return partNames.some((n) => PART_KINDS.some(([re]) => re.test(n)));
}

export interface FidelityOutcome {
  bytes: Buffer;
  /** What was copied back from the original ("宏（VBA 工程）", "外部链接 1 个"). */
  restored: string[];
  /** What the copy still lacks ("图表 2 个"). */
  lost: string[];
}

interface Rel {
  id: string;
  type: string;
  target: string;
}

function rels(xml: string): Rel[] {
  const out: Rel[] = [];
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const get = (n: string) => new RegExp(`\\s${n}="([^"]*)"`).exec(m[0])?.[1] ?? '';
    out.push({ id: get('Id'), type: get('Type'), target: get('Target') });
  }
  return out;
}

/** "externalLinks/externalLink1.xml" (relative to xl/) or "/xl/…" → the zip path. */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/');
}

function relsOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

function nextRelId(xml: string): () => string {
  let n = 0;
  for (const m of xml.matchAll(/\sId="rId(\d+)"/g)) n = Math.max(n, Number(m[1]));
  return () => `rId${++n}`;
}

function addRel(xml: string, id: string, type: string, target: string): string {
  return xml.replace('</Relationships>', `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`);
}

function addOverride(xml: string, part: string, contentType: string): string {
  if (xml.includes(`PartName="/${part}"`)) return xml;
  return xml.replace('</Types>', `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`);
}

function overrideOf(xml: string, part: string): string | undefined {
  const m = new RegExp(`<Override[^>]*PartName="/${part.replace(/[.[\]]/g, '\\$&')}"[^>]*>`, 'i').exec(xml);
  return m ? /ContentType="([^"]*)"/.exec(m[0])?.[1] : undefined;
}

async function copyPart(from: JSZip, to: JSZip, part: string): Promise<void> {
  const f = from.file(part);
  if (f) to.file(part, await f.async('nodebuffer'));
}

/** Kinds of part the original has and the copy lacks, as "图表 2 个". */
export function missingKinds(srcNames: string[], outNames: string[], macros: boolean): string[] {
  const lost: string[] = [];
  const have = new Set(outNames.map((n) => n.toLowerCase()));
  for (const [re, label] of PART_KINDS) {
    const had = srcNames.filter((n) => re.test(n));
    const missing = had.filter((n) => !have.has(n.toLowerCase()));
    if (missing.length > 0 && label === '宏（VBA 工程）' && !macros) {
      lost.push('宏（VBA 工程；副本为 .xlsx，不能含宏，请将副本另存为 .xlsm 或保留原文件中的宏）');
      continue;
    }
    const kept = outNames.filter((n) => re.test(n)).length;
    // exceljs renames media files; count kinds, not names, where it keeps the kind.
    const count = label === '图片' || label === '表格（列表）' ? Math.max(0, had.length - kept) : missing.length;
    if (count > 0) lost.push(`${label} ${count} 个`);
  }
  return lost;
}

/** Puts the VBA project and external links of `original` back into the exceljs-written `written`. */
export async function keepWhatExcelJSDrops(original: Buffer, written: Buffer, options: { macros: boolean }): Promise<FidelityOutcome> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Zip = require('jszip') as typeof JSZip;
  const src = await Zip.loadAsync(original);
  const out = await Zip.loadAsync(written);
  const restored: string[] = [];
  const srcRels = rels((await src.file(WORKBOOK_RELS)?.async('string')) ?? '');
  let outRels = (await out.file(WORKBOOK_RELS)?.async('string')) ?? '';
  let outTypes = (await out.file(CONTENT_TYPES)?.async('string')) ?? '';
  let outWorkbook = (await out.file(WORKBOOK)?.async('string')) ?? '';
  const srcTypes = (await src.file(CONTENT_TYPES)?.async('string')) ?? '';
  const srcWorkbook = (await src.file(WORKBOOK)?.async('string')) ?? '';
  const newId = nextRelId(outRels);

  const vba = srcRels.find((r) => r.type === REL_VBA);
  if (vba && options.macros && !outRels.includes(REL_VBA)) {
    const part = partPath(vba.target);
    await copyPart(src, out, part);
    // The project's own relationships (a digital signature part) come along.
    const own = src.file(relsOf(part));
    if (own) {
      const xml = await own.async('string');
      out.file(relsOf(part), xml);
      for (const r of rels(xml)) {
        const p = `${part.slice(0, part.lastIndexOf('/') + 1)}${r.target}`;
        await copyPart(src, out, p);
        const ct = overrideOf(srcTypes, p);
        if (ct) outTypes = addOverride(outTypes, p, ct);
      }
    }
    outRels = addRel(outRels, newId(), REL_VBA, vba.target);
    outTypes = addOverride(outTypes, part, overrideOf(srcTypes, part) ?? CT_VBA);
    if (!/Extension="bin"/i.test(outTypes) && !overrideOf(outTypes, part)) outTypes = outTypes.replace('</Types>', `<Default Extension="bin" ContentType="${CT_VBA}"/></Types>`);
    outTypes = outTypes.replace(/(<Override[^>]*PartName="\/xl\/workbook\.xml"[^>]*ContentType=")[^"]*"/, `$1${CT_MACRO_WORKBOOK}"`);
    // The project names its document modules after the workbook's and sheets' code names.
    const codeName = /<workbookPr\b[^>]*\scodeName="([^"]*)"/.exec(srcWorkbook)?.[1];
    if (codeName && !/<workbookPr\b[^>]*codeName=/.test(outWorkbook)) {
      outWorkbook = /<workbookPr\b/.test(outWorkbook)
        ? outWorkbook.replace(/<workbookPr\b/, `<workbookPr codeName="${codeName}"`)
        : outWorkbook.replace(/(<workbook\b[^>]*>)/, `$1<workbookPr codeName="${codeName}"/>`);
    }
    restored.push('宏（VBA 工程）');
  }

  const links = srcRels.filter((r) => r.type === REL_EXTERNAL_LINK);
  if (links.length > 0 && !outRels.includes(REL_EXTERNAL_LINK)) {
    // Formulas say [1], [2] … in the order of <externalReferences>: keep the original order.
    const order = [...srcWorkbook.matchAll(/<externalReference\b[^>]*r:id="([^"]*)"/g)].map((m) => m[1]);
    const ordered = order.map((id) => links.find((l) => l.id === id)).filter((l): l is Rel => Boolean(l));
    const refs: string[] = [];
    for (const link of ordered) {
      const part = partPath(link.target);
      await copyPart(src, out, part);
      await copyPart(src, out, relsOf(part));
      const id = newId();
      outRels = addRel(outRels, id, REL_EXTERNAL_LINK, link.target);
      outTypes = addOverride(outTypes, part, overrideOf(srcTypes, part) ?? 'application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml');
      refs.push(`<externalReference r:id="${id}"/>`);
    }
    if (refs.length > 0) {
      const block = `<externalReferences>${refs.join('')}</externalReferences>`;
      // CT_Workbook order: sheets, functionGroups, externalReferences, definedNames …
      outWorkbook = outWorkbook.replace(/(<\/sheets>(?:<functionGroups\b[^>]*\/>|<functionGroups\b[\s\S]*?<\/functionGroups>)?)/, `$1${block}`);
      if (!/xmlns:r=/.test(outWorkbook.slice(0, outWorkbook.indexOf('>', outWorkbook.indexOf('<workbook')))))
        outWorkbook = outWorkbook.replace(/<workbook\b/, '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
      restored.push(`外部链接 ${refs.length} 个`);
    }
  }

  if (restored.length > 0) {
    out.file(WORKBOOK_RELS, outRels);
    out.file(CONTENT_TYPES, outTypes);
    out.file(WORKBOOK, outWorkbook);
  }

  const names = (zip: JSZip) => Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const lost = missingKinds(names(src), names(out), options.macros);
  const bytes = restored.length > 0 ? await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }) : written;
  return { bytes, restored, lost };
}
