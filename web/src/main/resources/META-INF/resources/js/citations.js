// Citation markers in an answer ("[1]", "[1, 3]") and the hits they point at.

const MARKER = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;

/**
 * The answer as text runs and citation markers: {text} or {n, citation}. With citations null (still
 * streaming) every marker is kept with citation null; once they are known, a number no citation carries is
 * text again, so the page never offers a link the server did not vouch for.
 */
export function answerSegments(text, citations) {
  const source = typeof text === 'string' ? text : '';
  const known = citations ? new Map(citations.map((c) => [c.n, c])) : null;
  const segments = [];
  const addText = (t) => {
    if (!t) return;
    const last = segments[segments.length - 1];
    if (last && last.text !== undefined) last.text += t;
    else segments.push({ text: t });
  };
  let at = 0;
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(source); m; m = MARKER.exec(source)) {
    addText(source.slice(at, m.index));
    at = m.index + m[0].length;
    for (const n of m[1].split(',').map((s) => Number.parseInt(s.trim(), 10))) {
      if (!known) segments.push({ n, citation: null });
      else if (known.has(n)) segments.push({ n, citation: known.get(n) });
      else addText(`[${n}]`);
    }
  }
  addText(source.slice(at));
  return segments;
}

/** The citations worth showing: objects with a positive integer n, one per n, in order of n. */
export function validCitations(citations) {
  if (!Array.isArray(citations)) return [];
  const byN = new Map();
  for (const c of citations) {
    if (c && typeof c === 'object' && Number.isInteger(c.n) && c.n > 0 && !byN.has(c.n)) byN.set(c.n, c);
  }
  return [...byN.values()].sort((a, b) => a.n - b.n);
}

/** Index of the hit a citation names ({doc_id, url} each): by document id, else by URL; -1 when none. */
export function citedHitIndex(citation, hits) {
  if (!citation) return -1;
  const byId = citation.doc_id ? hits.findIndex((h) => h.doc_id === citation.doc_id) : -1;
  if (byId >= 0 || !citation.url) return byId;
  return hits.findIndex((h) => h.url === citation.url);
}
