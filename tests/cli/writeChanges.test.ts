import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { fromA1 } from '../../src/core/grid';
import { NOTE_PREFIX, SEVERITY_FILL, type CellMark, type CellWrite, type WritePlan } from '../../src/core/writePlan';
import { applyPlan, ApplyPlanError, snapshotCells } from '../../src/cli/writeChanges';
import { composeNote, splitNote } from '../../src/core/noteText';

const SEED = path.join(__dirname, '..', 'fixtures', 'xincheng-12345-2023.xlsx');
const SHEET = '自评表';

function write(address: string, value: number | string, extra: Partial<CellWrite> = {}): CellWrite {
  const { row, col } = fromA1(address);
  return { sheet: SHEET, address, row, col, role: 'indicatorScore', value, previous: { value: null }, ...extra };
}

function mark(address: string, severity: CellMark['severity'], note: string): CellMark {
  const { row, col } = fromA1(address);
  return { sheet: SHEET, address, row, col, severity, fill: SEVERITY_FILL[severity], note };
}

async function loadSeed(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SEED);
  return wb;
}

/** Saves and reopens, so assertions see what a user opening the file would see. */
async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(buf);
  return again;
}

const ws = (wb: ExcelJS.Workbook) => wb.getWorksheet(SHEET)!;

describe('applyPlan: values and formats', () => {
  it('writes values with their number formats and leaves other cells alone', async () => {
    const wb = await loadSeed();
    const before = snapshotCells(ws(wb), ['H7', 'I7', 'H13', 'D6']);
    const plan: WritePlan = {
      writes: [write('H6', 1, { role: 'rate', numberFormat: '0.00%' }), write('I6', 10, { role: 'executionScore', numberFormat: '0.00' }), write('I21', '优', { role: 'grade' })],
      marks: [],
    };
    const summary = applyPlan(wb, plan);
    expect(summary).toEqual({ written: 3, keptFormulas: 0, marked: 0, cleared: 0 });
    const after = await roundTrip(wb);
    expect(snapshotCells(ws(after), ['H6', 'I6', 'I21'])).toEqual([
      { address: 'H6', value: 1, numFmt: '0.00%', fill: null, note: null },
      { address: 'I6', value: 10, numFmt: '0.00', fill: null, note: null },
      { address: 'I21', value: '优', numFmt: null, fill: null, note: null },
    ]);
    // H7 shared H6's style (0%) in the file: it must not pick up H6's new format.
    expect(snapshotCells(ws(after), ['H7', 'I7', 'H13', 'D6'])).toEqual(before);
  });

  it('keeps a formula that already yields the value, setting only the format', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet(SHEET);
    s.getCell('A1').value = 3;
    s.getCell('B1').value = { formula: 'A1*2', result: 6 };
    s.getCell('C1').value = { formula: 'A1*3', result: 9 };
    applyPlan(wb, {
      writes: [write('B1', 6, { keepFormula: true, numberFormat: '0.00' }), write('C1', 7, { numberFormat: '0.00' })],
      marks: [],
    });
    const after = await roundTrip(wb);
    expect(snapshotCells(ws(after), ['B1', 'C1'])).toEqual([
      { address: 'B1', value: 6, formula: 'A1*2', numFmt: '0.00', fill: null, note: null },
      { address: 'C1', value: 7, numFmt: '0.00', fill: null, note: null },
    ]);
  });

  it('refuses a plan for a sheet the workbook lacks', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('别的表');
    expect(() => applyPlan(wb, { writes: [write('A1', 1)], marks: [] })).toThrow(ApplyPlanError);
  });
});

