/**
 * Text that every OOXML writer can put in a part and Excel/Word will open: one sanitiser for the
 * scored copy, the summary workbook, the report sheet and the .docx (XML 1.0 Char production:
 * #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]), and Excel's cell limit.
 */

/** Excel's limit on the characters of one cell ("Total number of characters that a cell can contain"). */
export const EXCEL_CELL_MAX_CHARS = 32767;

// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const HAS_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;

/** The text without the characters XML 1.0 forbids (removed: they carry nothing a reader could show). */
export function xmlSafe(text: string): string {
  // Most texts are clean (a surrogate pair also trips the test): one scan, no copy.
  if (!HAS_FORBIDDEN.test(text)) return text;
  // A loop rather than a lookbehind regex: the add-in's bundle runs in old webviews too.
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let drop = false;
    if (c < 0x20) drop = c !== 0x09 && c !== 0x0a && c !== 0x0d;
    else if (c === 0xfffe || c === 0xffff) drop = true;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) i++; // a whole pair: keep both halves
      else drop = true;
    } else if (c >= 0xdc00 && c <= 0xdfff) drop = true; // a low half with no high half before it
    if (drop) {
      out += text.slice(from, i);
      from = i + 1;
    }
  }
  return out + text.slice(from);
}

/** The marker ending a text cut to fit a cell; names how long the original was. */
export function truncationMarker(originalLength: number): string {
  return `…（内容过长已截断，原文共 ${originalLength} 字）`;
}

/** The text as a cell can hold it: XML-safe, and cut to Excel's 32,767 characters with a marker. */
export function cellText(text: string): string {
  const safe = xmlSafe(text);
  if (safe.length <= EXCEL_CELL_MAX_CHARS) return safe;
  const marker = truncationMarker(safe.length);
  let cut = EXCEL_CELL_MAX_CHARS - marker.length;
  // Never split a surrogate pair: that would leave half a character, itself ill-formed.
  const code = safe.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return safe.slice(0, cut) + marker;
}

/**
 * A copy of a plain data value with every string made XML-safe (objects and arrays walked; other
 * values kept). For documents built from a draft: the writer need not know where texts sit.
 */
export function xmlSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return xmlSafe(value) as T;
  if (Array.isArray(value)) return value.map((v) => xmlSafeDeep(v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = xmlSafeDeep(v);
    return out as T;
  }
  return value;
}
