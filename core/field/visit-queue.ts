// The phone's queue of visits waiting for the server (visits.sync), as pure functions of the
// queue: the field view keeps it in IndexedDB and calls these, so what leaves the queue and what
// stays is decided here and tested without a browser.
//
// A visit is queued with the id made on the phone (crypto.randomUUID, or the planned visit's own
// id) and the server version it edited (baseUpdatedAt). Sending is idempotent on the server, so a
// send whose answer was lost is simply sent again. Per outcome:
//   created / updated / unchanged  the server holds it: it leaves the queue — unless the person
//                                  edited it again while the send was under way (a newer
//                                  revision): that stays, now based on the server's new version;
//   conflict                       stays, marked, with the server's version, until the person
//                                  keeps theirs (re-sent on the server's updatedAt) or takes the
//                                  server's (leaves the queue);
//   rejected                       stays, marked, with the reason, until dismissed;
//   no answer (offline, error)     stays, tried again later with a growing pause.
import type { Checkin } from './checkin.ts';

export const FINDING_TOPICS = ['planning', 'beneficiary_selection', 'procurement', 'disbursement', 'results', 'problems', 'recommendations'] as const;
export type FindingTopic = (typeof FINDING_TOPICS)[number];

export interface FollowUp {
  action: string;
  owner: string;
  /** 'YYYY-MM-DD'. */
  due: string;
  done: boolean;
}

export type VisitStatus = 'planned' | 'done' | 'cancelled';

/** A visit as visits.sync takes it. */
export interface VisitDraft {
  id: string;
  teamId: number;
  structure: '2025' | 'pre2025';
  unitCode: string;
  plannedDate: string | null;
  actualDate: string | null;
  status: VisitStatus;
  findings: Partial<Record<FindingTopic, string>>;
  followUps: FollowUp[];
  lon: number | null;
  lat: number | null;
  /** The server version this edit started from; null for a visit made on the phone. */
  baseUpdatedAt: string | null;
}

/** The server's version, as a conflict answers it. */
export interface ServerVersion {
  id: string;
  status: string;
  actualDate: string | null;
  plannedDate: string | null;
  findings: Record<string, string>;
  followUps: unknown[];
  lon: number | null;
  lat: number | null;
  updatedAt: string;
}

export type SyncAnswer =
  | { id: string; result: 'created' | 'updated' | 'unchanged'; updatedAt: string; checkin: Checkin | null }
  | { id: string; result: 'conflict'; server: ServerVersion }
  | { id: string; result: 'rejected'; reason: string };

export interface QueuedVisit {
  visit: VisitDraft;
  /** Grows with every local save of the same visit: an answer is about the revision it was sent with. */
  revision: number;
  state: 'waiting' | 'conflict' | 'rejected';
  /** Failed sends in a row (no answer), for the pause before the next try. */
  attempts: number;
  /** Epoch ms before which an automatic send leaves it alone (0: at once). */
  nextTryAt: number;
  /** ISO time of the last local save. */
  savedAt: string;
  server?: ServerVersion;
  reason?: string;
}

/** What was sent: id and revision, so answers apply to the version they are about. */
export type SentVisit = Pick<QueuedVisit, 'revision'> & { id: string };

/** What the server now holds, for the day's pack: the new updatedAt and the check-in verdict. */
export interface SyncedVisit {
  id: string;
  visit: VisitDraft;
  updatedAt: string;
  checkin: Checkin | null;
}

const FIRST_PAUSE_MS = 5_000;
const LONGEST_PAUSE_MS = 5 * 60_000;

/** 5 s, 10 s, 20 s … up to 5 minutes between automatic tries. */
export function pauseAfter(attempts: number): number {
  return Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** Math.max(0, attempts - 1));
}

