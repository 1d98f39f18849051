import { h } from './dom.js';
import { lang, t } from './i18n.js';
import { constraintRow, inputsTable } from './scenarioTables.js';

// A one-page printable report of a scenario: one self-contained HTML file (styles and both maps inline), built from
// elements rather than strings so graph names cannot inject markup.
const STYLE = `
@page { size: A4 landscape; margin: 10mm; }
body { font: 11px/1.35 "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #212121; margin: 0 auto; max-width: 277mm; }
h1 { font-size: 16px; margin: 0 0 2px; } h2 { font-size: 12px; margin: 8px 0 3px; }
.meta, .note { color: #616161; margin: 0 0 4px; }
.figures { display: flex; gap: 16px; font-size: 13px; margin: 4px 0; }
.maps { display: flex; gap: 8px; } .maps figure { flex: 1; margin: 0; min-width: 0; }
.maps svg { width: 100%; height: auto; } figcaption { font-weight: bold; }
table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #ddd; padding: 1px 4px; text-align: left; }
td.num, th.num { text-align: right; } tr.broken td { background: #fde8e8; }
@media print { .maps { break-inside: avoid; } }`;

/** Builds the report of report `r` with the two status maps (SVG text) and offers it as a download. */
export function downloadReport(r, state, maps) {
  const html = reportHtml(r, state, maps);
  const link = h('a', { href: URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' })), download: `scenario-${r.anchor}-${r.region}.html`, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
}

export function reportHtml(r, state, maps) {
  const doc = document.implementation.createHTMLDocument(t('reportTitle', r.anchorName, r.regionName));
  doc.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN';
  doc.head.append(h('meta', { charset: 'utf-8' }), h('style', null, STYLE));
  const pct = x => `${(x * 100).toFixed(1)}%`;
  const figure = (caption, svgText) => {
    const svg = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement;
    return h('figure', null, h('figcaption', null, caption), doc.importNode(svg, true));
  };
  doc.body.append(
    h('h1', null, t('reportTitle', r.anchorName, r.regionName)),
    h('p', { class: 'meta' }, `${state.chainName(r.chain)} · ${t('asOf')} ${r.asOf} · ${r.sites.map(s => s.name).join('、')} · ${t('generatedAt')} ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`),
    r.alreadyPresent.length ? h('p', null, t('simAlreadyPresent', r.alreadyPresent.map(s => s.name).join('、'))) : null,
    h('div', { class: 'figures' },
      h('span', null, `${t('completeness')}: ${pct(r.completenessBefore)} → `, h('strong', null, pct(r.completenessAfter))),
      h('span', null, `${t('simFollowOn')}: `, h('strong', null, `${r.followOn.amount} ${t('yi')}`))),
    h('div', { class: 'maps' }, figure(t('simMapBefore'), maps.before), figure(t('simMapAfter'), maps.after)),
    h('h2', null, t('simChanges')),
    r.changes.length === 0 ? h('p', null, t('simNoChange'))
      : h('p', null, r.changes.map(c => `${c.name}: ${t('status')[c.before] ?? c.before} → ${t('status')[c.after] ?? c.after}`).join('；')),
    h('h2', null, t('simFollowers')),
    r.followers.length === 0 ? h('p', null, t('simNoFollowers'))
      : h('p', null, r.followers.slice(0, 5).map(f => `${f.name}（${f.gapName}，${f.oldRank ?? '–'} → ${f.newRank}）`).join('、')),
    r.inputs.length ? [h('h2', null, t('simInputs')), inputsTable(r.inputs)] : null,
    r.constraints.length ? [h('h2', null, t('simConstraints')), h('table', { class: 'sim-constraints' }, h('tbody', null, r.constraints.map(constraintRow)))] : null,
    h('p', { class: 'note' }, t('reportNote'), ' ', r.followOn.method));
  return `<!doctype html>\n${doc.documentElement.outerHTML}`;
}
