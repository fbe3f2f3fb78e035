// Sextant search page: native ES modules, no dependencies, no build step. This module wires the views,
// the search and the answer panel; keyboard.js the shortcuts; api.js talks to the server, render.js and answer.js build
// the DOM, and safe.js decides what of the server's text may become markup or a link (almost nothing).

import { ApiError, fetchSearch, fetchSession, logout } from './api.js';
import { createAnswerPanel } from './answer.js';
import { hueOf, signInMessage } from './format.js';
import { bindKeyboard } from './keyboard.js';
import { renderHit, renderNotices } from './render.js';

const PAGE_SIZE = 10;
const PENDING_QUERY_KEY = 'sextant.pendingQuery';

const byId = (id) => document.getElementById(id);
const ui = {
  boot: byId('boot'),
  signIn: byId('sign-in'),
  signInForm: byId('sign-in-form'),
  signInError: byId('sign-in-error'),
  signInSubmit: byId('sign-in-submit'),
  username: byId('username'),
  password: byId('password'),
  demoHint: byId('demo-hint'),
  searchForm: byId('search-form'),
  q: byId('q'),
  userMenu: byId('user-menu'),
  userName: byId('user-name'),
  userEmail: byId('user-email'),
  avatar: byId('user-avatar'),
  signOut: byId('sign-out'),
  searchView: byId('search-view'),
  welcome: byId('welcome'),
  panel: byId('results-panel'),
  status: byId('result-status'),
  error: byId('search-error'),
  notices: byId('notices'),
  empty: byId('empty'),
  results: byId('results'),
  more: byId('more'),
  hitTemplate: byId('hit-template'),
};

const answer = createAnswerPanel({
  panel: byId('answer'),
  status: byId('answer-status'),
  stop: byId('answer-stop'),
  text: byId('answer-text'),
  notice: byId('answer-notice'),
  notices: byId('answer-notices'),
  error: byId('answer-error'),
  sources: byId('answer-sources'),
}, ui.results, ui.notices);

const state = {
  signedIn: false,
  demo: false,
  mode: 'builtin', // 'oidc': the provider signs people in and out (/login, /logout), not the form
  query: '',
  nextOffset: 0,
  total: 0,
  inflight: null, // AbortController of the running search
};

const numberFormat = new Intl.NumberFormat();

bindEvents();
start();

// ---------------------------------------------------------------------------------------------- boot

async function start() {
  const params = new URLSearchParams(location.search);
  const loginMessage = signInMessage(params.get('login'), params.get('retry_after'));
  if (params.has('login')) {
    // Show the message once; a reload should not repeat it.
    params.delete('login');
    params.delete('retry_after');
    history.replaceState(history.state, '', urlWith(params));
  }
  let session;
  try {
    session = await fetchSession();
  } catch {
    ui.boot.textContent = 'Sextant is not reachable right now. Reload the page to try again.';
    ui.boot.classList.add('alert', 'alert-error');
    return;
  }
  state.demo = Boolean(session.demo);
  state.mode = session.mode === 'oidc' ? 'oidc' : 'builtin';
  if (session.signed_in) {
    showSearch(session);
  } else {
    showSignIn(loginMessage);
  }
}

// ------------------------------------------------------------------------------------------- views

function showSignIn(message) {
  state.signedIn = false;
  abortSearch();
  answer.reset();
  if (state.mode === 'oidc') {
    location.assign('/login');
    return;
  }
  document.body.dataset.view = 'signed-out';
  document.title = 'Sign in – Sextant';
  ui.boot.hidden = true;
  ui.searchForm.hidden = true;
  ui.userMenu.hidden = true;
  ui.searchView.hidden = true;
  ui.signIn.hidden = false;
  ui.demoHint.hidden = !state.demo;
  ui.signInSubmit.disabled = false;
  ui.signInSubmit.textContent = 'Sign in';
  ui.password.value = '';
  ui.signInError.textContent = message;
  ui.signInError.hidden = !message;
  if (message) ui.password.setAttribute('aria-invalid', 'true');
  else ui.password.removeAttribute('aria-invalid');
  ui.username.focus();
  if (message) ui.username.select();
}

