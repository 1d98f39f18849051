import { postJson } from './api.js';
import { h, fill } from './dom.js';
import { lang, reason, t } from './i18n.js';
import { showError, clearMessages } from './messages.js';

const ENDPOINT = '/api/simulations/anchor';

/** The anchor-firm form and its result: before and after side by side, the segments that change, the followers. */
export function renderSimulationForm(container, state) {
  const firm = h('input', { id: 'sim-firm', placeholder: 'china-hongqiao', required: true });
  const segments = h('input', { id: 'sim-segments', placeholder: 'electrolytic-aluminium' });
  const result = h('div', { id: 'sim-result' });
  const run = async event => {
    event.preventDefault();
    clearMessages();
    fill(result, h('p', { class: 'muted' }, t('loading')));
    const body = {
      firm: firm.value.trim(), region: state.region, chain: state.chain, asOf: state.asOf || null,
      segments: segments.value.split(',').map(s => s.trim()).filter(Boolean),
    };
    try {
      renderResult(result, await postJson(ENDPOINT, body));
    } catch (e) {
      fill(result);
      showError(e, t('whatSimulation'));
    }
  };
  fill(container,
    h('h2', null, t('tabSimulation'), ' · ', state.regionLabel),
    h('p', { class: 'muted' }, t('simForm')),
    h('form', { class: 'sim-form', onsubmit: run },
      h('label', null, t('simAnchor'), ' ', firm), ' ',
      h('label', null, t('simSegments'), ' ', segments), ' ',
      h('button', { type: 'submit', id: 'sim-run' }, t('simRun'))),
    result);
}

function renderResult(el, r) {
  const pct = x => `${(x * 100).toFixed(1)}%`;
  fill(el,
    h('p', null, `${r.anchorName} → ${r.regionName}: `, r.sites.map(s => s.name).join('、')),
    h('div', { class: 'sim-compare' },
      h('div', { class: 'sim-side', dataset: { side: 'before' } }, h('h3', null, t('simBefore')),
        h('p', null, t('completeness'), ' ', h('strong', { class: 'completeness' }, pct(r.completenessBefore)))),
      h('div', { class: 'sim-side', dataset: { side: 'after' } }, h('h3', null, t('simAfter')),
        h('p', null, t('completeness'), ' ', h('strong', { class: 'completeness' }, pct(r.completenessAfter))))),
    h('h3', null, t('simChanges')),
    r.changes.length === 0 ? h('p', null, t('simNoChange')) :
      h('table', { class: 'sim-changes' }, h('tbody', null, r.changes.map(c => h('tr', { dataset: { segment: c.segment } },
        h('td', null, c.name), h('td', null, t('status')[c.before] ?? c.before), h('td', null, '→'), h('td', null, t('status')[c.after] ?? c.after))))),
    h('h3', null, t('simFollowers')),
    r.followers.length === 0 ? h('p', null, t('simNoFollowers')) :
      h('table', { class: 'sim-followers' },
        h('thead', null, h('tr', null, [t('firm'), t('gap'), t('rank'), ''].map(x => h('th', null, x)))),
        h('tbody', null, r.followers.map(f => h('tr', { dataset: { firm: f.firmId } },
          h('td', null, f.name), h('td', null, f.gapName), h('td', null, `${f.oldRank ?? '–'} → ${f.newRank}`), h('td', null, f.reasons.map(reason).join(lang() === 'en' ? '; ' : '；')))))),
    h('h3', null, t('simInputs')),
    r.inputs.length === 0 ? h('p', null, t('simNoInputs')) :
      h('table', { class: 'sim-inputs' },
        h('thead', null, h('tr', null, [t('segment'), t('simDemand'), t('simLocalSupply'), t('simShortfall'), t('leads')].map(x => h('th', null, x)))),
        h('tbody', null, r.inputs.map(n => h('tr', { dataset: { segment: n.segment } },
          h('td', null, n.name), h('td', { class: 'num' }, `${n.demand.toLocaleString()} ${n.unit}`),
          h('td', { class: 'num' }, n.localSupply == null ? '–' : n.localSupply.toLocaleString()),
          h('td', { class: 'num' }, n.shortfall.toLocaleString()), h('td', null, n.leads.join('、')))))),
    h('h3', null, t('simConstraints')),
    r.constraints.length === 0 ? h('p', null, t('simNoConstraints')) :
      h('table', { class: 'sim-constraints' },
        h('thead', null, h('tr', null, [t('simConstraint'), t('simAvailable'), t('simUsedBefore'), t('simAnchorNeeds'), t('simHeadroom'), ''].map(x => h('th', null, x)))),
        h('tbody', null, r.constraints.map(constraintRow))),
    h('p', null, t('simFollowOn'), ': ', h('strong', null, `${r.followOn.amount} ${t('yi')}`), ' ', h('span', { class: 'muted' }, `(${r.followOn.method})`)));
}

/** A declared limit checked against the scenario; a broken one is highlighted with its excess. */
function constraintRow(c) {
  const n = x => x == null ? '–' : x.toLocaleString();
  const verdict = c.notChecked ?? (c.broken ? `${t('simBroken')} ${n(c.excess)} ${c.unit} (${c.excessPercent}%)` : t('simWithin'));
  return h('tr', { class: c.broken ? 'broken' : '', dataset: { kind: c.kind, resource: c.resource, region: c.region } },
    h('td', null, `${t('constraintKinds')[c.kind] ?? c.kind} · ${c.resourceName} · ${c.regionName} ${c.year}${c.estimate ? ` (${t('estimate')})` : ''}`),
    h('td', { class: 'num' }, `${n(c.available)} ${c.unit}`), h('td', { class: 'num' }, n(c.usedBefore)),
    h('td', { class: 'num' }, n(c.anchorNeeds)), h('td', { class: 'num' }, n(c.headroomAfter)),
    h('td', { class: 'verdict', title: c.note ?? '' }, verdict));
}

export const hasSimulation = ops => ops.some(op => op.method === 'POST' && op.path === ENDPOINT);
