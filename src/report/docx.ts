/**
 * The report draft as a Word document in 公文 style (GB/T 9704-2012): A4, 37/35/28/26 mm margins, a cover
 * page, the title in 方正小标宋简体 二号 (broken only between the project and 绩效自评报告), 一级 headings
 * 黑体 三号, 二级 楷体_GB2312 三号, body 仿宋_GB2312 三号 with a two-character first-line indent and 28 pt
 * lines, the unit's name and the date at the end, page numbers "— N —" 四号 on the outer side (odd pages
 * right, even pages left, one character in), then the attachments: the 自评表 as a real Word table with
 * its merged cells and the 指标评分表; last, on its own page, the 填报问题清单 the user drops before filing.
 * Font fallbacks are declared in the font table (w:altName), so a PC without the _GB2312 faces uses
 * 仿宋/楷体 rather than whatever its default is.
 * Host-free: no Node API and no Office API; the pane packs with toBlob, the CLI with toBuffer.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  HighlightColor,
  LineRuleType,
  PageNumber,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
  type ISectionOptions,
} from 'docx';
import { xmlSafeDeep } from '../core/xmlText';
import { isHighlighted, runsText, FINDINGS_TITLE, type AttachedTable, type ReportDraft, type ReportRun } from '../core/report/model';

/** Fonts by role. */
export const REPORT_FONTS = {
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  body: '仿宋_GB2312',
  latin: 'Times New Roman',
  pageNumber: '宋体',
} as const;

/**
 * What Word uses where a face is missing: w:altName in word/fontTable.xml (ECMA-376 Part 1, 17.8.3.1
 * altName: "alternate names for the font … used if the primary font name is not available"). The
 * GB2312 faces fall back to the faces Windows ships (仿宋, 楷体); 方正小标宋简体 to 宋体 (SimSun).
 */