function showSearch(session) {
  state.signedIn = true;
  document.body.dataset.view = 'signed-in';
  ui.boot.hidden = true;
  ui.signIn.hidden = true;
  ui.searchForm.hidden = false;
  ui.userMenu.hidden = false;
  ui.searchView.hidden = false;

  const name = session.username || session.email || 'you';
  ui.userName.textContent = name;
  ui.userEmail.textContent = session.email && session.email !== name ? session.email : '';
  ui.userEmail.hidden = !ui.userEmail.textContent;
  ui.avatar.textContent = name.charAt(0).toUpperCase();
  ui.avatar.style.setProperty('--hue', String(hueOf(name)));
  ui.userMenu.title = session.email ? `${name} · ${session.email}` : name;

  let query = new URLSearchParams(location.search).get('q') || '';
  const pending = takePendingQuery();
  if (!query && pending) {
    // Signed in after a session expired or from a shared link: carry on with that search.
    query = pending;
    history.replaceState({ q: query }, '', urlWith({ q: query }));
  }
  ui.q.value = query;
  if (query.trim()) {
    search(query.trim());
  } else {
    resetResults();
  }
  ui.q.focus();
}

function resetResults() {
  abortSearch();
  answer.reset();
  state.query = '';
  state.total = 0;
  state.nextOffset = 0;
  ui.results.replaceChildren();
  ui.panel.hidden = true;
  ui.panel.dataset.state = 'idle';
  ui.panel.dataset.query = '';
  ui.welcome.hidden = false;
  ui.status.textContent = '';
  document.title = 'Sextant';
}

// ------------------------------------------------------------------------------------------ search

async function search(query, offset = 0) {
  abortSearch();
  const controller = new AbortController();
  state.inflight = controller;
  const append = offset > 0;

  ui.welcome.hidden = true;
  ui.panel.hidden = false;
  ui.panel.dataset.state = 'loading';
  ui.panel.dataset.query = query;
  ui.results.setAttribute('aria-busy', 'true');
  ui.more.disabled = true;
  ui.error.hidden = true;
  document.title = `${query} – Sextant`;
  if (!append) {
    ui.status.textContent = 'Searching…';
    answer.ask(query);
  }

  let body;
  try {
    body = await fetchSearch(query, PAGE_SIZE, offset, controller.signal);
  } catch (e) {
    if (e.name === 'AbortError' || state.inflight !== controller) return;
    state.inflight = null;
    if (e instanceof ApiError && e.status === 401) {
      rememberPendingQuery(query);
      showSignIn(e.message);
      return;
    }
    failSearch(query, e instanceof ApiError ? e.message : 'Search failed. Try again in a moment.');
    return;
  }
  if (state.inflight !== controller) return; // a newer search took over
  state.inflight = null;
  render(query, offset, body);
}

function render(query, offset, body) {
  const hits = Array.isArray(body.hits) ? body.hits : [];
  const total = Number.isFinite(body.total) ? body.total : hits.length;
  const append = offset > 0;
  state.query = query;
  state.total = total;
  state.nextOffset = offset + hits.length;

  if (!append) {
    ui.results.replaceChildren();
    window.scrollTo({ top: 0 });
  }
  const fragment = document.createDocumentFragment();
  hits.forEach((hit, i) => fragment.append(renderHit(ui.hitTemplate, hit, offset + i + 1)));
  const firstNew = fragment.firstElementChild;
  ui.results.append(fragment);

  const notices = Array.isArray(body.notices) ? body.notices.slice() : [];
  const percent = body.indexing && Number.isFinite(body.indexing.percent) ? body.indexing.percent : null;
  if (percent !== null) {
    notices.unshift(`Indexing is in progress (${percent}% done): results may still be missing.`);
  }
  renderNotices(ui.notices, notices);

  const took = Number.isFinite(body.took_ms) ? ` · ${numberFormat.format(body.took_ms)} ms` : '';
  if (total === 0) {
    ui.status.textContent = `No results for “${query}”`;
  } else {
    const shown = ui.results.children.length;
    const count = `${numberFormat.format(total)} ${total === 1 ? 'result' : 'results'}`;
    ui.status.textContent = shown < total
      ? `${count}${took} · showing ${numberFormat.format(shown)}`
      : `${count}${took}`;
  }
  ui.empty.hidden = total !== 0;

  const hasMore = hits.length > 0 && state.nextOffset < total;
  const moreHadFocus = document.activeElement === ui.more;
  ui.more.hidden = !hasMore;
  ui.more.disabled = false;
  ui.results.removeAttribute('aria-busy');
  ui.panel.dataset.state = 'done';
  if (append && moreHadFocus) {
    // Keep keyboard users where the new results start.
    const link = firstNew && firstNew.querySelector('a');
    if (link && !hasMore) link.focus();
  }
}

