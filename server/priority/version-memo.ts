// One answer per key for the current data version, per database: for registry facts (communes,
// crosswalk links) that change only with a registry seed, which bumps the version
// (server/indicators/values-cache.ts). Rankings read them on every request otherwise.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { readDataVersion } from '../indicators/values-cache.ts';

export function versionMemo<T>(load: (db: Kysely<Database>, key: string) => Promise<T>): (db: Kysely<Database>, key: string) => Promise<T> {
  const cached = new WeakMap<Kysely<Database>, { version: string; answers: Map<string, Promise<T>> }>();
  return async (db, key) => {
    const version = await readDataVersion(db);
    let entry = cached.get(db);
    if (!entry || entry.version !== version) cached.set(db, (entry = { version, answers: new Map() }));
    const answers = entry.answers;
    let answer = answers.get(key);
    if (!answer) {
      answer = load(db, key);
      answers.set(key, answer);
      // a failed query is not an answer: the next ranking asks again
      answer.catch(() => answers.delete(key));
    }
    return answer;
  };
}
