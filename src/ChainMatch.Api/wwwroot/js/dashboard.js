// The leadership dashboard: the period's KPIs against the year before, the province map coloured by a chosen measure
// (click a prefecture for its status map), and the project pipeline as a funnel. ECharts is the global `echarts`
// (vendor/echarts, from the npm package); every figure comes from the API, scoped to the caller's region.
import { apiUrl, getJson } from './api.js';
import { h, fill } from './dom.js';
import { showError, clearMessages } from './messages.js';
import { setLang, t } from './i18n.js';

const words = {
  zh: {
    title: '招商工作驾驶舱', chain: '产业链', measure: '地图指标', period: '时段', apply: '查询', statusMap: '现状图 →',
    kpis: '主要指标（同比）', map: (c) => `${c}：各州市`, funnel: '项目推进漏斗（当前阶段及以后，不含流失）',
    periods: { year: '今年', month: '本月', custom: '自定义' },
    measures: { completeness: '产业链完整度', highPriorityGaps: '高优先级缺口', signedInvestment: '今年签约投资（亿元）' },
    previous: v => `上年同期 ${v}`, prefecture: '州市', gaps: '缺口', signed: '今年签约项目',
    kpi: {
      'projects-signed': '签约项目', 'signed-at-least-one-yi': '亿元以上签约项目', 'agreed-investment': '协议投资',
      'funds-in-place': '到位资金', 'signed-with-listed-firm': '三类500强签约项目', 'started-production': '投产项目',
      'gaps-healed': '补上的缺口', 'gaps-new': '新出现的缺口',
    },
    units: { projects: '个', '亿元': '亿元', gaps: '个' },
    what: { kpis: '主要指标', map: '州市地图', funnel: '项目漏斗', me: '当前用户' },
  },
  en: {
    title: 'investment dashboard', chain: 'Chain', measure: 'Map measure', period: 'Period', apply: 'Show', statusMap: 'Status map →',
    kpis: 'Key figures (against the same period last year)', map: (c) => `${c} by prefecture`, funnel: 'Project funnel (current stage or beyond, lost left out)',
    periods: { year: 'This year', month: 'This month', custom: 'Custom' },
    measures: { completeness: 'Chain completeness', highPriorityGaps: 'High-priority gaps', signedInvestment: 'Signed investment this year (亿元)' },
    previous: v => `last year ${v}`, prefecture: 'Prefecture', gaps: 'Gaps', signed: 'Signed this year',
    kpi: {
      'projects-signed': 'Projects signed', 'signed-at-least-one-yi': 'Signed, ≥ 1 亿元', 'agreed-investment': 'Agreed investment',
      'funds-in-place': 'Funds in place', 'signed-with-listed-firm': 'Signed with a 500-list firm', 'started-production': 'Started production',
      'gaps-healed': 'Gaps healed', 'gaps-new': 'New gaps',
    },
    units: { projects: '', '亿元': '亿元', gaps: '' },
    what: { kpis: 'key figures', map: 'prefecture map', funnel: 'project funnel', me: 'who is signed in' },
  },
};
const FUNNEL_STAGES = ['lead', 'contacted', 'negotiating', 'signed', 'started', 'in-production', 'capital-added'];

let me = null, chains = [], boundary = null, mapChart = null, funnelChart = null;
let lang = 'zh';
const w = () => words[lang];
const number = v => Number(v.toFixed(2)).toString();

function readState() {
  const p = new URLSearchParams(location.hash.slice(1));
  const period = ['year', 'month', 'custom'].includes(p.get('period')) ? p.get('period') : (p.get('from') || p.get('to') ? 'custom' : 'year');
  return {
    chain: p.get('chain') ?? chains[0]?.id ?? '',
    measure: Object.keys(words.zh.measures).includes(p.get('measure')) ? p.get('measure') : 'completeness',
    period, from: p.get('from') ?? '', to: p.get('to') ?? '',
    lang: p.get('lang') === 'en' ? 'en' : 'zh',
  };
}

function navigate(changes) {
  const state = { ...readState(), ...changes };
  const p = new URLSearchParams();
  for (const key of ['chain', 'measure', 'period', 'from', 'to', 'lang']) if (state[key]) p.set(key, state[key]);
  location.hash = p.toString();
}

/** The period's ends for the API: this month from its first day; this year is the API's default. */
function periodQuery(state) {
  if (state.period === 'custom') return { from: state.from, to: state.to };
  if (state.period === 'month') {
    const today = new Date();
    const pad = n => String(n).padStart(2, '0');
    return { from: `${today.getFullYear()}-${pad(today.getMonth() + 1)}-01` };
  }
  return {};
}

