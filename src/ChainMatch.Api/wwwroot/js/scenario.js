import { apiUrl, getJson } from './api.js';
import { h, fill } from './dom.js';
import { name, t } from './i18n.js';
import { clearMessages, showError } from './messages.js';
import { firmPicker } from './firmPicker.js';
import { runSimulation } from './simulation.js';
import { renderCompare } from './scenarioCompare.js';
import { renderAnchorRanking } from './scenarioRank.js';
import { MODES, goScenario, scenarioOf } from './scenarioState.js';

// Segment lists of the chains asked for so far (the segment choice offers only the chain's own).
const chainSegments = new Map();
const segmentsOf = chain => {
  if (!chainSegments.has(chain)) chainSegments.set(chain, getJson(apiUrl(['chains', chain])).then(c => c.segments).catch(e => { chainSegments.delete(chain); throw e; }));
  return chainSegments.get(chain);
};

/** The planners' scenario workbench: one anchor simulated, 2–5 compared, or the candidates ranked; the scenario is in the address. */
export function renderScenario(container, state, isCurrent) {
  const scenario = scenarioOf(new URLSearchParams(location.hash.slice(1)));
  const body = h('div', { class: 'scenario-body' });
  fill(container,
    h('h2', null, t('tabSimulation'), ' · ', state.regionLabel, ' · ', state.chainName(state.chain)),
    h('div', { class: 'sim-modes', role: 'tablist' }, MODES.map(mode =>
      h('button', { type: 'button', role: 'tab', dataset: { mode }, 'aria-selected': String(mode === scenario.mode),
        onclick: () => goScenario({ mode, anchors: mode === scenario.mode ? scenario.anchors : [] }) }, t('simModes')[mode]))),
    body);
  if (scenario.mode === 'compare') renderCompare(body, state, scenario, isCurrent);
  else if (scenario.mode === 'rank') renderAnchorRanking(body, state, isCurrent);
  else renderSimulateForm(body, state, scenario, isCurrent);
}

function renderSimulateForm(container, state, scenario, isCurrent) {
  const anchor = scenario.anchors[0] ?? null;
  const picker = firmPicker({ id: 'sim-firm', value: anchor ? { id: anchor, name: anchor } : null });
  const segments = h('fieldset', { id: 'sim-segments', class: 'segment-choice' }, h('legend', null, t('simPickSegments')), h('span', { class: 'muted' }, t('loading')));
  const result = h('div', { id: 'sim-result' });
  segmentsOf(state.chain).then(list => {
    if (!isCurrent()) return;
    fill(segments, h('legend', null, t('simPickSegments')), list.map(s =>
      h('label', { class: 'segment-option' },
        h('input', { type: 'checkbox', name: 'bring', value: s.id, checked: scenario.bring.includes(s.id) }), ' ', name(s))));
  }, e => { if (isCurrent()) { fill(segments); showError(e, t('whatChains')); } });

  const run = async event => {
    event.preventDefault();
    clearMessages();
    let firm;
    try {
      firm = await picker.resolve();
    } catch (e) {
      showError(e, t('whatFirmSearch'));
      return;
    }
    if (!firm) return;
    const bring = [...segments.querySelectorAll('input[name=bring]:checked')].map(x => x.value);
    // The address is the scenario: setting it re-renders and runs; the same address again runs here.
    if (!goScenario({ mode: 'simulate', anchors: [firm.id], bring })) simulate();
  };
  const simulate = () => runSimulation(result, state,
    { firm: anchor, region: state.region, chain: state.chain, asOf: state.asOf || null, segments: scenario.bring },
    isCurrent, r => picker.setFirm({ id: r.anchor, name: r.anchorName }));

  fill(container,
    h('p', { class: 'muted' }, t('simFormByName')),
    h('form', { class: 'sim-form', onsubmit: run },
      h('label', null, t('simAnchorName'), ' ', picker), ' ',
      segments,
      h('button', { type: 'submit', id: 'sim-run' }, t('simRun'))),
    result);
  if (anchor) simulate();
}
