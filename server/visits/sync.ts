// visits.sync: visits recorded on phones, possibly offline, sent when a connection is back —
// perhaps twice (the answer to the first send was lost). Each visit is decided on its own:
//   created    no row with its id yet: written;
//   unchanged  the row holds exactly this content (a re-send): nothing written;
//   updated    the phone edited the server's latest version (baseUpdatedAt matches): written;
//   conflict   the row changed on the server since the phone saw it: NOT written, the server's
//              version is returned so the person can choose; the phone keeps its own queued;
//   rejected   not allowed or not valid (unknown team or commune, outside the scope, not a
//              member of the team): NOT written, with the reason.
// A visit sent with a GPS point gets its check-in judged against the commune's boundary (inside /
// outside and how far; server/visits/checkin.ts), stored with it and answered with the outcome.
// All writes of one call are one transaction, serialised with imports (the same lock), so a
// visit import and syncs on the same communes can neither lose nor double a row.
import type { Checkin } from '../../core/field/checkin.ts';
import type { UnitPlace } from '../../core/scope.ts';
import type { AuditedWrite } from '../audit/audit-log.ts';
import type { Kysely, Selectable } from 'kysely';
import type { Database, VisitTable } from '../db/schema.ts';
import { takeImportLock, type ImportTrx } from '../imports/store.ts';
import type { SyncedVisit } from './visit-input.ts';

export type SyncOutcome =
  | { id: string; result: 'created' | 'updated' | 'unchanged'; updatedAt: string; checkin: Checkin | null }
  | { id: string; result: 'conflict'; server: ServerVisit }
  | { id: string; result: 'rejected'; reason: string };

export interface ServerVisit {
  id: string;
  teamId: number;
  structure: string;
  unitCode: string;
  plannedDate: string | null;
  actualDate: string | null;
  status: string;
  findings: Record<string, string>;
  followUps: unknown[];
  lon: number | null;
  lat: number | null;
  updatedAt: string;
}

export interface SyncActor {
  userId: number;
  /** Supervisors write only their own teams' visits; planners and admins any team in scope. */
  memberOnly: boolean;
  now: string;
  /** Keeps the units the caller may see data of. */
  keepInScope: <T>(items: T[], placeOf: (item: T) => UnitPlace) => Promise<T[]>;
  /** Judges a visit's GPS point against its commune's boundary; absent: check-ins are not judged. */
  judgeCheckin?: (visit: SyncedVisit) => Promise<Checkin | null>;
}

type Row = Selectable<VisitTable>;

const contentOf = (v: SyncedVisit) => ({
  team_id: v.teamId,
  structure: v.structure,
  unit_code: v.unitCode,
  planned_date: v.plannedDate,
  actual_date: v.actualDate,
  status: v.status,
  findings: JSON.stringify(v.findings),
  follow_ups: JSON.stringify(v.followUps),
  lon: v.lon,
  lat: v.lat,
});

const CONTENT_KEYS = Object.keys(contentOf({} as SyncedVisit)) as (keyof ReturnType<typeof contentOf>)[];

function sameContent(row: Row, content: ReturnType<typeof contentOf>): boolean {
  return CONTENT_KEYS.every((k) => {
    const a = row[k];
    const b = content[k];
    return (a === null || a === undefined ? null : typeof b === 'number' ? Number(a) : a) === b;
  });
}

function storedCheckin(row: Row): Checkin | null {
  return row.checkin === null || row.checkin === undefined ? null : { verdict: row.checkin, distanceM: row.checkin_distance_m === null ? null : Number(row.checkin_distance_m) };
}

function serverVisit(row: Row): ServerVisit {
  const parse = <T>(text: string | null, fallback: T): T => {
    try {
      return text ? (JSON.parse(text) as T) : fallback;
    } catch {
      // an imported visit keeps its findings as the file wrote them (plain text)
      return { general: text } as T;
    }
  };
  return {
    id: row.id,
    teamId: Number(row.team_id),
    structure: row.structure,
    unitCode: row.unit_code,
    plannedDate: row.planned_date,
    actualDate: row.actual_date,
    status: row.status,
    findings: parse(row.findings, {}),
    followUps: parse(row.follow_ups, []),
    lon: row.lon === null ? null : Number(row.lon),
    lat: row.lat === null ? null : Number(row.lat),
    updatedAt: row.updated_at,
  };
}

