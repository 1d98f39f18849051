// The leadership dashboard: the period's KPIs against the year before (click one for the list behind it), the province
// map coloured by a chosen measure (click a prefecture for its status map), the project pipeline as a funnel, each
// chain's completeness year by year, overdue problems per department, the province-wide conflicts and the month's bulletin. ECharts is the global `echarts`
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
    what: { kpis: '主要指标', map: '州市地图', funnel: '项目漏斗', me: '当前用户', list: '指标明细', trend: '完整度趋势', overdue: '逾期问题', conflicts: '招商冲突' },
    list: (label, n) => `${label}：明细（${n}）`, trend: '产业链完整度趋势（各年末）', overdue: '逾期未办结问题（按牵头部门）',
    conflicts: '全省招商冲突（多地争取同一企业同一环节）', bulletin: '月度简报', department: '牵头部门', overdueCount: '逾期问题',
    overdueOf: d => `逾期问题：${d}`, none: '无', firm: '企业', segment: '环节', region: '地区', date: '日期', amount: '金额（亿元）',
    category: '问题', deadline: '期限', daysOverdue: '逾期天数', pursuits: '争取地区', suggestion: '建议',
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
    what: { kpis: 'key figures', map: 'prefecture map', funnel: 'project funnel', me: 'who is signed in', list: 'list behind the figure', trend: 'completeness trend', overdue: 'overdue problems', conflicts: 'conflicts' },
    list: (label, n) => `${label}: the list (${n})`, trend: 'Chain completeness at each year\'s end', overdue: 'Overdue problems by lead department',
    conflicts: 'Province-wide conflicts (several regions pursuing one firm for one segment)', bulletin: 'Monthly bulletin', department: 'Lead department', overdueCount: 'Overdue',
    overdueOf: d => `Overdue problems: ${d}`, none: 'none', firm: 'Firm', segment: 'Segment', region: 'Region', date: 'Date', amount: 'Amount (亿元)',
    category: 'Problem', deadline: 'Deadline', daysOverdue: 'Days overdue', pursuits: 'Pursued by', suggestion: 'Suggestion',
  },
};
const FUNNEL_STAGES = ['lead', 'contacted', 'negotiating', 'signed', 'started', 'in-production', 'capital-added'];

let me = null, chains = [], boundary = null, mapChart = null, funnelChart = null, trendChart = null, overdueChart = null;
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
    // The list open under the figures: a KPI's, or a department's overdue problems.
    list: p.get('list') ?? '',
    department: p.get('department') ?? '',
  };
}

function hashOf(state) {
  const p = new URLSearchParams();
  for (const key of ['chain', 'measure', 'period', 'from', 'to', 'lang', 'list', 'department']) if (state[key]) p.set(key, state[key]);
  return '#' + p.toString();
}

