/**
 * What a cell means as a value: numbers typed as text, percents (text or formatted), units,
 * comparators as symbols or words, "none" marks, error values and Chinese numerals.
 */
import type { Cell } from './grid';
import { isNoneMark } from './text';

export type Comparator = '>=' | '<=' | '=' | '>' | '<';

export interface ParsedValue {
  /** empty: blank; none: "-", "—", "/"; number; text: words; error: #N/A and the like or an unreadable number. */
  kind: 'empty' | 'none' | 'number' | 'text' | 'error';
  /** The value; percents are fractions (66% → 0.66). */
  number: number | null;
  /** Unit as written ("人", "万元"), "%" for percents. */
  unit: string | null;
  comparator: Comparator | null;
  /** Text as displayed, trimmed. */
  text: string;
  /** Why a number could not be read (a Chinese numeral, an error value). */
  problem?: 'chinese_numeral' | 'error_value' | 'not_a_number' | 'out_of_range';
}

const WORD_COMPARATORS: [RegExp, Comparator][] = [
  [/^(不低于|不少于|不小于|大于等于|大于或等于|至少|≥|≧|>=|=>)/, '>='],
  [/^(不高于|不超过|不多于|不大于|小于等于|小于或等于|至多|≤|≦|<=|=<)/, '<='],
  [/^(大于|高于|多于|超过|>)/, '>'],
  [/^(小于|低于|少于|<)/, '<'],
  [/^(等于|=|═)/, '='],
];
const SUFFIX_COMPARATORS: [RegExp, Comparator][] = [
  [/(及以上|以上)$/, '>='],
  [/(及以下|以下|以内)$/, '<='],
  // A deadline: "11月底前" is "11月" or earlier (宣城 2021: target "11月底前", actual "10月"); the unit stays.
  [/(?<=[年月日号])底?以?前$/, '<='],
];

