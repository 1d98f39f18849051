import { getJson } from './api.js';
import { h, fill } from './dom.js';
import { t } from './i18n.js';
import { showError } from './messages.js';
import { hasSimulation } from './simulation.js';
import { renderScenario } from './scenario.js';

// Simulation (issue 6) and the project library (issue 4) arrive separately. Their panels look for the endpoints in
// the service's own OpenAPI document, so they appear when the service has them and say so plainly until then.
const PATTERNS = { simulation: /simulat|anchor/i, pipeline: /project|pipeline/i };

let catalogue = null;

/** The service's operations (method, path, summary), read once from /openapi/v1.json. */
export async function operations() {
  catalogue ??= getJson('/openapi/v1.json').then(doc =>
    Object.entries(doc.paths ?? {}).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), summary: op.summary ?? '' }))));
  try {
    return await catalogue;
  } catch (e) {
    catalogue = null;
    throw e;
  }
}

/** The operations of one feature, or null (after showing why) when the catalogue cannot be read. */
export async function featureOperations(container, feature) {
  try {
    return (await operations()).filter(op => PATTERNS[feature].test(op.path));
  } catch (e) {
    fill(container);
    showError(e, t('whatFeatures'));
    return null;
  }
}

export function renderNotAvailable(container, feature) {
  fill(container, h('div', { class: 'not-available', dataset: { feature } },
    h('h2', null, t(feature === 'simulation' ? 'tabSimulation' : 'tabPipeline'), ' · ', t('notAvailable')),
    h('p', null, t(feature === 'simulation' ? 'simulationMissing' : 'pipelineMissing'))));
}

/** Endpoints found without a dedicated view yet: listed, with a link to the data where a GET needs only the region. */
export function renderEndpointList(container, feature, ops, state) {
  fill(container, h('div', { class: 'available', dataset: { feature } },
    h('p', null, t('endpointsFound')),
    h('ul', null, ops.map(op => {
      const url = op.path.replace('{regionCode}', encodeURIComponent(state.region));
      const openable = op.method === 'GET' && !url.includes('{');
      return h('li', null, h('code', null, `${op.method} ${op.path}`), ' ', op.summary, ' ',
        openable ? h('a', { href: url, target: '_blank', rel: 'noopener' }, t('openJson')) : null);
    }))));
}

export async function renderSimulation(container, state, isCurrent = () => true) {
  fill(container, h('p', { class: 'muted' }, t('loading')));
  const ops = await featureOperations(container, 'simulation');
  if (ops === null) return;
  if (ops.length === 0) renderNotAvailable(container, 'simulation');
  else if (hasSimulation(ops)) { if (isCurrent()) renderScenario(container, state, isCurrent); }
  else renderEndpointList(container, 'simulation', ops, state);
}
