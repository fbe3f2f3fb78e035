import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSseParser } from '../../main/resources/META-INF/resources/js/sse.js';

/** Feeds the chunks in order, then ends the stream; returns the events dispatched. */
function parse(...chunks) {
  const events = [];
  const parser = createSseParser((e) => events.push(e));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return events;
}

test('a named event and its data', () => {
  assert.deepEqual(parse('event: token\ndata: {"text":"Hi"}\n\n'),
    [{ type: 'token', data: '{"text":"Hi"}', id: '' }]);
});

test('an event without a name is a message', () => {
  assert.deepEqual(parse('data: x\n\n').map((e) => e.type), ['message']);
});

test('events split anywhere across chunks, one character at a time included', () => {
  const stream = 'event: token\ndata: {"text":"a"}\n\nevent: done\ndata: {"answer":"a"}\n\n';
  const expected = [
    { type: 'token', data: '{"text":"a"}', id: '' },
    { type: 'done', data: '{"answer":"a"}', id: '' },
  ];
  assert.deepEqual(parse(...stream.split('')), expected);
  for (let cut = 1; cut < stream.length; cut++) {
    assert.deepEqual(parse(stream.slice(0, cut), stream.slice(cut)), expected, `cut at ${cut}`);
  }
});

test('multi-line data joins with a line feed; an empty data line counts', () => {
  assert.deepEqual(parse('data: one\ndata:two\ndata\ndata:  three\n\n').map((e) => e.data), ['one\ntwo\n\n three']);
  assert.deepEqual(parse('data:\n\n').map((e) => e.data), ['']);
});

test('comments and unknown fields are ignored; a blank line with no data dispatches nothing', () => {
  assert.deepEqual(parse(': keep-alive\n\n:\nretry: 10\nfoo: bar\nevent: token\n\ndata: x\n\n'),
    [{ type: 'message', data: 'x', id: '' }]);
});

test('CRLF, CR and LF line ends, a CRLF split between chunks is one line end', () => {
  assert.deepEqual(parse('event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\revent: c\ndata: 3\n\n').map((e) => [e.type, e.data]),
    [['a', '1'], ['b', '2'], ['c', '3']]);
  // Were the CR and LF two line ends, the blank line between would dispatch "1" before "data: 2" arrives.
  assert.deepEqual(parse('data: 1\r', '\ndata: 2\r', '\n\r', '\n').map((e) => e.data), ['1\n2']);
});

test('a stream that ends inside an event dispatches nothing of it', () => {
  assert.deepEqual(parse('event: token\ndata: {"text":"a"}\n\nevent: done\ndata: {"answer":"a"').map((e) => e.type),
    ['token']);
  assert.deepEqual(parse('data: whole\n').length, 0);
  assert.deepEqual(parse('data: whole\n\r').map((e) => e.data), ['whole'], 'a final CR still ends the blank line');
});

test('the event type resets after each event, the last id carries over', () => {
  assert.deepEqual(parse('event: token\nid: 7\ndata: a\n\ndata: b\n\n'),
    [{ type: 'token', data: 'a', id: '7' }, { type: 'message', data: 'b', id: '7' }]);
});

test('one leading byte order mark is dropped, not a field name', () => {
  assert.deepEqual(parse('\uFEFF', 'data: x\n\n').map((e) => e.data), ['x']);
  assert.deepEqual(parse('\uFEFFevent: token\ndata: x\n\n').map((e) => e.type), ['token']);
});

test('a colon in the value is kept; no space after the colon is fine', () => {
  assert.deepEqual(parse('data:{"text":"a: b"}\n\n').map((e) => e.data), ['{"text":"a: b"}']);
});
