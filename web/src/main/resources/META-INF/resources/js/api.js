// The server's API as the page calls it. Same-origin fetch: the session cookie goes along, and the browser's
// own Origin header passes the server's cross-site check on POST.

import { createSseParser } from './sse.js';

/** A request the server refused or could not answer; status 401: the session has ended; 0: no answer. */
export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

/** GET /api/session: {signed_in, username, email, roles, demo, mode}. */
export async function fetchSession() {
  const res = await fetch('/api/session', { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!res.ok) throw new ApiError(`HTTP ${res.status}`, res.status);
  return res.json();
}

/** GET /api/search: the response object. */
export async function fetchSearch(query, limit, offset, signal) {
  const params = new URLSearchParams({ q: query, limit: String(limit), offset: String(offset) });
  const res = await send(`/api/search?${params}`, { headers: { Accept: 'application/json' }, signal },
    'Could not reach Sextant. Check your connection and try again.');
  const body = await jsonOf(res);
  if (!res.ok || !body) throw refusal(res, body, 'Search');
  return body;
}

/**
 * POST /api/answer as a stream of server-sent events: calls onToken(text) for each token event and resolves
 * to the final object of the done event. A JSON response (a server that does not stream) is the final
 * object itself. Rejects with an AbortError when signal aborts, else with an ApiError.
 */
export async function streamAnswer(request, { signal, onToken }) {
  const res = await send('/api/answer', {
    method: 'POST',
    headers: { Accept: 'text/event-stream', 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
    signal,
  }, 'Could not reach Sextant to write an answer.');
  if (!(res.headers.get('Content-Type') || '').includes('text/event-stream')) {
    const body = await jsonOf(res);
    if (res.ok && body) return body;
    throw refusal(res, body, 'The answer');
  }
  if (!res.body) throw new ApiError('The answer could not be read.', res.status);
  return readAnswerEvents(res.body, onToken);
}

async function readAnswerEvents(stream, onToken) {
  let final = null;
  let failure = null;
  const parser = createSseParser((event) => {
    if (final || failure) return;
    if (event.type === 'token') {
      const token = parseJson(event.data);
      if (token && typeof token.text === 'string') onToken(token.text);
    } else if (event.type === 'done') {
      final = parseJson(event.data);
      if (!final || typeof final !== 'object') failure = new ApiError('The answer could not be read.', 200);
    } else if (event.type === 'error') {
      const body = parseJson(event.data);
      const message = body && typeof body.error === 'string' && body.error ? body.error : event.data;
      failure = new ApiError(message || 'The answer failed.', 200);
    }
  });
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(decoder.decode(value, { stream: true }));
      if (final || failure) break;
    }
    if (!final && !failure) {
      parser.push(decoder.decode());
      parser.end();
    }
  } finally {
    // Nothing after the done event is read; stop the download.
    reader.cancel().catch(() => {});
  }
  if (failure) throw failure;
  if (!final) throw new ApiError('The answer was cut off before it finished. Search again to retry.', 200);
  return final;
}

/** POST /api/logout; the page forgets the person even when it fails. */
export async function logout() {
  try {
    await fetch('/api/logout', { method: 'POST', cache: 'no-store' });
  } catch {
    // the server ends idle sessions on its own
  }
}

async function send(url, init, unreachable) {
  let res;
  try {
    res = await fetch(url, { ...init, cache: 'no-store', credentials: 'same-origin' });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError(unreachable, 0);
  }
  // A session that ended answers 401, or (behind some proxies) a redirect to the page.
  if (res.status === 401 || (res.ok && res.redirected && !isJson(res))) {
    throw new ApiError('Your session has ended. Sign in again to continue.', 401);
  }
  return res;
}

function refusal(res, body, what) {
  const message = body && typeof body.error === 'string' && body.error
    ? body.error
    : `${what} failed (HTTP ${res.status}). Try again in a moment.`;
  return new ApiError(message, res.status);
}

function isJson(res) {
  return (res.headers.get('Content-Type') || '').includes('json');
}

async function jsonOf(res) {
  if (!isJson(res)) return null;
  try {
    return await res.json();
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    return null;
  }
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
