// The field view's state: the day's pack (from the server when it answers, from the phone when it
// does not), the queue of visits waiting for visits.sync, and the sending loop — on open, when the
// browser says it is back online, on "Gửi ngay", and after a failure with a growing pause
// (core/field/visit-queue.ts decides what leaves the queue). The queue is written to IndexedDB
// before anything is sent, so a reload or a closed tab loses nothing.
import {
  applyAnswers,
  countByState,
  dropEntry,
  dueForSending,
  enqueue,
  failSending,
  keepMine,
  sentOf,
  type QueuedVisit,
  type SyncAnswer,
  type VisitDraft,
} from '../../../core/field/visit-queue.ts';
import { TRPCClientError } from '@trpc/client';
import { checkSession, session } from '../../lib/session.svelte.ts';
import { trpc } from '../../lib/trpc.ts';
import { loadPack, loadQueue, savePack, saveQueue, storedDates, type FieldDay } from './field-store.ts';
import { localDate } from './field-dates.ts';

/** visits.sync takes at most 200 visits a call. */
const SEND_AT_MOST = 200;

export type FieldStop = FieldDay['stops'][number];
export type FieldCommune = FieldDay['communes'][number];

export class FieldModel {
  date = $state(localDate(new Date()));
  pack = $state<FieldDay | null>(null);
  /** Where the shown pack came from: the server just now, or the phone's copy. */
  packFrom = $state<'server' | 'phone' | null>(null);
  loading = $state(false);
  queue = $state<QueuedVisit[]>([]);
  /** False after a request found no server (or the browser says offline). */
  online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
  sending = $state(false);
  lastSentAt = $state<string | null>(null);
  /** Stored pack dates (offline: the days that can be opened). */
  storedDays = $state<string[]>([]);

  readonly counts = $derived(countByState(this.queue));

  #retry: ReturnType<typeof setTimeout> | undefined;
  #disposed = false;

  constructor(readonly username: string) {}

