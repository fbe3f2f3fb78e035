import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeEntities, safeHref, snippetSegments } from '../../main/resources/META-INF/resources/js/safe.js';

const text = (html) => snippetSegments(html).map((s) => s.text).join('');
const marks = (html) => snippetSegments(html).filter((s) => s.mark).map((s) => s.text);

test('links only to http, https and file URLs', () => {
  for (const url of ['https://wiki.example.com/a', 'http://x', 'HTTPS://X', 'file:///srv/finance/q3.md']) {
    assert.equal(safeHref(url), url);
  }
  for (const url of ['javascript:alert(1)', ' JaVaScRiPt:alert(2)', 'data:text/html,<b>x</b>', 'vbscript:x',
    '//evil.example.com', '/relative', ' https://leading-space', 'java\tscript:x', '', null, undefined, 42, {}]) {
    assert.equal(safeHref(url), null, String(url));
  }
});

test('the highlighter output: escaped text with marks', () => {
  assert.deepEqual(snippetSegments('Q3 <mark>runway</mark> is 14 months &amp; &lt;b&gt;'), [
    { text: 'Q3 ', mark: false },
    { text: 'runway', mark: true },
    { text: ' is 14 months & <b>', mark: false },
  ]);
});

test('only <mark> survives: other tags are dropped, their text kept as text', () => {
  const html = 'escaped &lt;img src=x onerror=alert(1)&gt; and <mark>payload</mark> then raw '
    + '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script><a href="javascript:x">a link</a> '
    + '<mark onclick="window.__xss=3">marked</mark>';
  assert.equal(text(html), 'escaped <img src=x onerror=alert(1)> and payload then raw window.__xss=2a link marked');
  assert.deepEqual(marks(html), ['payload', 'marked']);
});

test('attributes with > inside quotes, comments, bogus comments and unclosed tags leave no markup behind', () => {
  assert.equal(text('a<b title=">x" class=\'>\'>b</b>c'), 'abc');
  assert.equal(text('a<!-- <mark>hidden</mark> -->b<!doctype html>c<?xml x?>d'), 'abcd');
  assert.equal(text('before <img src=x onerror=alert(1)'), 'before ');
  assert.equal(text('a <!-- never closed <mark>x</mark>'), 'a ');
  assert.deepEqual(marks('a<!-- <mark>x</mark> -->'), []);
});

test('a < that starts no tag is text', () => {
  assert.equal(text('1 < 2 and 3 <= 4, a <3 b, </ >'), '1 < 2 and 3 <= 4, a <3 b, </ >');
});

test('marks: case, nesting, stray closing tags and self-closing forms', () => {
  assert.deepEqual(snippetSegments('<MARK>a</Mark>b</mark>c<mark><b>d</b><mark>e</mark>f</mark>g'), [
    { text: 'a', mark: true },
    { text: 'bc', mark: false },
    { text: 'def', mark: true },
    { text: 'g', mark: false },
  ]);
  assert.deepEqual(marks('<markup>x</markup><marker>y</marker>'), [], 'only the mark element, not its prefixes');
});

test('not a string is no snippet', () => {
  assert.deepEqual(snippetSegments(undefined), []);
  assert.deepEqual(snippetSegments({ toString: () => '<mark>x</mark>' }), []);
});

test('character references: numeric and the few an encoder writes; a decoded < builds nothing', () => {
  assert.equal(decodeEntities('&#233;t&#xE9; &#128512; &quot;q&quot; &apos;&nbsp;&#39;'), 'été 😀 "q" \'\u00a0\'');
  assert.equal(decodeEntities('&#0; &#xD800; &#x110000;'), '\ufffd \ufffd \ufffd');
  assert.equal(decodeEntities('&copy; &amp &unknown; AT&T'), '&copy; &amp &unknown; AT&T');
  assert.deepEqual(snippetSegments('&lt;mark&gt;not a mark&lt;/mark&gt;'), [{ text: '<mark>not a mark</mark>', mark: false }]);
});
