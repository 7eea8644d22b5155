/**
 * Big inputs through the CLI's reader and the engine (node bin/jixiao.js score --json): the seed table
 * followed by 10,000 rows of junk, and a table with 10,000 indicator rows. Both complete, and the
 * results have the contract's shape and the right numbers.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { WorkbookResult } from '../../src/core/result';
import { contractViolations } from '../core/helpers';
import { jixiao, loadSeed, requireBuiltCli, sha256 } from './helpers';

jest.setTimeout(120_000);

const ROWS = 10_000;
let tmp: string;

beforeAll(() => {
  requireBuiltCli();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-big-'));
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** A deterministic pseudo-random source (the same junk on every run, so a failure can be replayed). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function scoreJson(file: string): Promise<WorkbookResult> {
  const before = sha256(file);
  const r = await jixiao(['score', path.basename(file), '--json'], path.dirname(file));
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(sha256(file)).toBe(before);
  const result = JSON.parse(r.stdout) as WorkbookResult;
  expect(contractViolations(result)).toEqual([]);
  return result;
}

it(`reads the seed table followed by ${ROWS.toLocaleString('en')} rows of junk`, async () => {
  const wb = await loadSeed();
  const ws = wb.getWorksheet('自评表')!;
  const rnd = lcg(20231231);
  const junk = ['备注', '合计', '项目名称', '分值', '得分', '≥95%', '12 人', '—', '  ', '#N/A', '说明：以上数据以决算为准'];
  for (let r = 0; r < ROWS; r++) {
    const row = ws.getRow(23 + r);
    for (let c = 1; c <= 12; c++) {
      const x = rnd();
      if (x < 0.45) continue;
      if (x < 0.7) row.getCell(c).value = Math.round(rnd() * 1e6) / 100;
      else if (x < 0.75) row.getCell(c).value = rnd() < 0.5 ? -1e300 : 1e300;
      else if (x < 0.8) row.getCell(c).value = { error: '#DIV/0!' } as never;
      else row.getCell(c).value = junk[Math.floor(rnd() * junk.length)];
    }
  }
  const file = path.join(tmp, 'junk-after-table.xlsx');
  await wb.xlsx.writeFile(file);

  const result = await scoreJson(file);
  const seedTables = result.tables.filter((t) => t.project.name === '12345 市民热线服务中心运行经费');
  expect(seedTables).toHaveLength(1);
  const t = seedTables[0];
  // The table itself reads as it does without the junk.
  expect(t.range.startsWith('A1:')).toBe(true);
  expect(t.funds.budget).toBe(64.95);
  expect(t.indicators.map((i) => i.name)).toContain('运行经费');
  expect(t.totals.statedScore).toBe(96);
});

it(`scores a table with ${ROWS.toLocaleString('en')} indicator rows`, async () => {
  const wb = await loadSeed();
  const ws = wb.getWorksheet('自评表')!;
  // Drop the seed's indicator block (rows 13–21) with its merges, keep the head and the 绩效指标 header row.
  for (const m of ['A12:A20', 'B13:B16', 'B17:B19', 'A21:F21']) ws.unMergeCells(m);
  for (let r = 13; r <= 21; r++) for (let c = 1; c <= 9; c++) ws.getRow(r).getCell(c).value = null;
  // The funds row as a clean one (rate 100%, full score), so only the indicators decide the total.
  ws.getCell('H6').value = 1;
  ws.getCell('I6').value = 10;

  // 产出 50, 效益 30, 满意度 10 points, spread over 5,000 / 3,000 / 2,000 rows.
  const groups = [
    { l1: '产出指标 (50 分)', l2: '数量指标', rows: 5000, weight: 0.01 },
    { l1: '效益指标 (30 分)', l2: '社会效益指标', rows: 3000, weight: 0.01 },
    { l1: '满意度指标 (10 分)', l2: '服务对象满意度指标', rows: 2000, weight: 0.005 },
  ];
  let r = 13;
  for (const g of groups) {
    for (let k = 0; k < g.rows; k++, r++) {
      const row = ws.getRow(r);
      if (k === 0) {
        row.getCell(2).value = g.l1;
        row.getCell(3).value = g.l2;
      }
      row.getCell(4).value = `${g.l2}第${k + 1}项`;
      row.getCell(5).value = `${10 + (k % 7)} 个`;
      row.getCell(6).value = `${10 + (k % 7)} 个`;
      row.getCell(7).value = g.weight;
      row.getCell(8).value = g.weight;
    }
  }
  const last = r - 1;
  expect(last - 12).toBe(ROWS);
  ws.getRow(r).getCell(1).value = '总分';
  ws.getRow(r).getCell(7).value = 100;
  ws.getRow(r).getCell(8).value = 100;
  ws.mergeCells(`A12:A${last}`);
  ws.mergeCells(`A${r}:F${r}`);
  const file = path.join(tmp, 'ten-thousand-indicators.xlsx');
  await wb.xlsx.writeFile(file);

  const result = await scoreJson(file);
  expect(result.tables).toHaveLength(1);
  const t = result.tables[0];
  expect(t.indicators).toHaveLength(ROWS);
  expect(t.indicators[0]).toMatchObject({ name: '数量指标第1项', row: 13, weight: 0.01, score: 0.01 });
  expect(t.indicators[ROWS - 1]).toMatchObject({ name: '服务对象满意度指标第2000项', row: last });
  expect(t.totals.weight).toBeCloseTo(100, 9);
  expect(t.totals.score).toBeCloseTo(100, 9);
  expect(t.totals.scoreCell).toBe(`H${r}`);
  expect(t.issues.filter((i) => i.severity === 'error')).toEqual([]);
  expect(t.grade).toBe('优');
});
