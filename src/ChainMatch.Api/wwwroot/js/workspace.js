import { apiUrl, getJson, postJson } from './api.js';
import { h, fill } from './dom.js';
import { name, t } from './i18n.js';
import { showError } from './messages.js';
import { cardMarks } from './keyProjects.js';
import { daysBetween, today } from './project.js';

const who = n => (n ?? '').replace(/^key:/, '');
const lines = text => text.split('\n').map(l => l.trim()).filter(Boolean);

/**
 * A chain chief's workspace for the chosen chain and region: links to its map, gaps and targets, the chain's projects
 * and problems (read only), and its plan (一链一策) with every saved version; roles with write-chain-plan edit the plan.
 */
export async function renderWorkspace(container, state, chains, isCurrent, go) {
  fill(container, h('p', { class: 'muted' }, t('loading')));
  let w;
  try {
    w = await getJson(apiUrl(['chains', state.chain, 'workspace'], { region: state.region }));
  } catch (e) {
    if (!isCurrent()) return;
    fill(container);
    showError(e, t('whatWorkspace'));
    return;
  }
  if (!isCurrent()) return;
  const reload = () => renderWorkspace(container, state, chains, isCurrent, go);
  const now = today();
  fill(container,
    h('h2', null, t('workspaceOf', state.chainName(w.chain), w.regionName)),
    chains.length > 1 ? h('nav', { class: 'workspace-chains' }, chains.map(c =>
      h('button', { type: 'button', 'aria-pressed': String(c.id === state.chain), onclick: () => go({ chain: c.id }) }, name(c)))) : null,
    h('p', { class: 'workspace-links' }, t('workspaceLinks'), '：',
      state.tabs.filter(tab => ['map', 'gaps', 'targets'].includes(tab)).map(tab =>
        h('button', { type: 'button', class: 'link', dataset: { goto: tab }, onclick: () => go({ tab }) }, t({ map: 'tabMap', gaps: 'tabGaps', targets: 'tabTargets' }[tab])))),
    h('section', { class: 'plan' }, planView(w), state.canWriteChainPlan ? planForm(w, reload) : null, planHistory(w)),
    h('h3', null, t('chainProjects'), ` (${w.projects.length})`),
    w.projects.length === 0 ? h('p', { class: 'muted' }, t('noChainProjects')) :
      h('table', { class: 'chain-projects' },
        h('thead', null, h('tr', null, [t('firm'), t('segment'), t('regionColumn'), t('projectStage'), t('ownerTeam'), ''].map(x => h('th', null, x)))),
        h('tbody', null, w.projects.map(p => h('tr', { dataset: { project: p.id } },
          h('td', null, p.firmName), h('td', null, p.segmentName), h('td', null, p.regionName),
          h('td', null, t('projectStages')[p.stage], h('span', { class: 'muted' }, ` · ${t('daysInStage', daysBetween(p.since, now))}`)),
          h('td', null, p.ownerTeam), h('td', null, cardMarks(p)))))),
    h('h3', null, t('chainProblems'), ` (${w.problems.length})`),
    w.problems.length === 0 ? h('p', { class: 'muted' }, t('noProblems')) :
      h('ul', { class: 'chain-problems' }, w.problems.map(x => h('li', { class: x.overdue ? 'overdue' : null, dataset: { project: x.project, problem: x.problem.id } },
        h('strong', null, x.firmName), ' · ', x.problem.category, ' ', x.problem.description,
        h('div', { class: 'muted' }, t('problemDispatch', x.problem.leadDepartment, x.problem.responsibleDepartments.join('、'), x.problem.raisedOn, x.problem.deadline)),
        x.problem.closedOn ? h('div', { class: 'closed' }, t('problemClosed', x.problem.closedOn), ' ', x.problem.resolution)
          : x.overdue ? h('div', null, t('overdueSince', x.problem.deadline)) : null))));
}

function planView(w) {
  const p = w.plan;
  return [
    h('h3', null, t('planTitle')),
    !p ? h('p', { class: 'muted plan-none' }, t('planNone')) : h('div', { class: 'plan-current', dataset: { version: p.version } },
      h('p', { class: 'muted' }, t('planVersion', p.version, who(p.author), p.savedAt.slice(0, 16).replace('T', ' '))),
      h('h4', null, t('priorities')), h('ol', { class: 'plan-priorities' }, p.priorities.map(x => h('li', null, x))),
      h('h4', null, t('responsibleUnits')), h('ul', { class: 'plan-units' }, p.responsibleUnits.map(x => h('li', null, x))),
      h('h4', null, t('yearlyTargets')), h('ul', { class: 'plan-targets' }, p.yearlyTargets.map(x => h('li', null, `${x.year}: ${x.target}`)))),
  ];
}

function planForm(w, reload) {
  const p = w.plan;
  const area = (field, value, hint) => h('textarea', { name: field, rows: 4, cols: 48, placeholder: hint }, value);
  const priorities = area('priorities', p?.priorities.join('\n') ?? '', t('linesHint'));
  const units = area('responsibleUnits', p?.responsibleUnits.join('\n') ?? '', t('linesHint'));
  const targets = area('yearlyTargets', p?.yearlyTargets.map(x => `${x.year}: ${x.target}`).join('\n') ?? '', t('yearlyHint'));
  const submit = async e => {
    e.preventDefault();
    const parsed = lines(targets.value).map(l => /^(\d{4})\s*[:：]\s*(.+)$/.exec(l) ?? l);
    const bad = parsed.find(x => typeof x === 'string');
    if (bad) {
      showError({ problem: { title: t('badTarget', bad), detail: t('badTarget', bad) } }, t('whatSavePlan'));
      return;
    }
    try {
      await postJson(apiUrl(['chains', w.chain, 'plans']), {
        region: w.region, basedOn: p?.version ?? 0, priorities: lines(priorities.value), responsibleUnits: lines(units.value),
        yearlyTargets: parsed.map(m => ({ year: Number(m[1]), target: m[2].trim() })),
      });
    } catch (err) {
      showError(err, t('whatSavePlan'));
      return;
    }
    reload();
  };
  return h('form', { class: 'plan-form', onsubmit: submit },
    h('label', null, t('priorities'), h('br'), priorities), h('label', null, t('responsibleUnits'), h('br'), units),
    h('label', null, t('yearlyTargets'), h('br'), targets), h('button', { type: 'submit' }, t('savePlan')));
}

function planHistory(w) {
  if (w.planHistory.length === 0) return null;
  return [
    h('h4', null, t('planHistory')),
    h('ol', { class: 'plan-history', reversed: true }, w.planHistory.map(v => h('li', { dataset: { version: v.version } },
      t('planVersion', v.version, who(v.author), v.savedAt.slice(0, 16).replace('T', ' ')),
      h('span', { class: 'muted' }, ` · ${v.priorities.join('；')}`)))),
  ];
}
