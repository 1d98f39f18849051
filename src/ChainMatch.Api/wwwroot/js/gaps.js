import { apiUrl, getJson } from './api.js';
import { h, fill } from './dom.js';
import { name, reasonItem, t } from './i18n.js';
import { renderLeads } from './leads.js';
import { showError } from './messages.js';

/** The region's gaps across chains, highest priority first; a click on a row lists that gap's leads. */
export async function renderGaps(container, state, chains, isCurrent) {
  fill(container, h('p', { class: 'muted' }, t('loading')));
  let report;
  try {
    report = await getJson(apiUrl(['regions', state.region, 'gaps'], { asOf: state.asOf, chain: state.chainScoped ? state.chain : '' }));
  } catch (e) {
    if (!isCurrent()) return;
    fill(container);
    showError(e, t('whatGaps'));
    return;
  }
  if (!isCurrent()) return;
  const leads = h('div', { class: 'leads-panel' });
  const rows = report.gaps.map(gap => {
    const row = h('tr', { class: 'gap-row', tabindex: 0, dataset: { segment: gap.segment } },
      h('td', { class: 'num' }, gap.priority, h('span', { class: `band band-${gap.band}` }, t('band')[gap.band])),
      h('td', null, h('strong', null, name(gap))),
      h('td', null, h('span', { class: `chip status-${gap.kind === 'high-value' ? 'high-value' : gap.status}` }, t('gapKind')[gap.kind])),
      h('td', null, gap.chains.map(state.chainName).join('、')),
      h('td', null, t('stage')[gap.stage]),
      h('td', null, h('ul', { class: 'reasons' }, gap.reasons.map(reasonItem))));
    const open = () => {
      for (const r of container.querySelectorAll('tr.selected')) r.classList.remove('selected');
      row.classList.add('selected');
      renderLeads(leads, { region: state.region, segment: gap.segment, asOf: state.asOf });
      leads.scrollIntoView({ block: 'nearest' });
    };
    row.addEventListener('click', open);
    row.addEventListener('keydown', e => { if (e.key === 'Enter') open(); });
    return row;
  });
  fill(container,
    h('h2', null, t('gapsOf', report.regionName, report.gaps.length)),
    report.gaps.length === 0 ? h('p', null, t('noGaps')) : [
      h('p', { class: 'muted' }, t('clickGap')),
      h('div', { class: 'split' },
        h('table', { class: 'gaps' },
          h('thead', null, h('tr', null, [t('priority'), t('segment'), t('kind'), t('chains'), t('stageLabel'), t('reasons')].map(x => h('th', null, x)))),
          h('tbody', null, rows)),
        leads),
    ]);
}
