// The service worker of the installable field app (vite-plugin-pwa builds it with the list of
// built files injected as self.__WB_MANIFEST). It does three things and nothing more:
// - precaches the app shell (index.html, the hashed JS/CSS, manifest and icons) at install, so
//   the app opens with no network at all;
// - page loads are network-first: a new deployment is picked up whenever the server answers, and
//   the precached index.html is served only when it does not (offline, or the server is down);
// - everything else under /trpc, /geo and /export goes straight to the network, untouched: API
//   answers are never served stale from here (the field view keeps its own copy of the day in
//   IndexedDB, where it knows how old it is).
// Typed against the DOM lib the rest of the client uses, with the few worker types declared here.
import { matchPrecache, precacheAndRoute, cleanupOutdatedCaches } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

interface WorkerScope {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: { waitUntil(promise: Promise<unknown>): void }) => void): void;
}
declare const self: WorkerScope;

const NOT_PAGES = [/^\/trpc/, /^\/geo\//, /^\/export\//];

// Registered before the precache route: routes are tried in the order they were registered.
registerRoute(
  new NavigationRoute(
    async ({ request }) => {
      try {
        return await fetch(request);
      } catch (error) {
        const shell = await matchPrecache('index.html');
        if (shell) return shell;
        throw error;
      }
    },
    { denylist: NOT_PAGES },
  ),
);

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// A new worker takes over at once: the shell it precached matches the server it came from.
self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