/** Why a visit may not be written, or null. Reads only (before the transaction). */
async function refusals(db: Kysely<Database>, visits: readonly SyncedVisit[], actor: SyncActor): Promise<Map<string, string>> {
  const reasons = new Map<string, string>();
  const teamIds = [...new Set(visits.map((v) => v.teamId))];
  const teams = new Set((await db.selectFrom('team').select('id').where('id', 'in', teamIds).execute()).map((t) => Number(t.id)));
  const memberOf = actor.memberOnly
    ? new Set((await db.selectFrom('team_member').select('team_id').where('user_id', '=', actor.userId).execute()).map((m) => Number(m.team_id)))
    : null;
  const units = await db
    .selectFrom('unit')
    .select(['structure', 'code', 'level', 'province_code'])
    .where('level', '=', 'commune')
    .where((eb) => eb.or(visits.map((v) => eb.and([eb('structure', '=', v.structure), eb('code', '=', v.unitCode)]))))
    .execute();
  const known = new Set(units.map((u) => `${u.structure}/${u.code}`));
  const visible = new Set(
    (await actor.keepInScope(units, (u) => ({ structure: u.structure, code: u.code, level: u.level, provinceCode: u.province_code }))).map((u) => `${u.structure}/${u.code}`),
  );
  for (const v of visits) {
    const unit = `${v.structure}/${v.unitCode}`;
    if (!teams.has(v.teamId)) reasons.set(v.id, `Không có đoàn giám sát số ${v.teamId} / no such team`);
    else if (memberOf && !memberOf.has(v.teamId)) reasons.set(v.id, 'Bạn không thuộc đoàn giám sát này / you are not a member of this team');
    else if (!known.has(unit)) reasons.set(v.id, `Không có xã ${unit} / no such commune`);
    else if (!visible.has(unit)) reasons.set(v.id, 'Ngoài phạm vi được giao / Outside the area assigned to your account');
  }
  return reasons;
}

export async function syncVisits(
  db: Kysely<Database>,
  audited: AuditedWrite,
  visits: readonly SyncedVisit[],
  actor: SyncActor,
): Promise<SyncOutcome[]> {
  // the last copy of an id in one batch is what the phone holds now
  const latest = [...new Map(visits.map((v) => [v.id, v])).values()];
  const refused = await refusals(db, latest, actor);
  // geometry is read before the transaction, like the refusals: nothing held while it runs
  const checkins = new Map<string, Checkin | null>();
  for (const visit of latest) {
    if (!refused.has(visit.id) && actor.judgeCheckin) checkins.set(visit.id, await actor.judgeCheckin(visit));
  }
  const checkinColumns = (id: string) => {
    const checkin = checkins.get(id) ?? null;
    return { checkin: checkin?.verdict ?? null, checkin_distance_m: checkin?.distanceM ?? null };
  };
  return audited(async (trx, audit) => {
    await takeImportLock(trx as unknown as ImportTrx);
    const ids = latest.map((v) => v.id);
    const existing = new Map((await trx.selectFrom('visit').selectAll().where('id', 'in', ids).execute()).map((r) => [r.id, r]));
    const outcomes: SyncOutcome[] = [];
    for (const visit of latest) {
      const reason = refused.get(visit.id);
      if (reason) {
        outcomes.push({ id: visit.id, result: 'rejected', reason });
        continue;
      }
      const content = contentOf(visit);
      const row = existing.get(visit.id);
      if (!row) {
        const inserted = { id: visit.id, ...content, ...checkinColumns(visit.id), created_by: actor.userId, created_at: actor.now, updated_at: actor.now };
        await trx.insertInto('visit').values(inserted).execute();
        await audit({ table: 'visit', key: { id: visit.id }, before: null, after: inserted });
        outcomes.push({ id: visit.id, result: 'created', updatedAt: actor.now, checkin: checkins.get(visit.id) ?? null });
      } else if (sameContent(row, content)) {
        outcomes.push({ id: visit.id, result: 'unchanged', updatedAt: row.updated_at, checkin: storedCheckin(row) });
      } else if (visit.baseUpdatedAt !== null && visit.baseUpdatedAt === row.updated_at) {
        // a person's edit makes the row theirs: a demo re-seed replaces only rows nobody wrote
        const changed = { ...content, ...checkinColumns(visit.id), updated_at: actor.now };
        await trx.updateTable('visit').set({ ...changed, created_by: row.created_by ?? actor.userId }).where('id', '=', visit.id).execute();
        await audit({ table: 'visit', key: { id: visit.id }, before: row, after: { ...row, ...changed } });
        outcomes.push({ id: visit.id, result: 'updated', updatedAt: actor.now, checkin: checkins.get(visit.id) ?? null });
      } else {
        outcomes.push({ id: visit.id, result: 'conflict', server: serverVisit(row) });
      }
    }
    return outcomes;
  });
}
