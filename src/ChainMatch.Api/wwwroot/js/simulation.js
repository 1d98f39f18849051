import { apiUrl, getText, postJson, postText } from './api.js';
import { h, fill } from './dom.js';
import { lang, reason, t } from './i18n.js';
import { showError } from './messages.js';
import { downloadReport } from './scenarioReport.js';
import { constraintRow, firmLink, inputsTable } from './scenarioTables.js';

const ENDPOINT = '/api/simulations/anchor';

export const hasSimulation = ops => ops.some(op => op.method === 'POST' && op.path === ENDPOINT);

/** Runs one anchor scenario and shows it: the report, then the status maps before and after side by side. */
export async function runSimulation(el, state, body, isCurrent, onReport) {
  fill(el, h('p', { class: 'muted' }, t('loading')));
  let r;
  try {
    r = await postJson(ENDPOINT, body);
  } catch (e) {
    if (!isCurrent()) return;
    fill(el);
    showError(e, t('whatSimulation'));
    return;
  }
  if (!isCurrent()) return;
  onReport?.(r);
  const maps = h('div', { class: 'sim-maps' },
    h('div', { class: 'sim-map', dataset: { side: 'before' } }, h('h3', null, t('simMapBefore')), h('p', { class: 'muted' }, t('loading'))),
    h('div', { class: 'sim-map', dataset: { side: 'after' } }, h('h3', null, t('simMapAfter')), h('p', { class: 'muted' }, t('loading'))));
  const exportButton = h('button', { type: 'button', id: 'sim-export', disabled: true }, t('exportReport'));
  renderReport(el, r, maps, exportButton);
  const pictures = await drawMaps(maps, state, body, isCurrent);
  if (!pictures || !isCurrent()) return;
  exportButton.disabled = false;
  exportButton.addEventListener('click', () => downloadReport(r, state, pictures));
}

/** The service's own SVGs: GET …/status/{region}.svg before, POST /api/simulations/anchor/map.svg after. */
async function drawMaps(maps, state, body, isCurrent) {
  try {
    const [before, after] = await Promise.all([
      getText(apiUrl(['chains', state.chain, 'status', `${state.region}.svg`], { asOf: state.asOf, lang: lang() })),
      postText(apiUrl(['simulations', 'anchor', 'map.svg'], { lang: lang() }), body),
    ]);
    if (!isCurrent()) return null;
    for (const [side, text] of [['before', before], ['after', after]]) {
      const svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
      const box = maps.querySelector(`[data-side='${side}']`);
      box.querySelector('p')?.remove();
      box.append(document.importNode(svg, true));
    }
    return { before, after };
  } catch (e) {
    if (isCurrent()) showError(e, t('whatAfterMap'));
    return null;
  }
}

function renderReport(el, r, maps, exportButton) {
  const pct = x => `${(x * 100).toFixed(1)}%`;
  const siteText = s => s.capacity == null ? s.name : `${s.name} ${s.capacity.toLocaleString()} ${s.unit}`;
  fill(el,
    h('div', { class: 'sim-head' },
      h('p', { class: 'sim-summary' }, h('strong', null, r.anchorName), ` → ${r.regionName}: `, r.sites.map(siteText).join('、')),
      exportButton),
    r.alreadyPresent.length === 0 ? null
      : h('p', { class: 'sim-already', role: 'note' }, t('simAlreadyPresent', r.alreadyPresent.map(siteText).join('、'))),
    h('div', { class: 'sim-compare' },
      h('div', { class: 'sim-side', dataset: { side: 'before' } }, h('h3', null, t('simBefore')),
        h('p', null, t('completeness'), ' ', h('strong', { class: 'completeness' }, pct(r.completenessBefore)))),
      h('div', { class: 'sim-side', dataset: { side: 'after' } }, h('h3', null, t('simAfter')),
        h('p', null, t('completeness'), ' ', h('strong', { class: 'completeness' }, pct(r.completenessAfter))))),
    maps,
    h('h3', null, t('simChanges')),
    r.changes.length === 0 ? h('p', null, t('simNoChange')) :
      h('table', { class: 'sim-changes' }, h('tbody', null, r.changes.map(c => h('tr', { dataset: { segment: c.segment } },
        h('td', null, c.name), h('td', null, t('status')[c.before] ?? c.before), h('td', null, '→'), h('td', null, t('status')[c.after] ?? c.after))))),
    h('h3', null, t('simFollowers')),
    r.followers.length === 0 ? h('p', null, t('simNoFollowers')) :
      h('table', { class: 'sim-followers' },
        h('thead', null, h('tr', null, [t('firm'), t('gap'), t('rank'), ''].map(x => h('th', null, x)))),
        h('tbody', null, r.followers.map(f => h('tr', { dataset: { firm: f.firmId } },
          h('td', null, firmLink(f.firmId, f.name)), h('td', null, f.gapName), h('td', null, `${f.oldRank ?? '–'} → ${f.newRank}`),
          h('td', null, f.reasons.map(reason).join(lang() === 'en' ? '; ' : '；')))))),
    h('h3', null, t('simInputs')),
    r.inputs.length === 0 ? h('p', null, t('simNoInputs')) : inputsTable(r.inputs),
    h('h3', null, t('simConstraints')),
    r.constraints.length === 0 ? h('p', null, t('simNoConstraints')) :
      h('table', { class: 'sim-constraints' },
        h('thead', null, h('tr', null, [t('simConstraint'), t('simAvailable'), t('simUsedBefore'), t('simAnchorNeeds'), t('simHeadroom'), ''].map(x => h('th', null, x)))),
        h('tbody', null, r.constraints.map(constraintRow))),
    h('p', null, t('simFollowOn'), ': ', h('strong', null, `${r.followOn.amount} ${t('yi')}`), ' ', h('span', { class: 'muted' }, `(${r.followOn.method})`)));
}
