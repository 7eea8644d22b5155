/** Small helpers for scanning OOXML parts as text (no DOM: parts can be far bigger than memory allows). */

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
/** OOXML's escape for characters XML cannot carry (ECMA-376 Part 1, 22.9.2.19 ST_Xstring): _xHHHH_. */
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

function entity(_: string, body: string): string {
  switch (body) {
    case 'amp':
      return '&';
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
    default: {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
  }
}

/** Text content or attribute value as the XML means it. */
export function decodeXml(s: string): string {
  // XML 1.0 §2.11: a parser hands line ends over as LF (a CR written as &#13; stays a CR).
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  return s.indexOf('&') < 0 ? s : s.replace(ENTITY, entity);
}

/** Cell text as Excel shows it: XML entities, then OOXML's _xHHHH_ escapes (_x005F_ is a literal "_"). */
export function decodeCellText(s: string): string {
  const t = decodeXml(s);
  return t.indexOf('_x') < 0 ? t : t.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ATTR_CACHE = new Map<string, RegExp>();

/** An attribute of one start tag (quotes of either kind); undefined when absent. */
export function attr(tag: string, name: string): string | undefined {
  let re = ATTR_CACHE.get(name);
  if (!re) {
    re = new RegExp(`[\\s<]${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTR_CACHE.set(name, re);
  }
  const m = re.exec(tag);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : undefined;
}

/** Every start tag `<name …>` / `<name …/>` in a text, as the tag's own text. */
export function* startTags(xml: string, name: string): Generator<string> {
  const open = `<${name}`;
  let p = 0;
  for (;;) {
    const i = xml.indexOf(open, p);
    if (i < 0) return;
    const next = xml.charCodeAt(i + open.length);
    // `<sheet` must not match `<sheets`: the name ends at a space, '>' or '/'.
    if (next !== 0x20 && next !== 0x3e && next !== 0x2f && next !== 0x0a && next !== 0x0d && next !== 0x09) {
      p = i + 1;
      continue;
    }
    const end = xml.indexOf('>', i);
    if (end < 0) return;
    yield xml.slice(i, end + 1);
    p = end + 1;
  }
}

/** The texts of every <t> element in a string item (<si>/<is>), phonetic runs (<rPh>) left out. */
export function itemText(inner: string): string {
  if (inner.indexOf('<rPh') >= 0) inner = inner.replace(/<rPh[\s>][\s\S]*?<\/rPh>/g, '');
  let out = '';
  let p = 0;
  for (;;) {
    const i = inner.indexOf('<t', p);
    if (i < 0) break;
    const c = inner.charCodeAt(i + 2);
    if (c !== 0x3e && c !== 0x20 && c !== 0x2f) {
      p = i + 2;
      continue;
    }
    const gt = inner.indexOf('>', i);
    if (gt < 0) break;
    if (inner.charCodeAt(gt - 1) === 0x2f) {
      p = gt + 1;
      continue;
    }
    const end = inner.indexOf('</t>', gt);
    if (end < 0) break;
    out += inner.slice(gt + 1, end);
    p = end + 4;
  }
  return decodeCellText(out);
}

/** A copy of a string that does not keep the (much larger) text it was cut from alive. */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** "AB12" → { row: 11, col: 27 } (0-based); null when not a cell reference. */
export function decodeAddress(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  const n = ref.length;
  while (i < n && ref.charCodeAt(i) === 0x24) i++;
  const letters = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  if (i === letters) return null;
  if (i < n && ref.charCodeAt(i) === 0x24) i++;
  let row = 0;
  const digits = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return null;
    row = row * 10 + (c - 0x30);
  }
  if (i === digits || row < 1) return null;
  return { row: row - 1, col: col - 1 };
}
