import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerSegments, citedHitIndex, validCitations } from '../../main/resources/META-INF/resources/js/citations.js';

const one = { n: 1, doc_id: 'd1', title: 'Q3 report', url: 'https://x/q3' };
const two = { n: 2, doc_id: 'd2', title: 'Runway', url: 'https://x/runway' };

test('markers become chips bound to their citation', () => {
  assert.deepEqual(answerSegments('Runway is 14 months [1]. Costs fell[2].', [one, two]), [
    { text: 'Runway is 14 months ' },
    { n: 1, citation: one },
    { text: '. Costs fell' },
    { n: 2, citation: two },
    { text: '.' },
  ]);
});

test('a group marker is one chip per number', () => {
  assert.deepEqual(answerSegments('both [1, 2] and [2,1]', [one, two]).filter((s) => s.n).map((s) => s.n),
    [1, 2, 2, 1]);
});

test('a number no citation carries stays text', () => {
  assert.deepEqual(answerSegments('see [3] and [1, 7].', [one]), [
    { text: 'see [3] and ' },
    { n: 1, citation: one },
    { text: '[7].' },
  ]);
  assert.deepEqual(answerSegments('none [1]', []), [{ text: 'none [1]' }]);
});

test('while streaming (citations not known yet) every marker is a pending chip', () => {
  assert.deepEqual(answerSegments('a [1] b [9]', null), [
    { text: 'a ' }, { n: 1, citation: null }, { text: ' b ' }, { n: 9, citation: null },
  ]);
});

test('brackets that are not markers are text', () => {
  const s = 'arrays [] [a] [1 and [ 1] [1,] [1234] x[0]y';
  assert.deepEqual(answerSegments(s, [one]).filter((seg) => seg.n !== undefined).length, 0);
  assert.equal(answerSegments(s, [one]).map((seg) => seg.text).join(''), s);
  assert.deepEqual(answerSegments(undefined, [one]), []);
});

test('valid citations: positive integer n, first of each n, in order', () => {
  assert.deepEqual(validCitations([two, null, 'x', { n: 0 }, { n: 1.5 }, { n: '1' }, one, { ...one, title: 'dup' }]),
    [one, two]);
  assert.deepEqual(validCitations(undefined), []);
  assert.deepEqual(validCitations({ n: 1 }), []);
});

test('a citation names the hit with its document id, else its URL', () => {
  const hits = [{ doc_id: 'd0', url: 'https://x/a' }, { doc_id: 'd2', url: 'https://x/b' },
    { doc_id: undefined, url: 'https://x/q3' }];
  assert.equal(citedHitIndex(two, hits), 1);
  assert.equal(citedHitIndex(one, hits), 2, 'no hit with d1: the one at its URL');
  assert.equal(citedHitIndex({ n: 3, doc_id: 'gone', url: 'https://x/gone' }, hits), -1);
  assert.equal(citedHitIndex({ n: 4 }, hits), -1);
  assert.equal(citedHitIndex(undefined, hits), -1);
});
