import { apiUrl, getJson } from './api.js';
import { h, fill } from './dom.js';
import { name, t } from './i18n.js';
import { showError } from './messages.js';
import { featureOperations, renderEndpointList, renderNotAvailable } from './features.js';

const PIPELINE = '/api/projects/pipeline';

/** The region's project pipeline: projects and amounts per stage, then the projects themselves, when the service has a project library. */
export async function renderPipeline(container, state, chains, isCurrent) {
  fill(container, h('p', { class: 'muted' }, t('loading')));
  const ops = await featureOperations(container, 'pipeline');
  if (ops === null || !isCurrent()) return;
  if (ops.length === 0) return renderNotAvailable(container, 'pipeline');
  if (!ops.some(op => op.method === 'GET' && op.path === PIPELINE)) return renderEndpointList(container, 'pipeline', ops, state);

  let pipeline, projects;
  try {
    [pipeline, projects] = await Promise.all([
      getJson(apiUrl(['projects', 'pipeline'], { region: state.region })),
      getJson(apiUrl(['projects'], { region: state.region })),
    ]);
  } catch (e) {
    if (!isCurrent()) return;
    fill(container);
    showError(e, t('whatPipeline'));
    return;
  }
  if (!isCurrent()) return;
  const amount = x => (x ?? 0).toLocaleString(undefined, { maximumFractionDigits: 2 });
  fill(container,
    h('h2', null, t('pipelineOf', state.regionLabel)),
    h('p', null, t('signedAtLeast100m', pipeline.signedAtLeast100Million), ' · ', t('fundsInPlace'), ' ', amount(pipeline.fundsInPlace), ' ', t('yi')),
    h('table', { class: 'pipeline' },
      h('thead', null, h('tr', null, [t('projectStage'), t('projectCount'), t('agreedInvestment'), t('fundsInPlace')].map(x => h('th', null, x)))),
      h('tbody', null, pipeline.stages.map(row => h('tr', { dataset: { stage: row.stage } },
        h('td', null, t('projectStages')[row.stage] ?? row.stage),
        h('td', { class: 'num' }, row.projects),
        h('td', { class: 'num' }, amount(row.agreedInvestment)),
        h('td', { class: 'num' }, amount(row.fundsInPlace)))))),
    h('h3', null, t('projects'), ` (${projects.length})`),
    projects.length === 0 ? h('p', { class: 'muted' }, t('noProjects')) :
      h('table', { class: 'projects' },
        h('thead', null, h('tr', null, [t('firm'), t('segment'), t('place'), t('projectStage'), t('owner'), t('agreedInvestment')].map(x => h('th', null, x)))),
        h('tbody', null, projects.map(p => h('tr', null,
          h('td', null, p.firmName), h('td', null, p.segmentName), h('td', null, p.regionName),
          h('td', null, t('projectStages')[p.stage] ?? p.stage, h('div', { class: 'muted' }, p.since)),
          h('td', null, p.ownerTeam), h('td', { class: 'num' }, p.agreedInvestment == null ? '—' : amount(p.agreedInvestment)))))));
}
