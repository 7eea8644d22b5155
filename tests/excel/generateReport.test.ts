/**
 * OfficeWorkbookAdapter.generateReport and reportDocx on the seed workbook inside the Excel test double,
 * with the real Office applier: the 绩效自评报告 sheet carries the seed's facts; an unedited draft is
 * replaced, an edited one is kept and a new sheet made beside it; the .docx is a real Word package.
 */
import JSZip from 'jszip';
import { NATIONAL_PROFILE } from '../../src/core/profile';
import { FINGERPRINT_MARK, REPORT_SHEET_BASE } from '../../src/core/report/reportSheet';
import { OfficeWorkbookAdapter } from '../../src/excel/officeAdapter';
import { BACKUP_SHEET } from '../../src/excel/readGrids';
import { AdapterError } from '../../src/excel/session';
import { fakeFromCells, installFakeOffice, uninstallFakeOffice, type FakeWorkbook } from '../../src/excel/testing/fakeExcel';
import { seedWorkbook } from './helpers';

afterEach(() => uninstallFakeOffice(globalThis));

const PROJECT = '12345 市民热线服务中心运行经费';
/** As the report writes it: no space between digits and Chinese. */
const PROJECT_TYPESET = '12345市民热线服务中心运行经费';
const LIST = '填报问题清单';

function sheetTexts(wb: FakeWorkbook, name: string): string[] {
  return [...wb.sheet(name)!.cells.values()].map((c) => (c.value === null ? '' : String(c.value))).filter(Boolean);
}

/** The address of the first cell whose text contains `needle`. */
function findCell(wb: FakeWorkbook, name: string, needle: string): string {
  for (const [k, c] of wb.sheet(name)!.cells) {
    if (typeof c.value === 'string' && c.value.includes(needle)) {
      const [r, col] = k.split(',').map(Number);
      return `${String.fromCharCode(65 + col)}${r + 1}`;
    }
  }
  throw new Error(`no cell with ${needle}`);
}

