/**
 * Real .xlsx fixtures round-tripped through exceljs: written from the literal builders (once; committed),
 * read back with readWorkbookFile and evaluated. The file's reading must agree with the in-memory grid's.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbookFile } from '../../src/cli/readWorkbook';
import { evaluateWorkbook } from '../../src/core/engine';
import type { Grid } from '../../src/core/grid';
import type { WorkbookResult } from '../../src/core/result';
import { contractViolations, ind, toGrid } from './helpers';
import { buildWorkbook, fixtureSpecs } from './xlsxFixtures';

const DIR = path.join(__dirname, '..', 'fixtures');
const specs = fixtureSpecs();
const results: Record<string, WorkbookResult> = {};
const memory: Record<string, WorkbookResult> = {};

beforeAll(async () => {
  for (const [file, sheets] of Object.entries(specs)) {
    const full = path.join(DIR, file);
    if (process.env.JIXIAO_REGEN_FIXTURES || !fs.existsSync(full)) await buildWorkbook(sheets).xlsx.writeFile(full);
    const { grids } = await readWorkbookFile(full);
    results[file] = evaluateWorkbook(grids);
    const mem: Grid[] = sheets.map((s) => {
      const g = toGrid(s.built, s.name, { at: s.at, hidden: s.hidden });
      for (const [a1, text] of s.notes ?? []) {
        const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
        (g.cells[Number(m[2]) - 1] ??= [])[m[1].charCodeAt(0) - 65] = { value: text, text };
      }
      return g;
    });
    memory[file] = evaluateWorkbook(mem);
  }
});

/** What must survive the round trip: places, numbers, scores, issues. */
const essence = (r: WorkbookResult) =>
  r.tables.map((t) => ({
    sheet: t.sheet, range: t.range, layout: t.layout, year: t.year, project: t.project,
    funds: { ...t.funds, sources: t.funds.sources.map((s) => [s.label, s.budget, s.executed]) },
    indicators: t.indicators.map((i) => [i.name, i.kind, i.weight, i.score, i.statedScore, i.scoreCell]),
    totals: t.totals, grade: t.grade,
    issues: t.issues.map((i) => `${i.code}@${i.cell}`).sort(),
  }));

describe.each(Object.keys(specs))('%s', (file) => {
  it('reads back exactly as the literal grid evaluates, contract-shaped', () => {
    expect(contractViolations(results[file])).toEqual([]);
    expect(results[file].tables.length).toBeGreaterThan(0);
    expect(essence(results[file])).toEqual(essence(memory[file]));
  });
});

describe('what each file holds', () => {
  it('transfer: the notes sheet is ignored, the transfer table is scored', () => {
    const r = results['core-transfer.xlsx'];
    expect(r.tables.map((t) => [t.sheet, t.layout, t.grade])).toEqual([['绩效目标自评表', 'transfer', '优']]);
    expect(r.tables[0].funds).toMatchObject({ budget: 500, executed: 450, rate: 0.9, statedRate: 0.9, score: 9 });
  });

  it('四川: 权重/完成值/度量单位 read from the file; 96.00% as a percent-formatted number', () => {
    const t = results['core-sichuan.xlsx'].tables[0];
    expect(t.layout).toBe('sichuan');
    expect(t.funds.statedRate).toBe(0.96);
    expect(ind(t, '发放（缴纳）覆盖率')).toMatchObject({ kind: 'equal', score: 60 });
    expect(t.totals.statedScore).toBe(99.6);
  });

  it('云南: the two-row header survives exceljs merges; "10.00" formatted weights are numbers', () => {
    const t = results['core-yunnan.xlsx'].tables[0];
    expect(t.layout).toBe('yunnan');
    expect(t.indicators).toHaveLength(5);
    expect(t.funds).toMatchObject({ weight: 10, statedScore: 10, statedRate: 1 });
    expect(t.grade).toBe('优');
  });

  it('stacked: two tables on one sheet, the hidden backup sheet ignored', () => {
    const r = results['core-stacked.xlsx'];
    expect(r.tables.map((t) => [t.sheet, t.range, t.project.name, t.totals.score])).toEqual([
      ['两个项目', 'A1:I20', '12345市民热线服务中心运行经费', 100],
      ['两个项目', 'A23:I42', '网格化服务管理经费', 98],
    ]);
  });

  it('C5 after notes: formulas read from their cached results, text numbers read as numbers', () => {
    const t = results['core-offset-c5.xlsx'].tables[0];
    expect(t.range).toBe('C5:K23');
    expect(t.funds).toMatchObject({ initialBudget: 97.9, budget: 97.9, executed: 88.11, rate: 0.9, statedRate: 0.9, statedScore: 9, rateCell: 'J10', scoreCell: 'K10' });
    expect(t.totals).toMatchObject({ statedScore: 99, score: 99, scoreCell: 'J23' });
    expect(t.issues).toEqual([]);
    expect(t.grade).toBe('优');
  });
});
