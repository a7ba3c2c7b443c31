// Saved priority sets (danh sách xã ưu tiên): a named choice of communes with the ranking they
// were picked from. The settings (weights, filters, year, …) are kept with the set and the
// members keep their rank, score and top reasons as they were when saved: a set is a decision
// record, so later data changes must not rewrite why a commune was chosen.
import type { Kysely, Transaction } from 'kysely';
import type { RecordChange } from '../audit/audit-log.ts';
import type { Database, StructureId } from '../db/schema.ts';
import type { PriorityRanking, RankRequest } from './rank.ts';

export interface SetSettings extends Omit<RankRequest, 'structure' | 'year'> {
  preset: string | null;
  /** Whether the ranking rested on simulated (mô phỏng) data, and its sources: exports say so. */
  simulated?: boolean;
  sources?: string[];
}

export interface SetReason {
  key: string;
  points: number;
  value: number | 'never' | null;
}

export interface SetMember {
  code: string;
  fullName: string;
  place: string;
  rank: number;
  score: number | null;
  /** The factors that gave the most points, largest first. */
  reasons: SetReason[];
}

export interface SetSummary {
  id: number;
  name: string;
  structure: StructureId;
  year: number | null;
  note: string | null;
  author: string | null;
  createdAt: string;
  members: number;
  sentToPlanningAt: string | null;
}

export interface SetDetail extends SetSummary {
  settings: SetSettings;
  membersList: SetMember[];
}

const TOP_REASONS = 3;

/** The set's members as ranked, keeping the ranking's own order and numbers. */
export function membersFrom(ranking: PriorityRanking, codes: readonly string[]): { members: SetMember[]; unknown: string[] } {
  const wanted = new Set(codes);
  const members: SetMember[] = [];
  for (const row of ranking.rows) {
    if (!wanted.has(row.code)) continue;
    wanted.delete(row.code);
    const reasons = ranking.factors
      .map((f, i) => ({ key: f.key, points: row.points[i]!, value: row.values[i]! }))
      .filter((r) => r.points > 0)
      .sort((a, b) => b.points - a.points)
      .slice(0, TOP_REASONS);
    members.push({ code: row.code, fullName: row.fullName, place: row.place, rank: row.rank, score: row.score, reasons });
  }
  return { members, unknown: [...wanted] };
}

export async function insertSet(
  trx: Transaction<Database>,
  audit: RecordChange,
  set: { name: string; note: string | null; structure: StructureId; year: number; settings: SetSettings; members: SetMember[]; userId: number; now: string },
): Promise<number> {
  const row = {
    name: set.name,
    structure: set.structure,
    level: 'commune' as const,
    year: set.year,
    method: JSON.stringify(set.settings),
    note: set.note,
    created_by: set.userId,
    created_at: set.now,
  };
  const { id } = await trx.insertInto('priority_set').values(row).returning('id').executeTakeFirstOrThrow();
  await trx
    .insertInto('priority_set_member')
    .values(
      set.members.map((m) => ({
        set_id: Number(id),
        unit_code: m.code,
        rank: m.rank,
        score: m.score,
        reasons: JSON.stringify({ fullName: m.fullName, place: m.place, reasons: m.reasons }),
      })),
    )
    .execute();
  await audit({ table: 'priority_set', key: { id: Number(id) }, before: null, after: { ...row, members: set.members.map((m) => m.code) } });
  return Number(id);
}

function summaryQuery(db: Kysely<Database>) {
  return db
    .selectFrom('priority_set as s')
    .leftJoin('app_user as u', 'u.id', 's.created_by')
    .select((eb) => [
      's.id', 's.name', 's.structure', 's.year', 's.note', 's.created_at', 's.created_by', 's.method', 's.sent_to_planning_at',
      'u.display_name as author',
      eb.selectFrom('priority_set_member as m').select(eb.fn.countAll().as('n')).whereRef('m.set_id', '=', 's.id').as('members'),
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];

function toSummary(r: SummaryRow): SetSummary {
  return {
    id: Number(r.id),
    name: r.name,
    structure: r.structure,
    year: r.year === null ? null : Number(r.year),
    note: r.note,
    author: r.author ?? null,
    createdAt: r.created_at,
    members: Number(r.members ?? 0),
    sentToPlanningAt: r.sent_to_planning_at ?? null,
  };
}

export async function listSets(db: Kysely<Database>): Promise<(SetSummary & { createdBy: number | null })[]> {
  const rows = await summaryQuery(db).orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').execute();
  return rows.map((r) => ({ ...toSummary(r), createdBy: r.created_by === null ? null : Number(r.created_by) }));
}

export async function getSet(db: Kysely<Database>, id: number): Promise<(SetDetail & { createdBy: number | null }) | null> {
  const row = await summaryQuery(db).where('s.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const members = await db.selectFrom('priority_set_member').selectAll().where('set_id', '=', id).orderBy('rank').orderBy('unit_code').execute();
  return {
    ...toSummary(row),
    createdBy: row.created_by === null ? null : Number(row.created_by),
    settings: JSON.parse(row.method) as SetSettings,
    membersList: members.map((m) => {
      const saved = JSON.parse(m.reasons ?? '{}') as { fullName?: string; place?: string; reasons?: SetReason[] };
      return { code: m.unit_code, fullName: saved.fullName ?? m.unit_code, place: saved.place ?? '', rank: Number(m.rank), score: m.score === null ? null : Number(m.score), reasons: saved.reasons ?? [] };
    }),
  };
}

/** Member codes of the set, for scope checks without loading the reasons. */
export async function memberCodes(db: Kysely<Database>, id: number): Promise<string[]> {
  const rows = await db.selectFrom('priority_set_member').select('unit_code').where('set_id', '=', id).execute();
  return rows.map((r) => r.unit_code);
}

export interface SetComparison {
  /** Communes in both, with their rank in each. */
  both: { code: string; fullName: string; place: string; rankA: number; rankB: number }[];
  onlyA: SetMember[];
  onlyB: SetMember[];
}

export function compareSets(a: SetDetail, b: SetDetail): SetComparison {
  const inB = new Map(b.membersList.map((m) => [m.code, m]));
  const inA = new Set(a.membersList.map((m) => m.code));
  return {
    both: a.membersList.filter((m) => inB.has(m.code)).map((m) => ({ code: m.code, fullName: m.fullName, place: m.place, rankA: m.rank, rankB: inB.get(m.code)!.rank })),
    onlyA: a.membersList.filter((m) => !inB.has(m.code)),
    onlyB: b.membersList.filter((m) => !inA.has(m.code)),
  };
}