describe('generateReport', () => {
  it('writes a 绩效自评报告 sheet with the seed’s project, execution rate and total, and activates it', async () => {
    const wb = await seedWorkbook();
    const adapter = new OfficeWorkbookAdapter();
    const out = await adapter.generateReport();
    expect(out.sheet).toBe(REPORT_SHEET_BASE);
    expect(out.sheets).toEqual([REPORT_SHEET_BASE]);
    expect(out.message).toContain(`已生成“${REPORT_SHEET_BASE}”`);
    expect(wb.sheets.map((s) => s.name)).toEqual(['自评表', REPORT_SHEET_BASE, LIST]);
    expect(wb.sheet(wb.activeSheetId as string)?.name).toBe(REPORT_SHEET_BASE);
    // Read (3 syncs) + apply report (2 syncs) + apply the 填报问题清单 (2 syncs), all counted.
    expect(adapter.lastSyncs).toBe(wb.syncCount);
    expect(wb.syncCount).toBe(7);

    const text = sheetTexts(wb, REPORT_SHEET_BASE).join('\n');
    expect(text).toContain(PROJECT_TYPESET);
    // The findings are on their own sheet, never in the report.
    const list = sheetTexts(wb, LIST).join('\n');
    expect(list).toContain('自评表!B13'); // WEIGHT_SUM at the 一级 cell that causes it
    expect(text).not.toContain('自评表!B13');
    expect(text).toContain('97.9');
    expect(text).toContain('64.95');
    expect(text).toContain(FINGERPRINT_MARK);

    const sheet = wb.sheet(REPORT_SHEET_BASE)!;
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.pageLayout.paperSize).toBe('A4');
    expect(wb.mergesList(REPORT_SHEET_BASE).length).toBeGreaterThan(5);
    // Nothing was written to the user's table and no backup sheet was made.
    expect(wb.writes.filter((w) => w.sheet === '自评表')).toEqual([]);
    expect(wb.sheet(BACKUP_SHEET)).toBeUndefined();
  });

  it('replaces an unedited draft, keeps an edited one and makes 绩效自评报告 (2) beside it', async () => {
    const wb = await seedWorkbook();
    const adapter = new OfficeWorkbookAdapter();
    await adapter.generateReport(NATIONAL_PROFILE);
    const firstId = wb.sheet(REPORT_SHEET_BASE)!.id;

    // Unedited: regenerated in place (a new sheet under the same name, no copy).
    const second = await adapter.generateReport(NATIONAL_PROFILE);
    expect(second.sheet).toBe(REPORT_SHEET_BASE);
    expect(wb.sheets.map((s) => s.name)).toEqual(['自评表', REPORT_SHEET_BASE, LIST]);
    expect(wb.sheet(REPORT_SHEET_BASE)!.id).not.toBe(firstId);

    // The user rewrites a paragraph: that draft is theirs now.
    const edited = findCell(wb, REPORT_SHEET_BASE, PROJECT_TYPESET);
    const mine = '（本段已由经办人改写）';
    wb.setCell(REPORT_SHEET_BASE, edited, { value: mine });
    const editedId = wb.sheet(REPORT_SHEET_BASE)!.id;

    const third = await adapter.generateReport(NATIONAL_PROFILE);
    expect(third.sheet).toBe(`${REPORT_SHEET_BASE} (2)`);
    expect(wb.sheets.map((s) => s.name)).toEqual(['自评表', REPORT_SHEET_BASE, `${REPORT_SHEET_BASE} (2)`, LIST]);
    expect(wb.sheet(REPORT_SHEET_BASE)!.id).toBe(editedId);
    expect(wb.cell(REPORT_SHEET_BASE, edited).value).toBe(mine);
    expect(sheetTexts(wb, `${REPORT_SHEET_BASE} (2)`).join('\n')).toContain(PROJECT_TYPESET);
    expect(wb.sheet(wb.activeSheetId as string)?.name).toBe(`${REPORT_SHEET_BASE} (2)`);

    // And the new copy, unedited, is the one replaced next time.
    const copyId = wb.sheet(`${REPORT_SHEET_BASE} (2)`)!.id;
    const fourth = await adapter.generateReport(NATIONAL_PROFILE);
    expect(fourth.sheet).toBe(`${REPORT_SHEET_BASE} (2)`);
    expect(wb.sheets).toHaveLength(4);
    expect(wb.sheet(`${REPORT_SHEET_BASE} (2)`)!.id).not.toBe(copyId);
    expect(wb.cell(REPORT_SHEET_BASE, edited).value).toBe(mine);
  });

  it('a user sheet that merely has the name is never overwritten', async () => {
    const wb = await seedWorkbook();
    wb.addSheet(REPORT_SHEET_BASE);
    wb.setCell(REPORT_SHEET_BASE, 'A1', { value: '我自己写的报告' });
    const out = await new OfficeWorkbookAdapter().generateReport(NATIONAL_PROFILE);
    expect(out.sheet).toBe(`${REPORT_SHEET_BASE} (2)`);
    expect(wb.cell(REPORT_SHEET_BASE, 'A1').value).toBe('我自己写的报告');
  });

  it('says in Chinese when there is no table, and writes nothing', async () => {
    const wb = fakeFromCells({ Sheet1: { A1: '会议记录' } });
    installFakeOffice(globalThis, wb);
    const err = await new OfficeWorkbookAdapter().generateReport(NATIONAL_PROFILE).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdapterError);
    expect((err as AdapterError).userMessage).toMatch(/[\u4e00-\u9fff]/);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('a protected workbook structure: a Chinese error, the workbook unchanged', async () => {
    const wb = await seedWorkbook();
    wb.structureProtected = true;
    const err = await new OfficeWorkbookAdapter().generateReport(NATIONAL_PROFILE).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdapterError);
    expect((err as AdapterError).userMessage).toMatch(/[\u4e00-\u9fff]/);
    expect((err as AdapterError).userMessage).not.toMatch(/at .*\.ts/);
    expect(wb.sheets.map((s) => s.name)).toEqual(['自评表']);
  });
});

describe('reportDocx', () => {
  it('returns a Word package (a zip with word/document.xml) naming the project', async () => {
    const wb = await seedWorkbook();
    const { fileName, blob } = await new OfficeWorkbookAdapter().reportDocx(NATIONAL_PROFILE);
    expect(blob).toBeInstanceOf(Blob);
    expect(fileName).toBe(`${PROJECT}绩效自评报告.docx`);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    // A zip starts with the local file header "PK\x03\x04".
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
    const xml = await zip.file('word/document.xml')!.async('string');
    const plain = xml.replace(/<[^>]+>/g, '');
    expect(plain).toContain(PROJECT_TYPESET);
    expect(plain).toContain('64.95');
    // Reading for the document writes nothing to the workbook.
    expect(wb.writes).toEqual([]);
    expect(wb.sheets.map((s) => s.name)).toEqual(['自评表']);
  });
});
