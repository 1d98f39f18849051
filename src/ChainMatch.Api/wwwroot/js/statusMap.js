import { apiUrl, getJson, getText } from './api.js';
import { h, fill } from './dom.js';
import { lang, name, t } from './i18n.js';
import { showError } from './messages.js';
import { renderSegment, segmentPreview } from './segmentPanel.js';

// The picture is the service's own SVG (the one reports get), so the page and the export never disagree.
let fitWidth = true;
let closeDetails = () => {};
document.addEventListener('keydown', e => { if (e.key === 'Escape') closeDetails(); });

export async function renderStatusMap(state, isCurrent, onChain) {
  const map = document.getElementById('map');
  const details = document.getElementById('details');
  const toolbar = document.getElementById('map-toolbar');
  const svgUrl = apiUrl(['chains', state.chain, 'status', `${state.region}.svg`], { asOf: state.asOf, lang: lang() });
  let report, svgText;
  try {
    [report, svgText] = await Promise.all([
      getJson(apiUrl(['chains', state.chain, 'status', state.region], { asOf: state.asOf })),
      getText(svgUrl),
    ]);
  } catch (e) {
    if (!isCurrent()) return;
    fill(map, h('p', { class: 'empty' }, t('errorLoading', t('whatMap'))));
    details.hidden = true;
    fill(toolbar);
    showError(e, t('whatMap'));
    return;
  }
  if (!isCurrent()) return;

  const svg = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement;
  const naturalWidth = Number(svg.getAttribute('width'));
  // The page shows its own tooltip; the SVG's <title>s stay in the exported file only.
  for (const title of svg.querySelectorAll('g > title')) title.remove();
  const picture = document.importNode(svg, true);
  fill(map, picture);
  applyZoom(picture, naturalWidth);

  const segments = new Map(report.segments.map(s => [s.id, s]));
  const ctx = { region: state.region, asOf: state.asOf };
  const select = id => {
    for (const g of picture.querySelectorAll('g.segment.selected')) g.classList.remove('selected');
    picture.querySelector(`g.segment[data-segment="${CSS.escape(id)}"]`)?.classList.add('selected');
    renderSegment(details, segments.get(id), ctx, close);
    details.hidden = false;
  };
  const close = () => {
    details.hidden = true;
    for (const g of picture.querySelectorAll('g.segment.selected')) g.classList.remove('selected');
  };
  for (const g of picture.querySelectorAll('g.segment')) {
    const segment = segments.get(g.dataset.segment);
    if (!segment) continue;
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    const status = segment.gapKind === 'high-value' ? 'high-value' : segment.status;
    g.setAttribute('aria-label', `${name(segment)}: ${t('status')[status]}, ${t('localFirms')} ${segment.localFirms.length}`);
    g.addEventListener('click', () => select(segment.id));
    g.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(segment.id); } });
    g.addEventListener('mouseenter', e => showTooltip(segmentPreview(segment), e));
    g.addEventListener('mousemove', moveTooltip);
    g.addEventListener('mouseleave', hideTooltip);
  }
  for (const g of picture.querySelectorAll('g.stub')) {
    const target = (g.dataset.chains ?? '').split(' ').filter(Boolean)[0];
    if (!target) continue;
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'link');
    g.addEventListener('click', () => onChain(target));
    g.addEventListener('keydown', e => { if (e.key === 'Enter') onChain(target); });
    g.addEventListener('mouseenter', e => showTooltip([g.textContent, h('div', null, t('otherChain', target))], e));
    g.addEventListener('mousemove', moveTooltip);
    g.addEventListener('mouseleave', hideTooltip);
  }

  fill(toolbar,
    h('span', { class: 'summary' }, ['present', 'weak', 'missing', 'unverified'].map(s =>
      h('span', { class: `chip status-${s}` }, `${t('status')[s]} ${report.summary[s]}`))),
    h('span', { class: 'spacer' }),
    h('button', { type: 'button', onclick: e => {
      fitWidth = !fitWidth;
      applyZoom(picture, naturalWidth);
      e.currentTarget.textContent = fitWidth ? t('actual') : t('fit');
    } },
      fitWidth ? t('actual') : t('fit')),
    h('a', { href: svgUrl, download: `status-${state.chain}-${state.region}.svg` }, t('downloadSvg')),
    h('a', { href: svgUrl, target: '_blank', rel: 'noopener' }, t('openSvg')));

  closeDetails = close;
  fill(document.getElementById('map-hint'), t('pickSegment'));
  if (state.segment && segments.has(state.segment)) select(state.segment);
  else close();
}

// The smallest text the map may be drawn at, in CSS pixels: below it the chain scrolls instead of shrinking.
const MIN_TEXT_PX = 10;

/** Fit the frame's width, but never shrink the smallest label below 10 px (scroll instead), so a wide chain stays legible on a laptop. */
function applyZoom(svg, naturalWidth) {
  const sizes = [...svg.querySelectorAll('text[font-size]')].map(el => Number(el.getAttribute('font-size'))).filter(x => x > 0);
  const scale = Math.max(0.7, sizes.length ? MIN_TEXT_PX / Math.min(...sizes) : 0);
  svg.style.width = fitWidth ? '100%' : `${naturalWidth}px`;
  svg.style.minWidth = `${Math.ceil(naturalWidth * scale)}px`;
  svg.style.height = 'auto';
}

function showTooltip(content, e) {
  const tip = document.getElementById('map-tooltip');
  fill(tip, content);
  tip.hidden = false;
  moveTooltip(e);
}

function moveTooltip(e) {
  const tip = document.getElementById('map-tooltip');
  const x = Math.min(e.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
  const y = Math.min(e.clientY + 14, window.innerHeight - tip.offsetHeight - 8);
  tip.style.left = `${x}px`;
  tip.style.top = `${y}px`;
}

function hideTooltip() {
  document.getElementById('map-tooltip').hidden = true;
}