const can = permission => me.permissions.includes(permission);
// A key bound to chains must name one wherever a figure would otherwise span every chain.
const kpiChain = state => me.chains ? state.chain : '';

function renderControls(state) {
  document.getElementById('dash-title').textContent = w().title;
  document.getElementById('chain-label').textContent = w().chain;
  document.getElementById('measure-label').textContent = w().measure;
  document.getElementById('period-label').textContent = w().period;
  document.getElementById('apply-period').textContent = w().apply;
  const statusLink = document.getElementById('to-status-map');
  statusLink.textContent = w().statusMap;
  statusLink.href = `/#chain=${encodeURIComponent(state.chain)}&lang=${state.lang}`;
  fill(document.getElementById('chain-select'),
    chains.map(c => h('option', { value: c.id, selected: c.id === state.chain }, lang === 'en' && c.nameEn ? c.nameEn : c.name)));
  fill(document.getElementById('measure-select'),
    Object.entries(w().measures).map(([id, label]) => h('option', { value: id, selected: id === state.measure }, label)));
  fill(document.getElementById('period-select'),
    Object.entries(w().periods).map(([id, label]) => h('option', { value: id, selected: id === state.period }, label)));
  document.getElementById('custom-period').hidden = state.period !== 'custom';
  document.getElementById('from').value = state.from;
  document.getElementById('to').value = state.to;
  for (const b of document.querySelectorAll('.lang button')) b.setAttribute('aria-pressed', String(b.dataset.lang === state.lang));
}

async function renderKpis(state) {
  const section = document.getElementById('kpis');
  section.hidden = !can('read-projects');
  if (section.hidden) return;
  document.getElementById('kpis-title').textContent = w().kpis;
  const list = document.getElementById('kpi-list');
  try {
    const report = await getJson(apiUrl(['dashboard'], { chain: kpiChain(state), ...periodQuery(state) }));
    fill(list, report.kpis.map(k => h('div', { class: 'kpi', dataset: { kpi: k.kpi, value: String(k.value), previous: String(k.previousYear) }, title: k.definition },
      h('div', { class: 'label' }, w().kpi[k.kpi] ?? k.kpi),
      h('div', null, h('span', { class: 'value' }, number(k.value)), h('span', { class: 'unit' }, w().units[k.unit] ?? k.unit)),
      h('div', { class: 'previous' }, w().previous(number(k.previousYear))))));
  } catch (e) {
    list.replaceChildren();
    showError(e, w().what.kpis);
  }
}

const measureOf = (row, measure) => measure === 'completeness' ? Math.round(row.completeness * 1000) / 10 : row[measure];

async function renderMap(state) {
  const chain = chains.find(c => c.id === state.chain);
  document.getElementById('map-title').textContent = w().map(chain ? (lang === 'en' && chain.nameEn ? chain.nameEn : chain.name) : state.chain);
  const table = document.getElementById('prefecture-table');
  if (!state.chain) return;
  try {
    boundary ??= await getJson(apiUrl(['dashboard', 'boundary']));
    const report = await getJson(apiUrl(['dashboard', 'prefectures'], { chain: state.chain, asOf: periodQuery(state).to ?? state.to }));
    // Boundary features carry the GB/T 2260 code as their id (or properties.adcode in other files).
    const featureName = new Map(boundary.features.map(f => [String(f.id ?? f.properties?.adcode), f.properties?.name]));
    const data = report.prefectures.map(r => ({ name: featureName.get(r.region) ?? r.name, value: measureOf(r, state.measure), row: r }));
    const values = data.map(d => d.value);
    echarts.registerMap('province', boundary);
    mapChart ??= echarts.init(document.getElementById('province-map'));
    mapChart.off('click');
    // The map answers clicks on a prefecture once it is drawn: wait for ECharts' "finished" (with a bound, as a hidden
    // chart never finishes) before the page says it is rendered.
    const drawn = new Promise(resolve => {
      const done = () => { mapChart.off('finished', done); resolve(); };
      mapChart.on('finished', done);
      setTimeout(done, 5000);
    });
    mapChart.setOption({
      tooltip: { trigger: 'item', formatter: p => p.data ? tooltip(p.data.row) : p.name },
      visualMap: { min: Math.min(0, ...values), max: Math.max(1, ...values), calculable: true, left: 'left', bottom: 10,
        text: [w().measures[state.measure], ''], inRange: { color: ['#e3f2fd', '#1565c0'] } },
      series: [{ type: 'map', map: 'province', roam: false, data, label: { show: true, fontSize: 10 }, emphasis: { label: { show: true } } }],
    }, true);
    mapChart.on('click', p => { if (p.data) location.href = statusMapUrl(p.data.row.region, state); });
    await drawn;
    fill(table,
      h('thead', null, h('tr', null, h('th', null, w().prefecture), h('th', null, w().measures.completeness), h('th', null, w().gaps),
        h('th', null, w().measures.highPriorityGaps), h('th', null, w().signed), h('th', null, w().measures.signedInvestment))),
      h('tbody', null, report.prefectures.map(r => h('tr', { dataset: { region: r.region } },
        h('td', null, h('a', { href: statusMapUrl(r.region, state) }, r.name)),
        h('td', null, `${number(r.completeness * 100)}%`), h('td', null, String(r.gaps)), h('td', null, String(r.highPriorityGaps)),
        h('td', null, String(r.projectsSigned)), h('td', null, number(r.signedInvestment))))));
  } catch (e) {
    table.replaceChildren();
    showError(e, w().what.map);
  }
}