function failSearch(query, message) {
  state.inflight = null;
  answer.reset();
  ui.panel.dataset.state = 'error';
  ui.panel.dataset.query = query;
  ui.results.removeAttribute('aria-busy');
  ui.results.replaceChildren();
  ui.notices.hidden = true;
  ui.empty.hidden = true;
  ui.more.hidden = true;
  ui.status.textContent = '';
  ui.error.textContent = message;
  ui.error.hidden = false;
}

function abortSearch() {
  if (state.inflight) {
    state.inflight.abort();
    state.inflight = null;
  }
}

// ------------------------------------------------------------------------------------------ events

function bindEvents() {
  ui.searchForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const query = ui.q.value.trim();
    if (!query) {
      ui.welcome.hidden = true;
      ui.panel.hidden = false;
      failSearch('', 'Type a word or phrase to search for.');
      ui.q.focus();
      return;
    }
    const current = new URLSearchParams(location.search).get('q');
    if (current !== query) history.pushState({ q: query }, '', urlWith({ q: query }));
    search(query);
  });

  window.addEventListener('popstate', () => {
    if (!state.signedIn) return;
    const query = (new URLSearchParams(location.search).get('q') || '').trim();
    ui.q.value = query;
    if (query) search(query);
    else resetResults();
  });

  ui.more.addEventListener('click', () => {
    if (state.query) search(state.query, state.nextOffset);
  });

  ui.signInForm.addEventListener('submit', () => {
    // A normal form post: the server answers with a redirect. Keep the search the person came for.
    const query = new URLSearchParams(location.search).get('q');
    if (query) rememberPendingQuery(query);
    ui.signInSubmit.disabled = true;
    ui.signInSubmit.textContent = 'Signing in…';
  });

  window.addEventListener('pageshow', (e) => {
    if (e.persisted) {
      ui.signInSubmit.disabled = false;
      ui.signInSubmit.textContent = 'Sign in';
    }
  });

  ui.signOut.addEventListener('click', signOut);
  bindKeyboard(ui, () => state.signedIn);
}

async function signOut() {
  ui.signOut.disabled = true;
  abortSearch();
  answer.reset();
  sessionStorage.removeItem(PENDING_QUERY_KEY);
  if (state.mode === 'oidc') {
    // Ends the provider's session too, which then sends the browser back to the page.
    location.assign('/logout');
    return;
  }
  await logout();
  ui.signOut.disabled = false;
  sessionStorage.removeItem(PENDING_QUERY_KEY);
  resetResults();
  ui.q.value = '';
  history.replaceState(null, '', '/');
  showSignIn('');
}

// ----------------------------------------------------------------------------------------- helpers

function urlWith(params) {
  const search = new URLSearchParams(params).toString();
  return `${location.pathname}${search ? `?${search}` : ''}${location.hash}`;
}

function rememberPendingQuery(query) {
  try {
    sessionStorage.setItem(PENDING_QUERY_KEY, query);
  } catch {
    // storage may be disabled; the search is then simply not resumed
  }
}

function takePendingQuery() {
  try {
    const query = sessionStorage.getItem(PENDING_QUERY_KEY);
    sessionStorage.removeItem(PENDING_QUERY_KEY);
    return query || '';
  } catch {
    return '';
  }
}
