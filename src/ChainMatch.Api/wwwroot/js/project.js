import { apiUrl, postJson } from './api.js';
import { h, fill } from './dom.js';
import { t } from './i18n.js';
import { showError } from './messages.js';
import { keyAndDueSections } from './keyProjects.js';
import { renderFirmContacts } from './crm.js';

/** Today's date in the browser's time zone, as YYYY-MM-DD (the form the service takes). */
export const today = () => new Date().toLocaleDateString('sv');

export const daysBetween = (from, to) => Math.round((Date.parse(to) - Date.parse(from)) / 86400000);

/** Open problems past their deadline on the given date (the service's ProjectProblem.IsOverdue). */
export const overdueProblems = (project, date) => project.problems.filter(p => !p.closedOn && date > p.deadline);

/**
 * One project: its history and problems, and for roles that may write, the forms to move it by the allowed
 * transitions, raise a problem and close one. After a write the board is reloaded with this project open.
 */
export function renderProject(el, p, state, reload) {
  const canWrite = state.canWriteProjects;
  const now = today();
  el.hidden = false;
  fill(el,
    h('button', { type: 'button', class: 'close', 'aria-label': t('close'), onclick: () => { el.hidden = true; } }, '×'),
    h('h3', null, p.firmName, ' · ', p.segmentName),
    h('p', { class: 'muted' }, `${p.regionName} · ${p.ownerTeam} · ${p.id}`),
    h('p', null, h('strong', { class: 'current-stage' }, t('projectStages')[p.stage]), ' · ', t('daysInStage', daysBetween(p.since, now))),
    h('h4', null, t('history')),
    h('ol', { class: 'history' }, p.history.map(s => h('li', null,
      `${s.date} ${t('projectStages')[s.stage]}`,
      s.agreedInvestment != null ? ` · ${t('agreedInvestment')} ${s.agreedInvestment}` : '',
      s.fundsInPlace != null ? ` · ${t('fundsInPlaceYi')} ${s.fundsInPlace}` : '',
      s.note ? h('span', { class: 'muted' }, ` · ${s.note}`) : ''))),
    keyAndDueSections(p, state, (url, body, what) => send(url, body, what, reload, p.id)),
    canWrite && p.next.length > 0 ? moveForm(p, reload) : null,
    h('h4', null, t('problemsTitle')),
    p.problems.length === 0 ? h('p', { class: 'muted' }, t('noProblems')) :
      h('ul', { class: 'problems' }, p.problems.map(problem => problemItem(p, problem, now, canWrite, reload))),
    canWrite ? raiseForm(p, reload) : null,
    state.canReadContacts ? firmContacts(p, state, reload) : null);
}

/** The project's firm in the 客商库 (contacts and interaction history), loaded after the project is shown. */
function firmContacts(p, state, reload) {
  const el = h('section', { class: 'firm-contacts' });
  renderFirmContacts(el, p, state, () => reload(p.id));
  return el;
}

const number = input => input.value.trim() === '' ? null : Number(input.value);

async function send(url, body, what, reload, id) {
  try {
    await postJson(url, body);
  } catch (e) {
    showError(e, what);
    return;
  }
  reload(id);
}

function moveForm(p, reload) {
  const stage = h('select', { name: 'stage' }, p.next.map(s => h('option', { value: s }, t('projectStages')[s])));
  const date = h('input', { name: 'date', type: 'date', value: today(), required: true });
  const agreed = h('input', { name: 'agreedInvestment', type: 'number', min: 0, step: 'any', size: 6 });
  const funds = h('input', { name: 'fundsInPlace', type: 'number', min: 0, step: 'any', size: 6 });
  const note = h('input', { name: 'note', type: 'text' });
  const submit = e => {
    e.preventDefault();
    send(apiUrl(['projects', p.id, 'stages']),
      { stage: stage.value, date: date.value, agreedInvestment: number(agreed), fundsInPlace: number(funds), note: note.value.trim() || null },
      t('whatMove'), reload, p.id);
  };
  return h('form', { class: 'move-form', onsubmit: submit },
    h('h4', null, t('moveProject')),
    h('label', null, t('projectStage'), ' ', stage), h('label', null, t('date'), ' ', date),
    h('label', null, t('agreedInvestment'), ' ', agreed), h('label', null, t('fundsInPlaceYi'), ' ', funds),
    h('label', null, t('note'), ' ', note), h('button', { type: 'submit' }, t('move')));
}

function problemItem(p, problem, now, canWrite, reload) {
  const overdue = !problem.closedOn && now > problem.deadline;
  return h('li', { class: overdue ? 'problem-item overdue' : 'problem-item', dataset: { problem: problem.id } },
    h('strong', null, problem.category), ' ', problem.description,
    h('div', { class: 'muted' }, t('problemDispatch', problem.leadDepartment, problem.responsibleDepartments.join('、'), problem.raisedOn, problem.deadline)),
    problem.closedOn ? h('div', { class: 'closed' }, t('problemClosed', problem.closedOn), ' ', problem.resolution)
      : overdue ? h('div', { class: 'overdue' }, t('overdueSince', problem.deadline)) : null,
    !problem.closedOn && canWrite ? closeForm(p, problem, reload) : null);
}

function closeForm(p, problem, reload) {
  const date = h('input', { name: 'closedOn', type: 'date', value: today(), required: true });
  const resolution = h('input', { name: 'resolution', type: 'text', required: true });
  const submit = e => {
    e.preventDefault();
    send(apiUrl(['projects', p.id, 'problems', problem.id, 'close']), { closedOn: date.value, resolution: resolution.value.trim() },
      t('whatCloseProblem'), reload, p.id);
  };
  return h('form', { class: 'close-form', onsubmit: submit },
    h('label', null, t('closedOn'), ' ', date), h('label', null, t('resolution'), ' ', resolution),
    h('button', { type: 'submit' }, t('closeProblem')));
}

function raiseForm(p, reload) {
  const field = (name, type = 'text', value = '') => h('input', { name, type, value, required: name !== 'responsibleDepartments' });
  const category = field('category'), description = field('description'), lead = field('leadDepartment');
  const responsible = field('responsibleDepartments'), raised = field('raisedOn', 'date', today()), deadline = field('deadline', 'date');
  const submit = e => {
    e.preventDefault();
    send(apiUrl(['projects', p.id, 'problems']), {
      category: category.value.trim(), description: description.value.trim(), leadDepartment: lead.value.trim(),
      responsibleDepartments: responsible.value.split(/[,，、]/).map(d => d.trim()).filter(Boolean),
      raisedOn: raised.value, deadline: deadline.value,
    }, t('whatRaiseProblem'), reload, p.id);
  };
  return h('form', { class: 'raise-form', onsubmit: submit },
    h('h4', null, t('raiseProblem')),
    h('label', null, t('problemCategory'), ' ', category), h('label', null, t('problemDescription'), ' ', description),
    h('label', null, t('leadDepartment'), ' ', lead), h('label', { title: t('responsibleHint') }, t('responsibleDepartments'), ' ', responsible),
    h('label', null, t('raisedOn'), ' ', raised), h('label', null, t('deadline'), ' ', deadline),
    h('button', { type: 'submit' }, t('raise')));
}
