/**
 * The Word document's structure, read back from the packed .docx (OOXML parts through JSZip): cover page,
 * title broken only between its lines, body text as drafted, the 自评表 attached as a real table with its
 * merged cells, the 指标评分表, the page-number field on the outer side (odd right, even left), fonts with
 * fallbacks in the font table, and the 填报问题清单 last, on its own page.
 */
import JSZip from 'jszip';
import { draftReport } from '../../src/core/report/draft';
import { draftPlaceholders, runsText, type ReportDraft } from '../../src/core/report/model';
import { reportDocxBytes, FONT_FALLBACKS } from '../../src/report/docx';
import { FIXTURES, load } from './fixtures';

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const paragraphsOf = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => unescapeXml([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')));

interface Packed {
  draft: ReportDraft;
  zip: JSZip;
  xml: string;
  paragraphs: string[];
}

async function packed(id: string): Promise<Packed> {
  const fx = FIXTURES.find((f) => f.id === id)!;
  const { table, profile, grid } = await load(fx);
  const draft = draftReport(table, profile, { outline: fx.outline, grid });
  const zip = await JSZip.loadAsync(await reportDocxBytes(draft));
  const xml = await zip.file('word/document.xml')!.async('string');
  return { draft, zip, xml, paragraphs: paragraphsOf(xml) };
}

let seed: Packed;
beforeAll(async () => {
  seed = await packed('seed');
});

test('cover page: title, 评价类型, 项目名称, 被评价单位, 主管部门, 公章 line and date, then a new section', () => {
  // The cover's section ends with the paragraph that carries its w:sectPr.
  const coverEnd = seed.xml.indexOf('</w:p>', seed.xml.indexOf('<w:sectPr')) + 6;
  const cover = paragraphsOf(seed.xml.slice(0, coverEnd));
  expect(cover).toEqual(
    expect.arrayContaining([
      '12345市民热线服务中心运行经费项目绩效自评报告',
      '评价类型：部门单位绩效自评☑',
      '项目名称：12345市民热线服务中心运行经费',
      '被评价单位：政府办',
      '主管部门：西安市新城区人民政府办公室',
      '评价单位（加盖公章）：',
      '日　　期：【请补充：成文日期】',
    ]),
  );
  // Three sections: cover, text with attachments, 填报问题清单.
  expect(seed.xml.match(/<w:sectPr/g)).toHaveLength(3);
});

test('the title breaks only between the project and 绩效自评报告', () => {
  const title = /<w:p>(?:(?!<\/w:p>)[\s\S])*方正小标宋简体(?:(?!<\/w:p>)[\s\S])*<\/w:p>/.exec(seed.xml)![0];
  expect(title).toContain('<w:br/>');
  expect(paragraphsOf(title)[0]).toBe('12345市民热线服务中心运行经费项目绩效自评报告');
  expect(title).toMatch(/<w:t[^>]*>12345市民热线服务中心运行经费项目<\/w:t>[\s\S]*<w:br\/>[\s\S]*<w:t[^>]*>绩效自评报告<\/w:t>/);
  expect(title).toContain('<w:keepLines/>');
});

test('body text as drafted, placeholders highlighted, the unit and the date at the end', () => {
  for (const s of seed.draft.sections) {
    expect(seed.paragraphs).toContain(s.heading);
    for (const p of s.paragraphs) expect(seed.paragraphs).toContain(runsText(p.runs));
  }
  const beforeTables = paragraphsOf(seed.xml.slice(0, seed.xml.indexOf('<w:tbl>')));
  const unit = beforeTables.lastIndexOf('政府办');
  expect(beforeTables[unit + 1]).toBe('【请补充：成文日期】');
  expect(seed.paragraphs).toEqual(expect.arrayContaining(['附件：1.项目支出绩效自评表', '2.指标评分表']));
  const highlighted = (seed.xml.match(/<w:highlight w:val="yellow"\/>/g) ?? []).length;
  expect(highlighted).toBeGreaterThanOrEqual(draftPlaceholders(seed.draft).length);
});

test('the 自评表 is attached as a real Word table with its merged cells', () => {
  const tables = [...seed.xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
  // 自评表, 指标评分表, 填报问题清单.
  expect(tables).toHaveLength(3);
  const attached = tables[0];
  const text = paragraphsOf(attached).join('|');
  for (const label of ['项目名称', '年度资金总额', '劳务派遣话务员人数', '服务对象满意度', '偏差原因分析及改进措施']) expect(text).toContain(label);
  // Merged across (项目名称's value over several columns) and down (产出指标 over its four rows).
  expect(attached).toMatch(/<w:gridSpan w:val="\d+"\/>/);
  expect(attached).toContain('<w:vMerge w:val="restart"/>');
  expect(attached).toMatch(/<w:vMerge\/>|<w:vMerge w:val="continue"\/>/);
  // Every row spans the same number of grid columns.
  const gridCols = (attached.match(/<w:gridCol /g) ?? []).length;
  for (const row of attached.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []) {
    const spans = [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => Number(/<w:gridSpan w:val="(\d+)"/.exec(c[1])?.[1] ?? 1));
    expect(spans.reduce((a, b) => a + b, 0)).toBe(gridCols);
  }
  // The score table: one row per scored indicator, execution and total included.
  const score = paragraphsOf(tables[1]);
  expect(score).toEqual(expect.arrayContaining(['一级指标', '预算执行率', '劳务派遣话务员人数', '总分', '待更正']));
});

test('page numbers: a PAGE field "— N —" 四号, odd pages right, even pages left, the cover unnumbered', async () => {
  expect(await seed.zip.file('word/settings.xml')!.async('string')).toContain('<w:evenAndOddHeaders/>');
  const footers = await Promise.all(Object.keys(seed.zip.files).filter((f) => /^word\/footer\d+\.xml$/.test(f)).map((f) => seed.zip.file(f)!.async('string')));
  const numbered = footers.filter((f) => f.includes('PAGE'));
  expect(numbered.some((f) => f.includes('<w:jc w:val="right"/>') && f.includes('— '))).toBe(true);
  expect(numbered.some((f) => f.includes('<w:jc w:val="left"/>') && f.includes('— '))).toBe(true);
  for (const f of numbered) expect(f).toContain('<w:sz w:val="28"/>');
  expect(seed.xml).toContain('<w:pgNumType w:start="1"/>');
  // The cover's section references footers without a PAGE field.
  const coverSect = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(seed.xml)![0];
  const rels = await seed.zip.file('word/_rels/document.xml.rels')!.async('string');
  for (const id of [...coverSect.matchAll(/<w:footerReference [^>]*r:id="(rId\d+)"/g)].map((m) => m[1])) {
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    expect(await seed.zip.file(`word/${target}`)!.async('string')).not.toContain('PAGE');
  }
});

test('fonts: the _GB2312 faces named in the runs, each with its fallback (w:altName) in the font table', async () => {
  expect(seed.xml).toContain('w:eastAsia="仿宋_GB2312"');
  expect(seed.xml).toContain('w:eastAsia="楷体_GB2312"');
  expect(seed.xml).toContain('w:eastAsia="黑体"');
  expect(seed.xml).toContain('w:eastAsia="方正小标宋简体"');
  const table = await seed.zip.file('word/fontTable.xml')!.async('string');
  expect(table).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
  expect(table).toMatch(/<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);
  expect(table).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);
  for (const f of FONT_FALLBACKS) expect(table).toContain(`w:name="${f.name}"`);
});

test('the 填报问题清单 is last, on its own page, with every finding', () => {
  const last = seed.xml.slice(seed.xml.lastIndexOf('<w:sectPr', seed.xml.lastIndexOf('<w:sectPr') - 1));
  const texts = paragraphsOf(last);
  expect(texts[0]).toBe('填报问题清单');
  for (const f of seed.draft.findings) expect(texts).toContain(f.text);
  // Nothing of the list in the body before it.
  const body = paragraphsOf(seed.xml.slice(0, seed.xml.indexOf('填报问题清单')));
  for (const f of seed.draft.findings) expect(body).not.toContain(f.text);
});

test('no space between Chinese and digits anywhere in the text, nor an automatic gap (autoSpaceDN off)', () => {
  // Every paragraph with text (docx's own empty continuation cells aside).
  const withText = (seed.xml.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? []).filter((p) => p.includes('<w:t'));
  expect(withText.length).toBeGreaterThan(100);
  for (const p of withText) expect(p).toMatch(/<w:autoSpaceDN w:val="(false|0)"\/>/);
  for (const p of seed.paragraphs.filter((x) => !seed.draft.findings.some((f) => f.text === x))) expect(p).not.toMatch(/[\u4e00-\u9fff] +\d|\d +[\u4e00-\u9fff]/);
});

test.each(FIXTURES.map((f) => [f.id] as const))('%s packs into a .docx with the cover, both attachments and the list', async (id) => {
  const p = await packed(id);
  expect(p.xml.match(/<w:tbl>/g)?.length).toBeGreaterThanOrEqual(2);
  expect(p.paragraphs).toContain(runsText(p.draft.title));
});
