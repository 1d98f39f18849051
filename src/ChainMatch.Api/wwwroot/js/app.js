import { getJson, deleteJson } from './api.js';
import { h, fill } from './dom.js';
import { label, lang, name, setLang, t } from './i18n.js';
import { clearMessages, showError } from './messages.js';
import { findRegion, renderRegionTree, setFilterPlaceholder } from './regions.js';
import { renderStatusMap } from './statusMap.js';
import { renderGaps } from './gaps.js';
import { renderTargets } from './targets.js';
import { renderSimulation } from './features.js';
import { renderPipeline } from './pipeline.js';
import { allowLeadCreation } from './leadForm.js';
import { renderWorkspace } from './workspace.js';
import { renderCrm } from './crm.js';
import { SCENARIO_KEYS } from './scenarioState.js';

// Everything the page shows is named in the URL hash, so a view can be bookmarked, shared or put on a projector:
// #region=530100&chain=new-energy-battery&asOf=2024&lang=en&tab=map&segment=lfp-cathode
const TABS = ['map', 'gaps', 'targets', 'simulation', 'pipeline', 'workspace', 'crm'];
const DEFAULT_REGION = '530000';

let chains = [];
// Every chain, for naming those outside a chain chief's own (a gap can lie on several chains).
let allChains = [];
let regions = [];
// Who is signed in (GET /api/me): tabs the role may not use are not shown, and the tree starts at their region.
let me = { name: '', role: '', roleLabel: null, region: '*', chains: null, permissions: [] };
const TAB_PERMISSION = { map: 'read-maps', gaps: 'read-maps', targets: 'read-leads', simulation: 'simulate', pipeline: 'read-projects', workspace: 'read-chain-work', crm: 'read-contacts' };
const allowedTabs = () => TABS.filter(tab => me.permissions.includes(TAB_PERMISSION[tab]));
let renderCount = 0;

function readState() {
  const p = new URLSearchParams(location.hash.slice(1));
  return {
    region: p.get('region') ?? (findRegion(regions, DEFAULT_REGION) ? DEFAULT_REGION : regions[0]?.code ?? DEFAULT_REGION),
    chain: p.get('chain') ?? chains[0]?.id ?? '',
    asOf: p.get('asOf') ?? '',
    lang: p.get('lang') === 'en' ? 'en' : 'zh',
    tab: allowedTabs().includes(p.get('tab')) ? p.get('tab') : allowedTabs()[0] ?? 'map',
    segment: p.get('segment') ?? '',
    ...Object.fromEntries(SCENARIO_KEYS.map(key => [key, p.get(key) ?? ''])),
  };
}

function navigate(changes) {
  const state = { ...readState(), ...changes };
  if (!('segment' in changes)) state.segment = '';
  // Segments an anchor brings belong to one chain.
  if ('chain' in changes) state.bring = '';
  const p = new URLSearchParams();
  for (const key of ['region', 'chain', 'asOf', 'lang', 'tab', 'segment', ...SCENARIO_KEYS]) if (state[key]) p.set(key, state[key]);
  location.hash = p.toString();
}

