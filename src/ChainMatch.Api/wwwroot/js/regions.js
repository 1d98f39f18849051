import { h, fill } from './dom.js';
import { name, t } from './i18n.js';

/** The region tree: province → prefecture → county → park, the chosen region highlighted and its ancestors open. */
export function renderRegionTree(container, roots, selected, onSelect, filterText = '') {
  const needle = filterText.trim().toLowerCase();
  const path = pathTo(roots, selected) ?? [];
  const node = region => {
    const children = region.children.map(node).filter(Boolean);
    const matches = !needle || [region.code, region.name, region.nameEn ?? ''].some(s => s.toLowerCase().includes(needle));
    if (!matches && children.length === 0) return null;
    const button = h('button', {
      type: 'button', class: region.code === selected ? 'region selected' : 'region',
      'aria-current': region.code === selected ? 'true' : null, dataset: { region: region.code },
      onclick: () => onSelect(region.code),
    }, name(region), h('span', { class: 'code' }, region.code));
    if (children.length === 0) return h('li', null, button);
    const open = needle !== '' || path.includes(region.code);
    return h('li', null, h('details', { open }, h('summary', null, button), h('ul', null, children)));
  };
  // The province being worked on comes first; the others (firms' headquarters) follow in code order.
  const ordered = [...roots].sort((a, b) => Number(path[0] === b.code) - Number(path[0] === a.code));
  fill(container, h('ul', { class: 'tree-root' }, ordered.map(node).filter(Boolean)));
}

export function findRegion(roots, code) {
  for (const r of roots) {
    if (r.code === code) return r;
    const found = findRegion(r.children, code);
    if (found) return found;
  }
  return null;
}

/** Codes from a root down to the region, or null when it is not in the tree. */
function pathTo(roots, code) {
  for (const r of roots) {
    if (r.code === code) return [r.code];
    const below = pathTo(r.children, code);
    if (below) return [r.code, ...below];
  }
  return null;
}

export function setFilterPlaceholder(input) {
  input.placeholder = t('filterRegions');
  input.setAttribute('aria-label', t('filterRegions'));
}
