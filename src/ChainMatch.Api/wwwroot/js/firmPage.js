import { apiUrl, getJson } from './api.js';
import { h, fill } from './dom.js';
import { lang, setLang, t } from './i18n.js';
import { clearMessages, showError } from './messages.js';
import { firmPicker } from './firmPicker.js';
import { allowLeadCreation, createLeadButton } from './leadForm.js';
import { renderFirmCrm } from './crm.js';

// The firm profile: #firm=catl&lang=en. Who the firm is, where it operates, its list standings, its group, the
// projects the caller may read and the negative-list rules that name it; for roles with read-contacts, its contacts and
// interaction history in the caller's regions; for roles that write projects, "create lead".
let me = { permissions: [] };

const params = () => new URLSearchParams(location.hash.slice(1));
const firmHref = id => `#firm=${encodeURIComponent(id)}&lang=${lang()}`;
const link = (id, text) => h('a', { href: firmHref(id), class: 'firm-link' }, text);
const section = (title, ...content) => h('section', { class: 'firm-section' }, h('h3', null, title), ...content);
const table = (cls, head, rows) => h('table', { class: cls },
  h('thead', null, h('tr', null, head.map(([x, num]) => h('th', { class: num ? 'num' : null }, x)))), h('tbody', null, rows));

async function render() {
  const p = params();
  setLang(p.get('lang'));
  for (const b of document.querySelectorAll('.lang button')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang()));
  document.getElementById('to-map').href = `/#lang=${lang()}`;
  const search = firmPicker({ id: 'firm-find', onPick: firm => { location.hash = firmHref(firm.id); } });
  fill(document.getElementById('firm-search'), search);
  const main = document.getElementById('main');
  clearMessages();
  const id = p.get('firm');
  if (!id) { fill(main, h('p', { class: 'muted' }, t('firmPlaceholder'))); return; }
  fill(main, h('p', { class: 'muted' }, t('loading')));
  let firm;
  try {
    firm = await getJson(apiUrl(['firms', id]));
  } catch (e) {
    fill(main);
    showError(e, t('whatFirm'));
    return;
  }
  document.title = `ChainMatch · ${firm.name}`;
  const projects = me.permissions.includes('read-projects') ? await getJson(apiUrl(['projects'])).then(all => all.filter(x => x.firm === firm.id)).catch(e => { showError(e, t('whatPipeline')); return []; }) : null;
  // Personal data: not even asked for by a role without read-contacts.
  const contacts = me.permissions.includes('read-contacts') ? h('section', { class: 'firm-section firm-contacts' }) : null;
  fill(main, h('article', { class: 'firm-profile', dataset: { firm: firm.id } },
    h('h2', null, firm.name, firm.nameEn ? h('span', { class: 'muted' }, ` · ${firm.nameEn}`) : null, ' ', createLeadButton({ firm: firm.id, firmName: firm.name })),
    h('dl', { class: 'firm-facts' },
      fact(t('aliases'), firm.aliases.join('、') || '—'), fact(t('creditCode'), firm.uscc ?? '—'),
      fact(t('headquarters'), firm.headquartersName ? `${firm.headquartersName} (${firm.headquarters})` : '—'),
      fact(t('ownership'), t('ownershipKinds')[firm.ownership] ?? firm.ownership ?? '—'),
      fact(t('source'), firm.source.publisher ? `${firm.source.publisher}${firm.source.reference ? ` · ${firm.source.reference}` : ''}` : t('unsourced'))),
    section(t('presences'), firm.presences.length === 0 ? h('p', null, t('noPresences')) :
      table('presences', [[t('segment')], [t('place')], [t('site')], [t('capacity'), true], [t('since'), true], [t('until'), true]],
        firm.presences.map(x => h('tr', { dataset: { segment: x.segment, region: x.region }, class: x.withheld ? 'withheld' : null },
          h('td', null, x.segmentName), h('td', null, `${x.regionName} (${x.region})`),
          h('td', null, x.withheld ? t('withheld') : x.site ?? '—'),
          h('td', { class: 'num' }, x.capacity == null ? '—' : `${x.capacity.toLocaleString()} ${x.unit}`),
          h('td', { class: 'num' }, x.since ?? '—'), h('td', { class: 'num' }, x.until ?? '—'))))),
    section(t('listStandings'), firm.lists.length === 0 ? h('p', null, t('noLists')) :
      table('standings', [[t('list')], [t('rank'), true], [t('revenue'), true]],
        firm.lists.map(l => h('tr', { dataset: { list: l.list } }, h('td', null, `${l.listName} ${l.year}`),
          h('td', { class: 'num' }, l.rank ?? '—'), h('td', { class: 'num' }, l.revenue ?? '—'))))),
    section(t('group'),
      firm.group ? h('p', { class: 'parent' }, link(firm.group.parent, firm.group.parentName), firm.group.share == null ? null : ` · ${t('share')} ${firm.group.share}%`) : h('p', null, '—'),
      firm.subsidiaries.length === 0 ? null : h('div', null, h('h4', null, t('subsidiaries')),
        h('ul', { class: 'subsidiaries' }, firm.subsidiaries.map(s => h('li', null, link(s.id, s.name), s.share == null ? null : ` · ${s.share}%`))))),
    projects === null ? null : section(t('firmProjects'), projects.length === 0 ? h('p', null, t('noFirmProjects')) :
      table('firm-projects', [[t('projects')], [t('segment')], [t('place')], [t('projectStage')], [t('owner')]],
        projects.map(x => h('tr', { dataset: { project: x.id } }, h('td', null, x.id), h('td', null, x.segmentName), h('td', null, x.regionName),
          h('td', null, t('projectStages')[x.stage] ?? x.stage), h('td', null, x.ownerTeam))))),
    contacts,
    section(t('negativeRules'), firm.negativeList.length === 0 ? h('p', null, t('noNegativeRules')) :
      h('ul', { class: 'negative-rules' }, firm.negativeList.map(r => h('li', null, r))))));
  if (contacts) {
    const state = { canWriteContacts: me.permissions.includes('write-contacts') };
    const reload = () => renderFirmCrm(contacts, firm.id, state, reload);
    reload();
  }
}

const fact = (term, value) => [h('dt', null, term), h('dd', null, value)];

async function start() {
  try {
    me = await getJson('/api/me');
  } catch (e) {
    if (e.status === 401) { location.href = '/login.html'; return; }
    showError(e, t('whatMe'));
  }
  allowLeadCreation(me.permissions.includes('write-projects'), (me.name ?? '').replace(/^key:/, ''));
  for (const b of document.querySelectorAll('.lang button')) b.addEventListener('click', () => {
    const p = params();
    p.set('lang', b.dataset.lang);
    location.hash = p.toString();
  });
  window.addEventListener('hashchange', render);
  render();
}

start();
