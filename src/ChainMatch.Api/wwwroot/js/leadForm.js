import { apiUrl, getJson, postJson } from './api.js';
import { h, fill } from './dom.js';
import { t } from './i18n.js';
import { showError } from './messages.js';
import { today } from './project.js';
import { firmPicker } from './firmPicker.js';

// Set once the signed-in caller is known: who may create leads, and the team a new lead is owned by by default.
let writer = null;

export function allowLeadCreation(canWrite, ownerTeam) {
  writer = canWrite ? { ownerTeam } : null;
}

/** A "create lead" button for a firm and a gap, or nothing for a caller who may not write projects. */
export function createLeadButton(lead) {
  if (!writer) return null;
  return h('button', { type: 'button', class: 'create-lead', dataset: { firm: lead.firm }, onclick: e => { e.stopPropagation(); openLeadForm(lead); } }, t('createLead'));
}

/**
 * The project form, prefilled with the firm, the gap and the owner team; the province's duplicate-lead warning is
 * asked for and shown before anything is saved.
 */
async function openLeadForm({ firm, firmName, segment, segmentName, region, regionName }) {
  document.querySelector('dialog.lead-form')?.remove();
  const warnings = h('div', { class: 'lead-warnings', 'aria-live': 'polite' }, t('loading'));
  const owner = h('input', { name: 'ownerTeam', type: 'text', value: writer.ownerTeam, required: true });
  const date = h('input', { name: 'date', type: 'date', value: today(), required: true });
  const note = h('input', { name: 'note', type: 'text' });
  const status = h('p', { class: 'lead-status', role: 'status' });
  const dialog = h('dialog', { class: 'lead-form' });
  // The firm comes prefilled and can be changed by name; the duplicate check follows the firm chosen.
  const picker = firmPicker({ id: 'lead-firm', value: { id: firm, name: firmName }, onPick: chosen => checkDuplicates(chosen.id) });
  const save = async e => {
    e.preventDefault();
    try {
      const chosen = await picker.resolve();
      if (!chosen) return;
      const created = await postJson(apiUrl(['projects']), { firm: chosen.id, segment, region, ownerTeam: owner.value.trim(), date: date.value, note: note.value.trim() || null });
      fill(status, t('leadCreated', created.project.id));
      status.dataset.project = created.project.id;
      form.querySelector('button[type=submit]').disabled = true;
    } catch (error) {
      showError(error, t('whatCreateLead'));
    }
  };
  const form = h('form', { onsubmit: save },
    h('h3', null, t('createLead')),
    h('label', null, t('firm'), ' ', picker), h('p', null, `${segmentName} · ${regionName}`),
    warnings,
    h('label', null, t('owner'), ' ', owner), h('label', null, t('date'), ' ', date), h('label', null, t('note'), ' ', note),
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, t('saveLead')),
      h('button', { type: 'button', class: 'cancel', onclick: () => dialog.close() }, t('close'))),
    status);
  dialog.append(form);
  document.body.append(dialog);
  dialog.showModal();
  checkDuplicates(firm);

  async function checkDuplicates(chosen) {
    fill(warnings, t('loading'));
    try {
      const check = await getJson(apiUrl(['projects', 'duplicates'], { firm: chosen, segment, region }));
      fill(warnings, check.warnings.length === 0 ? h('p', { class: 'muted' }, t('noDuplicateLead'))
        : h('div', { class: 'duplicate-warning', role: 'alert' }, h('strong', null, t('duplicateLead')), h('ul', null, check.warnings.map(w => h('li', null, w)))));
    } catch (error) {
      fill(warnings);
      showError(error, t('whatDuplicateCheck'));
    }
  }
}
