import { h, fill } from './dom.js';
import { name, reasonItem, t } from './i18n.js';
import { renderLeads } from './leads.js';

/** The side panel for one segment of the status map: status, local firms, gap reasons, and leads when it is a gap. */
export function renderSegment(container, segment, ctx, onClose) {
  const status = segment.gapKind === 'high-value' ? 'high-value' : segment.status;
  const leads = h('div', { class: 'leads-panel' });
  fill(container,
    h('button', { type: 'button', class: 'close', 'aria-label': t('close'), onclick: onClose }, '×'),
    h('h2', null, name(segment)),
    h('p', null,
      h('span', { class: `chip status-${status}` }, t('status')[status]), ' ',
      h('span', { class: 'muted' }, t('stage')[segment.stage])),
    segment.gapKind
      ? h('p', null, h('strong', null, t('gapKind')[segment.gapKind]), ' · ', t('priority'), ' ', segment.priority,
          ` (${t('band')[segment.priorityBand]})`)
      : null,
    h('h3', null, t('reasons')),
    h('ul', { class: 'reasons' }, segment.reasons.map(reasonItem)),
    h('h3', null, t('localFirms')),
    segment.localFirms.length === 0 ? h('p', { class: 'muted' }, t('noLocalFirms')) : firmsTable(segment.localFirms),
    leads);
  if (segment.gapKind) renderLeads(leads, { region: ctx.region, segment: segment.id, asOf: ctx.asOf });
}

function firmsTable(firms) {
  return h('table', { class: 'firms' },
    h('thead', null, h('tr', null, [t('firm'), t('place'), t('capacity'), t('since'), t('source')].map(x => h('th', null, x)))),
    h('tbody', null, firms.map(f => h('tr', { class: f.verified ? null : 'unverified' },
      h('td', null, name(f), f.site ? h('div', { class: 'muted' }, f.site) : null),
      h('td', null, f.regionName),
      h('td', null, f.capacity != null ? `${f.capacity.toLocaleString()} ${f.unit ?? ''}` : '—'),
      h('td', null, f.since ?? '—'),
      h('td', null, f.verified ? f.source : t('unsourced'))))));
}

/** A short preview for hovering: name, status, firm names and the first reasons. */
export function segmentPreview(segment) {
  const status = segment.gapKind === 'high-value' ? 'high-value' : segment.status;
  return [
    h('strong', null, name(segment)),
    h('div', null, t('status')[status], ' · ', t('localFirms'), ' ', segment.localFirms.length),
    segment.localFirms.length ? h('div', null, segment.localFirms.slice(0, 5).map(name).join('、')) : null,
    h('ul', null, segment.reasons.slice(0, 3).map(reasonItem)),
  ];
}
