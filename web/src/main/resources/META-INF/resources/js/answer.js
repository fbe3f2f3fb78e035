// The answer panel above the results: for each new search it POSTs /api/answer, streams the tokens in as
// text, then links each citation chip [n] to the cited hit's URL; Stop ends the stream; with no LLM
// configured it says that it shows the best passages instead.

import { streamAnswer } from './api.js';
import { answerSegments, citedHitIndex, validCitations } from './citations.js';
import { breadcrumb, displayTitle } from './format.js';
import { renderNotices } from './render.js';
import { safeHref } from './safe.js';

const NO_LLM = 'No LLM configured — showing the best passages';
const NO_LLM_NOTICE = /\bno LLM\b/i;

/**
 * ui: {panel, status, stop, text, notice, notices, error, sources}; results: the hit list, whose items carry
 * data-doc-id and data-url; searchNotices: the list of the search's own notices.
 */
export function createAnswerPanel(ui, results, searchNotices) {
  let controller = null;
  let streamed = '';
  let citations = [];
  let frame = 0;

  ui.stop.addEventListener('click', () => {
    if (controller) controller.abort();
  });
  ui.panel.addEventListener('click', (e) => {
    const chip = e.target.closest && e.target.closest('[data-cite]');
    if (chip) highlightHit(Number(chip.dataset.cite));
  });

  function ask(query) {
    cancel();
    const mine = new AbortController();
    controller = mine;
    streamed = '';
    citations = [];
    ui.panel.hidden = false;
    ui.panel.dataset.state = 'streaming';
    delete ui.panel.dataset.llm;
    ui.text.setAttribute('aria-busy', 'true');
    ui.text.replaceChildren();
    ui.sources.replaceChildren();
    ui.sources.hidden = true;
    ui.notice.hidden = true;
    ui.notices.replaceChildren();
    ui.notices.hidden = true;
    ui.error.hidden = true;
    ui.status.textContent = 'Writing an answer…';
    ui.stop.hidden = false;
    clearHighlight();

    const onToken = (text) => {
      if (controller !== mine) return;
      streamed += text;
      if (!frame) frame = requestAnimationFrame(() => {
        frame = 0;
        if (controller === mine) renderText(streamed, null);
      });
    };
    streamAnswer({ query }, { signal: mine.signal, onToken }).then(
      (final) => {
        if (controller === mine) finish(final);
      },
      (e) => {
        if (controller !== mine) return; // a newer search took over
        if (e && e.name === 'AbortError') end('stopped', 'Stopped');
        else fail(e && e.message ? e.message : 'The answer failed.');
      });
  }

  function finish(final) {
    citations = validCitations(final.citations);
    const text = typeof final.answer === 'string' && final.answer ? final.answer : streamed;
    end('done', '');
    renderText(text, citations);
    renderSources();
    if (!text.trim()) ui.text.textContent = 'The documents you can read do not answer this.';
    ui.panel.dataset.llm = String(final.llm === true);
    if (final.llm === false) {
      ui.notice.textContent = NO_LLM;
      ui.notice.hidden = false;
    }
    // The page says "no LLM" once, and what the results already say is not repeated.
    const shown = new Set(Array.from(searchNotices.children, (li) => li.textContent));
    const notices = (Array.isArray(final.notices) ? final.notices.map(String) : [])
      .filter((text) => !shown.has(text) && !(final.llm === false && NO_LLM_NOTICE.test(text)));
    renderNotices(ui.notices, notices);
  }

  function fail(message) {
    end('error', '');
    ui.error.textContent = message;
    ui.error.hidden = false;
  }

  /** Stops streaming; what was streamed stays, its citation markers as plain text. */
  function end(state, status) {
    controller = null;
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    if (state !== 'done') renderText(streamed, []);
    ui.panel.dataset.state = state;
    ui.status.textContent = status;
    ui.stop.hidden = true;
    ui.text.removeAttribute('aria-busy');
  }

  function renderText(text, known) {
    ui.text.replaceChildren(...answerSegments(text, known).map((segment) => (segment.text !== undefined
      ? document.createTextNode(segment.text)
      : chip(segment.n, segment.citation))));
  }

  function renderSources() {
    ui.sources.replaceChildren(...citations.map((c) => {
      const li = document.createElement('li');
      li.className = 'source';
      const link = chip(c.n, c, 'source-link');
      link.dataset.testid = 'answer-source';
      const number = document.createElement('span');
      number.className = 'cite';
      number.textContent = String(c.n);
      const title = document.createElement('span');
      title.className = 'source-title';
      title.textContent = titleOf(c);
      link.replaceChildren(number, title);
      const path = document.createElement('span');
      path.className = 'source-path';
      path.textContent = breadcrumb(typeof c.url === 'string' ? c.url : '');
      li.append(link, path);
      return li;
    }));
    ui.sources.hidden = citations.length === 0;
  }

  /** A chip for citation n: a link to its URL when allowed, a button otherwise; pending while streaming. */
  function chip(n, citation, className = 'cite') {
    if (!citation) {
      const pending = document.createElement('span');
      pending.className = `${className} cite-pending`;
      pending.textContent = String(n);
      return pending;
    }
    const href = safeHref(citation.url);
    const el = document.createElement(href ? 'a' : 'button');
    if (href) {
      el.href = href;
      el.target = '_blank';
      el.rel = 'noopener noreferrer';
    } else {
      el.type = 'button';
    }
    el.className = className;
    el.dataset.cite = String(n);
    el.dataset.testid = 'citation-chip';
    el.textContent = String(n);
    el.title = titleOf(citation);
    el.setAttribute('aria-label', `Source ${n}: ${titleOf(citation)}`);
    return el;
  }

  function highlightHit(n) {
    const citation = citations.find((c) => c.n === n);
    const items = Array.from(results.children);
    const i = citedHitIndex(citation, items.map((li) => ({ doc_id: li.dataset.docId, url: li.dataset.url })));
    clearHighlight();
    if (i < 0) return;
    items[i].classList.add('hit-cited');
    items[i].scrollIntoView({ block: 'nearest' });
  }

  function clearHighlight() {
    for (const li of results.querySelectorAll('.hit-cited')) li.classList.remove('hit-cited');
  }

  function cancel() {
    const running = controller;
    controller = null;
    if (running) running.abort();
  }

  /** Hides the panel and ends any stream (a new sign-in, a cleared or failed search). */
  function reset() {
    cancel();
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    ui.panel.hidden = true;
    ui.panel.dataset.state = 'idle';
    ui.text.replaceChildren();
    ui.sources.replaceChildren();
  }

  return { ask, reset };
}

function titleOf(citation) {
  return displayTitle(citation.title, citation.url, citation.doc_id);
}
