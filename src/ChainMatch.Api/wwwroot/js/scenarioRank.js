import { apiUrl, getJson } from './api.js';
import { h, fill } from './dom.js';
import { name, t } from './i18n.js';
import { showError } from './messages.js';
import { fit } from './fit.js';
import { firmLink } from './scenarioTables.js';
import { goScenario } from './scenarioState.js';

const TOP = 20;
const pct = x => `+${(x * 100).toFixed(1)}%`;

/** Candidate anchors for the region and chain (GET /api/chains/{chain}/anchors/{region}); each can be simulated, or ticked and compared. */
export async function renderAnchorRanking(container, state, isCurrent) {
  fill(container, h('p', { class: 'muted' }, t('rankIntro')), h('p', { class: 'muted' }, t('loading')));
  let r, chain;
  try {
    [r, chain] = await Promise.all([
      getJson(apiUrl(['chains', state.chain, 'anchors', state.region], { top: TOP, asOf: state.asOf })),
      getJson(apiUrl(['chains', state.chain])),
    ]);
  } catch (e) {
    if (!isCurrent()) return;
    fill(container, h('p', { class: 'muted' }, t('rankIntro')));
    showError(e, t('whatAnchors'));
    return;
  }
  if (!isCurrent()) return;
  const segmentName = id => name(chain.segments.find(s => s.id === id) ?? { name: id });
  const compareButton = h('button', { type: 'button', id: 'rank-compare', disabled: true,
    onclick: () => goScenario({ mode: 'compare', anchors: ticked() }) }, t('compareSelected'));
  const table = h('table', { class: 'rank-anchors' },
    h('thead', null, h('tr', null, [t('rank'), t('firm'), t('rankBrings'), t('rankGain'), t('rankPull'), t('rankFollowers'), t('fitLabel'), '', t('selectForCompare')]
      .map(x => h('th', null, x)))),
    h('tbody', null, r.anchors.map(a => h('tr', { dataset: { firm: a.firmId } },
      h('td', { class: 'num' }, a.rank), h('td', null, firmLink(a.firmId, a.name)),
      h('td', null, a.segments.map(segmentName).join('、')),
      h('td', { class: 'num' }, pct(a.completenessGain)), h('td', { class: 'num' }, a.followerPull),
      h('td', null, a.followers.join('、') || '—'),
      h('td', { class: 'num', title: t('fitHint') }, fit(a.bestGapScore)),
      h('td', null, h('button', { type: 'button', class: 'simulate-anchor', onclick: () => goScenario({ mode: 'simulate', anchors: [a.firmId] }) }, t('simulateThis'))),
      h('td', null, h('input', { type: 'checkbox', class: 'pick-anchor', value: a.firmId, 'aria-label': `${t('selectForCompare')}: ${a.name}`,
        onchange: () => { const n = ticked().length; compareButton.disabled = n < 2 || n > 5; } }))))));
  const ticked = () => [...table.querySelectorAll('.pick-anchor:checked')].map(x => x.value);
  fill(container,
    h('p', { class: 'muted' }, t('rankIntro')),
    h('p', null, `${r.regionName} · ${t('completeness')} ${(r.completenessBefore * 100).toFixed(1)}% · ${t('rankCandidates', r.candidates)}`),
    r.anchors.length === 0 ? h('p', null, t('noLeads')) : table,
    compareButton);
}
