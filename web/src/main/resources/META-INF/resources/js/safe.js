// What the page lets through from the server: links only to http(s): and file: URLs, and of a snippet's HTML
// only its text and <mark>. Pure functions over strings, so that no parser of ours or the browser's ever
// builds an element from a source's text.

const SAFE_LINK = /^(https?|file):/i;

/** The URL when it may become a link's href (http, https, file), else null. */
export function safeHref(url) {
  return typeof url === 'string' && SAFE_LINK.test(url) ? url : null;
}

// A tag (quoted attribute values may hold '>'), a comment, a bogus comment (<!...>, <?...>), or a tag the
// input ends inside of, which a browser would drop too.
const MARKUP = /<(\/?)([a-zA-Z][^\s/>]*)(?:"[^"]*"|'[^']*'|[^'">])*>|<!--[\s\S]*?(?:-->|$)|<[!?][^>]*(?:>|$)|<\/?[a-zA-Z][\s\S]*$/g;
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos|nbsp));?/g;
const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references an HTML encoder writes (numeric ones and amp, lt, gt, quot, apos, nbsp). */
export function decodeEntities(text) {
  return text.replace(ENTITY, (whole, dec, hex, name) => {
    if (name) return whole.endsWith(';') ? NAMED[name] : whole;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex, 16);
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return valid ? String.fromCodePoint(code) : '\ufffd';
  });
}

/**
 * A snippet's HTML as runs of text, each marked or not: <mark> and </mark> switch marking (attributes are
 * dropped), every other tag and comment is dropped, its text kept. Adjacent runs of one kind are merged.
 */
export function snippetSegments(html) {
  const source = typeof html === 'string' ? html : '';
  const segments = [];
  let depth = 0;
  const add = (raw) => {
    const text = decodeEntities(raw);
    if (!text) return;
    const mark = depth > 0;
    const last = segments[segments.length - 1];
    if (last && last.mark === mark) last.text += text;
    else segments.push({ text, mark });
  };
  let at = 0;
  MARKUP.lastIndex = 0;
  for (let m = MARKUP.exec(source); m; m = MARKUP.exec(source)) {
    add(source.slice(at, m.index));
    at = m.index + m[0].length;
    if (m[2] && m[2].toLowerCase() === 'mark') {
      if (m[1]) depth = Math.max(0, depth - 1);
      else depth += 1;
    }
  }
  add(source.slice(at));
  return segments;
}