  /** Opens the view: the phone's copy at once, then the server's answer when there is one. */
  async start(): Promise<void> {
    this.queue = await loadQueue(this.username);
    await this.openDay(this.date);
    void this.send();
  }

  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#retry);
  }

  async openDay(date: string): Promise<void> {
    this.date = date;
    this.loading = true;
    const stored = await loadPack(this.username, date);
    if (stored && this.date === date) {
      this.pack = stored;
      this.packFrom = 'phone';
    } else if (this.date === date) {
      this.pack = null;
      this.packFrom = null;
    }
    try {
      if (session.status !== 'signed-in') await checkSession();
      if (session.status !== 'signed-in') throw new Error('no session');
      const fresh = await trpc.visits.today.query({ date });
      await savePack(this.username, fresh);
      if (this.date === date) {
        this.pack = fresh;
        this.packFrom = 'server';
      }
      this.online = true;
    } catch {
      this.online = false;
    } finally {
      this.storedDays = await storedDates(this.username);
      if (this.date === date) this.loading = false;
    }
  }

  /** Stops of the day with what the phone holds for them: a queued version overrides the pack's. */
  readonly stops = $derived.by(() =>
    (this.pack?.stops ?? []).map((stop) => {
      const queued = this.queue.find((q) => q.visit.id === stop.visitId);
      return { stop, queued: queued ?? null, status: queued?.visit.status ?? stop.status };
    }),
  );

  communeOf(stop: FieldStop): FieldCommune | undefined {
    return this.pack?.communes.find((c) => c.structure === stop.structure && c.code === stop.code);
  }

  queuedOf(visitId: string): QueuedVisit | undefined {
    return this.queue.find((q) => q.visit.id === visitId);
  }

  /** Saves a visit on the phone, then tries to send it. */
  async save(visit: VisitDraft): Promise<void> {
    this.queue = enqueue(this.queue, visit, new Date().toISOString());
    await saveQueue(this.username, this.queue);
    void this.send();
  }

  async keepMine(visitId: string): Promise<void> {
    this.queue = keepMine(this.queue, visitId);
    await saveQueue(this.username, this.queue);
    void this.send(true);
  }

  /** Conflict: take the server's version (it becomes the pack's); or dismiss a rejected visit. */
  async drop(visitId: string): Promise<void> {
    const entry = this.queuedOf(visitId);
    if (entry?.state === 'conflict' && entry.server && this.pack) {
      const server = entry.server;
      this.pack = {
        ...this.pack,
        stops: this.pack.stops.map((s) =>
          s.visitId === visitId
            ? {
                ...s,
                status: server.status as FieldStop['status'],
                actualDate: server.actualDate,
                plannedDate: server.plannedDate,
                findings: server.findings,
                followUps: server.followUps as FieldStop['followUps'],
                updatedAt: server.updatedAt,
              }
            : s,
        ),
      };
      await savePack(this.username, this.pack);
    }
    this.queue = dropEntry(this.queue, visitId);
    await saveQueue(this.username, this.queue);
  }

  /** Sends what is due (everything waiting when forced: "Gửi ngay", back online). */
  async send(force = false): Promise<void> {
    if (this.sending || this.#disposed) return;
    const due = dueForSending(this.queue, Date.now(), force).slice(0, SEND_AT_MOST);
    if (due.length === 0) return this.#schedule();
    this.sending = true;
    const sent = sentOf(due);
    try {
      // a page opened offline has no anti-forgery token yet: ask for the session first
      if (session.status !== 'signed-in') await checkSession();
      if (session.status !== 'signed-in') throw new Error('no session');
      const { outcomes } = await trpc.visits.sync.mutate({ visits: due.map((q) => q.visit) });
      const { queue, synced } = applyAnswers(this.queue, sent, outcomes as SyncAnswer[], Date.now());
      this.queue = queue;
      this.online = true;
      this.lastSentAt = new Date().toISOString();
      if (this.pack && synced.length > 0) {
        const byId = new Map(synced.map((s) => [s.id, s]));
        this.pack = {
          ...this.pack,
          stops: this.pack.stops.map((s) => {
            const done = byId.get(s.visitId);
            if (!done) return s;
            const v = done.visit;
            return {
              ...s,
              status: v.status,
              actualDate: v.actualDate,
              plannedDate: v.plannedDate,
              findings: v.findings as Record<string, string>,
              followUps: v.followUps,
              updatedAt: done.updatedAt,
              checkin: done.checkin?.verdict ?? s.checkin,
              checkinDistanceM: done.checkin ? done.checkin.distanceM : s.checkinDistanceM,
            };
          }),
        };
        await savePack(this.username, this.pack);
      }
    } catch (error) {
      const status = error instanceof TRPCClientError ? (error.data as { httpStatus?: number } | undefined)?.httpStatus : undefined;
      if (status === 400) {
        // the server read the visits and refused them as written (the form's limits should make
        // this rare): retrying would fail forever, so they wait for the person with the reason
        const reason = (error as Error).message;
        this.queue = applyAnswers(this.queue, sent, sent.map((v) => ({ id: v.id, result: 'rejected' as const, reason })), Date.now()).queue;
        this.online = true;
      } else {
        // no server, a session to renew, a server error: try again later
        this.queue = failSending(this.queue, sent, Date.now());
        this.online = status !== undefined;
      }
    } finally {
      await saveQueue(this.username, this.queue);
      this.sending = false;
    }
    this.#schedule();
  }

  /** The next automatic try, when the earliest pause ends. */
  #schedule(): void {
    clearTimeout(this.#retry);
    const waiting = this.queue.filter((q) => q.state === 'waiting');
    if (waiting.length === 0 || this.#disposed) return;
    const at = Math.min(...waiting.map((q) => q.nextTryAt));
    this.#retry = setTimeout(() => void this.send(), Math.max(1_000, at - Date.now()));
  }

  /** The browser says the network is back: send everything and refresh the day. */
  async backOnline(): Promise<void> {
    this.online = true;
    await this.send(true);
    await this.openDay(this.date);
  }
}
