// The browser side of bench/map-render.ts: Chromium launched exactly as the e2e tests launch it
// (the options are read from playwright.config.ts, so the two never drift apart), signed-in
// contexts, and what the results must say about the renderer.
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import playwrightConfig from '../playwright.config.ts';

export interface BenchBrowser {
  browser: Browser;
  /** A new context (so an empty HTTP cache) carrying the demo-viewer session. */
  newContext(): Promise<BrowserContext>;
  /** Page errors and console errors seen on any page, with how often each was seen. */
  errors: Map<string, number>;
  close(): Promise<void>;
}

export interface RendererInfo {
  chromium: string;
  /** UNMASKED_RENDERER_WEBGL, e.g. "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device ...))". */
  glRenderer: string;
  glVersion: string;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };

/**
 * clientDir: serve the client's static files from another `vite build --outDir` instead of the
 * server's dist/client (which other people's work depends on and must not be rebuilt for a
 * measurement). Playwright routing turns the HTTP cache off, so with it warm loads re-read the
 * client files too: compare only rows of the same run.
 */
export async function launchBrowser(base: string, clientDir?: string): Promise<BenchBrowser> {
  const use = playwrightConfig.use ?? {};
  const browser = await chromium.launch({ ...use.launchOptions, headless: true });
  const options: BrowserContextOptions = { baseURL: base, viewport: use.viewport ?? null, locale: use.locale };
  // Sign in once, as test/e2e/support/map-page.ts signInAs does (through the context's request
  // API, so the cookie lands in the jar), then hand the jar to every context: the sign-in is not
  // what is measured, and one session keeps the server's session table out of the picture.
  const first = await browser.newContext(options);
  const res = await first.request.post('/trpc/auth.signIn', { data: { username: 'demo-viewer', password: 'povmap-demo' } });
  if (!res.ok()) throw new Error(`sign-in: HTTP ${res.status()} ${await res.text()}`);
  const storageState = await first.storageState();
  await first.close();

  const errors = new Map<string, number>();
  const note = (text: string) => errors.set(text, (errors.get(text) ?? 0) + 1);
  const watch = (page: Page) => {
    page.on('pageerror', (error) => note(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') note(`console.error: ${message.text().slice(0, 300)}`);
    });
  };

  return {
    browser,
    errors,
    async newContext() {
      const context = await browser.newContext({ ...options, storageState });
      context.on('page', watch);
      // tsx compiles with esbuild's keepNames, so a function handed to page.evaluate or
      // addInitScript calls __name() on its inner named functions: without this the page throws
      // "__name is not defined" and the probe never runs.
      await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
      if (clientDir) {
        await context.route(
          (url) => !/^\/(trpc|geo)\//.test(url.pathname),
          async (route) => {
            const { pathname } = new URL(route.request().url());
            const file = path.join(clientDir, pathname === '/' ? 'index.html' : path.normalize(pathname));
            await route.fulfill({ body: await readFile(file), contentType: TYPES[path.extname(file)] ?? 'application/octet-stream' });
          },
        );
      }
      return context;
    },
    close: () => browser.close(),
  };
}

/**
 * cache: false also turns Chromium's HTTP cache off for the page (through CDP, before its first
 * navigation): a fresh context starts empty anyway, this keeps anything fetched twice during one
 * load from being answered locally.
 */
export async function newPage(context: BrowserContext, cache: boolean): Promise<Page> {
  const page = await context.newPage();
  if (!cache) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  }
  return page;
}

export async function rendererInfo(bench: BenchBrowser): Promise<RendererInfo> {
  const context = await bench.browser.newContext();
  try {
    const page = await context.newPage();
    const gl = await page.evaluate(() => {
      const context = document.createElement('canvas').getContext('webgl2');
      if (!context) return { glRenderer: 'no WebGL2', glVersion: '' };
      const debug = context.getExtension('WEBGL_debug_renderer_info');
      return {
        glRenderer: String(debug ? context.getParameter(debug.UNMASKED_RENDERER_WEBGL) : context.getParameter(context.RENDERER)),
        glVersion: String(context.getParameter(context.VERSION)),
      };
    });
    return { chromium: bench.browser.version(), ...gl };
  } finally {
    await context.close();
  }
}
