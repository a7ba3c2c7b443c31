// What every tRPC procedure receives: the services (created once per process) and the caller.
import type { Kysely } from 'kysely';
import type { SessionUser } from './access.ts';
import type { Database } from './db/schema.ts';
import type { BoundarySource } from './geo/boundary-source.ts';

export interface Services {
  db: Kysely<Database>;
  boundaries: BoundarySource;
}

export interface Context extends Services {
  /** null until the accounts feature reads the session cookie. */
  user: SessionUser | null;
}

/** For the HTTP adapter: one context per request. */
export function contextFactory(services: Services): () => Promise<Context> {
  return async () => ({ ...services, user: null });
}
