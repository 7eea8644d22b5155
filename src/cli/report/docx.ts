/**
 * The report draft as a Word document in 公文 style (GB/T 9704): A4, 37/35/28/26 mm margins, title in
 * 方正小标宋简体 二号, 一级 headings 黑体 三号, 二级 楷体_GB2312 三号, body 仿宋_GB2312 三号 with a
 * two-character first-line indent and 28 pt lines, page numbers "— n —" in the footer.
 * No Node APIs here: the pane packs the same Document with Packer.toBlob, the CLI with toBuffer.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  HighlightColor,
  LineRuleType,
  PageNumber,
  Paragraph,
  TextRun,
  type IRunOptions,
} from 'docx';
import { runsText, type ReportDraft, type ReportRun } from '../../core/report/model';

/** Fonts by role. Word substitutes a missing font by its character set, so the GB2312 faces fall back to 宋体. */
export const REPORT_FONTS = {
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  body: '仿宋_GB2312',
  latin: 'Times New Roman',
  pageNumber: '宋体',
} as const;

/** Sizes in points: 二号 22, 三号 16, 四号 14. */
const PT = { title: 22, body: 16, pageNumber: 14 };
const mmToTwip = (mm: number) => Math.round((mm / 25.4) * 1440);
const LINE_TWIPS = 28 * 20;

const font = (eastAsia: string) => ({ ascii: REPORT_FONTS.latin, hAnsi: REPORT_FONTS.latin, eastAsia, cs: REPORT_FONTS.latin });

function runs(list: ReportRun[], base: IRunOptions): TextRun[] {
  return list.map((r) => new TextRun({ ...base, text: r.text, ...(r.kind === 'placeholder' ? { highlight: HighlightColor.YELLOW } : {}) }));
}

/** The Word document for a draft (pure: pack it with Packer.toBuffer or Packer.toBlob). */
export function buildReportDocument(draft: ReportDraft): Document {
  const body: IRunOptions = { font: font(REPORT_FONTS.body), size: PT.body * 2 };
  const bodySpacing = { line: LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const indent = { firstLineChars: 200, firstLine: 2 * PT.body * 20 };
  const children: Paragraph[] = [];
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 35 * 20, lineRule: LineRuleType.EXACT, after: 0 },
      children: runs(draft.title, { font: font(REPORT_FONTS.title), size: PT.title * 2 }),
    }),
  );
  if (draft.subtitle.length) {
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: bodySpacing, children: runs(draft.subtitle, { ...body, font: font(REPORT_FONTS.heading2) }) }));
  }
  // One empty line between the title block and the text, as 公文 do.
  children.push(new Paragraph({ spacing: bodySpacing, children: [new TextRun({ ...body, text: '' })] }));
  for (const s of draft.sections) {
    children.push(
      new Paragraph({
        heading: s.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
        spacing: bodySpacing,
        indent,
        keepNext: true,
        children: [new TextRun({ ...body, font: font(s.level === 1 ? REPORT_FONTS.heading1 : REPORT_FONTS.heading2), text: s.heading, color: '000000' })],
      }),
    );
    for (const p of s.paragraphs) {
      children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: bodySpacing, indent, children: runs(p.runs, body) }));
    }
  }
  const pageNumberRun = { font: font(REPORT_FONTS.pageNumber), size: PT.pageNumber * 2 };
  return new Document({
    creator: '绩效自评助手',
    title: runsText(draft.title),
    description: '由绩效自评助手根据项目支出绩效自评表生成的绩效自评报告草稿',
    styles: {
      default: {
        document: { run: { font: font(REPORT_FONTS.body), size: PT.body * 2 } },
        // Heading styles kept plain (Word's defaults are blue and larger); the runs set the faces.
        heading1: { run: { font: font(REPORT_FONTS.heading1), size: PT.body * 2, bold: false, color: '000000' }, paragraph: { spacing: bodySpacing } },
        heading2: { run: { font: font(REPORT_FONTS.heading2), size: PT.body * 2, bold: false, color: '000000' }, paragraph: { spacing: bodySpacing } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwip(210), height: mmToTwip(297) },
            margin: { top: mmToTwip(37), bottom: mmToTwip(35), left: mmToTwip(28), right: mmToTwip(26), footer: mmToTwip(18) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ ...pageNumberRun, children: ['— ', PageNumber.CURRENT, ' —'] })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}
