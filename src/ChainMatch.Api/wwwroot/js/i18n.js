import { h } from './dom.js';
import { workbenchWords } from './workbench-words.js';
import { keyprojWords } from './keyproj-words.js';
import { crmWords } from './crm-words.js';
import { scenarioWords } from './scenario-words.js';

// Interface words in Chinese (the default) and English; graph names come from the data (nameEn where the seeds have it).
const words = {
  zh: {
    brand: '产业链招商地图', chain: '产业链', asOf: '截至', regions: '地区', filterRegions: '筛选地区',
    loading: '加载中…', tabMap: '现状图', tabGaps: '缺口清单', tabTargets: '目标企业', tabSimulation: '链主模拟', tabPipeline: '项目库', signOut: '退出', whatMe: '读取当前用户',
    status: { present: '已有', weak: '薄弱', missing: '缺失', 'high-value': '高价值缺口', unverified: '待核实' },
    gapKind: { missing: '缺失环节（补链）', weak: '薄弱环节（强链）', 'high-value': '价值高端环节（延链）' },
    stage: { upstream: '上游', midstream: '中游', downstream: '下游', application: '应用' },
    band: { high: '高', medium: '中', low: '低' },
    downloadSvg: '下载 SVG', openSvg: '在新窗口打开 SVG', fit: '适应宽度', actual: '实际大小',
    pickSegment: '点击图中的环节查看本地企业与缺口原因；点击缺口查看招商线索。',
    localFirms: '本地企业', noLocalFirms: '本地暂无企业', reasons: '判断依据', priority: '优先级',
    firm: '企业', place: '所在地', site: '厂址', capacity: '产能', since: '起始年', source: '来源', unsourced: '无来源（待核实）',
    leads: '招商线索', leadsFor: s => `招商线索：${s}`, candidates: n => `共 ${n} 家候选企业`, noLeads: '没有找到候选企业。',
    rank: '排名', headquarters: '总部', score: '得分', downloadCsv: '下载 CSV', downloadXlsx: '下载 Excel',
    segment: '环节', chains: '所属产业链', kind: '缺口类型', stageLabel: '环节位置', noGaps: '该地区没有缺口。',
    gapsOf: (r, n) => `${r}：${n} 个缺口（跨产业链，按优先级排序）`, clickGap: '点击一行查看该缺口的招商线索。',
    allChains: '全部产业链', list: '名单', anyList: '不限', perGap: '每个缺口', hq: '总部所在地区代码', minRevenue: '最低营收（亿元）', minRevenueHint: '按名单营收换算为亿元；无营收数据的企业不列入', revenue: '营收（亿元）',
    targetsOf: (r, n, g) => `${r}：${g} 个缺口的 ${n} 家目标企业`, show: '查询', rankInGap: '缺口内排名', gap: '缺口',
    listStandings: '榜单排名', gapsFitted: '适合的缺口（由优到次）',
    notAvailable: '暂不可用', simulationMissing: '本服务尚未提供链主模拟接口（第 6 号议题），因此这里没有可显示的内容。该接口上线后，此面板会自动出现。',
    simForm: '假设链主企业在本地区落地：填写企业代码（可选：它带来的环节，用逗号分隔），点击模拟。结果只是推演，不写入数据库。',
    simAnchor: '链主企业代码', simSegments: '带来的环节（可选）', simRun: '模拟', simBefore: '落地前', simAfter: '落地后',
    completeness: '产业链完整度', simChanges: '环节变化', simFollowers: '可能跟进的企业', simFollowOn: '预计跟进投资', whatSimulation: '链主模拟',
    simInputs: '落地后的原料需求（按投入系数）', simNoInputs: '缺少产能或投入系数，无法计算原料需求。', simDemand: '年需求', simLocalSupply: '本地供给', simShortfall: '缺口量',
    simConstraints: '要素约束', simNoConstraints: '本地区及上级地区没有对其所需资源申报约束。', simConstraint: '约束', simAvailable: '额度', simUsedBefore: '已用',
    simAnchorNeeds: '链主需要', simHeadroom: '余量', simBroken: '超出', simWithin: '未超出', estimate: '估计',
    constraintKinds: { 'green-power-quota': '绿电配额', land: '土地', water: '用水', 'mineral-reserves': '矿产储量', 'emission-cap': '排放上限' },
    simNoChange: '没有环节状态变化。', simNoFollowers: '没有企业的得分因此上升。', firm: '企业',
    pipelineMissing: '本服务尚未提供项目库接口（第 4 号议题），因此这里没有可显示的内容。该接口上线后，此面板会自动出现。',
    endpointsFound: '服务提供了以下接口；专用表单尚未建成，可直接查看其数据：', openJson: '查看 JSON',
    errorLoading: what => `无法加载${what}`, whatMap: '现状图', whatGaps: '缺口清单', whatLeads: '招商线索', whatTargets: '目标企业', whatLists: '名单',
    whatRegions: '地区', whatChains: '产业链', whatFeatures: '接口目录', close: '关闭', networkError: '无法连接服务',
    otherChain: c => `跨链：点击切换到 ${c}`, summary: '统计',
    whatPipeline: '项目库', pipelineOf: r => `项目库：${r} 及下辖地区`, signedAtLeast100m: n => `签约亿元以上项目 ${n} 个`,
    fundsInPlace: '到位资金', agreedInvestment: '协议投资（亿元）', yi: '亿元', projectStage: '阶段', projectCount: '项目数',
    projects: '项目', noProjects: '该地区暂无项目。', owner: '责任团队',
    projectStages: { lead: '线索', contacted: '已接触', negotiating: '在谈', signed: '签约', started: '开工', 'in-production': '投产', 'capital-added': '增资', lost: '流失' },
  },
  en: {
    brand: 'industrial chain map', chain: 'Chain', asOf: 'As of', regions: 'Regions', filterRegions: 'Filter regions',
    loading: 'Loading…', tabMap: 'Status map', tabGaps: 'Gaps', tabTargets: 'Target firms', tabSimulation: 'Anchor simulation', tabPipeline: 'Projects', signOut: 'Sign out', whatMe: 'Reading who is signed in',
    status: { present: 'present', weak: 'weak', missing: 'missing', 'high-value': 'high-value gap', unverified: 'unverified' },
    gapKind: { missing: 'missing link (fill)', weak: 'weak link (strengthen)', 'high-value': 'high-value link (extend)' },
    stage: { upstream: 'upstream', midstream: 'midstream', downstream: 'downstream', application: 'application' },
    band: { high: 'high', medium: 'medium', low: 'low' },
    downloadSvg: 'Download SVG', openSvg: 'Open SVG in a new window', fit: 'Fit width', actual: 'Actual size',
    pickSegment: 'Click a segment for its local firms and gap reasons; click a gap for its leads.',
    localFirms: 'Local firms', noLocalFirms: 'No local firm', reasons: 'Reasons', priority: 'Priority',
    firm: 'Firm', place: 'Place', site: 'Site', capacity: 'Capacity', since: 'Since', source: 'Source', unsourced: 'no source (unverified)',
    leads: 'Leads', leadsFor: s => `Leads: ${s}`, candidates: n => `${n} candidate firms`, noLeads: 'No candidate firm found.',
    rank: 'Rank', headquarters: 'Headquarters', score: 'Score', downloadCsv: 'Download CSV', downloadXlsx: 'Download Excel',
    segment: 'Segment', chains: 'Chains', kind: 'Gap kind', stageLabel: 'Stage', noGaps: 'This region has no gaps.',
    gapsOf: (r, n) => `${r}: ${n} gaps across chains, highest priority first`, clickGap: 'Click a row for the leads of that gap.',
    allChains: 'All chains', list: 'List', anyList: 'Any', perGap: 'Per gap', hq: 'Headquarters region code', minRevenue: 'Min revenue (100M yuan)', minRevenueHint: 'List revenues converted to 亿元; firms without a revenue are left out', revenue: 'Revenue (100M yuan)',
    targetsOf: (r, n, g) => `${r}: ${n} target firms for ${g} gaps`, show: 'Show', rankInGap: 'Rank in gap', gap: 'Gap',
    listStandings: 'List standings', gapsFitted: 'Gaps it fits (best first)',
    notAvailable: 'Not available', simulationMissing: 'This service has no anchor-firm simulation endpoint yet (issue 6), so there is nothing to show here. The panel appears by itself once the endpoint exists.',
    simForm: 'Suppose an anchor firm lands in this region: give its id (and, optionally, the segments it would bring, comma-separated) and run. The result is a scenario; nothing is written.',
    simAnchor: 'Anchor firm id', simSegments: 'Segments it brings (optional)', simRun: 'Simulate', simBefore: 'Before', simAfter: 'After',
    completeness: 'Chain completeness', simChanges: 'Segments that change', simFollowers: 'Likely followers', simFollowOn: 'Expected follow-on investment', whatSimulation: 'the simulation',
    simInputs: 'Inputs it would consume (from input coefficients)', simNoInputs: 'No capacity or input coefficient to work inputs out from.', simDemand: 'Demand a year', simLocalSupply: 'Local supply', simShortfall: 'Shortfall',
    simConstraints: 'Constraints', simNoConstraints: 'The region and the regions above it declare no limit on what it needs.', simConstraint: 'Constraint', simAvailable: 'Declared',
    simUsedBefore: 'Used before', simAnchorNeeds: 'Anchor needs', simHeadroom: 'Headroom after', simBroken: 'Over by', simWithin: 'within', estimate: 'estimate',
    constraintKinds: { 'green-power-quota': 'Green-power quota', land: 'Land', water: 'Water', 'mineral-reserves': 'Mineral reserves', 'emission-cap': 'Emission cap' },
    simNoChange: 'No segment changes status.', simNoFollowers: 'No firm\'s score rises because of it.', firm: 'Firm',
    pipelineMissing: 'This service has no project library endpoint yet (issue 4), so there is nothing to show here. The panel appears by itself once the endpoint exists.',
    endpointsFound: 'The service offers these endpoints; a dedicated form is not built yet, but their data can be opened:', openJson: 'Open JSON',
    errorLoading: what => `Could not load the ${what}`, whatMap: 'status map', whatGaps: 'gap list', whatLeads: 'leads', whatTargets: 'target list', whatLists: 'list families',
    whatRegions: 'regions', whatChains: 'chains', whatFeatures: 'endpoint list', close: 'Close', networkError: 'The service cannot be reached',
    otherChain: c => `Cross-chain: click to open ${c}`, summary: 'Summary',
    whatPipeline: 'project library', pipelineOf: r => `Projects in ${r} and the regions under it`, signedAtLeast100m: n => `${n} signed projects of 100 million yuan or more`,
    fundsInPlace: 'Funds in place', agreedInvestment: 'Agreed investment (100M yuan)', yi: '× 100M yuan', projectStage: 'Stage', projectCount: 'Projects',
    projects: 'Projects', noProjects: 'No project in this region yet.', owner: 'Owner team',
    projectStages: { lead: 'lead', contacted: 'contacted', negotiating: 'negotiating', signed: 'signed', started: 'started', 'in-production': 'in production', 'capital-added': 'capital added', lost: 'lost' },
  },
};

