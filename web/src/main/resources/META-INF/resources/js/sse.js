// Server-sent events, parsed as the HTML standard's event-stream rules say (EventSource cannot POST, so the
// page reads the response body itself): lines end in CRLF, LF or CR, a line starting with ':' is a comment,
// 'data' lines join with '\n', a blank line dispatches, and an event the stream ends in the middle of is lost.

const LINE_BREAK = /[\r\n]/g;

/**
 * A parser fed decoded text in chunks of any size; calls onEvent({type, data, id}) for each complete event.
 * type is 'message' when the event names none.
 */
export function createSseParser(onEvent) {
  let buffer = '';
  let started = false;
  let type = '';
  let data = '';
  let hasData = false;
  let lastId = '';

  function dispatch() {
    if (hasData) onEvent({ type: type || 'message', data, id: lastId });
    type = '';
    data = '';
    hasData = false;
  }

  function line(text) {
    if (text === '') {
      dispatch();
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') {
      type = value;
    } else if (field === 'data') {
      data = hasData ? `${data}\n${value}` : value;
      hasData = true;
    } else if (field === 'id' && !value.includes('\0')) {
      lastId = value;
    }
    // 'retry' and unknown fields are ignored: the page does not reconnect.
  }

  return {
    push(chunk) {
      buffer += chunk;
      if (!started && buffer) {
        started = true;
        if (buffer.startsWith('\uFEFF')) buffer = buffer.slice(1);
      }
      let start = 0;
      LINE_BREAK.lastIndex = 0;
      for (let m = LINE_BREAK.exec(buffer); m; m = LINE_BREAK.exec(buffer)) {
        const i = m.index;
        // A CR at the end of the text so far may be the first half of a CRLF: wait for the next chunk.
        if (buffer[i] === '\r' && i === buffer.length - 1) break;
        line(buffer.slice(start, i));
        start = buffer[i] === '\r' && buffer[i + 1] === '\n' ? i + 2 : i + 1;
        LINE_BREAK.lastIndex = start;
      }
      buffer = buffer.slice(start);
    },
    /** The stream ended: a held CR still ends its line; an unfinished event is dropped. */
    end() {
      if (buffer.endsWith('\r')) line(buffer.slice(0, -1));
      buffer = '';
      type = '';
      data = '';
      hasData = false;
    },
  };
}
