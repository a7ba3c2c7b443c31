import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

// The client lives in client/; the built files go to dist/client, which the Node server serves.
export default defineConfig({
  root: 'client',
  plugins: [
    svelte(),
    // The field app's service worker (client/sw.ts): the plugin compiles it and injects the list
    // of built files to precache. The manifest is our own file (client/public/), and the field
    // view registers the worker itself (client/views/field/register-worker.ts).
    VitePWA({
      strategies: 'injectManifest',
      srcDir: '.',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg,wasm,webmanifest}'],
        // the map bundle (MapLibre) is over workbox's 2 MiB default
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      },
    }),
  ],
  build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: {
      '/trpc': 'http://127.0.0.1:8080',
      '/geo': 'http://127.0.0.1:8080',
    },
  },
});