describe('applyPlan: marks', () => {
  it('fills by severity and notes with our prefix, without repainting cells that shared the style', async () => {
    const wb = await loadSeed();
    const plan: WritePlan = { writes: [], marks: [mark('H6', 'warning', '执行率应为 100%。'), mark('G21', 'error', '分值合计 110。\n应为 100。')] };
    expect(applyPlan(wb, plan).marked).toBe(2);
    const after = await roundTrip(wb);
    expect(snapshotCells(ws(after), ['H6', 'G21'])).toEqual([
      { address: 'H6', value: 0.66, numFmt: '0%', fill: '#FFEB9C', note: `${NOTE_PREFIX}执行率应为 100%。` },
      { address: 'G21', value: 100, numFmt: null, fill: '#FFC7CE', note: `${NOTE_PREFIX}分值合计 110。\n应为 100。` },
    ]);
    expect(snapshotCells(ws(after), ['H7'])[0].fill).toBeNull();
  });

  it("keeps the user's own note and appends ours; a second run replaces ours only", async () => {
    const wb = await loadSeed();
    ws(wb).getCell('H16').note = '财务科核对过';
    applyPlan(wb, { writes: [], marks: [mark('H16', 'warning', '原填 6 分，按反向指标计算应为 10 分。')] });
    let after = await roundTrip(wb);
    expect(snapshotCells(ws(after), ['H16'])[0].note).toBe(`财务科核对过\n${NOTE_PREFIX}原填 6 分，按反向指标计算应为 10 分。`);

    applyPlan(after, { writes: [], marks: [mark('H16', 'error', '得分超过分值。')] });
    after = await roundTrip(after);
    expect(snapshotCells(ws(after), ['H16'])[0]).toMatchObject({ note: `财务科核对过\n${NOTE_PREFIX}得分超过分值。`, fill: '#FFC7CE' });
  });

  it('keeps formatting runs of a rich-text user note', async () => {
    const wb = await loadSeed();
    ws(wb).getCell('H14').note = { texts: [{ text: '张三:', font: { bold: true } }, { text: '请复核' }] } as ExcelJS.Comment;
    applyPlan(wb, { writes: [], marks: [mark('H14', 'info', '定性指标。')] });
    let after = await roundTrip(wb);
    expect(snapshotCells(ws(after), ['H14'])[0].note).toBe(`张三:请复核\n${NOTE_PREFIX}定性指标。`);
    applyPlan(after, { writes: [], marks: [] });
    after = await roundTrip(after);
    const note = ws(after).getCell('H14').note as unknown as { texts: { text: string; font?: { bold?: boolean } }[] };
    expect(note.texts.map((t) => t.text).join('')).toBe('张三:请复核');
    expect(note.texts[0].font?.bold).toBe(true);
  });

  it('removes stale marks of ours and only ours', async () => {
    const wb = await loadSeed();
    const s = ws(wb);
    s.getCell('E13').note = '用户批注';
    applyPlan(wb, {
      writes: [],
      marks: [mark('H6', 'warning', '执行率不符。'), mark('E13', 'warning', '单位不一致。'), mark('F13', 'warning', '单位不一致。'), mark('G21', 'error', '合计有误。')],
    });
    let after = await roundTrip(wb);
    // The user paints F13 themselves after our run: that fill is theirs now.
    // (its own style object: exceljs shares one among cells read with the same style)
    const f13 = ws(after).getCell('F13');
    f13.style = { ...f13.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } } };
    // A user note that merely mentions our name is not ours.
    ws(after).getCell('D3').note = `参考${NOTE_PREFIX}的说明`;

    const summary = applyPlan(after, { writes: [], marks: [mark('G21', 'error', '合计仍有误。')] });
    expect(summary.cleared).toBe(3); // H6, E13, F13
    after = await roundTrip(after);
    expect(snapshotCells(ws(after), ['H6', 'E13', 'F13', 'G21'])).toEqual([
      { address: 'H6', value: 0.66, numFmt: '0%', fill: null, note: null },
      { address: 'E13', value: '12 人', numFmt: null, fill: null, note: '用户批注' },
      { address: 'F13', value: 1, numFmt: '0%', fill: '#00B050', note: null },
      { address: 'G21', value: 100, numFmt: null, fill: '#FFC7CE', note: `${NOTE_PREFIX}合计仍有误。` },
    ]);
    expect(snapshotCells(ws(after), ['D3'])[0].note).toBe(`参考${NOTE_PREFIX}的说明`);
  });

  it('scoring twice changes nothing the second time', async () => {
    const plan: WritePlan = {
      writes: [write('H6', 1, { role: 'rate', numberFormat: '0.00%' })],
      marks: [mark('H6', 'warning', '执行率不符。'), mark('G21', 'error', '合计有误。')],
    };
    const once = await loadSeed();
    applyPlan(once, plan);
    const r1 = await roundTrip(once);
    const cells = ['H6', 'G21', 'E13', 'A1'];
    const first = snapshotCells(ws(r1), cells);
    applyPlan(r1, plan);
    const r2 = await roundTrip(r1);
    expect(snapshotCells(ws(r2), cells)).toEqual(first);
  });
});

describe('noteText', () => {
  it('splits and composes notes', () => {
    expect(splitNote(null)).toEqual({ user: '', ours: null });
    expect(splitNote('用户')).toEqual({ user: '用户', ours: null });
    expect(splitNote(`用户\n${NOTE_PREFIX}甲`)).toEqual({ user: '用户', ours: `${NOTE_PREFIX}甲` });
    expect(splitNote(`见${NOTE_PREFIX}说明`)).toEqual({ user: `见${NOTE_PREFIX}说明`, ours: null });
    expect(composeNote(`用户\n${NOTE_PREFIX}甲`, `${NOTE_PREFIX}乙`)).toBe(`用户\n${NOTE_PREFIX}乙`);
    expect(composeNote(`${NOTE_PREFIX}甲`, null)).toBeNull();
    expect(composeNote(undefined, `${NOTE_PREFIX}乙`)).toBe(`${NOTE_PREFIX}乙`);
  });
});
