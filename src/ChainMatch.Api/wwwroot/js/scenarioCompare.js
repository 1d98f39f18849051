import { postJson } from './api.js';
import { h, fill } from './dom.js';
import { t } from './i18n.js';
import { clearMessages, showError } from './messages.js';
import { firmPicker } from './firmPicker.js';
import { constraintRow, firmLink } from './scenarioTables.js';
import { goScenario } from './scenarioState.js';

const MIN = 2, MAX = 5;
const pct = x => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;

/** 2–5 anchors side by side: each alone, all together, and whether they reinforce each other or overlap. */
export function renderCompare(container, state, scenario, isCurrent) {
  const slots = h('div', { class: 'cmp-anchors' });
  const result = h('div', { id: 'cmp-result' });
  const add = firm => {
    const picker = firmPicker({ value: firm });
    picker.classList.add('cmp-anchor');
    const slot = h('div', { class: 'cmp-slot' }, picker,
      h('button', { type: 'button', class: 'cmp-remove', onclick: () => { slot.remove(); sync(); } }, t('cmpRemove')));
    slots.append(slot);
    sync();
  };
  const addButton = h('button', { type: 'button', id: 'cmp-add', onclick: () => add(null) }, t('cmpAdd'));
  const sync = () => {
    const n = slots.children.length;
    addButton.disabled = n >= MAX;
    for (const b of slots.querySelectorAll('.cmp-remove')) b.disabled = n <= MIN;
  };
  const run = async event => {
    event.preventDefault();
    clearMessages();
    const pickers = [...slots.querySelectorAll('.cmp-anchor')];
    let firms;
    try {
      firms = await Promise.all(pickers.map(p => p.resolve()));
    } catch (e) {
      showError(e, t('whatFirmSearch'));
      return;
    }
    // A slot left empty is skipped; one whose text matches several firms waits for the choice.
    if (pickers.some((p, i) => !firms[i] && p.querySelector('input').value.trim())) return;
    const chosen = firms.filter(Boolean);
    if (chosen.length < MIN) { showError({ problem: { title: t('cmpNeedTwo'), detail: t('cmpNeedTwo') } }, t('whatCompare')); return; }
    const anchors = [...new Set(chosen.map(f => f.id))];
    if (!goScenario({ mode: 'compare', anchors })) compare(anchors);
  };
  const compare = anchors => loadComparison(result, state, anchors, isCurrent, report => {
    [...slots.querySelectorAll('.cmp-anchor')].forEach((p, i) => { if (report.alone[i]) p.setFirm({ id: report.alone[i].firm, name: report.alone[i].name }); });
  });

  fill(container,
    h('p', { class: 'muted' }, t('cmpIntro')),
    h('form', { class: 'cmp-form', onsubmit: run }, slots, addButton, ' ', h('button', { type: 'submit', id: 'cmp-run' }, t('cmpRun'))),
    result);
  const anchors = scenario.anchors.slice(0, MAX);
  for (let i = 0; i < Math.max(MIN, anchors.length); i++) add(anchors[i] ? { id: anchors[i], name: anchors[i] } : null);
  if (anchors.length >= MIN) compare(anchors);
}

async function loadComparison(el, state, anchors, isCurrent, onReport) {
  fill(el, h('p', { class: 'muted' }, t('loading')));
  let r;
  try {
    r = await postJson('/api/simulations/compare', { anchors: anchors.map(firm => ({ firm })), region: state.region, chain: state.chain, asOf: state.asOf || null });
  } catch (e) {
    if (!isCurrent()) return;
    fill(el);
    showError(e, t('whatCompare'));
    return;
  }
  if (!isCurrent()) return;
  onReport(r);
  const broken = a => a.constraints.filter(c => c.broken).map(c => `${t('constraintKinds')[c.kind] ?? c.kind} · ${c.regionName}`).join('、') || t('cmpNoneBroken');
  fill(el,
    h('table', { class: 'cmp-table' },
      h('thead', null, h('tr', null, h('th', null, ''), r.alone.map(a => h('th', { dataset: { firm: a.firm } }, firmLink(a.firm, a.name))), h('th', { class: 'together' }, t('cmpTogether')))),
      h('tbody', null,
        h('tr', { class: 'gain' }, h('th', null, t('completeness')), r.alone.map(a => h('td', { class: 'num', dataset: { firm: a.firm } }, pct(a.gain))),
          h('td', { class: 'num together' }, pct(r.togetherGain))),
        h('tr', null, h('th', null, t('cmpBroken')), r.alone.map(a => h('td', null, broken(a))), h('td', null, broken(r))))),
    h('p', { class: 'cmp-verdict', dataset: { verdict: r.verdict } },
      h('strong', null, t('cmpVerdict')[r.verdict] ?? r.verdict), ` · ${t('cmpSum')} ${pct(r.sumOfAlone)}, ${t('cmpTogether')} ${pct(r.togetherGain)} `,
      h('span', { class: 'muted' }, `(${r.explanation})`)),
    h('h3', null, t('cmpBrokenTogether')),
    r.brokenOnlyTogether.length === 0 ? h('p', null, t('cmpNoneBroken')) : h('ul', null, r.brokenOnlyTogether.map(x => h('li', null, x))),
    r.constraints.length === 0 ? null :
      h('table', { class: 'sim-constraints' },
        h('thead', null, h('tr', null, [t('simConstraint'), t('simAvailable'), t('simUsedBefore'), t('simAnchorNeeds'), t('simHeadroom'), ''].map(x => h('th', null, x)))),
        h('tbody', null, r.constraints.map(constraintRow))));
}
