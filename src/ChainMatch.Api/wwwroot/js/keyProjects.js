import { apiUrl, getJson } from './api.js';
import { h, fill } from './dom.js';
import { t } from './i18n.js';
import { showError } from './messages.js';

/** Today's date in the browser's time zone, as YYYY-MM-DD (the form the service takes). */
const today = () => new Date().toLocaleDateString('sv');

const who = name => (name ?? '').replace(/^key:/, '');

/** A card's marks: 重点 when admitted to the key-project library, and each due date it has passed (the service's pastDue). */
export function cardMarks(p) {
  return [
    p.key?.state === 'admitted' ? h('span', { class: 'key-badge', title: t('keyTitle') }, t('keyBadge')) : null,
    p.pastDue.map(d => h('div', { class: 'overdue past-due', dataset: { due: d.stage } }, t('dueMissed', t('dueStages')[d.stage], d.by))),
  ];
}

/**
 * The project's standing with the key-project library and its due dates; forms to propose it (write-projects), review a
 * pending proposal (review-key-projects) and set a due date for a stage not yet reached (write-projects).
 */
export function keyAndDueSections(p, state, send) {
  const key = p.key;
  const canPropose = state.canWriteProjects && p.stage !== 'lost' && key?.state !== 'proposed' && key?.state !== 'admitted';
  const stagesOpen = ['signed', 'started', 'in-production'].filter(s => p.stage !== 'lost' && STAGE_ORDER.indexOf(p.stage) < STAGE_ORDER.indexOf(s));
  return [
    h('h4', null, t('keyTitle')),
    key ? h('div', { class: 'key-state', dataset: { state: key.state } },
      h('strong', null, t('keyStates')[key.state]),
      h('div', { class: 'muted' }, t('keyProposedBy', who(key.proposedBy), key.proposedOn, key.reason)),
      key.reviewedBy ? h('div', null, t('keyReviewedBy', who(key.reviewedBy), key.reviewedOn, key.reviewReason)) : null)
      : h('p', { class: 'muted' }, t('keyNone')),
    canPropose ? proposeForm(p, send) : null,
    key?.state === 'proposed' && mayReview(p, state) ? reviewForm(p, send) : null,
    h('h4', null, t('dueTitle')),
    p.dueDates.length === 0 ? h('p', { class: 'muted' }, t('dueNone')) :
      h('ul', { class: 'due-dates' }, p.dueDates.map(d => {
        const missed = p.pastDue.some(m => m.stage === d.stage);
        return h('li', { class: missed ? 'overdue' : null, dataset: { due: d.stage } },
          missed ? t('dueMissed', t('dueStages')[d.stage], d.by) : t('dueBy', t('dueStages')[d.stage], d.by));
      })),
    state.canWriteProjects && stagesOpen.length > 0 ? dueForm(p, stagesOpen, send) : null,
  ];
}

/** The service's rule (Scope.DemandKeyReview, KeyProjects.Review): never one's own proposal, and from a level above the project's region. */
const mayReview = (p, state) => state.canReviewKeyProjects && p.key.proposedBy !== state.me.name && (state.me.region === '*' || state.me.region !== p.region);

const STAGE_ORDER = ['lead', 'contacted', 'negotiating', 'signed', 'started', 'in-production', 'capital-added'];

function proposeForm(p, send) {
  const date = h('input', { name: 'date', type: 'date', value: today(), required: true });
  const reason = h('input', { name: 'reason', type: 'text', required: true });
  const submit = e => {
    e.preventDefault();
    send(apiUrl(['projects', p.id, 'key-proposals']), { date: date.value, reason: reason.value.trim() }, t('whatProposeKey'));
  };
  return h('form', { class: 'propose-form', onsubmit: submit },
    h('h4', null, t('proposeKey')),
    h('label', null, t('date'), ' ', date), h('label', null, t('reason'), ' ', reason), h('button', { type: 'submit' }, t('propose')));
}

function reviewForm(p, send) {
  const date = h('input', { name: 'date', type: 'date', value: today(), required: true });
  const reason = h('input', { name: 'reason', type: 'text', required: true });
  const decide = decision => e => {
    e.preventDefault();
    if (!reason.reportValidity()) return;
    send(apiUrl(['projects', p.id, 'key-review']), { decision, date: date.value, reason: reason.value.trim() }, t('whatReviewKey'));
  };
  return h('form', { class: 'review-form', onsubmit: decide('admit') },
    h('h4', null, t('reviewKey')),
    h('label', null, t('date'), ' ', date), h('label', null, t('reason'), ' ', reason),
    h('button', { type: 'submit', name: 'admit' }, t('admit')),
    h('button', { type: 'button', name: 'refuse', onclick: decide('refuse') }, t('refuse')));
}

function dueForm(p, stages, send) {
  const stage = h('select', { name: 'stage' }, stages.map(s => h('option', { value: s }, t('dueStages')[s])));
  const by = h('input', { name: 'by', type: 'date', required: true });
  const submit = e => {
    e.preventDefault();
    send(apiUrl(['projects', p.id, 'due-dates']), { stage: stage.value, by: by.value }, t('whatSetDue'));
  };
  return h('form', { class: 'due-form', onsubmit: submit },
    h('h4', null, t('setDue')),
    h('label', null, t('dueStage'), ' ', stage), h('label', null, t('dueDate'), ' ', by), h('button', { type: 'submit' }, t('setDueButton')));
}

/** Projects past a due date in the region (and chain), with counts per owner team and per region (GET /api/projects/overdue). */
export async function renderPastDue(el, query, isCurrent) {
  let report;
  try {
    report = await getJson(apiUrl(['projects', 'overdue'], query));
  } catch (e) {
    if (isCurrent()) showError(e, t('whatPastDue'));
    return;
  }
  if (!isCurrent()) return;
  const counts = (title, map) => h('p', { class: 'muted' }, title, '：', Object.entries(map).map(([k, n]) => `${k} ${n}`).join('；'));
  fill(el,
    h('h3', null, t('pastDueTitle'), ` (${report.projects.length})`),
    report.projects.length === 0 ? h('p', { class: 'muted' }, t('pastDueNone')) : [
      counts(t('byOwnerTeam'), report.byOwnerTeam),
      counts(t('byRegion'), report.byRegion),
      h('table', { class: 'past-due-list' },
        h('thead', null, h('tr', null, [t('firm'), t('regionColumn'), t('ownerTeam'), t('dueTitle'), ''].map(x => h('th', null, x)))),
        h('tbody', null, report.projects.map(r => h('tr', { dataset: { project: r.project } },
          h('td', null, r.firmName, r.keyProject ? h('span', { class: 'key-badge' }, t('keyBadge')) : null),
          h('td', null, r.regionName), h('td', null, r.ownerTeam),
          h('td', null, t('dueBy', t('dueStages')[r.due.stage], r.due.by)),
          h('td', { class: 'overdue' }, t('pastDueDays', r.daysOverdue)))))),
    ]);
}
