import { apiUrl, getJson, ApiError } from './api.js';
import { h, fill } from './dom.js';
import { t } from './i18n.js';

const DEBOUNCE_MS = 150;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** GET /api/firms/search: the firms a text names (Chinese or English name, alias, credit code), best first. */
export const searchFirms = (q, limit = 8) => getJson(apiUrl(['firms', 'search'], { q, limit }));

const hitLabel = hit => [hit.name, hit.nameEn, hit.field === 'alias' || hit.field === 'credit-code' ? hit.matched : null, hit.headquartersName]
  .filter(Boolean).join(' · ');

/**
 * A firm field with as-you-type suggestions from the search endpoint. The element carries `resolve()`: the firm
 * chosen, or the only (or only exact) match of the text typed; several matches are offered to choose from and
 * resolve to null; no match throws an ApiError-like problem naming the text.
 */
export function firmPicker({ id, value = null, onPick = null } = {}) {
  const input = h('input', { id, type: 'text', autocomplete: 'off', placeholder: t('firmPlaceholder'), role: 'combobox', 'aria-autocomplete': 'list', size: 28 });
  const list = h('ul', { class: 'suggestions', role: 'listbox', hidden: true });
  const note = h('p', { class: 'choose-firm', hidden: true });
  const picker = h('span', { class: 'firm-picker' }, input, note, list);
  let chosen = value;
  input.value = value?.name ?? '';
  picker.dataset.firm = value?.id ?? '';
  let timer = 0;
  let asked = 0;

  const pick = hit => {
    chosen = { id: hit.id, name: hit.name };
    input.value = hit.name;
    picker.dataset.firm = hit.id;
    list.hidden = true;
    note.hidden = true;
    onPick?.(chosen);
  };
  const offer = hits => {
    fill(list, hits.map(hit => h('li', { role: 'option' },
      h('button', { type: 'button', dataset: { firm: hit.id }, onclick: () => pick(hit) }, hitLabel(hit)))));
    list.hidden = hits.length === 0;
  };
  const suggest = async () => {
    const q = input.value.trim();
    const number = ++asked;
    if (!q) { list.hidden = true; return; }
    // Suggestions are a convenience: a failed one (text of punctuation only, a lost connection) shows nothing.
    const hits = await searchFirms(q).catch(() => null);
    if (number === asked && hits) offer(hits);
  };
  input.addEventListener('input', () => {
    chosen = null;
    picker.dataset.firm = '';
    note.hidden = true;
    clearTimeout(timer);
    timer = setTimeout(suggest, DEBOUNCE_MS);
  });
  input.addEventListener('keydown', e => { if (e.key === 'Escape') list.hidden = true; });

  picker.resolve = async () => {
    if (chosen) return chosen;
    const q = input.value.trim();
    if (!q) return null;
    const hits = await searchFirms(q);
    const exact = hits.filter(x => x.match === 'exact');
    if (hits.length === 1 || exact.length === 1) { pick(exact[0] ?? hits[0]); return chosen; }
    if (hits.length > 1) {
      fill(note, t('chooseFirm', q));
      note.hidden = false;
      offer(hits);
      return null;
    }
    // A firm id (as in a shared address or a script) still names its firm.
    if (SLUG.test(q)) {
      const firm = await getJson(apiUrl(['firms', q])).catch(() => null);
      if (firm) { pick({ id: firm.id, name: firm.name }); return chosen; }
    }
    throw new ApiError({ title: t('noFirmFound', q), detail: t('noFirmFound', q) }, 404, '/api/firms/search');
  };
  picker.setFirm = firm => {
    chosen = firm;
    input.value = firm?.name ?? '';
    picker.dataset.firm = firm?.id ?? '';
  };
  return picker;
}
