// Which view the shell shows, from the URL hash: `#/` the map, `#/quan-tri` administration. A
// hash route needs nothing from the server (it serves the client for every path anyway) and makes
// a view linkable and reloadable. Paths are Vietnamese, like the rest of what users see.
//
// Only hashes starting with "#/" are routes. Anything else (the skip link's "#main") is an
// in-page anchor and must not throw the user back to the map.

export type RouteName = 'map' | 'admin' | 'data' | 'present' | 'prioritise' | 'plans' | 'field';

const PATHS: Record<RouteName, string> = { map: '/', admin: '/quan-tri', data: '/du-lieu', present: '/trinh-chieu', prioritise: '/uu-tien', plans: '/giam-sat', field: '/hien-truong' };

function parse(hash: string, previous: RouteName): RouteName {
  if (!hash.startsWith('#/')) return hash === '' || hash === '#' ? 'map' : previous;
  // The map keeps what it shows in a query after the path (`#/?s=2025&i=poor_rate`, lib/map-state.ts).
  const path = hash.slice(1).split('?')[0].replace(/\/+$/, '') || '/';
  const found = (Object.keys(PATHS) as RouteName[]).find((name) => PATHS[name] === path);
  // An unknown route (an old or mistyped link) shows the map rather than an empty page.
  return found ?? 'map';
}

const state = $state<{ current: RouteName }>({
  current: typeof location === 'undefined' ? 'map' : parse(location.hash, 'map'),
});

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => (state.current = parse(location.hash, state.current)));
}

export const route = {
  get current(): RouteName {
    return state.current;
  },
};

/** For <a href>: links stay ordinary links (open in a new tab, copy, middle-click). */
export function routeHref(name: RouteName): string {
  return `#${PATHS[name]}`;
}

/** The query part of the hash ("?s=2025&…"), or "" when there is none. */
export function hashQuery(hash: string = location.hash): string {
  const at = hash.indexOf('?');
  return at < 0 ? '' : hash.slice(at);
}

export function goTo(name: RouteName): void {
  if (state.current === name && location.hash === routeHref(name)) return;
  location.hash = routeHref(name);
  state.current = name;
}

/**
 * When the signed-in account changes (sign-out, another person signs in at the same browser),
 * go back to the map: the next user should not start on the previous user's admin page. The
 * first sign-in keeps the route, so a shared `#/quan-tri` link still opens after signing in.
 * Call from a component's setup (it creates an $effect).
 */
export function resetRouteOnAccountChange(username: () => string | null): void {
  let last: string | null = null;
  $effect(() => {
    const current = username();
    if (last !== null && current !== last) goTo('map');
    last = current;
  });
}
