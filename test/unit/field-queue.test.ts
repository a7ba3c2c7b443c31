// The phone's visit queue (core/field/visit-queue.ts): what leaves the queue for each answer of
// visits.sync, what stays and why, and when an unanswered send is tried again.
import { describe, expect, it } from 'vitest';
import {
  applyAnswers,
  countByState,
  dropEntry,
  dueForSending,
  enqueue,
  failSending,
  keepMine,
  pauseAfter,
  sentOf,
  type QueuedVisit,
  type ServerVersion,
  type VisitDraft,
} from '../../core/field/visit-queue.ts';

const draft = (id: string, extra: Partial<VisitDraft> = {}): VisitDraft => ({
  id,
  teamId: 7,
  structure: 'pre2025',
  unitCode: '22276',
  plannedDate: '2025-06-10',
  actualDate: '2025-06-10',
  status: 'done',
  findings: { planning: 'Đúng kế hoạch' },
  followUps: [{ action: 'Bổ sung biên bản', owner: 'UBND xã', due: '2025-06-30', done: false }],
  lon: null,
  lat: null,
  baseUpdatedAt: null,
  ...extra,
});
const server = (id: string, updatedAt = '2025-06-10T09:00:00.000Z'): ServerVersion => ({
  id,
  status: 'done',
  actualDate: '2025-06-10',
  plannedDate: '2025-06-10',
  findings: { planning: 'Bản của người khác' },
  followUps: [],
  lon: null,
  lat: null,
  updatedAt,
});
const NOW = 1_000_000;
const ids = (queue: QueuedVisit[]) => queue.map((q) => q.visit.id);

function queueOf(...visits: VisitDraft[]): QueuedVisit[] {
  return visits.reduce<QueuedVisit[]>((queue, v) => enqueue(queue, v, '2025-06-10T08:00:00.000Z'), []);
}

describe('the visit queue', () => {
  it('lets created, updated and unchanged visits leave, and keeps conflicts and rejections with their reason', () => {
    const queue = queueOf(draft('a'), draft('b'), draft('c'), draft('d'), draft('e'));
    const sent = sentOf(dueForSending(queue, NOW));
    const { queue: left, synced } = applyAnswers(
      queue,
      sent,
      [
        { id: 'a', result: 'created', updatedAt: 't1', checkin: null },
        { id: 'b', result: 'updated', updatedAt: 't2', checkin: { verdict: 'outside', distanceM: 1200 } },
        { id: 'c', result: 'unchanged', updatedAt: 't0', checkin: null },
        { id: 'd', result: 'conflict', server: server('d') },
        { id: 'e', result: 'rejected', reason: 'Ngoài phạm vi được giao' },
      ],
      NOW,
    );
    expect(ids(left)).toEqual(['d', 'e']);
    expect(left.map((q) => q.state)).toEqual(['conflict', 'rejected']);
    expect(left[0]!.server!.findings).toEqual({ planning: 'Bản của người khác' });
    expect(left[1]!.reason).toBe('Ngoài phạm vi được giao');
    expect(synced.map((s) => [s.id, s.updatedAt, s.checkin?.verdict ?? null])).toEqual([
      ['a', 't1', null],
      ['b', 't2', 'outside'],
      ['c', 't0', null],
    ]);
    // neither a conflict nor a rejection is sent again by itself
    expect(dueForSending(left, NOW + 3_600_000, true)).toEqual([]);
    expect(countByState(left)).toEqual({ waiting: 0, conflict: 1, rejected: 1 });
  });

  it('keeps everything when the send got no answer, and waits longer after each failure', () => {
    const queue = queueOf(draft('a'), draft('b'));
    const sent = sentOf(dueForSending(queue, NOW));
    const once = failSending(queue, sent, NOW);
    expect(ids(once)).toEqual(['a', 'b']);
    expect(once[0]!.nextTryAt).toBe(NOW + 5_000);
    expect(dueForSending(once, NOW + 4_999)).toEqual([]);
    expect(ids(dueForSending(once, NOW + 5_000))).toEqual(['a', 'b']);
    // "Gửi ngay" sends at once whatever the pause
    expect(ids(dueForSending(once, NOW, true))).toEqual(['a', 'b']);
    const twice = failSending(once, sent, NOW);
    expect(twice[0]!.nextTryAt).toBe(NOW + 10_000);
    expect(pauseAfter(20)).toBe(5 * 60_000);
    // an answer that leaves one out counts as a failure for that one only
    const partial = applyAnswers(queue, sent, [{ id: 'a', result: 'created', updatedAt: 't1', checkin: null }], NOW);
    expect(ids(partial.queue)).toEqual(['b']);
    expect(partial.queue[0]!.attempts).toBe(1);
  });

  it('keeps an edit made while the send was under way, now based on the version the server holds', () => {
    const queue = queueOf(draft('a'));
    const sent = sentOf(dueForSending(queue, NOW));
    const edited = enqueue(queue, draft('a', { findings: { planning: 'Sửa lại' } }), '2025-06-10T08:05:00.000Z');
    const { queue: left, synced } = applyAnswers(edited, sent, [{ id: 'a', result: 'created', updatedAt: 't1', checkin: null }], NOW);
    expect(synced.map((s) => s.id)).toEqual(['a']);
    expect(left).toHaveLength(1);
    expect(left[0]!.visit.findings).toEqual({ planning: 'Sửa lại' });
    expect(left[0]!.visit.baseUpdatedAt).toBe('t1');
    expect(left[0]!.state).toBe('waiting');
  });

  it('resolves a conflict by keeping mine (sent again on the server version) or taking the server’s (leaves)', () => {
    const queue = queueOf(draft('a', { baseUpdatedAt: 't0' }), draft('b', { baseUpdatedAt: 't0' }));
    const sent = sentOf(queue);
    const { queue: conflicted } = applyAnswers(
      queue,
      sent,
      [
        { id: 'a', result: 'conflict', server: server('a', 't5') },
        { id: 'b', result: 'conflict', server: server('b', 't6') },
      ],
      NOW,
    );
    const mine = keepMine(conflicted, 'a');
    expect(mine[0]).toMatchObject({ state: 'waiting', visit: { baseUpdatedAt: 't5', findings: { planning: 'Đúng kế hoạch' } } });
    expect(mine[0]!.server).toBeUndefined();
    expect(ids(dueForSending(mine, NOW))).toEqual(['a']);
    const theirs = dropEntry(mine, 'b');
    expect(ids(theirs)).toEqual(['a']);
  });

  it('saving the same visit twice offline keeps one entry, the latest', () => {
    const queue = enqueue(queueOf(draft('a')), draft('a', { status: 'cancelled' }), '2025-06-10T09:00:00.000Z');
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ revision: 2, visit: { status: 'cancelled' } });
    // a rejected visit saved again goes back to waiting
    const rejected = applyAnswers(queue, sentOf(queue), [{ id: 'a', result: 'rejected', reason: 'x' }], NOW).queue;
    expect(enqueue(rejected, draft('a'), 'now')[0]!.state).toBe('waiting');
    expect(dropEntry(rejected, 'a')).toEqual([]);
  });
});
