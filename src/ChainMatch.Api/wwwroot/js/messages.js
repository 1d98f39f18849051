import { h } from './dom.js';
import { t } from './i18n.js';

/** Shows a failed request as a readable message: what we tried to load, the problem's title and detail, and each invalid parameter. */
export function showError(error, what) {
  const problem = error.problem ?? { title: error.message };
  const errors = Object.entries(problem.errors ?? {});
  const status = error.status ? ` (HTTP ${error.status})` : '';
  const box = h('div', { class: 'problem', role: 'alert' },
    h('button', { type: 'button', class: 'close', 'aria-label': t('close'), onclick: () => box.remove() }, '×'),
    h('strong', null, t('errorLoading', what), status, ': ', error.status === 0 ? t('networkError') : problem.title ?? ''),
    problem.detail ? h('p', null, problem.detail) : null,
    errors.length ? h('ul', null, errors.map(([field, texts]) => h('li', null, h('code', null, field), ': ', texts.join(' ')))) : null);
  document.getElementById('messages').append(box);
  console.error(what, error);
}

export function clearMessages() {
  document.getElementById('messages').replaceChildren();
}
