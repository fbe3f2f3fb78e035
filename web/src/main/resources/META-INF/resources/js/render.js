// Hits and notices as DOM. Everything from the server goes in as text; a snippet as text plus <mark>; a link
// only to an allowed URL (safe.js).

import { breadcrumb, displayTitle, relativeDate } from './format.js';
import { safeHref, snippetSegments } from './safe.js';

const SOURCE_LABELS = {
  filesystem: 'Files',
  gdrive: 'Google Drive',
  google_drive: 'Google Drive',
  drive: 'Google Drive',
  github: 'GitHub',
  confluence: 'Confluence',
  mediawiki: 'MediaWiki',
};

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A result list item, cloned from the page's hit template. */
export function renderHit(template, hit, rank) {
  const li = template.content.firstElementChild.cloneNode(true);
  const url = typeof hit.url === 'string' ? hit.url : '';
  const link = li.querySelector('a');
  const title = displayTitle(hit.title, url, hit.doc_id);
  link.textContent = title;
  const href = safeHref(url);
  if (href) link.href = href;
  link.id = `hit-${rank}`;
  li.dataset.rank = String(rank);
  if (hit.doc_id) li.dataset.docId = String(hit.doc_id);
  if (url) li.dataset.url = url;
  if (hit.scores && typeof hit.scores === 'object') {
    li.dataset.scores = Object.entries(hit.scores).map(([k, v]) => `${k}=${Number(v).toFixed(4)}`).join(' ');
  }

  const source = String(hit.source || 'unknown');
  const badge = li.querySelector('.badge');
  badge.textContent = SOURCE_LABELS[source.toLowerCase()] || source;
  badge.dataset.source = source.toLowerCase();

  const path = li.querySelector('.hit-path');
  const crumbs = breadcrumb(url);
  path.textContent = crumbs;
  path.title = url;
  path.hidden = !crumbs;

  li.querySelector('.hit-snippet').append(snippetFragment(hit.snippet));

  const time = li.querySelector('time');
  const updated = hit.updated ? new Date(hit.updated) : null;
  if (updated && !Number.isNaN(updated.getTime())) {
    time.dateTime = updated.toISOString();
    time.textContent = `Updated ${relativeDate(updated)}`;
    time.title = dateTimeFormat.format(updated);
  } else {
    time.hidden = true;
  }

  const copy = li.querySelector('.copy-link');
  if (/^file:/i.test(url) && navigator.clipboard) {
    // Browsers do not open file: links from a web page; let people copy the location instead.
    copy.hidden = false;
    copy.setAttribute('aria-label', `Copy link to ${title}`);
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(url);
        flash(copy, 'Copied');
      } catch {
        flash(copy, 'Copy failed');
      }
    });
  }
  return li;
}

/** Text and <mark> elements only, whatever the input holds. */
export function snippetFragment(html) {
  const out = document.createDocumentFragment();
  for (const segment of snippetSegments(html)) {
    if (segment.mark) {
      const mark = document.createElement('mark');
      mark.textContent = segment.text;
      out.append(mark);
    } else {
      out.append(segment.text);
    }
  }
  return out;
}

/** Fills a list with one text item per notice and hides it when there are none. */
export function renderNotices(list, notices) {
  list.replaceChildren(...notices.map((text) => {
    const li = document.createElement('li');
    li.textContent = String(text);
    return li;
  }));
  list.hidden = notices.length === 0;
}

function flash(button, text) {
  const original = button.textContent;
  button.textContent = text;
  setTimeout(() => {
    button.textContent = original;
  }, 1500);
}
