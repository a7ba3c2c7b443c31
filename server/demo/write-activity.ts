// Writes the simulated programme activity (core/simulate/programme-activity.ts) inside the demo
// seed's transaction, replacing only what the demo wrote before:
// - project: rows with no import batch, simulated = 1 and the demo's source prefix;
// - team: the demo's teams are those whose name ends with "(mô phỏng)" (team has no simulated or
//   source column). They are matched by (structure, province, name) and KEEP their ids across
//   re-seeds, so whatever a user attached to them (an imported visit names its team) stays valid;
//   a demo team no longer generated is deleted only when nothing references it;
// - team_member: all members of demo teams (display names the demo made up, and demo accounts);
// - visit: visits of demo teams with no import batch and no author (created_by). Imported
//   visits are never deleted, even on a demo team. (visit.import_id came with migration 0007 and
//   is not in VisitTable's type, hence the sql.ref.)
// A supervisor demo account (server/auth/demo-accounts.ts) whose scope is one province becomes a
// member of that province's first team, if the account exists at seed time.
import { sql, type ExpressionBuilder, type Insertable, type Kysely, type Transaction } from 'kysely';
import { SIMULATED_TEAM_MARK, type ActivityOutput } from '../../core/simulate/programme-activity.ts';
import { firstTeamName } from '../../core/simulate/programme-activity-teams.ts';
import { SIMULATED_SOURCE_PREFIX } from '../../core/simulate/sources.ts';
import { parseStoredScope } from '../accounts/account-row.ts';
import { DEMO_ACCOUNTS } from '../auth/demo-accounts.ts';
import type { Database, ProjectTable, TeamMemberTable, VisitTable } from '../db/schema.ts';
import { provinceSeat } from '../plans/province-seat.ts';
import { bulkInsert } from './bulk-insert.ts';

export type ActivityTable = 'project' | 'team' | 'team_member' | 'visit';

export interface ActivityCounts {
  deleted: Record<ActivityTable, number>;
  inserted: Record<ActivityTable, number>;
  /** Visits not written because an imported visit holds the id; teams kept with their old id. */
  skipped: Record<ActivityTable, number>;
  /** Demo accounts made members of a team, as "username → team name". */
  linkedAccounts: string[];
}

const DEMO_TEAM_PATTERN = `%${SIMULATED_TEAM_MARK}`;
const ROLE_OF_DEMO_ACCOUNT = 'Thành viên (tài khoản demo)';

const zero = (): Record<ActivityTable, number> => ({ project: 0, team: 0, team_member: 0, visit: 0 });

