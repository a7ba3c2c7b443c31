import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The client lives in client/; the built files go to dist/client, which the Node server serves.
export default defineConfig({
  root: 'client',
  plugins: [svelte()],
  build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: {
      '/trpc': 'http://127.0.0.1:8080',
      '/geo': 'http://127.0.0.1:8080',
    },
  },
});