const CHINESE_NUMERAL = /^[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+/;
/** What may follow a Chinese numeral for the cell to be a quantity ("十二人") rather than words ("一流服务"). */
const MEASURE_WORD = /^(个|人|人次|名|次|项|件|户|家|所|台|套|份|场|批|期|篇|条|座|辆|张|本|册|部|处|栋|间|天|日|周|个月|月|年|小时|分钟|元|万元|亿元|公里|千米|米|亩|平方米|吨|%)?$/;
// Scientific notation too ("1E+308" is how Excel shows a huge number, and what a CSV export writes).
const NUMBER = /^((?:[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)(?:[eE][+-]?\d{1,3}(?![\d.]))?)/;

function isPercentFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  // A workbook uses a handful of formats over thousands of cells: read each one once.
  let hit = PERCENT_FORMAT.get(fmt);
  if (hit === undefined) {
    hit = /%/.test(fmt.replace(/"[^"]*"|\\./g, ''));
    if (PERCENT_FORMAT.size >= 1000) PERCENT_FORMAT.clear();
    PERCENT_FORMAT.set(fmt, hit);
  }
  return hit;
}

const PERCENT_FORMAT = new Map<string, boolean>();

/** Parses a free-text value such as "≥1000人", "97.9 万元", "66%", "不低于95%". */
export function parseValueText(raw: string): ParsedValue {
  // The same texts ("100%", "≥95%", "是") recur across rows and sheets, and each reading runs a
  // dozen regexes: remember each text's reading, and hand out copies so callers may change theirs.
  const hit = PARSED_TEXT.get(raw);
  if (hit !== undefined) return { ...hit };
  const out = readValueText(raw);
  if (PARSED_TEXT.size >= 20000) PARSED_TEXT.clear();
  PARSED_TEXT.set(raw, { ...out });
  return out;
}

const PARSED_TEXT = new Map<string, ParsedValue>();

function readValueText(raw: string): ParsedValue {
  const text = raw.trim();
  if (text === '') return { kind: 'empty', number: null, unit: null, comparator: null, text };
  if (isNoneMark(text)) return { kind: 'none', number: null, unit: null, comparator: null, text };
  if (/^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)/i.test(text)) {
    return { kind: 'error', number: null, unit: null, comparator: null, text, problem: 'error_value' };
  }
  let s = text.normalize('NFKC').replace(/\s+/g, '');
  let comparator: Comparator | null = null;
  for (const [re, c] of WORD_COMPARATORS) {
    const m = re.exec(s);
    if (m) {
      comparator = c;
      s = s.slice(m[0].length);
      break;
    }
  }
  for (const [re, c] of SUFFIX_COMPARATORS) {
    const m = re.exec(s);
    if (m && NUMBER.test(s)) {
      comparator ??= c;
      s = s.slice(0, m.index);
      break;
    }
  }
  const m = NUMBER.exec(s);
  if (!m) {
    if (CHINESE_NUMERAL.test(s) && MEASURE_WORD.test(s.replace(CHINESE_NUMERAL, ''))) {
      return { kind: 'error', number: null, unit: null, comparator, text, problem: 'chinese_numeral' };
    }
    return { kind: 'text', number: null, unit: null, comparator, text };
  }
  let n = Number(m[1].replace(/,/g, ''));
  let rest = s.slice(m[0].length);
  let unit: string | null = null;
  if (rest.startsWith('%') || rest.startsWith('％')) {
    n = n / 100;
    unit = '%';
    rest = rest.slice(1);
  } else if (rest.startsWith('‰')) {
    n = n / 1000;
    unit = '%';
    rest = rest.slice(1);
  }
  // What follows the number must look like a unit ("人", "万元", "个工作日"), not a sentence.
  if (rest !== '') {
    if (unit === null && isShortQuantity(rest)) unit = rest.replace(/^[(（]|[)）]$/g, '');
    else if (!/^[。.;；]?$/.test(rest)) return { kind: 'text', number: null, unit: null, comparator, text };
  }
  if (!isUsable(n)) return { kind: 'error', number: null, unit, comparator, text, problem: 'out_of_range' };
  return { kind: 'number', number: n, unit, comparator, text };
}

/**
 * Finite and exact as a double: beyond 2^53 (9e15, far above any budget in 元) a value is a typing or
 * formula accident, and sums of such values would overflow to Infinity.
 */
function isUsable(n: number): boolean {
  return Number.isFinite(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER;
}

/** A unit is short and has no digits or sentence punctuation. */
function isShortQuantity(rest: string): boolean {
  return rest.length <= 6 && !/[\d,，。;；、]/.test(rest);
}

/**
 * Reads a cell: numbers as numbers (percent-formatted ones as fractions with unit "%"),
 * error values as errors, text through parseValueText.
 */
export function parseCell(cell: Cell): ParsedValue {
  const v = cell.value;
  if (v === null || v === undefined) return parseValueText(cell.text ?? '');
  if (typeof v === 'object') {
    return { kind: 'error', number: null, unit: null, comparator: null, text: v.error, problem: 'error_value' };
  }
  if (typeof v === 'number') {
    // A number it is (1e308 is a valid double), only too large to compute with exactly: say so, with
    // the number as written (a format such as 0% would display 1e308 as nonsense).
    if (!isUsable(v)) return { kind: 'error', number: null, unit: null, comparator: null, text: String(v).toUpperCase(), problem: Number.isFinite(v) ? 'out_of_range' : 'not_a_number' };
    const percent = isPercentFormat(cell.numberFormat) || /%\s*$/.test(cell.text ?? '');
    return { kind: 'number', number: v, unit: percent ? '%' : null, comparator: null, text: (cell.text ?? String(v)).trim() };
  }
  if (typeof v === 'boolean') return { kind: 'text', number: null, unit: null, comparator: null, text: cell.text || String(v) };
  return parseValueText(cell.text && cell.text.trim() !== '' ? cell.text : v);
}

/**
 * A cell that must hold a plain amount (budget, weight, score): a number with no comparator.
 * "-"/"—"/"/" and blanks read as absent; words and error values are problems to report.
 */
export function readAmount(cell: Cell): { value: number | null; parsed: ParsedValue; invalid: boolean } {
  const parsed = parseCell(cell);
  if (parsed.kind === 'number') return { value: parsed.number, parsed, invalid: false };
  if (parsed.kind === 'empty' || parsed.kind === 'none') return { value: null, parsed, invalid: false };
  return { value: null, parsed, invalid: true };
}

/**
 * A rate cell: a fraction. "66%" and 0.66 under a percent format are 0.66; a bare 66 is taken
 * as percentage points, since no execution rate is 66-fold.
 */
export function readRate(cell: Cell): { value: number | null; parsed: ParsedValue; invalid: boolean } {
  const r = readAmount(cell);
  if (r.value !== null && r.parsed.unit !== '%' && Math.abs(r.value) > 2) return { ...r, value: r.value / 100 };
  return r;
}
