// Registers the app's service worker (client/sw.ts, built to /sw.js) — only once someone opens
// the field view or starts the installed app there: the planners' desktop screens have no use for
// an offline shell, and a worker that is not there cannot get in their way.
export function registerFieldWorker(): void {
  // the dev server (vite) builds no worker; an old browser has none
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error) => console.warn('Service worker not registered:', error));
}