const statusMapUrl = (region, state) => `/#region=${encodeURIComponent(region)}&chain=${encodeURIComponent(state.chain)}&tab=map&lang=${state.lang}`;

function tooltip(r) {
  const div = h('div', null, h('strong', null, r.name),
    h('div', null, `${w().measures.completeness}: ${number(r.completeness * 100)}%`),
    h('div', null, `${w().gaps}: ${r.gaps} (${w().measures.highPriorityGaps}: ${r.highPriorityGaps})`),
    h('div', null, `${w().signed}: ${r.projectsSigned}, ${number(r.signedInvestment)} 亿元`));
  return div.outerHTML;
}

async function renderFunnel(state) {
  const section = document.querySelector('.dash-funnel');
  section.hidden = !can('read-projects');
  if (section.hidden) return;
  document.getElementById('funnel-title').textContent = w().funnel;
  try {
    const pipeline = await getJson(apiUrl(['projects', 'pipeline'], { chain: kpiChain(state) }));
    const count = new Map(pipeline.stages.map(s => [s.stage, s.projects]));
    // A project now at a later stage passed through every earlier one.
    const data = FUNNEL_STAGES.map((stage, i) => ({ name: t('projectStages')[stage], stage,
      value: FUNNEL_STAGES.slice(i).reduce((sum, s) => sum + (count.get(s) ?? 0), 0) }));
    funnelChart ??= echarts.init(document.getElementById('funnel'));
    funnelChart.setOption({
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      series: [{ type: 'funnel', sort: 'none', minSize: '8%', data, label: { formatter: '{b} {c}' } }],
    }, true);
    document.getElementById('funnel').dataset.counts = data.map(d => d.value).join(',');
  } catch (e) {
    showError(e, w().what.funnel);
  }
}

async function render() {
  const state = readState();
  lang = state.lang;
  setLang(lang);
  clearMessages();
  renderControls(state);
  document.body.dataset.rendered = 'false';
  await Promise.all([renderKpis(state), renderMap(state), renderFunnel(state)]);
  // Every panel is drawn and the layout settled: what a reader (and a test clicking on the map) can rely on.
  document.body.dataset.rendered = 'true';
}

async function start() {
  document.getElementById('chain-select').addEventListener('change', e => navigate({ chain: e.target.value }));
  document.getElementById('measure-select').addEventListener('change', e => navigate({ measure: e.target.value }));
  document.getElementById('period-select').addEventListener('change', e => navigate({ period: e.target.value, from: '', to: '' }));
  document.getElementById('apply-period').addEventListener('click', () =>
    navigate({ period: 'custom', from: document.getElementById('from').value.trim(), to: document.getElementById('to').value.trim() }));
  for (const b of document.querySelectorAll('.lang button')) b.addEventListener('click', () => navigate({ lang: b.dataset.lang }));
  window.addEventListener('hashchange', render);
  window.addEventListener('resize', () => { mapChart?.resize(); funnelChart?.resize(); });
  try {
    [me, chains] = await Promise.all([getJson('/api/me'), getJson(apiUrl(['chains']))]);
  } catch (e) {
    if (e.status === 401) { location.href = '/login.html'; return; }
    showError(e, w().what.me);
    return;
  }
  if (me.chains) chains = chains.filter(c => me.chains.includes(c.id));
  await render();
}

start();
