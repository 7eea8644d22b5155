/** Label text as real tables type it: normalised so that variants compare equal. */

/**
 * NFKC folds full-width brackets, colons, digits and "＝"/"﹦" to ASCII; whitespace (including line
 * breaks typed inside labels: "绩效 指标", "年度 总体 目标") is removed; Chinese brackets become ASCII.
 */
export function normalizeLabel(text: string): string {
  if (isNormalForm(text)) return text;
  // Detection normalises the same few hundred cell texts many times per table: remember them.
  const hit = NORMALIZED.get(text);
  if (hit !== undefined) return hit;
  const out = text
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（【〔［]/g, '(')
    .replace(/[）】〕］]/g, ')')
    .replace(/[：]/g, ':')
    .replace(/:+$/, '');
  remember(NORMALIZED, text, out);
  return out;
}

/**
 * Text that normalizeLabel leaves as it is: printable ASCII and CJK unified ideographs (U+4E00–U+9FFF)
 * only, which NFKC keeps (checked for every one of them), with no whitespace or bracket to replace and
 * no trailing colon. Most labels and numbers are such: reading them costs less than a cache lookup.
 */
function isNormalForm(text: string): boolean {
  // One native match, not a JavaScript step per code unit: most calls run before the engine is optimised.
  return NORMAL_FORM.test(text) && !text.endsWith(':');
}

const NORMAL_FORM = /^[\x21-\x7e\u4e00-\u9fff]*$/;

const NORMALIZED = new Map<string, string>();
/** Bounds the memory a batch of many different workbooks can hold in each cache. */
const NORMALIZED_MAX = 20000;

function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= NORMALIZED_MAX) cache.clear();
  cache.set(key, value);
}

/** Whether the normalised text contains any of the (already normalised) needles. */
export function includesAny(normalized: string, needles: readonly string[]): boolean {
  for (let i = 0; i < needles.length; i++) if (normalized.includes(needles[i])) return true;
  return false;
}

/** Whether the normalised text starts with any of the (already normalised) needles (equal included). */
export function startsWithAny(normalized: string, needles: readonly string[]): boolean {
  for (let i = 0; i < needles.length; i++) if (normalized.startsWith(needles[i])) return true;
  return false;
}

/** A weight declared inside a 一级 label: "产出指标 (60 分)" → 60. */
export function declaredWeight(label: string): number | null {
  // Asked for every indicator row of its group: remember each label's answer.
  const hit = DECLARED.get(label);
  if (hit !== undefined) return hit;
  const m = /\((\d+(?:\.\d+)?)分?\)/.exec(normalizeLabel(label));
  const out = m ? Number(m[1]) : null;
  remember(DECLARED, label, out);
  return out;
}

const DECLARED = new Map<string, number | null>();

/** The 一级/二级 label without its declared weight: "产出指标 (60 分)" → "产出指标". */
export function bareLevelLabel(label: string): string {
  const hit = BARE.get(label);
  if (hit !== undefined) return hit;
  const out = label
    .normalize('NFKC')
    .replace(/[（(]\s*\d+(?:\.\d+)?\s*分?\s*[)）]/g, '')
    .replace(/[\s\u3000]+/g, '')
    .trim();
  remember(BARE, label, out);
  return out;
}

const BARE = new Map<string, string>();

/**
 * A 三级指标 name without the decorations filers add: "指标1:", "★", "1.", "（1）".
 * Returns "" for reserved rows ("指标2:", "……").
 */
export function cleanIndicatorName(name: string): string {
  // Asked for every indicator row of every evaluation, five patterns each: remember each name's answer.
  const hit = CLEANED.get(name);
  if (hit !== undefined) return hit;
  const out = stripDecorations(name);
  remember(CLEANED, name, out);
  return out;
}

const CLEANED = new Map<string, string>();

function stripDecorations(name: string): string {
  // Decorations are stripped from the text as typed (no NFKC): the name is shown to the user, and
  // NFKC would turn its full-width commas and brackets into ASCII ones.
  let s = name.replace(/[\u3000]/g, ' ').trim();
  s = s.replace(/^[★☆*＊※]+\s*/, '');
  s = s.replace(/^指标\s*[0-9０-９]+\s*[:：]?\s*/, '');
  s = s.replace(/^[(（]?[0-9０-９]{1,2}[).、）．]\s*(?=\S)/, '');
  s = s.replace(/^[★☆*＊※]+\s*/, '');
  if (/^[.…。·\s-]*$/.test(s)) return '';
  return s.trim();
}

/** "/" and its look-alikes mark a row or cell as not applicable. */
export function isNotApplicableMark(text: string): boolean {
  const t = text.trim();
  return t === '/' || t === '／' || t === '\\';
}

/** "-", "—", "/" typed in a numeric cell mean "none", not an error. */
export function isNoneMark(text: string): boolean {
  return /^[-—–－_/／\\─]+$/.test(text.trim());
}
