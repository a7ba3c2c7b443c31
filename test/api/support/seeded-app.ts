// A seeded database from the real geodata build, the fixture accounts, and a real HTTP server on
// a random port with a typed tRPC client signed in as the country admin. One per test file and
// dialect.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TRPCClient } from '@trpc/client';
import { vi } from 'vitest';
import { geodataOut } from '../../../geodata/settings.ts';
import type { SessionUser } from '../../../server/access.ts';
import type { AuthSettings } from '../../../server/auth/auth-settings.ts';
import { contextFor, createServices, type Services } from '../../../server/context.ts';
import type { DialectName } from '../../../server/db/database.ts';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import { defaultRegistryPath } from '../../../server/db/seed/registry-file.ts';
import { seedRegistry, type SeedReport } from '../../../server/db/seed/seed-registry.ts';
import { FlatGeobufBoundaries } from '../../../server/geo/flatgeobuf-boundaries.ts';
import { createRequestListener } from '../../../server/http/app.ts';
import { detachedExchange } from '../../../server/http/exchange.ts';
import type { AppRouter } from '../../../server/router.ts';
import { appRouter } from '../../../server/router.ts';
import { createFixtureAccounts, TEST_PASSWORD, type FixtureName } from './accounts.ts';
import { createTestDatabase, type TestDatabase } from './dialects.ts';
import { clientFor, signInOverHttp, type HttpSession } from './http-session.ts';

/** The server's clock: real time plus an offset the tests may move (session expiry, rate limits). */
export class TestClock {
  offsetMs = 0;
  readonly now = () => new Date(Date.now() + this.offsetMs);
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface SeededApp {
  database: TestDatabase;
  services: Services;
  clock: TestClock;
  seed: SeedReport | null;
  /** http://127.0.0.1:port */
  baseUrl: string;
  accounts: Record<FixtureName, SessionUser>;
  /** Typed client over HTTP, signed in as the country admin. */
  trpc: TRPCClient<AppRouter>;
  /** The admin's HTTP session (cookie + CSRF token). */
  adminSession: HttpSession;
  /** Signs a fixture account in over HTTP. */
  signIn(name: FixtureName): Promise<HttpSession>;
  clientAs(name: FixtureName): Promise<TRPCClient<AppRouter>>;
  /** In-process caller (no HTTP) as the country admin: `caller.units.search({...})`. */
  caller: ReturnType<typeof appRouter.createCaller>;
  /** In-process caller as anyone (null = signed out). */
  callerAs(user: SessionUser | null): ReturnType<typeof appRouter.createCaller>;
  /** fetch with the admin's session cookie. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** A stand-in client build (index.html + one hashed asset) the server serves. */
  clientRoot: string;
  close(): Promise<void>;
}

export function requireGeodataBuild(): void {
  const registry = defaultRegistryPath();
  if (!fs.existsSync(registry)) {
    throw new Error(`API tests need the real geodata build: ${registry} is missing — run \`npm run geodata\``);
  }
  // The pipeline writes names and links first ("units"), then points, areas and .fgb files.
  const stage = /"stage"\s*:\s*"([^"]*)"/.exec(fs.readFileSync(registry, 'utf8').slice(0, 300))?.[1];
  if (stage !== undefined && stage !== 'complete') {
    throw new Error(`the geodata build in ${path.dirname(registry)} is at stage "${stage}": wait for \`npm run geodata\` to finish`);
  }
}

export interface AppOptions {
  /** false: an empty (migrated) registry, for tests that only need the HTTP server. */
  seed?: boolean;
  auth?: Partial<AuthSettings>;
}

export async function startSeededApp(dialect: DialectName, options: AppOptions = {}): Promise<SeededApp> {
  requireGeodataBuild();
  // flatgeobuf traces each R-tree step with console.debug; the server silences it in main.ts
  vi.spyOn(console, 'debug').mockImplementation(() => {});
  const database = await createTestDatabase(dialect);
  await migrateToLatest(database);
  const seed =
    options.seed === false
      ? null
      : await seedRegistry(database.db, { registryFile: defaultRegistryPath(), force: true });
  const accounts = await createFixtureAccounts(database.db);
  const clock = new TestClock();
  const services = createServices({
    db: database.db,
    boundaries: new FlatGeobufBoundaries(geodataOut),
    clock: clock.now,
    auth: { demo: false, secureCookie: 'auto', trustProxy: false, allowedOrigins: [], ...options.auth },
  });

  const clientRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'povmap-client-'));
  fs.mkdirSync(path.join(clientRoot, 'assets'));
  fs.writeFileSync(path.join(clientRoot, 'index.html'), '<!doctype html><title>povmap</title>');
  fs.writeFileSync(path.join(clientRoot, 'assets', 'index-B1a2C3d4.js'), 'console.log("povmap")');

  const server = http.createServer(createRequestListener({ services, geoRoot: geodataOut(), clientRoot }));
  // Tests block the event loop for seconds (seeds, in-process rankings): with Node's 5 s default,
  // the server's idle timer and fetch's reuse of the same socket can meet late, and the next
  // request reads ECONNRESET. Idle sockets here live longer than any pause a test makes.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const signIn = (name: FixtureName) => signInOverHttp(baseUrl, accounts[name].username, TEST_PASSWORD);
  const adminSession = await signIn('admin');
  const callerAs = (user: SessionUser | null) => appRouter.createCaller(() => contextFor(services, user, null, detachedExchange()));

  return {
    database,
    services,
    clock,
    seed,
    baseUrl,
    accounts,
    trpc: clientFor(baseUrl, adminSession),
    adminSession,
    signIn,
    clientAs: async (name) => clientFor(baseUrl, await signIn(name)),
    caller: callerAs(accounts.admin),
    callerAs,
    fetch: (urlPath, init = {}) =>
      fetch(`${baseUrl}${urlPath}`, { ...init, headers: { cookie: adminSession.cookie, ...(init.headers as Record<string, string>) } }),
    clientRoot,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.dispose();
      fs.rmSync(clientRoot, { recursive: true, force: true });
    },
  };
}

/** A raw request, unnormalised path included (fetch would resolve "/geo/../x" before sending). */
export function rawGet(baseUrl: string, rawPath: string, headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(baseUrl);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}
