/**
 * Fuzzing the CLI's reader with damaged copies of the seed: truncated at many points, bytes flipped
 * inside the compressed parts and in the zip directory, ranges zeroed. One batch over all of them:
 * no crash, no stack trace, every file either scored or named in one stderr line, and the good
 * file placed last is still scored (nothing stops the batch). Deterministic: a failure replays.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { WorkbookResult } from '../../src/core/result';
import { contractViolations } from '../core/helpers';
import { SEED, jixiao, requireBuiltCli, sha256, type Run } from './helpers';

jest.setTimeout(90_000);

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

let tmp: string;
let inputs: string[];
let before: Map<string, string>;
let text: Run;
let json: Run;

beforeAll(async () => {
  requireBuiltCli();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-fuzz-'));
  const seed = fs.readFileSync(SEED);
  const rnd = lcg(0x6a697869);
  const at = (n: number) => Math.floor(rnd() * n);
  const damaged: { name: string; bytes: Buffer }[] = [];
  // Truncations: from a few bytes to one byte short of whole.
  for (const cut of [1, 3, 4, 22, 30, 100, 512, 4096]) damaged.push({ name: `cut-${cut}`, bytes: seed.subarray(0, cut) });
  for (let k = 0; k < 8; k++) {
    const cut = 4 + at(seed.length - 5);
    damaged.push({ name: `cut-r${k}`, bytes: seed.subarray(0, cut) });
  }
  damaged.push({ name: 'cut-last', bytes: seed.subarray(0, seed.length - 1) });
  // Flipped bytes: anywhere, and in the last 10% (the zip's central directory).
  for (let k = 0; k < 12; k++) {
    const b = Buffer.from(seed);
    const tail = k % 2 === 1;
    for (let n = 0; n < 1 + (k % 4) * 3; n++) {
      const i = tail ? seed.length - 1 - at(Math.floor(seed.length / 10)) : 4 + at(seed.length - 4);
      b[i] ^= 1 + at(255);
    }
    damaged.push({ name: `flip-${tail ? 'dir' : 'any'}-${k}`, bytes: b });
  }
  // A run of zeros somewhere inside.
  for (let k = 0; k < 6; k++) {
    const b = Buffer.from(seed);
    const from = 4 + at(seed.length - 600);
    b.fill(0, from, from + 16 + at(512));
    damaged.push({ name: `zero-${k}`, bytes: b });
  }
  // Two copies glued together, and the seed behind 100 bytes of junk.
  damaged.push({ name: 'doubled', bytes: Buffer.concat([seed, seed]) });
  damaged.push({ name: 'prefixed', bytes: Buffer.concat([Buffer.alloc(100, 0x20), seed]) });

  inputs = damaged.map((d, i) => {
    const rel = `${String(i + 1).padStart(2, '0')}-${d.name}.xlsx`;
    fs.writeFileSync(path.join(tmp, rel), d.bytes);
    return rel;
  });
  fs.copyFileSync(SEED, path.join(tmp, 'zz-good.xlsx'));
  inputs.push('zz-good.xlsx');
  before = new Map(inputs.map((f) => [f, sha256(path.join(tmp, f))]));

  text = await jixiao(['score', ...inputs, '--summary', '汇总.xlsx'], tmp);
  json = await jixiao(['score', ...inputs, '--json'], tmp);
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

it('never crashes or prints a stack trace', () => {
  for (const r of [text, json]) {
    expect([0, 1, 2]).toContain(r.status);
    expect(r.stderr).not.toMatch(/\n\s+at |node:internal|Unhandled|TypeError|RangeError/);
  }
});

it('scores the good file placed after all the damaged ones', () => {
  expect(text.stdout).toContain('zz-good.xlsx');
  const results = JSON.parse(json.stdout) as WorkbookResult[];
  const good = results.find((r) => r.file === 'zz-good.xlsx')!;
  expect(good.tables).toHaveLength(1);
  expect(good.tables[0].totals.score).toBe(110);
});

it('gives every file a contract-shaped result, and every unreadable one exactly one stderr line', () => {
  const results = JSON.parse(json.stdout) as WorkbookResult[];
  expect(results.map((r) => r.file)).toEqual(inputs);
  const lines = json.stderr.trimEnd().split('\n').filter((l) => l !== '');
  for (const r of results) {
    expect([r.file, contractViolations(r)]).toEqual([r.file, []]);
    const mine = lines.filter((l) => l.includes(`${r.file}：`) || l.includes(`${r.file} `));
    if (r.tables.length > 0) expect([r.file, mine]).toEqual([r.file, []]);
    else expect([r.file, mine.length]).toEqual([r.file, 1]);
  }
  expect(lines).toHaveLength(results.filter((r) => r.tables.length === 0).length);
  // Most of the damage is caught as a read failure; the text run reports the same files.
  expect(results.filter((r) => r.issues.some((i) => i.code === 'UNREADABLE_FILE')).length).toBeGreaterThan(inputs.length / 2);
  expect(text.stderr.trimEnd().split('\n')).toEqual(lines);
  expect(fs.existsSync(path.join(tmp, '汇总.xlsx'))).toBe(true);
});

it('modifies no input', () => {
  for (const [f, sum] of before) expect([f, sha256(path.join(tmp, f))]).toEqual([f, sum]);
});
