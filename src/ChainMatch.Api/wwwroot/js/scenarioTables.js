import { h } from './dom.js';
import { lang, t } from './i18n.js';

// Tables the scenario pages and the exported report share.

export const firmLink = (id, text) => h('a', { href: `/firm.html#firm=${encodeURIComponent(id)}&lang=${lang()}`, class: 'firm-link' }, text);

/** Demand against local supply, what local plants already use and what is left, so a shortfall of the whole demand explains itself. */
export function inputsTable(inputs) {
  const n = x => x.toLocaleString();
  return h('table', { class: 'sim-inputs' },
    h('thead', null, h('tr', null, [t('segment'), t('simDemand'), t('simLocalSupply'), t('simLocalUse'), t('simLeft'), t('simShortfall'), t('leads')]
      .map((x, i) => h('th', { class: i > 0 && i < 6 ? 'num' : null }, x)))),
    h('tbody', null, inputs.map(i => h('tr', { dataset: { segment: i.segment } },
      h('td', null, i.name), h('td', { class: 'num' }, `${n(i.demand)} ${i.unit}`),
      h('td', { class: 'num supply' }, i.localSupply == null ? t('simNoLocalSupply') : n(i.localSupply)),
      h('td', { class: 'num use' }, n(i.localUse)), h('td', { class: 'num left' }, n(i.left)),
      h('td', { class: 'num shortfall' }, n(i.shortfall)), h('td', null, i.leads.join('、'))))));
}

/** A declared limit checked against the scenario; a broken one is highlighted with its excess. */
export function constraintRow(c) {
  const n = x => x == null ? '–' : x.toLocaleString();
  const verdict = c.notChecked ?? (c.broken ? `${t('simBroken')} ${n(c.excess)} ${c.unit} (${c.excessPercent}%)` : t('simWithin'));
  return h('tr', { class: c.broken ? 'broken' : '', dataset: { kind: c.kind, resource: c.resource, region: c.region } },
    h('td', null, `${t('constraintKinds')[c.kind] ?? c.kind} · ${c.resourceName} · ${c.regionName} ${c.year}${c.estimate ? ` (${t('estimate')})` : ''}`),
    h('td', { class: 'num' }, `${n(c.available)} ${c.unit}`), h('td', { class: 'num' }, n(c.usedBefore)),
    h('td', { class: 'num' }, n(c.anchorNeeds)), h('td', { class: 'num' }, n(c.headroomAfter)),
    h('td', { class: 'verdict', title: c.note ?? '' }, verdict));
}
