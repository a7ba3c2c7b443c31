// End-to-end tests: the real server (built client + /geo + /trpc) driven by Debian's Chromium.
// Playwright's own browser download does not work on this network; set CHROMIUM_PATH to another
// binary, or to an empty string to use a browser installed by `npx playwright install`.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 8199);
// Point the tests at an already running deployment instead of starting the server.
const externalBaseUrl = process.env.E2E_BASE_URL;
const baseURL = externalBaseUrl ?? `http://127.0.0.1:${port}`;
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.spec.ts',
  outputDir: 'test-results',
  // A SwiftShader page peaks around 0.5 GB and keeps a core busy while it draws. Measured on the
  // 2-core machine: the first-screen file took 31 s with 1 worker and 36 s with 2 (both browsers
  // starve each other and the server). E2E_WORKERS=2 is worth trying on bigger machines.
  workers: Number(process.env.E2E_WORKERS ?? 1),
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Software WebGL: a map page takes 2-5 s to draw, more when both workers render at once.
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL,
    viewport: { width: 1280, height: 800 },
    locale: 'vi-VN',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath === '' ? undefined : chromiumPath,
      args: [
        // WebGL2 without a GPU (STACK.md "Browser tests"). Never add --disable-software-rasterizer.
        '--enable-unsafe-swiftshader',
        '--use-angle=swiftshader',
        '--disable-quic',
        // The machine has no outside network: stop Chromium's own background connections.
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: externalBaseUrl
    ? undefined
    : {
        // Started from node_modules/.bin, not npx: killing npx can leave the server running.
        // Playwright passes its own environment through, so DATABASE_URL / SQLITE_PATH /
        // GEODATA_OUT set for the test run reach the server; PORT and demo mode are ours.
        command: 'node_modules/.bin/tsx server/main.ts',
        url: `${baseURL}/`,
        // Demo mode: the demo accounts the tests sign in with (never with NODE_ENV=production).
        env: { PORT: String(port), POVMAP_DEMO: '1' },
        reuseExistingServer: !process.env.CI,
        timeout: 60_000,
        stdout: 'pipe',
        stderr: 'pipe',
      },
});
