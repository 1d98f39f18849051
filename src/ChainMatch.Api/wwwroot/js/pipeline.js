import { apiUrl, getJson } from './api.js';
import { h, fill } from './dom.js';
import { t } from './i18n.js';
import { showError } from './messages.js';
import { featureOperations, renderEndpointList, renderNotAvailable } from './features.js';
import { renderProject, daysBetween, overdueProblems, today } from './project.js';
import { cardMarks, renderPastDue } from './keyProjects.js';

const PIPELINE = '/api/projects/pipeline';
// The board's columns, in lifecycle order; lost last.
const STAGES = ['lead', 'contacted', 'negotiating', 'signed', 'started', 'in-production', 'capital-added', 'lost'];
// "Key projects only": the board and the overdue list narrowed to projects admitted to the key-project library.
let keyOnly = false;

/** The region's project pipeline for the chosen chain: counts and amounts per stage, then the board of projects by stage. */
export async function renderPipeline(container, state, chains, isCurrent, reopen = null) {
  fill(container, h('p', { class: 'muted' }, t('loading')));
  const ops = await featureOperations(container, 'pipeline');
  if (ops === null || !isCurrent()) return;
  if (ops.length === 0) return renderNotAvailable(container, 'pipeline');
  if (!ops.some(op => op.method === 'GET' && op.path === PIPELINE)) return renderEndpointList(container, 'pipeline', ops, state);

  const query = { region: state.region, chain: state.chain, key: keyOnly ? 'admitted' : null };
  let pipeline, projects;
  try {
    [pipeline, projects] = await Promise.all([getJson(apiUrl(['projects', 'pipeline'], query)), getJson(apiUrl(['projects'], query))]);
  } catch (e) {
    if (!isCurrent()) return;
    fill(container);
    showError(e, t('whatPipeline'));
    return;
  }
  if (!isCurrent()) return;
  const detail = h('aside', { class: 'project-detail', hidden: true });
  const reload = id => renderPipeline(container, state, chains, isCurrent, id);
  const open = project => renderProject(detail, project, state, reload);
  const pastDue = h('section', { class: 'past-due' });
  const amount = x => (x ?? 0).toLocaleString(undefined, { maximumFractionDigits: 2 });
  fill(container,
    h('h2', null, t('pipelineOf', state.regionLabel), ' · ', state.chainName(state.chain)),
    h('p', null, t('signedAtLeast100m', pipeline.signedAtLeast100Million), ' · ', t('fundsInPlace'), ' ', amount(pipeline.fundsInPlace), ' ', t('yi')),
    h('table', { class: 'pipeline' },
      h('thead', null, h('tr', null, h('th', null, t('projectStage')),
        [t('projectCount'), t('agreedInvestment'), t('fundsInPlaceYi')].map(x => h('th', { class: 'num' }, x)))),
      h('tbody', null, pipeline.stages.map(row => h('tr', { dataset: { stage: row.stage } },
        h('td', null, t('projectStages')[row.stage] ?? row.stage),
        h('td', { class: 'num' }, row.projects),
        h('td', { class: 'num' }, amount(row.agreedInvestment)),
        h('td', { class: 'num' }, amount(row.fundsInPlace)))))),
    h('h3', null, t('board'), ` (${projects.length})`),
    h('label', { class: 'key-only' }, h('input', { type: 'checkbox', name: 'keyOnly', checked: keyOnly,
      onchange: e => { keyOnly = e.target.checked; reload(null); } }), ' ', t('keyOnly')),
    projects.length === 0 ? h('p', { class: 'muted' }, t('noProjects')) : board(projects, open),
    detail, pastDue);
  renderPastDue(pastDue, query, isCurrent);
  const again = projects.find(p => p.id === reopen);
  if (again) open(again);
}

/** One column per stage; each card shows the firm, the gap, days in the stage and open problems past their deadline. */
function board(projects, open) {
  const now = today();
  return h('div', { class: 'board' }, STAGES.map(stage => {
    const cards = projects.filter(p => p.stage === stage);
    return h('section', { class: 'board-column', dataset: { stage } },
      h('h4', null, t('projectStages')[stage], h('span', { class: 'muted' }, ` ${cards.length}`)),
      cards.map(p => {
        const overdue = overdueProblems(p, now).length;
        return h('button', { type: 'button', class: 'card', dataset: { project: p.id }, onclick: () => open(p) },
          h('strong', null, p.firmName),
          h('div', null, p.segmentName, ' · ', p.regionName),
          h('div', { class: 'muted' }, p.ownerTeam),
          h('div', { class: 'days' }, t('daysInStage', daysBetween(p.since, now))),
          overdue > 0 ? h('div', { class: 'overdue' }, t('overdueProblems', overdue)) : null,
          cardMarks(p));
      }));
  }));
}