function render() {
  const state = readState();
  const region = findRegion(regions, state.region);
  state.regionLabel = region ? name(region) : state.region;
  // A chain chief's key sees their chains only: lists that would span every chain are asked for the chosen one.
  state.chainScoped = Boolean(me.chains);
  state.canWriteProjects = me.permissions.includes('write-projects');
  state.canReviewKeyProjects = me.permissions.includes('review-key-projects');
  state.canWriteChainPlan = me.permissions.includes('write-chain-plan');
  state.tabs = allowedTabs();
  state.me = { name: me.name, region: me.region };
  state.canReadProjects = me.permissions.includes('read-projects');
  state.canReadContacts = me.permissions.includes('read-contacts');
  state.canWriteContacts = me.permissions.includes('write-contacts');
  state.ownerTeam = me.name.replace(/^key:/, '');
  state.chainName = id => name(allChains.find(c => c.id === id) ?? { name: id });
  const token = ++renderCount;
  const isCurrent = () => token === renderCount;
  clearMessages();
  setLang(state.lang);
  document.title = `ChainMatch · ${t('brand')}`;
  setFilterPlaceholder(document.getElementById('region-filter'));

  for (const b of document.querySelectorAll('.lang button')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang()));
  const select = document.getElementById('chain-select');
  fill(select, chains.map(c => h('option', { value: c.id, selected: c.id === state.chain }, name(c))));
  if (!chains.some(c => c.id === state.chain)) select.append(h('option', { value: state.chain, selected: true }, state.chain));
  document.getElementById('as-of').value = state.asOf;
  drawTree(state);

  for (const tab of TABS) {
    document.getElementById(`tab-${tab}`).hidden = tab !== state.tab;
    const button = document.querySelector(`[data-tab="${tab}"]`);
    button.hidden = !allowedTabs().includes(tab);
    button.setAttribute('aria-selected', String(tab === state.tab));
  }
  document.getElementById('who-name').textContent = `${me.name} · ${me.roleLabel ? label(me.roleLabel) : me.role ?? ''}`;
  const panel = document.getElementById(`tab-${state.tab}`);
  if (state.tab === 'map') renderStatusMap(state, isCurrent, chain => navigate({ chain }));
  else if (state.tab === 'gaps') renderGaps(panel, state, chains, isCurrent);
  else if (state.tab === 'targets') renderTargets(panel, state, chains, isCurrent);
  else if (state.tab === 'pipeline') renderPipeline(panel, state, chains, isCurrent);
  else if (state.tab === 'workspace') renderWorkspace(panel, state, chains, isCurrent, navigate);
  else if (state.tab === 'crm') renderCrm(panel, state, isCurrent);
  else renderSimulation(panel, state, isCurrent);
}

function drawTree(state) {
  renderRegionTree(document.getElementById('region-tree'), regions, state.region, region => navigate({ region }),
    document.getElementById('region-filter').value);
}

function wireControls() {
  document.getElementById('chain-select').addEventListener('change', e => navigate({ chain: e.target.value }));
  document.getElementById('as-of').addEventListener('change', e => navigate({ asOf: e.target.value.trim() }));
  for (const b of document.querySelectorAll('.lang button')) b.addEventListener('click', () => navigate({ lang: b.dataset.lang, segment: readState().segment }));
  for (const b of document.querySelectorAll('[data-tab]')) b.addEventListener('click', () => navigate({ tab: b.dataset.tab }));
  document.getElementById('region-filter').addEventListener('input', () => drawTree(readState()));
  window.addEventListener('hashchange', render);
  document.getElementById('sign-out').addEventListener('click', async () => {
    await deleteJson('/api/session').catch(() => {});
    location.href = '/login.html';
  });
}

async function start() {
  try {
    me = await getJson('/api/me');
  } catch (e) {
    // Not signed in (or the key was revoked): the login page; anything else is shown below as usual.
    if (e.status === 401) { location.href = '/login.html'; return; }
    showError(e, t('whatMe'));
  }
  allowLeadCreation(me.permissions.includes('write-projects'), me.name.replace(/^key:/, ''));
  setLang(readState().lang);
  wireControls();
  // Either list failing still leaves a page that says why; the other one is used as far as it goes.
  const [chainList, regionTree] = await Promise.allSettled([getJson('/api/chains'), getJson('/api/regions')]);
  if (chainList.status === 'fulfilled') allChains = chainList.value;
  if (chainList.status === 'fulfilled') chains = chainList.value.filter(c => !me.chains || me.chains.includes(c.id));
  if (regionTree.status === 'fulfilled') regions = regionTree.value;
  render();
  if (chainList.status === 'rejected') showError(chainList.reason, t('whatChains'));
  if (regionTree.status === 'rejected') showError(regionTree.reason, t('whatRegions'));
}

start();
