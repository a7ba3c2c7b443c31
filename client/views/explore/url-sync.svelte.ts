// Keeps the address bar and the explore model in step. The link always holds the map on screen;
// a new place (drill, back, search, a selected unit) pushes a history entry so the browser's back
// button walks back up, while restyling (indicator, year, classes) replaces the entry. The
// untouched first screen keeps the plain `#/` (what the nav links and sign-out point to).
// Call from a component's setup: it creates an $effect and a popstate listener.
import { onMount, untrack } from 'svelte';
import { defaultMapState, isNavigation, parseMapState, serializeMapState, type MapState } from '../../lib/map-state.ts';
import { hashQuery, route } from '../../lib/route.svelte.ts';
import type { ExploreModel } from './explore.svelte.ts';

const DEFAULT_QUERY = serializeMapState(defaultMapState());

export function syncExploreUrl(model: ExploreModel): void {
  let written: MapState | null = null;

  $effect(() => {
    const state = model.state;
    const untouched = serializeMapState(state) === DEFAULT_QUERY;
    // The year shown goes in even when it was the default, so a link keeps its year once newer data arrives.
    const link = untouched ? '#/' : `#/${serializeMapState({ ...state, year: model.year ?? state.year })}`;
    const previous = written;
    written = state;
    // The person has just left the map (a nav link): its late updates must not take the link back.
    if (untrack(() => route.current) !== 'map' || !isMapHash(location.hash)) return;
    if (location.hash === link) return;
    if (previous && isNavigation(previous, state)) history.pushState(null, '', link);
    else history.replaceState(history.state, '', link);
  });

  onMount(() => {
    const restore = () => {
      const state = parseMapState(hashQuery());
      written = state;
      model.state = state;
    };
    window.addEventListener('popstate', restore);
    return () => window.removeEventListener('popstate', restore);
  });
}

/** `#/`, `#/?…`, or no hash: the map's own links. */
function isMapHash(hash: string): boolean {
  return hash === '' || hash === '#' || hash === '#/' || hash.startsWith('#/?');
}
