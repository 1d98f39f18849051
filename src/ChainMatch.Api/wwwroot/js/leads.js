import { apiUrl, getJson } from './api.js';
import { h, fill } from './dom.js';
import { name, reasonItem, t } from './i18n.js';
import { showError } from './messages.js';
import { fitText } from './fit.js';
import { createLeadButton } from './leadForm.js';
import { firmLink } from './scenarioTables.js';

const TOP = 10;

/** Ranked leads for one gap (segment × region) with their reasons, and a CSV link for Excel. */
export async function renderLeads(container, { region, segment, asOf }) {
  fill(container, h('p', { class: 'muted' }, t('loading')));
  let list;
  try {
    list = await getJson(apiUrl(['regions', region, 'segments', segment, 'leads'], { top: TOP, asOf }));
  } catch (e) {
    fill(container);
    showError(e, t('whatLeads'));
    return;
  }
  const csv = apiUrl(['regions', region, 'segments', segment, 'leads'], { top: 200, asOf, format: 'csv' });
  fill(container,
    h('div', { class: 'leads-head' },
      h('h3', null, t('leadsFor', list.segmentName)),
      h('a', { class: 'download', href: csv, download: `leads-${segment}-${region}.csv` }, t('downloadCsv'))),
    h('p', { class: 'muted' }, t('candidates', list.candidates)),
    list.leads.length === 0
      ? h('p', null, t('noLeads'))
      : h('ol', { class: 'leads' }, list.leads.map(lead =>
          h('li', { class: 'lead', dataset: { firm: lead.firmId } },
            h('div', { class: 'lead-title' },
              h('span', { class: 'rank' }, lead.rank), h('strong', null, firmLink(lead.firmId, name(lead))),
              lead.headquarters ? h('span', { class: 'muted' }, ` · ${t('headquarters')} ${lead.headquarters}`) : null,
              h('span', { class: 'score', title: t('fitHint') }, fitText(lead.score)),
              createLeadButton({ firm: lead.firmId, firmName: name(lead), segment, segmentName: list.segmentName, region, regionName: list.regionName })),
            h('ul', { class: 'reasons' }, lead.reasons.map(reasonItem))))));
}
