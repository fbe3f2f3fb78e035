import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { ApiError, fetchSearch, streamAnswer } from '../../main/resources/META-INF/resources/js/api.js';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** Answers every fetch with this response and records the requests. */
function serve(respond) {
  const requests = [];
  globalThis.fetch = async (url, init) => {
    requests.push({ url, init });
    return respond(url, init);
  };
  return requests;
}

/** A body that sends these chunks (strings, UTF-8 encoded; or byte arrays) and then ends, or hangs. */
function body(chunks, { hang = false } = {}) {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(typeof c === 'string' ? encoder.encode(c) : c);
      if (!hang) controller.close();
    },
  });
}

const sse = (chunks, options) => new Response(body(chunks, options),
  { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
const json = (status, value) => new Response(JSON.stringify(value),
  { status, headers: { 'Content-Type': 'application/json' } });

const FINAL = { answer: 'Runway is 14 months [1].', citations: [{ n: 1, doc_id: 'd1' }], stages: [], llm: true,
  usage: { input_tokens: 10, output_tokens: 5 }, notices: [] };

test('posts the query as JSON asking for a stream, same origin, and streams tokens then the final object', async () => {
  const requests = serve(() => sse([
    ': hello\n\n',
    'event: token\ndata: {"text":"Runway is "}\n\n',
    'event: token\ndata: {"text":"14 months',
    ' [1]."}\n\nevent: done\ndata: ', JSON.stringify(FINAL), '\n\n',
  ]));
  const tokens = [];
  const final = await streamAnswer({ query: 'runway' }, { onToken: (t) => tokens.push(t) });

  assert.deepEqual(tokens, ['Runway is ', '14 months [1].']);
  assert.deepEqual(final, FINAL);
  assert.equal(requests.length, 1);
  const { url, init } = requests[0];
  assert.equal(url, '/api/answer');
  assert.equal(init.method, 'POST');
  assert.equal(init.headers.Accept, 'text/event-stream');
  assert.equal(init.headers['Content-Type'], 'application/json');
  assert.equal(init.credentials, 'same-origin');
  assert.deepEqual(JSON.parse(init.body), { query: 'runway' });
});

test('a character split between two network chunks is decoded whole', async () => {
  const bytes = new TextEncoder().encode('event: token\ndata: {"text":"€"}\n\nevent: done\ndata: {"answer":"€"}\n\n');
  const euro = bytes.indexOf(0xe2);
  serve(() => sse([bytes.slice(0, euro + 1), bytes.slice(euro + 1)]));
  const tokens = [];
  const final = await streamAnswer({ query: 'q' }, { onToken: (t) => tokens.push(t) });
  assert.deepEqual(tokens, ['€']);
  assert.equal(final.answer, '€');
});

test('a stream cut before the done event is an error that says so', async () => {
  serve(() => sse(['event: token\ndata: {"text":"Run"}\n\nevent: done\ndata: {"answer":']));
  const tokens = [];
  await assert.rejects(streamAnswer({ query: 'q' }, { onToken: (t) => tokens.push(t) }),
    (e) => e instanceof ApiError && /cut off/.test(e.message));
  assert.deepEqual(tokens, ['Run']);
});

test('a done event that is not JSON, and an error event, are errors', async () => {
  serve(() => sse(['event: done\ndata: {oops\n\n']));
  await assert.rejects(streamAnswer({ query: 'q' }, { onToken() {} }), /could not be read/);
  serve(() => sse(['event: error\ndata: {"error":"the model is overloaded"}\n\n'], { hang: true }));
  await assert.rejects(streamAnswer({ query: 'q' }, { onToken() {} }), /the model is overloaded/);
});

test('nothing after the done event is read, and the stream is closed', async () => {
  let cancelled = false;
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('event: done\ndata: {"answer":"a"}\n\nevent: token\ndata: {"text":"late"}\n\n'));
    },
    cancel() {
      cancelled = true;
    },
  });
  serve(() => new Response(stream, { headers: { 'Content-Type': 'text/event-stream' } }));
  const tokens = [];
  assert.equal((await streamAnswer({ query: 'q' }, { onToken: (t) => tokens.push(t) })).answer, 'a');
  assert.deepEqual(tokens, []);
  assert.equal(cancelled, true);
});

test('aborting ends the stream with an AbortError', async () => {
  const controller = new AbortController();
  // As fetch does: aborting the signal errors the body being read.
  globalThis.fetch = async (url, init) => {
    return new Response(new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode('event: token\ndata: {"text":"a"}\n\n'));
        init.signal.addEventListener('abort', () => c.error(new DOMException('stopped', 'AbortError')));
      },
    }), { headers: { 'Content-Type': 'text/event-stream' } });
  };
  const tokens = [];
  const answer = streamAnswer({ query: 'q' }, {
    signal: controller.signal,
    onToken: (t) => {
      tokens.push(t);
      controller.abort();
    },
  });
  await assert.rejects(answer, (e) => e.name === 'AbortError');
  assert.deepEqual(tokens, ['a']);
});

test('a JSON response is the final object unstreamed', async () => {
  serve(() => json(200, FINAL));
  assert.deepEqual(await streamAnswer({ query: 'q' }, { onToken() {} }), FINAL);
});

test("refusals carry the server's error, or the status when it sent none", async () => {
  serve(() => json(400, { error: 'query is blank' }));
  await assert.rejects(streamAnswer({ query: ' ' }, { onToken() {} }),
    (e) => e instanceof ApiError && e.status === 400 && e.message === 'query is blank');
  serve(() => new Response('<html>oops</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
  await assert.rejects(streamAnswer({ query: 'q' }, { onToken() {} }),
    (e) => e.status === 502 && e.message === 'The answer failed (HTTP 502). Try again in a moment.');
  serve(() => json(500, { error: 'x' }));
  await assert.rejects(fetchSearch('q', 10, 0), (e) => e.status === 500 && e.message === 'x');
});

test('an ended session is a 401, and so is a redirect to the page', async () => {
  serve(() => new Response('', { status: 401 }));
  await assert.rejects(streamAnswer({ query: 'q' }, { onToken() {} }), (e) => e.status === 401);
  serve(() => {
    const res = new Response('<html></html>', { status: 200, headers: { 'Content-Type': 'text/html' } });
    Object.defineProperty(res, 'redirected', { value: true });
    return res;
  });
  await assert.rejects(fetchSearch('q', 10, 0), (e) => e.status === 401 && /session has ended/.test(e.message));
});

test('no answer from the network is status 0 with a plain message; an abort stays an abort', async () => {
  globalThis.fetch = async () => {
    throw new TypeError('fetch failed');
  };
  await assert.rejects(streamAnswer({ query: 'q' }, { onToken() {} }),
    (e) => e.status === 0 && e.message === 'Could not reach Sextant to write an answer.');
  globalThis.fetch = async () => {
    throw new DOMException('aborted', 'AbortError');
  };
  await assert.rejects(fetchSearch('q', 10, 0), (e) => e.name === 'AbortError');
});

test('search asks for one page as JSON', async () => {
  const requests = serve(() => json(200, { total: 0, hits: [] }));
  assert.deepEqual(await fetchSearch('a b&c', 10, 20), { total: 0, hits: [] });
  assert.equal(requests[0].url, '/api/search?q=a+b%26c&limit=10&offset=20');
  assert.equal(requests[0].init.headers.Accept, 'application/json');
});