export const FONT_FALLBACKS: { name: string; altName: string; family: string; pitch: string }[] = [
  { name: '仿宋_GB2312', altName: '仿宋', family: 'modern', pitch: 'fixed' },
  { name: '楷体_GB2312', altName: '楷体', family: 'modern', pitch: 'fixed' },
  { name: '方正小标宋简体', altName: '宋体', family: 'script', pitch: 'fixed' },
  { name: '黑体', altName: 'SimHei', family: 'modern', pitch: 'fixed' },
  { name: '仿宋', altName: 'FangSong', family: 'modern', pitch: 'fixed' },
  { name: '楷体', altName: 'KaiTi', family: 'modern', pitch: 'fixed' },
  { name: '宋体', altName: 'SimSun', family: 'auto', pitch: 'variable' },
  { name: 'Times New Roman', altName: 'Liberation Serif', family: 'roman', pitch: 'variable' },
];

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** word/fontTable.xml with every face the report names and its fallback (charset 86 = GB2312). */
export function fontTableXml(): string {
  const fonts = FONT_FALLBACKS.map(
    (f) =>
      `<w:font w:name="${xmlEscape(f.name)}"><w:altName w:val="${xmlEscape(f.altName)}"/><w:charset w:val="${f.name === 'Times New Roman' ? '00' : '86'}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`;
}

/** The files docx's packer replaces: the font table with fallbacks. */
export const DOCX_OVERRIDES = (): { path: string; data: string }[] => [{ path: 'word/fontTable.xml', data: fontTableXml() }];

/** Sizes in points: 二号 22, 三号 16, 四号 14, 五号 10.5. */
const PT = { title: 22, body: 16, pageNumber: 14, table: 10.5, small: 10 };
const mmToTwip = (mm: number) => Math.round((mm / 25.4) * 1440);
const LINE_TWIPS = 28 * 20;
/** Text width of the page: 210 − 28 − 26 mm. */
const TEXT_WIDTH = mmToTwip(210 - 28 - 26);

/**
 * No automatic gap between Chinese and digits (w:autoSpaceDN off): GB/T 9704 text sets "97.9万元" tight,
 * and Word's default would widen it on screen and in print.
 */
const NO_AUTOSPACE = { autoSpaceEastAsianText: false } as const;

const font = (eastAsia: string) => ({ ascii: REPORT_FONTS.latin, hAnsi: REPORT_FONTS.latin, eastAsia, cs: REPORT_FONTS.latin });
const bodyRun: IRunOptions = { font: font(REPORT_FONTS.body), size: PT.body * 2 };
const bodySpacing = { line: LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const indent = { firstLineChars: 200, firstLine: 2 * PT.body * 20 };

function runs(list: ReportRun[], base: IRunOptions): TextRun[] {
  return list.map((r) => new TextRun({ ...base, text: r.text, ...(isHighlighted(r) ? { highlight: HighlightColor.YELLOW } : {}) }));
}

const bodyParagraph = (list: ReportRun[], options: { noIndent?: boolean; alignment?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({ ...NO_AUTOSPACE, alignment: options.alignment ?? AlignmentType.JUSTIFIED, spacing: bodySpacing, indent: options.noIndent ? undefined : indent, children: runs(list, bodyRun) });

const emptyLine = () => new Paragraph({ ...NO_AUTOSPACE, spacing: bodySpacing, children: [new TextRun({ ...bodyRun, text: '' })] });

/** The title in its lines: each line a run, broken between them only. */
function titleParagraph(lines: ReportRun[][], options: { pageBreakBefore?: boolean } = {}): Paragraph {
  const children: TextRun[] = [];
  lines.forEach((line, i) => children.push(new TextRun({ font: font(REPORT_FONTS.title), size: PT.title * 2, text: runsText(line), ...(i ? { break: 1 } : {}) })));
  return new Paragraph({ ...NO_AUTOSPACE, alignment: AlignmentType.CENTER, spacing: { line: 35 * 20, lineRule: LineRuleType.EXACT, after: 0 }, keepLines: true, pageBreakBefore: options.pageBreakBefore, children });
}

/** The cover: title, then 评价类型, 项目名称, 被评价单位, 主管部门, the 公章 line and the date. */
function coverChildren(draft: ReportDraft): Paragraph[] {
  const field = (label: string, value: ReportRun[]) =>
    new Paragraph({ ...NO_AUTOSPACE,
      spacing: { line: 36 * 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      indent: { left: mmToTwip(10) },
      children: [new TextRun({ ...bodyRun, text: label }), ...runs(value, bodyRun)],
    });
  const out: Paragraph[] = [];
  for (let i = 0; i < 4; i++) out.push(emptyLine());
  out.push(titleParagraph(draft.titleLines));
  if (draft.subtitle.length) out.push(new Paragraph({ ...NO_AUTOSPACE, alignment: AlignmentType.CENTER, spacing: bodySpacing, children: runs(draft.subtitle, { ...bodyRun, font: font(REPORT_FONTS.heading2) }) }));
  for (let i = 0; i < 6; i++) out.push(emptyLine());
  out.push(field('评价类型：', [{ kind: 'text', text: `${draft.cover.evaluationType}☑` }]));
  out.push(field('项目名称：', draft.cover.project));
  out.push(field('被评价单位：', draft.cover.unit));
  out.push(field('主管部门：', draft.cover.department));
  out.push(field('评价单位（加盖公章）：', []));
  out.push(field('日　　期：', draft.cover.date));
  return out;
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: thin, bottom: thin, left: thin, right: thin };

function cell(text: string, width: number, options: { columnSpan?: number; rowSpan?: number; bold?: boolean; size?: number } = {}): TableCell {
  const size = (options.size ?? PT.table) * 2;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.columnSpan,
    rowSpan: options.rowSpan,
    borders,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    children: [
      new Paragraph({ ...NO_AUTOSPACE,
        alignment: text.length <= 8 ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { line: Math.round(size * 10 * 1.25), lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
        children: [new TextRun({ font: font(REPORT_FONTS.body), size, text, bold: options.bold })],
      }),
    ],
  });
}

/** A grid of texts with merges as a Word table: each merged area one cell spanning its rows and columns. */
function gridTable(rows: string[][], merges: AttachedTable['merges'], widths: number[], options: { headerRows?: number; size?: number } = {}): Table {
  const total = widths.reduce((a, b) => a + b, 0) || 1;
  const twips = widths.map((w) => Math.max(300, Math.floor((w / total) * TEXT_WIDTH)));
  const owner = (r: number, c: number) => merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  const tableRows = rows.map((row, r) => {
    const cells: TableCell[] = [];
    for (let c = 0; c < row.length; c++) {
      const m = owner(r, c);
      if (m && (m.top !== r || m.left !== c)) {
        // Covered by a merge: docx adds the vertical continuation cells itself; skip the spanned columns.
        c = m.right;
        continue;
      }
      const span = m ? m.right - m.left + 1 : 1;
      const width = twips.slice(c, c + span).reduce((a, b) => a + b, 0);
      cells.push(cell(row[c], width, { columnSpan: span > 1 ? span : undefined, rowSpan: m && m.bottom > m.top ? m.bottom - m.top + 1 : undefined, bold: r < (options.headerRows ?? 0), size: options.size }));
      if (m) c = m.right;
    }
    return new TableRow({ children: cells, cantSplit: true, tableHeader: r < (options.headerRows ?? 0) });
  });
  return new Table({ rows: tableRows, width: { size: twips.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: twips });
}

/** The 指标评分表: 一级 merged down over its rows, as in the 自评表. */
function scoreTableOf(draft: ReportDraft): Table {
  const header = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'];
  const rows = [header, ...draft.scoreTable.map((r) => [r.level1, r.level2, r.name, r.target, r.actual, r.weight, r.score])];
  const merges: AttachedTable['merges'] = [];
  let start = 1;
  for (let r = 2; r <= rows.length; r++) {
    if (r === rows.length || rows[r][0] !== rows[start][0]) {
      if (r - 1 > start) merges.push({ top: start, left: 0, bottom: r - 1, right: 0 });
      start = r;
    }
  }
  return gridTable(rows, merges, [10, 9, 20, 10, 10, 5, 6], { headerRows: 1 });
}

/** An attachment's page: "附件N" in 黑体 at the top left, its title centred, then its table. */
function attachmentPage(n: number, title: string, table: Table): (Paragraph | Table)[] {
  return [
    new Paragraph({ ...NO_AUTOSPACE, pageBreakBefore: true, spacing: bodySpacing, children: [new TextRun({ ...bodyRun, font: font(REPORT_FONTS.heading1), text: `附件${n}` })] }),
    new Paragraph({ ...NO_AUTOSPACE, alignment: AlignmentType.CENTER, spacing: { line: 35 * 20, lineRule: LineRuleType.EXACT, before: 120, after: 240 }, children: [new TextRun({ font: font(REPORT_FONTS.title), size: PT.title * 2 - 8, text: title })] }),
    table,
  ];
}

function pageNumberFooter(alignment: 'left' | 'right'): Footer {
  const run = { font: font(REPORT_FONTS.pageNumber), size: PT.pageNumber * 2 };
  return new Footer({
    children: [
      new Paragraph({ ...NO_AUTOSPACE,
        alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        // One character in from the outer edge (GB/T 9704: 单页码居右空一字，双页码居左空一字).
        indent: alignment === 'right' ? { right: PT.pageNumber * 20 } : { left: PT.pageNumber * 20 },
        children: [new TextRun({ ...run, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

const PAGE = {
  size: { width: mmToTwip(210), height: mmToTwip(297) },
  margin: { top: mmToTwip(37), bottom: mmToTwip(35), left: mmToTwip(28), right: mmToTwip(26), footer: mmToTwip(18) },
};

/** The Word document for a draft (pure: pack it with packReportDocx, or Packer with DOCX_OVERRIDES()). */
export function buildReportDocument(draft: ReportDraft): Document {
  const body: (Paragraph | Table)[] = [];
  body.push(titleParagraph(draft.titleLines));
  if (draft.subtitle.length) body.push(new Paragraph({ ...NO_AUTOSPACE, alignment: AlignmentType.CENTER, spacing: bodySpacing, children: runs(draft.subtitle, { ...bodyRun, font: font(REPORT_FONTS.heading2) }) }));
  body.push(emptyLine());
  for (const s of draft.sections) {
    body.push(
      new Paragraph({ ...NO_AUTOSPACE,
        heading: s.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
        spacing: bodySpacing,
        indent,
        keepNext: true,
        children: [new TextRun({ ...bodyRun, font: font(s.level === 1 ? REPORT_FONTS.heading1 : REPORT_FONTS.heading2), text: s.heading, color: '000000' })],
      }),
    );
    for (const p of s.paragraphs) body.push(bodyParagraph(p.runs));
  }
  // 附件说明 after the text, then the unit's name and the date, right-aligned four characters in.
  const attachments = [...(draft.attachment ? ['项目支出绩效自评表'] : []), '指标评分表'];
  body.push(emptyLine());
  attachments.forEach((a, i) =>
    body.push(new Paragraph({ ...NO_AUTOSPACE, spacing: bodySpacing, indent: i ? { left: 5 * PT.body * 20 } : indent, children: [new TextRun({ ...bodyRun, text: `${i ? '' : '附件：'}${i + 1}.${a}` })] })),
  );
  body.push(emptyLine(), emptyLine());
  const signatureIndent = { right: 4 * PT.body * 20 };
  body.push(new Paragraph({ ...NO_AUTOSPACE, alignment: AlignmentType.RIGHT, spacing: bodySpacing, indent: signatureIndent, children: runs(draft.signature.unit, bodyRun) }));
  body.push(new Paragraph({ ...NO_AUTOSPACE, alignment: AlignmentType.RIGHT, spacing: bodySpacing, indent: signatureIndent, children: runs(draft.signature.date, bodyRun) }));

  let n = 0;
  if (draft.attachment) {
    const a = draft.attachment;
    body.push(...attachmentPage(++n, '项目支出绩效自评表', gridTable(a.rows, a.merges, a.widths, { size: PT.small - 1 })));
  }
  body.push(...attachmentPage(++n, '指标评分表', scoreTableOf(draft)));

  // The 填报问题清单: its own page, last, so it is dropped in one piece before the report is filed.
  const findings: (Paragraph | Table)[] = [
    new Paragraph({ ...NO_AUTOSPACE, alignment: AlignmentType.CENTER, spacing: { line: 35 * 20, lineRule: LineRuleType.EXACT, after: 120 }, children: [new TextRun({ font: font(REPORT_FONTS.title), size: PT.title * 2 - 8, text: FINDINGS_TITLE })] }),
    new Paragraph({ ...NO_AUTOSPACE,
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ font: font(REPORT_FONTS.heading2), size: PT.small * 2 + 4, text: '（自评表复核意见，供更正自评表使用，不属于报告正文；报送前请删除本页）' })],
    }),
  ];
  if (draft.findings.length) {
    const rows = [['序号', '位置', '类别', '问题及更正方法'], ...draft.findings.map((f, i) => [String(i + 1), f.place, `${f.level}：${f.title}`, f.text])];
    findings.push(gridTable(rows, [], [4, 10, 9, 44], { headerRows: 1, size: PT.small }));
  } else findings.push(bodyParagraph([{ kind: 'text', text: '未发现须更正的填报问题。' }], { noIndent: true }));

  const numbered: Pick<ISectionOptions, 'footers'> = { footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') } };
  return new Document({
    creator: '绩效自评助手',
    title: runsText(draft.title),
    description: '由绩效自评助手根据项目支出绩效自评表生成的绩效自评报告草稿',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: font(REPORT_FONTS.body), size: PT.body * 2 } },
        // Heading styles kept plain (Word's defaults are blue and larger); the runs set the faces.
        heading1: { run: { font: font(REPORT_FONTS.heading1), size: PT.body * 2, bold: false, color: '000000' }, paragraph: { spacing: bodySpacing } },
        heading2: { run: { font: font(REPORT_FONTS.heading2), size: PT.body * 2, bold: false, color: '000000' }, paragraph: { spacing: bodySpacing } },
      },
    },
    sections: [
      // The cover carries no page number; the text starts at — 1 —.
      { properties: { page: PAGE }, footers: { default: new Footer({ children: [] }), even: new Footer({ children: [] }) }, children: coverChildren(draft) },
      { properties: { page: { ...PAGE, pageNumbers: { start: 1 } } }, ...numbered, children: body },
      { properties: { page: PAGE }, ...numbered, children: findings },
    ],
  });
}

/** Packs a draft into .docx bytes with the font table's fallbacks (the CLI: a Node Buffer). */
export function reportDocxBytes(draft: ReportDraft): Promise<Uint8Array> {
  // Texts come from the workbook: drop what XML forbids, or Word refuses the file.
  return Packer.toBuffer(buildReportDocument(xmlSafeDeep(draft)), false, DOCX_OVERRIDES());
}

/** Packs a draft into a .docx Blob with the font table's fallbacks (the pane). */
export function reportDocxBlob(draft: ReportDraft): Promise<Blob> {
  return Packer.toBlob(buildReportDocument(xmlSafeDeep(draft)), false, DOCX_OVERRIDES());
}
