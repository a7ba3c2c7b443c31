// What the field view keeps on the phone, so a day in a commune without signal works: the day's
// packs (visits.today answers, boundaries included) and the queue of visits waiting for the
// server, both in IndexedDB through idb-keyval (one small key/value store, no schema to migrate),
// keyed by account so two people sharing a phone never see or send each other's visits. The last
// account that opened the view is in localStorage: read synchronously when the page opens offline.
import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { QueuedVisit } from '../../../core/field/visit-queue.ts';
import type { trpc } from '../../lib/trpc.ts';

export type FieldDay = Awaited<ReturnType<typeof trpc.visits.today.query>>;

export interface RememberedUser {
  username: string;
  displayName: string;
  role: string;
}

/** Packs kept per account: today, the days around it the person opened, nothing older. */
const PACKS_KEPT = 8;
const SESSION_KEY = 'povmap.field.lastUser';

let store: UseStore | undefined;
const db = () => (store ??= createStore('povmap-field', 'keyval'));

const packKey = (username: string) => `packs:${username}`;
const queueKey = (username: string) => `queue:${username}`;

export async function loadPack(username: string, date: string): Promise<FieldDay | null> {
  const packs = (await get<Record<string, FieldDay>>(packKey(username), db())) ?? {};
  return packs[date] ?? null;
}

/** Dates with a stored pack, newest first. */
export async function storedDates(username: string): Promise<string[]> {
  const packs = (await get<Record<string, FieldDay>>(packKey(username), db())) ?? {};
  return Object.keys(packs).sort().reverse();
}

export async function savePack(username: string, pack: FieldDay): Promise<void> {
  const packs = (await get<Record<string, FieldDay>>(packKey(username), db())) ?? {};
  packs[pack.date] = pack;
  // keep the most recently fetched packs; a phone's storage is not a server's
  const kept = Object.values(packs)
    .sort((a, b) => b.generatedAt.localeCompare(a.generatedAt))
    .slice(0, PACKS_KEPT);
  // $state proxies cannot be cloned into IndexedDB: store plain copies
  await set(packKey(username), Object.fromEntries(kept.map((p) => [p.date, plainCopy(p)])), db());
}

export async function loadQueue(username: string): Promise<QueuedVisit[]> {
  return (await get<QueuedVisit[]>(queueKey(username), db())) ?? [];
}

export async function saveQueue(username: string, queue: readonly QueuedVisit[]): Promise<void> {
  await set(queueKey(username), plainCopy(queue), db());
}

export function rememberUser(user: RememberedUser): void {
  try {
    localStorage.setItem(SESSION_KEY, JSON.stringify(user));
  } catch {
    // storage blocked: the view still works online
  }
}

export function rememberedUser(): RememberedUser | null {
  try {
    const text = localStorage.getItem(SESSION_KEY);
    return text ? (JSON.parse(text) as RememberedUser) : null;
  } catch {
    return null;
  }
}

export function forgetUser(): void {
  try {
    localStorage.removeItem(SESSION_KEY);
  } catch {
    // see rememberUser
  }
}

function plainCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