export async function writeActivity(trx: Transaction<Database>, activity: ActivityOutput): Promise<ActivityCounts> {
  const counts: ActivityCounts = { deleted: zero(), inserted: zero(), skipped: zero(), linkedAccounts: [] };
  const now = new Date().toISOString();
  const demoTeamIds = trx.selectFrom('team').select('id').where('name', 'like', DEMO_TEAM_PATTERN);

  counts.deleted.visit = Number(
    (await trx.deleteFrom('visit').where('team_id', 'in', demoTeamIds).where(sql.ref('import_id'), 'is', null).where('created_by', 'is', null).executeTakeFirst()).numDeletedRows,
  );
  counts.deleted.team_member = Number((await trx.deleteFrom('team_member').where('team_id', 'in', demoTeamIds).executeTakeFirst()).numDeletedRows);
  counts.deleted.project = Number(
    (
      await trx
        .deleteFrom('project')
        .where('import_id', 'is', null)
        .where('simulated', '=', 1)
        .where('source', 'like', `${SIMULATED_SOURCE_PREFIX}%`)
        .executeTakeFirst()
    ).numDeletedRows,
  );

  const teamIds = await upsertTeams(trx, activity, counts);
  await baseDemoTeams(trx);

  const members: Insertable<TeamMemberTable>[] = activity.members.map((m) => ({ team_id: teamIds.get(m.teamKey)!, user_id: null, display_name: m.displayName, role_in_team: m.role }));
  counts.inserted.team_member = (await bulkInsert(trx, 'team_member', members, null)).inserted;
  counts.linkedAccounts = await linkDemoSupervisors(trx);
  counts.inserted.team_member += counts.linkedAccounts.length;

  const visits: Insertable<VisitTable>[] = activity.visits.map((v) => ({
    id: v.id,
    team_id: teamIds.get(v.teamKey)!,
    structure: v.structure,
    unit_code: v.unitCode,
    route_plan_id: null,
    planned_date: v.plannedDate,
    actual_date: v.actualDate,
    status: v.status,
    findings: JSON.stringify(v.findings),
    follow_ups: JSON.stringify(v.followUps),
    lon: null,
    lat: null,
    created_by: null,
    simulated: 1,
    // recorded on the day (the phone app writes a visit when it is done)
    created_at: `${v.actualDate}T10:00:00.000Z`,
    updated_at: `${v.actualDate}T10:00:00.000Z`,
  }));
  const writtenVisits = await bulkInsert(trx, 'visit', visits, ['id']);
  counts.inserted.visit = writtenVisits.inserted;
  counts.skipped.visit = writtenVisits.skipped;

  const projects: Insertable<ProjectTable>[] = activity.projects.map((p) => ({
    programme_project: p.programmeProject,
    sub_project: p.subProject,
    structure: p.structure,
    unit_code: p.unitCode,
    title: p.title,
    budget_central: p.budgetCentral,
    budget_local: p.budgetLocal,
    budget_other: p.budgetOther,
    households: p.households,
    start_date: p.startDate,
    end_date: p.endDate,
    status: p.status,
    progress_pct: p.progressPct,
    disbursed: p.disbursed,
    source: p.source,
    simulated: 1,
    import_id: null,
    created_at: now,
    updated_at: now,
  }));
  counts.inserted.project = (await bulkInsert(trx, 'project', projects, null)).inserted;
  return counts;
}

/** Team ids by the generator's team key: existing demo teams keep theirs, new ones are inserted. */
async function upsertTeams(trx: Transaction<Database>, activity: ActivityOutput, counts: ActivityCounts): Promise<Map<string, number>> {
  const existing = await trx.selectFrom('team').select(['id', 'structure', 'province_code', 'name']).where('name', 'like', DEMO_TEAM_PATTERN).execute();
  const byName = new Map(existing.map((t) => [`${t.structure}/${t.province_code}/${t.name}`, Number(t.id)]));
  const ids = new Map<string, number>();
  const fresh = [];
  for (const team of activity.teams) {
    const id = byName.get(`${team.structure}/${team.provinceCode}/${team.name}`);
    if (id === undefined) fresh.push(team);
    else {
      ids.set(team.key, id);
      byName.delete(`${team.structure}/${team.provinceCode}/${team.name}`);
      counts.skipped.team++;
    }
  }
  // a few hundred rows: the builder with RETURNING is fine, and gives the ids in one go
  for (let i = 0; i < fresh.length; i += 200) {
    const chunk = fresh.slice(i, i + 200);
    const rows = await trx
      .insertInto('team')
      .values(chunk.map((t) => ({ name: t.name, structure: t.structure, province_code: t.provinceCode, created_at: `${t.since}T00:00:00.000Z` })))
      .returning(['id', 'name', 'structure', 'province_code'])
      .execute();
    const keyOf = new Map(chunk.map((t) => [`${t.structure}/${t.provinceCode}/${t.name}`, t.key]));
    for (const r of rows) ids.set(keyOf.get(`${r.structure}/${r.province_code}/${r.name}`)!, Number(r.id));
    counts.inserted.team += rows.length;
  }
  const obsolete = [...byName.values()];
  if (obsolete.length > 0) {
    const result = await trx
      .deleteFrom('team')
      .where('id', 'in', obsolete)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('visit').select('visit.id').whereRef('visit.team_id', '=', 'team.id'))))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('route_plan').select('route_plan.id').whereRef('route_plan.team_id', '=', 'team.id'))))
      .executeTakeFirst();
    counts.deleted.team = Number(result.numDeletedRows);
  }
  return ids;
}