/** Saves a visit into the queue: a new entry, or the next revision of the same visit's entry. */
export function enqueue(queue: readonly QueuedVisit[], visit: VisitDraft, savedAt: string): QueuedVisit[] {
  const existing = queue.find((q) => q.visit.id === visit.id);
  const entry: QueuedVisit = { visit, revision: (existing?.revision ?? 0) + 1, state: 'waiting', attempts: 0, nextTryAt: 0, savedAt };
  return existing ? queue.map((q) => (q === existing ? entry : q)) : [...queue, entry];
}

/** The entries to send now: waiting ones whose pause is over (all waiting ones when forced). */
export function dueForSending(queue: readonly QueuedVisit[], now: number, force = false): QueuedVisit[] {
  return queue.filter((q) => q.state === 'waiting' && (force || q.nextTryAt <= now));
}

export function sentOf(entries: readonly QueuedVisit[]): SentVisit[] {
  return entries.map((q) => ({ id: q.visit.id, revision: q.revision }));
}

/** Applies the server's answers to what was sent; entries sent but not answered count as failed. */
export function applyAnswers(queue: readonly QueuedVisit[], sent: readonly SentVisit[], answers: readonly SyncAnswer[], now: number): { queue: QueuedVisit[]; synced: SyncedVisit[] } {
  const answerOf = new Map(answers.map((a) => [a.id, a]));
  const sentRevision = new Map(sent.map((s) => [s.id, s.revision]));
  const synced: SyncedVisit[] = [];
  const next: QueuedVisit[] = [];
  for (const entry of queue) {
    const revision = sentRevision.get(entry.visit.id);
    if (revision === undefined) {
      next.push(entry);
      continue;
    }
    const answer = answerOf.get(entry.visit.id);
    if (!answer) {
      next.push(failed(entry, now));
      continue;
    }
    const edited = entry.revision !== revision;
    if (answer.result === 'conflict') {
      next.push({ ...entry, state: 'conflict', server: answer.server, attempts: 0 });
    } else if (answer.result === 'rejected') {
      next.push({ ...entry, state: 'rejected', reason: answer.reason, attempts: 0 });
    } else {
      synced.push({ id: entry.visit.id, visit: entry.visit, updatedAt: answer.updatedAt, checkin: answer.checkin });
      // edited while on its way: the newer revision is an edit of what the server now holds
      if (edited) next.push({ ...entry, visit: { ...entry.visit, baseUpdatedAt: answer.updatedAt }, attempts: 0, nextTryAt: 0 });
    }
  }
  return { queue: next, synced };
}

/** No answer for these (offline, server error): they stay and wait a little longer each time. */
export function failSending(queue: readonly QueuedVisit[], sent: readonly SentVisit[], now: number): QueuedVisit[] {
  const ids = new Set(sent.map((s) => s.id));
  return queue.map((q) => (ids.has(q.visit.id) && q.state === 'waiting' ? failed(q, now) : q));
}

function failed(entry: QueuedVisit, now: number): QueuedVisit {
  const attempts = entry.attempts + 1;
  return { ...entry, attempts, nextTryAt: now + pauseAfter(attempts) };
}

/** Conflict: the person keeps their version; it is sent again as an edit of the server's. */
export function keepMine(queue: readonly QueuedVisit[], id: string): QueuedVisit[] {
  return queue.map((q) =>
    q.visit.id === id && q.state === 'conflict' && q.server
      ? { visit: { ...q.visit, baseUpdatedAt: q.server.updatedAt }, revision: q.revision + 1, state: 'waiting', attempts: 0, nextTryAt: 0, savedAt: q.savedAt }
      : q,
  );
}

/** Conflict: the person takes the server's version (the caller shows it); a rejected one is dismissed. */
export function dropEntry(queue: readonly QueuedVisit[], id: string): QueuedVisit[] {
  return queue.filter((q) => q.visit.id !== id);
}

export function countByState(queue: readonly QueuedVisit[]): Record<QueuedVisit['state'], number> {
  const counts = { waiting: 0, conflict: 0, rejected: 0 };
  for (const q of queue) counts[q.state]++;
  return counts;
}