function navigate(changes) {
  location.hash = hashOf({ ...readState(), ...changes });
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
    renderBulletin(state, report.region);
    // Each tile opens the list behind its figure (the projects or gaps it counts) under the figures.
    fill(list, report.kpis.map(k => h('a', { class: 'kpi', href: hashOf({ ...state, list: k.kpi, department: '' }), 'aria-current': state.list === k.kpi ? 'true' : null,
      dataset: { kpi: k.kpi, value: String(k.value), previous: String(k.previousYear) }, title: k.definition },
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

/** The list behind a KPI, or a department's overdue problems; every row opens the workbench where the record lives. */
async function renderList(state) {
  const section = document.getElementById('figure-list');
  section.hidden = !(state.list || state.department) || !can('read-projects');
  if (section.hidden) return;
  const table = document.getElementById('list-table');
  const close = h('a', { href: hashOf({ ...state, list: '', department: '' }), class: 'close' }, '×');
  try {
    if (state.department) {
      const department = state.department;
      const report = await getJson(apiUrl(['problems', 'overdue'], { department, asOf: periodQuery(state).to }));
      const rows = report.problems.filter(o => o.problem.leadDepartment === department);
      fill(document.getElementById('list-title'), w().overdueOf(department), ' ', close);
      document.getElementById('list-definition').textContent = '';
      fill(table, h('thead', null, h('tr', null, [w().firm, w().region, w().category, w().deadline, w().daysOverdue].map(c => h('th', null, c)))),
        h('tbody', null, rows.map(o => h('tr', { dataset: { project: o.project } },
          h('td', null, h('a', { href: workbenchUrl(state, o.region, 'pipeline') }, o.firm)), h('td', null, o.regionName),
          h('td', null, `${o.problem.category}: ${o.problem.description}`), h('td', null, o.problem.deadline), h('td', null, String(o.daysOverdue))))));
      table.dataset.count = String(rows.length);
      return;
    }
    const report = await getJson(apiUrl(['dashboard', 'list'], { kpi: state.list, chain: kpiChain(state), ...periodQuery(state) }));
    const gaps = report.items.some(i => i.kind === 'gap');
    fill(document.getElementById('list-title'), w().list(w().kpi[report.kpi] ?? report.kpi, report.items.length), ' ', close);
    document.getElementById('list-definition').textContent = report.definition;
    fill(table,
      h('thead', null, h('tr', null, (gaps ? [w().segment, w().region] : [w().firm, w().segment, w().region, w().date, w().amount]).map(c => h('th', null, c)))),
      h('tbody', null, report.items.map(i => h('tr', { dataset: { id: i.id } }, gaps
        ? [h('td', null, h('a', { href: workbenchUrl(state, i.region, 'gaps', i.segment) }, i.segmentName)), h('td', null, i.regionName)]
        : [h('td', null, h('a', { href: workbenchUrl(state, i.region, 'pipeline') }, i.name)), h('td', null, i.segmentName), h('td', null, i.regionName),
          h('td', null, i.date ?? ''), h('td', null, i.amount == null ? '' : number(i.amount))]))));
    table.dataset.count = String(report.items.length);
    table.dataset.value = String(report.value);
  } catch (e) {
    table.replaceChildren();
    showError(e, w().what.list);
  }
}

const workbenchUrl = (state, region, tab, segment) =>
  `/#region=${encodeURIComponent(region)}&chain=${encodeURIComponent(state.chain)}&tab=${tab}${segment ? `&segment=${encodeURIComponent(segment)}` : ''}&lang=${state.lang}`;

/** Each chain's completeness at the end of each year (from the as-of status maps); a point opens that year's status map. */
async function renderTrend(state) {
  document.getElementById('trend-title').textContent = w().trend;
  try {
    const report = await getJson(apiUrl(['dashboard', 'trend'], { chain: kpiChain(state), asOf: periodQuery(state).to }));
    const name = c => lang === 'en' && c.nameEn ? c.nameEn : c.name;
    trendChart ??= echarts.init(document.getElementById('trend'));
    trendChart.off('click');
    trendChart.setOption({
      tooltip: { trigger: 'axis', valueFormatter: v => `${v}%` },
      legend: { type: 'scroll', top: 0 },
      grid: { top: 40, left: 40, right: 20, bottom: 30 },
      xAxis: { type: 'category', data: report.chains[0]?.points.map(p => String(p.year)) ?? [] },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: report.chains.map(c => ({ type: 'line', name: name(c), chain: c.chain, data: c.points.map(p => Math.round(p.completeness * 1000) / 10) })),
    }, true);
    trendChart.on('click', p => {
      const c = report.chains[p.seriesIndex];
      location.href = `/#region=${encodeURIComponent(report.region)}&chain=${encodeURIComponent(c.chain)}&asOf=${c.points[p.dataIndex].asOf}&tab=map&lang=${state.lang}`;
    });
    const trend = document.getElementById('trend');
    trend.dataset.chains = report.chains.map(c => c.chain).join(',');
    trend.dataset.years = report.chains[0]?.points.map(p => p.year).join(',') ?? '';
  } catch (e) {
    showError(e, w().what.trend);
  }
}

/** Open problems past their deadline, counted per lead department; a department opens its list. */
async function renderOverdue(state) {
  const section = document.querySelector('.dash-overdue');
  section.hidden = !can('read-projects');
  if (section.hidden) return;
  document.getElementById('overdue-title').textContent = w().overdue;
  const table = document.getElementById('overdue-table');
  try {
    const report = await getJson(apiUrl(['problems', 'overdue'], { asOf: periodQuery(state).to }));
    const departments = Object.entries(report.byDepartment).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    overdueChart ??= echarts.init(document.getElementById('overdue'));
    overdueChart.off('click');
    overdueChart.setOption({
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      grid: { top: 10, left: 120, right: 20, bottom: 20 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: departments.map(d => d[0]) },
      series: [{ type: 'bar', data: departments.map(d => d[1]), itemStyle: { color: '#c62828' } }],
    }, true);
    overdueChart.on('click', p => navigate({ list: '', department: p.name }));
    fill(table, h('thead', null, h('tr', null, h('th', null, w().department), h('th', null, w().overdueCount))),
      h('tbody', null, departments.length === 0 ? h('tr', null, h('td', { colspan: 2 }, w().none))
        : departments.map(([department, count]) => h('tr', { dataset: { department } },
          h('td', null, h('a', { href: hashOf({ ...state, list: '', department }) }, department)), h('td', null, String(count))))));
  } catch (e) {
    table.replaceChildren();
    showError(e, w().what.overdue);
  }
}

/** Firms two or more prefectures pursue for one segment (全省一盘棋), with the region that fits best. */
async function renderConflicts(state) {
  const section = document.querySelector('.dash-conflicts');
  section.hidden = !can('coordinate');
  if (section.hidden) return;
  document.getElementById('conflicts-title').textContent = w().conflicts;
  const table = document.getElementById('conflicts-table');
  try {
    const report = await getJson(apiUrl(['coordination', 'conflicts'], { asOf: periodQuery(state).to }));
    fill(table, h('thead', null, h('tr', null, [w().firm, w().segment, w().pursuits, w().suggestion].map(c => h('th', null, c)))),
      h('tbody', null, report.conflicts.length === 0 ? h('tr', null, h('td', { colspan: 4 }, w().none))
        : report.conflicts.map(c => h('tr', { dataset: { firm: c.firm, segment: c.segment } },
          h('td', null, c.firmName), h('td', null, c.segmentName),
          h('td', null, c.pursuits.map((p, i) => [i ? '、' : '', h('a', { href: workbenchUrl(state, p.region, 'pipeline') }, p.regionName),
            ` (${t('projectStages')[p.stage] ?? p.stage})`])),
          h('td', null, c.suggestion)))));
    table.dataset.count = String(report.conflicts.length);
  } catch (e) {
    table.replaceChildren();
    showError(e, w().what.conflicts);
  }
}

/** The monthly bulletin's links (PDF to download, HTML to print) for the month typed, last month by default. */
function renderBulletin(state, region) {
  const box = document.getElementById('bulletin');
  box.hidden = false;
  document.getElementById('bulletin-label').textContent = w().bulletin;
  const input = document.getElementById('bulletin-month');
  if (!input.value) {
    const d = new Date();
    d.setDate(1);
    d.setMonth(d.getMonth() - 1);
    input.value = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  }
  const link = format => apiUrl(['regions', region, 'bulletin'], { month: input.value.trim(), chain: kpiChain(state), format });
  const update = () => {
    const pdf = document.getElementById('bulletin-pdf');
    pdf.href = link('pdf');
    pdf.setAttribute('download', `bulletin-${region}-${input.value.trim()}.pdf`);
    document.getElementById('bulletin-html').href = link('html');
  };
  input.oninput = update;
  update();
}

async function render() {
  const state = readState();
  lang = state.lang;
  setLang(lang);
  clearMessages();
  renderControls(state);
  document.body.dataset.rendered = 'false';
  await Promise.all([renderKpis(state), renderMap(state), renderFunnel(state), renderList(state), renderTrend(state), renderOverdue(state), renderConflicts(state)]);
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
  window.addEventListener('resize', () => { for (const chart of [mapChart, funnelChart, trendChart, overdueChart]) chart?.resize(); });
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