for (const l of ['zh', 'en']) Object.assign(words[l], workbenchWords[l]);
for (const l of ['zh', 'en']) Object.assign(words[l], keyprojWords[l]);
for (const l of ['zh', 'en']) Object.assign(words[l], crmWords[l]);
for (const l of ['zh', 'en']) Object.assign(words[l], scenarioWords[l]);

let current = 'zh';

export const lang = () => current;

export function setLang(value) {
  current = value === 'en' ? 'en' : 'zh';
  document.documentElement.lang = current === 'en' ? 'en' : 'zh-CN';
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
}

export function t(key, ...args) {
  const value = words[current][key];
  return typeof value === 'function' ? value(...args) : value;
}

/** A graph object's name in the current language: nameEn when English is chosen and the seeds have one. */
export const name = obj => (current === 'en' && obj?.nameEn) ? obj.nameEn : obj?.name ?? '';

/** A label the API sends ({ zh, en }: roles, list families) in the current language. */
export const label = l => (current === 'en' ? l?.en : l?.zh) ?? '';

/**
 * A reason ({ code, args, text: { zh, en } }) in the current language. The service renders every code in both
 * languages from one template table (ReasonText.cs), so the page only picks; code and args stay on the element.
 */
export const reason = r => r.text[current] ?? r.text.zh;

/** A list item for a reason, carrying its code so tests and styles can find it whatever the language. */
export const reasonItem = r => h('li', { 'data-reason': r.code }, reason(r));
