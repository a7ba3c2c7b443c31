// What every tRPC procedure receives: the services (created once per process), the caller
// (from the session cookie) and the HTTP exchange. trpc.ts's gate adds ctx.scope and
// ctx.audited per call.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type { EffectiveScope } from '../core/scope.ts';
import type { SessionUser } from './access.ts';
import { authSettingsFromEnv, type AuthSettings } from './auth/auth-settings.ts';
import { LoginThrottle } from './auth/login-throttle.ts';
import { resolveSession, type ActiveSession } from './auth/sessions.ts';
import type { Database } from './db/schema.ts';
import type { BoundarySource } from './geo/boundary-source.ts';
import { exchangeFor, type HttpExchange } from './http/exchange.ts';
import { loadEffectiveScope } from './scope/scope-facts.ts';
import { scopeLoader } from './scope/request-scope.ts';

export interface Services {
  db: Kysely<Database>;
  boundaries: BoundarySource;
  /** Injected so tests can move time (session expiry, rate-limit windows). */
  clock: () => Date;
  auth: AuthSettings;
  throttle: LoginThrottle;
}

export interface Context extends Services {
  /** null when not signed in. */
  user: SessionUser | null;
  session: ActiveSession | null;
  http: HttpExchange;
  /** The caller's effective scope, loaded at most once per request (batches share it). */
  loadScope: () => Promise<EffectiveScope>;
}

export interface ServiceOptions {
  db: Kysely<Database>;
  boundaries: BoundarySource;
  clock?: () => Date;
  auth?: AuthSettings;
}

export function createServices(options: ServiceOptions): Services {
  const clock = options.clock ?? (() => new Date());
  return {
    db: options.db,
    boundaries: options.boundaries,
    clock,
    auth: options.auth ?? authSettingsFromEnv(),
    throttle: new LoginThrottle(clock),
  };
}

export async function createContext(services: Services, http: HttpExchange): Promise<Context> {
  const session = await resolveSession(services.db, http.sessionToken, services.clock());
  return contextFor(services, session?.user ?? null, session, http);
}

/** Also for in-process callers (tests, scripts) acting as a given user without a session. */
export function contextFor(services: Services, user: SessionUser | null, session: ActiveSession | null, http: HttpExchange): Context {
  // Signed out = an empty scope (nothing), never the country: fail closed.
  const loadScope = scopeLoader(() => loadEffectiveScope(services.db, user === null ? [] : user.scope));
  return { ...services, user, session, http, loadScope };
}

/** For the HTTP adapter: one context per request. */
export function contextFactory(services: Services) {
  return ({ req, res }: { req: IncomingMessage; res: ServerResponse }) => createContext(services, exchangeFor(req, res, services.auth));
}
