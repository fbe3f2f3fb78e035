// Wording and shapes of text the page shows: where a document lives, when it changed, sign-in messages.

const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** What the server's redirect after a refused sign-in (?login=failed, ?login=throttled&retry_after=N) means. */
export function signInMessage(login, retryAfter) {
  if (login === 'failed') return 'Wrong username or password';
  if (login !== 'throttled') return '';
  const seconds = Number.parseInt(retryAfter, 10);
  if (!Number.isFinite(seconds) || seconds <= 0) return 'Too many failed sign-ins. Wait a moment and try again.';
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many failed sign-ins. Wait ${wait} and try again.`;
}

/** "host › folder › folder" for web URLs, the last three segments for file: URLs, '' when unparseable. */
export function breadcrumb(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return '';
  }
  const segments = parsed.pathname.split('/').filter(Boolean).map(safeDecode);
  if (parsed.protocol === 'file:') {
    // The folders nearest the file say the most (finance › reports › file.md).
    return segments.slice(-3).join(' › ');
  }
  return [parsed.host, ...segments.slice(0, -1).slice(-2)].join(' › ');
}

/** What to call a document: its title, else its file name, else its id. */
export function displayTitle(title, url, docId) {
  return (title && String(title).trim()) || lastSegment(typeof url === 'string' ? url : '') || docId || 'Untitled';
}

/** The URL's last path segment, decoded, or ''. */
export function lastSegment(url) {
  try {
    const segments = new URL(url).pathname.split('/').filter(Boolean);
    return segments.length ? safeDecode(segments[segments.length - 1]) : '';
  } catch {
    return '';
  }
}

function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** "just now", "3 hours ago", "last week", then "on 4 Mar 2026". */
export function relativeDate(date, now = Date.now()) {
  const seconds = (date.getTime() - now) / 1000;
  const abs = Math.abs(seconds);
  if (abs < 60) return 'just now';
  if (abs < 3600) return relativeFormat.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return relativeFormat.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86400) return relativeFormat.format(Math.round(seconds / 86400), 'day');
  if (abs < 30 * 86400) return relativeFormat.format(Math.round(seconds / (7 * 86400)), 'week');
  return `on ${dateFormat.format(date)}`;
}

/** A stable hue (0-359) for a name's avatar. */
export function hueOf(text) {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.codePointAt(0)) % 360;
  return h;
}
