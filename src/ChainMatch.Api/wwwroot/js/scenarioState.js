// The scenario lives in the address next to region, chain and language, so it can be shared, reloaded and survives a
// language switch: #…&tab=simulation&sim=simulate|compare|rank&anchors=firm-a,firm-b&bring=segment-a,segment-b
export const SCENARIO_KEYS = ['sim', 'anchors', 'bring'];
export const MODES = ['simulate', 'compare', 'rank'];

export function scenarioOf(params) {
  const list = key => (params.get(key) ?? '').split(',').map(x => x.trim()).filter(Boolean);
  const anchors = list('anchors');
  const sim = params.get('sim');
  return { mode: MODES.includes(sim) ? sim : anchors.length > 1 ? 'compare' : 'simulate', anchors, bring: list('bring') };
}

/** Sets the scenario in the address; false when the address already says so (nothing will re-render by itself). */
export function goScenario({ mode, anchors = [], bring = [] }) {
  const p = new URLSearchParams(location.hash.slice(1));
  const set = (key, value) => value ? p.set(key, value) : p.delete(key);
  set('sim', mode);
  set('anchors', anchors.join(','));
  set('bring', bring.join(','));
  const hash = p.toString();
  if (location.hash.slice(1) === hash) return false;
  location.hash = hash;
  return true;
}
