import { h } from './dom.js';
import { lang, t } from './i18n.js';

// Requests are numbered as they start: a request that succeeds after the shown message appeared clears it, one that
// was already running when it appeared does not (it says nothing about what failed).
let issued = 0;
let shownAt = null;

export const requestStarted = () => ++issued;

export function requestSucceeded(number) {
  if (shownAt !== null && number > shownAt) clearMessages();
}

/** Shows a failed request as a readable message, replacing the previous one: what we tried to load, the problem's title and detail, and each invalid parameter. */
export function showError(error, what) {
  const problem = error.problem ?? { title: error.message };
  const errors = Object.entries(problem.errors ?? {});
  const status = error.status ? ` (HTTP ${error.status})` : '';
  const box = h('div', { class: 'problem', role: 'alert' },
    h('button', { type: 'button', class: 'close', 'aria-label': t('close'), onclick: () => clearMessages() }, '×'),
    h('strong', null, t('errorLoading', what), status, ': ', error.status === 0 ? t('networkError') : title(error.status, problem)),
    problem.detail ? h('p', null, problem.detail) : null,
    errors.length ? h('ul', null, errors.map(([field, texts]) => h('li', null, h('code', null, field), ': ', texts.join(' ')))) : null);
  document.getElementById('messages').replaceChildren(box);
  shownAt = issued;
  console.error(what, error);
}

/** The problem's title in the page's language: the service's titles are English, so Chinese pages name the status instead. */
function title(status, problem) {
  if (lang() === 'zh') return t('problemTitles')[status] ?? t('problemTitles').other;
  return problem.title ?? '';
}

export function clearMessages() {
  document.getElementById('messages').replaceChildren();
  shownAt = null;
}
