import { apiUrl, getJson, postJson } from './api.js';
import { h, fill } from './dom.js';
import { lang, t } from './i18n.js';
import { showError } from './messages.js';
import { today } from './project.js';
import { firmPicker } from './firmPicker.js';

// Set once the signed-in caller is known: who may create leads, and the team a new lead is owned by by default.
let writer = null;

export function allowLeadCreation(canWrite, ownerTeam) {
  writer = canWrite ? { ownerTeam } : null;
}

/**
 * A "create lead" button for a firm and a gap, or nothing for a caller who may not write projects. Without a segment
 * (the firm page), the form offers the firm's segments and the regions of the caller's scope.
 */
export function createLeadButton(lead) {
  if (!writer) return null;
  return h('button', { type: 'button', class: 'create-lead', dataset: { firm: lead.firm }, onclick: e => { e.stopPropagation(); openLeadForm(lead); } }, t('createLead'));
}

/**
 * The project form, prefilled with the firm, the gap and the owner team; the province's duplicate-lead warning is
 * asked for and shown before anything is saved.
 */
async function openLeadForm(lead) {
  const { firm, firmName } = lead;
  document.querySelector('dialog.lead-form')?.remove();
  const gap = lead.segment ? fixedGap(lead) : await chosenGap(firm);
  if (!gap) return;
  let current = firm;
  const warnings = h('div', { class: 'lead-warnings', 'aria-live': 'polite' }, t('loading'));
  const owner = h('input', { name: 'ownerTeam', type: 'text', value: writer.ownerTeam, required: true });
  const date = h('input', { name: 'date', type: 'date', value: today(), required: true });
  const note = h('input', { name: 'note', type: 'text' });
  const status = h('p', { class: 'lead-status', role: 'status' });
  const dialog = h('dialog', { class: 'lead-form' });
  // The firm comes prefilled and can be changed by name; the duplicate check follows the firm chosen.
  const picker = firmPicker({ id: 'lead-firm', value: { id: firm, name: firmName }, onPick: chosen => { current = chosen.id; checkDuplicates(); } });
  gap.onChange(() => checkDuplicates());
  const save = async e => {
    e.preventDefault();
    try {
      const chosen = await picker.resolve();
      if (!chosen) return;
      const created = await postJson(apiUrl(['projects']), { firm: chosen.id, segment: gap.segment(), region: gap.region(), ownerTeam: owner.value.trim(), date: date.value, note: note.value.trim() || null });
      fill(status, t('leadCreated', created.project.id));
      status.dataset.project = created.project.id;
      form.querySelector('button[type=submit]').disabled = true;
    } catch (error) {
      showError(error, t('whatCreateLead'));
    }
  };
  const form = h('form', { onsubmit: save },
    h('h3', null, t('createLead')),
    h('label', null, t('firm'), ' ', picker), gap.el,
    warnings,
    h('label', null, t('owner'), ' ', owner), h('label', null, t('date'), ' ', date), h('label', null, t('note'), ' ', note),
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, t('saveLead')),
      h('button', { type: 'button', class: 'cancel', onclick: () => dialog.close() }, t('close'))),
    status);
  dialog.append(form);
  document.body.append(dialog);
  dialog.showModal();
  checkDuplicates();

  async function checkDuplicates() {
    fill(warnings, t('loading'));
    if (!gap.segment()) { fill(warnings, h('p', { class: 'muted' }, t('noLeadSegments'))); return; }
    try {
      const check = await getJson(apiUrl(['projects', 'duplicates'], { firm: current, segment: gap.segment(), region: gap.region() }));
      fill(warnings, check.warnings.length === 0 ? h('p', { class: 'muted' }, t('noDuplicateLead'))
        : h('div', { class: 'duplicate-warning', role: 'alert' }, h('strong', null, t('duplicateLead')), h('ul', null, check.warnings.map(w => h('li', null, w)))));
    } catch (error) {
      fill(warnings);
      showError(error, t('whatDuplicateCheck'));
    }
  }
}

/** A gap given by the page (a gap's leads, the target list). */
function fixedGap({ segment, segmentName, region, regionName }) {
  return { el: h('p', null, `${segmentName} · ${regionName}`), segment: () => segment, region: () => region, onChange: () => {} };
}

/**
 * A gap chosen on the firm page: the segments the service offers for the firm (where it operates, what its industry maps
 * to, the rest of those chains) and the regions of the caller's scope, its own region first.
 */
async function chosenGap(firm) {
  let offered, tree;
  try {
    [offered, tree] = await Promise.all([getJson(apiUrl(['firms', firm, 'lead-segments'])), getJson(apiUrl(['regions']))]);
  } catch (error) {
    showError(error, t('whatCreateLead'));
    return null;
  }
  const bases = ['operates', 'industry', 'chain'];
  const segment = h('select', { name: 'segment', required: true }, bases.map(basis => offered.some(x => x.basis === basis)
    ? h('optgroup', { label: t('leadBases')[basis] }, offered.filter(x => x.basis === basis).map(x =>
      h('option', { value: x.segment }, `${lang() === 'en' && x.segmentNameEn ? x.segmentNameEn : x.segmentName} · ${x.chains.join('、')}`)))
    : null));
  const flat = (nodes, depth = 0) => nodes.flatMap(n => [{ ...n, depth }, ...flat(n.children, depth + 1)]);
  const region = h('select', { name: 'region', required: true },
    flat(tree).map(r => h('option', { value: r.code }, `${'\u00a0\u00a0'.repeat(r.depth)}${r.name} (${r.code})`)));
  return {
    el: [h('label', null, t('segment'), ' ', segment), h('label', null, t('place'), ' ', region)],
    segment: () => segment.value, region: () => region.value,
    onChange: f => { segment.addEventListener('change', f); region.addEventListener('change', f); },
  };
}
