// Keyboard shortcuts: / focuses the search box, arrows walk the results, Escape goes back to the box.

/** ui: the page's elements (q, results, more); signedIn(): whether the shortcuts apply. */
export function bindKeyboard(ui, signedIn) {
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || !signedIn()) return;
    if (e.key === '/' && !isEditable(e.target)) {
      e.preventDefault();
      ui.q.focus();
      ui.q.select();
    } else if (e.key === 'ArrowDown' && (e.target === document.body || e.target === document.documentElement)) {
      // Nothing focused (e.g. after a click on the background): start walking the results.
      const first = resultLinks(ui)[0];
      if (first) {
        e.preventDefault();
        focusLink(first);
      }
    }
  });

  ui.q.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      const first = resultLinks(ui)[0];
      if (first) {
        e.preventDefault();
        focusLink(first);
      }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      ui.q.value = '';
    }
  });

  ui.results.addEventListener('keydown', (e) => {
    const link = e.target.closest && e.target.closest('.hit a');
    if (!link) return;
    const links = resultLinks(ui);
    const i = links.indexOf(link);
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (i + 1 < links.length) focusLink(links[i + 1]);
      else if (!ui.more.hidden) ui.more.focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (i > 0) focusLink(links[i - 1]);
      else focusSearchBox(ui);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      focusSearchBox(ui);
    }
    // Enter on a focused link opens it natively (new tab).
  });

  ui.more.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowUp') {
      const links = resultLinks(ui);
      if (links.length) {
        e.preventDefault();
        focusLink(links[links.length - 1]);
      }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      focusSearchBox(ui);
    }
  });
}

function resultLinks(ui) {
  return Array.from(ui.results.querySelectorAll('.hit a'));
}

function focusLink(link) {
  link.focus();
  link.closest('.hit').scrollIntoView({ block: 'nearest' });
}

function focusSearchBox(ui) {
  ui.q.focus();
  ui.q.select();
  window.scrollTo({ top: 0 });
}

function isEditable(target) {
  if (!(target instanceof Element)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
}