/**
 * Demo teams start from their provincial seat (server/plans/province-seat.ts: the Sở is there);
 * their other settings are the columns' defaults (07:30-17:00, 60 minutes a commune, car, home
 * every evening). A pre-2025 team's base is the seat district itself, a 2025 team's that
 * district's point (it has no unit in the 2025 structure). Also run on a skipped seed: teams
 * seeded before migration 0011, or given the province's middle as base by an earlier version,
 * get the seat.
 */
export async function baseDemoTeams(db: Kysely<Database> | Transaction<Database>): Promise<number> {
  const unbased = (eb: ExpressionBuilder<Database, 'team'>) =>
    eb.or([
      eb('base_kind', 'is', null),
      eb.and([eb('base_kind', '=', 'unit'), eb('base_structure', '=', eb.ref('structure')), eb('base_code', '=', eb.ref('province_code'))]),
    ]);
  const provinces = await db
    .selectFrom('team')
    .select(['structure', 'province_code'])
    .distinct()
    .where('name', 'like', DEMO_TEAM_PATTERN)
    .where('structure', 'is not', null)
    .where('province_code', 'is not', null)
    .where(unbased)
    .execute();
  let updated = 0;
  for (const { structure, province_code: code } of provinces) {
    const seat = await provinceSeat(db, structure!, code!);
    if (!seat?.district) continue;
    const base =
      structure === 'pre2025'
        ? { base_kind: 'unit' as const, base_structure: 'pre2025' as const, base_code: seat.district.code, base_lon: null, base_lat: null, base_label: null }
        : { base_kind: 'point' as const, base_structure: null, base_code: null, base_lon: seat.lon, base_lat: seat.lat, base_label: `${seat.district.name} (trước 01/07/2025) — trụ sở tỉnh` };
    const result = await db
      .updateTable('team')
      .set(base)
      .where('name', 'like', DEMO_TEAM_PATTERN)
      .where('structure', '=', structure)
      .where('province_code', '=', code)
      .where(unbased)
      .executeTakeFirst();
    updated += Number(result.numUpdatedRows);
  }
  return updated;
}

/**
 * Makes each enabled supervisor demo account scoped to one province a member of that province's
 * first demo team, unless it already is. Cheap (a few queries), so the seed also runs it when it
 * skips itself: `npm start` seeds before the server creates the demo accounts, and the next start
 * links them.
 */
export async function linkDemoSupervisors(db: Kysely<Database> | Transaction<Database>): Promise<string[]> {
  const usernames = DEMO_ACCOUNTS.filter((a) => a.role === 'supervisor').map((a) => a.username);
  const accounts = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name', 'scope'])
    .where('username', 'in', usernames)
    .where('role', '=', 'supervisor')
    .where('disabled', '=', 0)
    .execute();
  const linked: string[] = [];
  for (const account of accounts) {
    const scope = parseStoredScope(account.scope);
    if (!scope || scope.length !== 1) continue;
    const { structure, code } = scope[0];
    const province = await db.selectFrom('unit').select(['name', 'type']).where('structure', '=', structure).where('code', '=', code).where('level', '=', 'province').executeTakeFirst();
    if (!province) continue;
    const name = firstTeamName(structure, province);
    const team = await db.selectFrom('team').select('id').where('structure', '=', structure).where('province_code', '=', code).where('name', '=', name).executeTakeFirst();
    if (!team) continue;
    const member = await db.selectFrom('team_member').select('id').where('team_id', '=', team.id).where('user_id', '=', account.id).executeTakeFirst();
    if (member) continue;
    await db.insertInto('team_member').values({ team_id: team.id, user_id: account.id, display_name: account.display_name ?? account.username, role_in_team: ROLE_OF_DEMO_ACCOUNT }).execute();
    linked.push(`${account.username} → ${name}`);
  }
  return linked;
}
