import assert from 'node:assert/strict';
import { test } from 'node:test';
import { breadcrumb, displayTitle, lastSegment, relativeDate, signInMessage } from '../../main/resources/META-INF/resources/js/format.js';

test('sign-in messages from the redirect', () => {
  assert.equal(signInMessage('failed', null), 'Wrong username or password');
  assert.equal(signInMessage('throttled', '120'), 'Too many failed sign-ins. Wait 2 minutes and try again.');
  assert.equal(signInMessage('throttled', '30'), 'Too many failed sign-ins. Wait 30 seconds and try again.');
  assert.equal(signInMessage('throttled', 'soon'), 'Too many failed sign-ins. Wait a moment and try again.');
  assert.equal(signInMessage(null, null), '');
});

test('breadcrumbs: host and folders for the web, the nearest folders for files', () => {
  assert.equal(breadcrumb('https://wiki.example.com/a/b/c/page'), 'wiki.example.com › b › c');
  assert.equal(breadcrumb('file:///srv/docs/finance/reports/q3%20report.md'), 'finance › reports › q3 report.md');
  assert.equal(breadcrumb('not a url'), '');
  assert.equal(lastSegment('file:///srv/a/q3%20report.md'), 'q3 report.md');
  assert.equal(lastSegment('https://x/%E0%A4%A'), '%E0%A4%A', 'a bad escape is shown as is');
});

test('relative dates', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  assert.equal(relativeDate(new Date(now - 30_000), now), 'just now');
  assert.match(relativeDate(new Date(now - 3 * 3600_000), now), /3 hours ago/);
  assert.match(relativeDate(new Date(now - 90 * 86400_000), now), /^on /);
});

test('a document is called by its title, else its file name, else its id', () => {
  assert.equal(displayTitle('  Q3 report ', 'file:///a/q3.md', 'd1'), 'Q3 report');
  assert.equal(displayTitle('  ', 'file:///a/q3%20report.md', 'd1'), 'q3 report.md');
  assert.equal(displayTitle(null, 'https://wiki.example.com/', 'd1'), 'd1');
  assert.equal(displayTitle(null, 'not a url', 'd1'), 'd1');
  assert.equal(displayTitle(undefined, undefined, undefined), 'Untitled');
});
