import { apiUrl, getJson } from './api.js';
import { h, fill } from './dom.js';
import { label, name, reasonItem, t } from './i18n.js';
import { showError } from './messages.js';
import { fit } from './fit.js';
import { createLeadButton } from './leadForm.js';
import { firmLink } from './scenarioTables.js';

// The list families and their labels come from the API (GET /api/lists/families), asked once.
let families;
const listFamilies = () => (families ??= getJson(apiUrl(['lists', 'families'])).catch(e => { families = undefined; throw e; }));

/** The region's target list with its filters, and the same list as CSV and as an Excel workbook. */
export function renderTargets(container, state, chains, isCurrent) {
  const chain = h('select', { name: 'chain' },
    state.chainScoped ? null : h('option', { value: '' }, t('allChains')),
    chains.map(c => h('option', { value: c.id, selected: c.id === state.chain }, name(c))));
  const list = h('select', { name: 'list' }, h('option', { value: '' }, t('anyList')));
  listFamilies().then(all => { if (isCurrent()) list.append(...all.map(f => h('option', { value: f.id }, label(f.label)))); },
    e => { if (isCurrent()) showError(e, t('whatLists')); });
  const perGap = h('input', { name: 'perGap', type: 'number', min: 1, max: 50, value: 5, size: 4 });
  const hq = h('input', { name: 'hq', type: 'text', size: 10, placeholder: '440000' });
  const minRevenue = h('input', { name: 'minRevenue', type: 'number', min: 0, step: 'any', size: 6, placeholder: '100' });
  const result = h('div', { class: 'targets-result' });
  const show = e => {
    e?.preventDefault();
    const query = { chain: chain.value, list: list.value, perGap: perGap.value, hq: hq.value.trim(), minRevenue: minRevenue.value, asOf: state.asOf };
    loadTargets(result, state.region, query, isCurrent);
  };
  fill(container,
    h('form', { class: 'filters', onsubmit: show },
      h('label', null, t('chain'), ' ', chain),
      h('label', null, t('list'), ' ', list),
      h('label', null, t('perGap'), ' ', perGap),
      h('label', null, t('hq'), ' ', hq),
      h('label', { title: t('minRevenueHint') }, t('minRevenue'), ' ', minRevenue),
      h('button', { type: 'submit' }, t('show'))),
    result);
  show();
}

async function loadTargets(container, region, query, isCurrent) {
  fill(container, h('p', { class: 'muted' }, t('loading')));
  let targets;
  try {
    targets = await getJson(apiUrl(['regions', region, 'targets'], query));
  } catch (e) {
    if (!isCurrent()) return;
    fill(container);
    showError(e, t('whatTargets'));
    return;
  }
  if (!isCurrent()) return;
  const csv = apiUrl(['regions', region, 'targets'], { ...query, format: 'csv' });
  const xlsx = apiUrl(['regions', region, 'targets.xlsx'], query);
  fill(container,
    h('div', { class: 'leads-head' },
      h('h2', null, t('targetsOf', targets.regionName, targets.firms, targets.gaps)),
      h('a', { class: 'download', href: csv, download: `targets-${region}.csv` }, t('downloadCsv')),
      h('a', { class: 'download', href: xlsx, download: `targets-${region}.xlsx` }, t('downloadXlsx'))),
    h('table', { class: 'targets' },
      h('thead', null, h('tr', null, [t('firm'), t('headquarters'), t('revenue'), t('listStandings'), t('gapsFitted'), t('fitLabel'), t('reasons')].map(x => h('th', null, x)))),
      h('tbody', null, targets.targets.map(x => h('tr', null,
        h('td', null, h('strong', null, firmLink(x.firmId, name(x)))),
        h('td', null, x.headquarters ?? '—'),
        h('td', { class: 'num' }, x.revenue == null ? '—' : x.revenue.toFixed(1)),
        h('td', { class: 'standings' }, x.lists.length === 0 ? '—' : h('ul', null, x.lists.map(l => h('li', null, l.rank == null ? l.edition : `${l.edition} #${l.rank}`)))),
        h('td', { class: 'fits' }, h('ol', null, x.gaps.map(g => h('li', null,
          `${g.segmentName} · ${t('gapKind')[g.gapKind]} · ${t('priority')} ${g.gapPriority} · ${t('fitLabel')} ${fit(g.score)} (${t('rankInGap')} ${g.rankInGap}) `,
          // A lead is for one gap: each gap the firm fits offers its own.
          createLeadButton({ firm: x.firmId, firmName: name(x), segment: g.segment, segmentName: g.segmentName, region, regionName: targets.regionName }))))),
        h('td', { class: 'num', title: t('fitHint') }, fit(x.score)),
        h('td', null, h('ul', { class: 'reasons' }, x.reasons.map(reasonItem))))))));
}
