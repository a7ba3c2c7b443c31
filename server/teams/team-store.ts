// teams.*: the supervision teams of the provinces in scope, their planning settings and members.
//
// Members: an account named as a member must exist, be enabled, and see the team's province
// (its own scope covers it, or it is country-wide): a member must be able to open the stops the
// team is sent to. Their scope is not changed here (accounts are the admins' business); a
// member may also be a person without an account (userId null, a name only).
import { TRPCError } from '@trpc/server';
import type { Kysely } from 'kysely';
import { allows } from '../../core/scope.ts';
import { isClockTime, minutesOfClock } from '../../core/visit-plan/plan-days.ts';
import type { PlanTeam, TeamBase } from '../../core/visit-plan/plan-view.ts';
import { parseStoredScope } from '../accounts/account-row.ts';
import type { AuditedWrite } from '../audit/audit-log.ts';
import type { Database, StructureId } from '../db/schema.ts';
import type { TeamSettingsInput } from '../plans/plan-input.ts';
import { loadEffectiveScope } from '../scope/scope-facts.ts';
import type { ScopeGuard } from '../scope/request-scope.ts';
import { settingsColumns, teamsByIds, teamsWhere, type TeamRecord } from './team-rows.ts';

const bad = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });
const noTeam = (id: number) => new TRPCError({ code: 'NOT_FOUND', message: `Không có đoàn giám sát số ${id} / no such team` });

const placeOf = (t: { structure: StructureId | null; provinceCode: string | null }) =>
  // a team without a province (a ministry's) is national: only country-wide callers see it
  t.structure && t.provinceCode ? { structure: t.structure, code: t.provinceCode, level: 'province' as const, provinceCode: t.provinceCode } : { structure: 'pre2025' as const, code: '', level: 'province' as const, provinceCode: '' };

export async function listTeams(db: Kysely<Database>, scope: ScopeGuard, filter: { structure?: StructureId; provinceCode?: string }) {
  const teams = await scope.keep(await teamsWhere(db, filter), 'data', placeOf);
  const ids = teams.map((t) => t.id);
  const members = ids.length === 0 ? [] : await db
    .selectFrom('team_member as m')
    .leftJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['m.id', 'm.team_id', 'm.user_id', 'm.display_name', 'm.role_in_team', 'u.username'])
    .where('m.team_id', 'in', ids)
    .orderBy('m.id')
    .execute();
  const provinces = await db.selectFrom('unit').select(['structure', 'code', 'full_name']).where('level', '=', 'province').execute();
  const provinceName = new Map(provinces.map((p) => [`${p.structure}/${p.code}`, p.full_name]));
  // planning is provincial: teams without a province (a ministry's) are not listed here
  const provincial = teams.filter((t): t is TeamRecord & { structure: StructureId; provinceCode: string } => t.structure !== null && t.provinceCode !== null);
  return {
    teams: provincial.map((t) => ({
      ...t,
      provinceName: provinceName.get(`${t.structure}/${t.provinceCode}`) ?? t.provinceCode,
      members: members
        .filter((m) => Number(m.team_id) === t.id)
        .map((m) => ({ id: Number(m.id), userId: m.user_id === null ? null : Number(m.user_id), username: m.username ?? null, displayName: m.display_name, roleInTeam: m.role_in_team })),
    })),
  };
}

/** The team, refused (403) outside the caller's data scope. */
export async function teamInScope(db: Kysely<Database>, scope: ScopeGuard, id: number): Promise<TeamRecord> {
  const [team] = await teamsByIds(db, [id]);
  const kept = await scope.keep(team ? [team] : [], 'data', placeOf);
  if (!team) throw noTeam(id);
  if (kept.length === 0) throw new TRPCError({ code: 'FORBIDDEN', message: 'Ngoài phạm vi được giao / Outside the area assigned to your account' });
  return team;
}

/** The settings after the change, checked as a whole (dayStart < dayEnd, a base unit that exists and is in scope). */
export async function mergedSettings(db: Kysely<Database>, scope: ScopeGuard, team: TeamRecord, change: TeamSettingsInput): Promise<Omit<PlanTeam, 'id' | 'name'>> {
  const merged = {
    base: team.base as TeamBase | null,
    dayStart: change.dayStart ?? team.dayStart,
    dayEnd: change.dayEnd ?? team.dayEnd,
    serviceMinutes: change.serviceMinutes ?? team.serviceMinutes,
    availableDays: change.availableDays === undefined ? team.availableDays : change.availableDays === null ? null : [...new Set(change.availableDays)].sort(),
    vehicle: change.vehicle ?? team.vehicle,
    overnight: change.overnight ?? team.overnight,
  };
  if (!isClockTime(merged.dayStart) || !isClockTime(merged.dayEnd) || minutesOfClock(merged.dayStart) >= minutesOfClock(merged.dayEnd)) {
    throw bad(`Giờ kết thúc (${merged.dayEnd}) phải sau giờ bắt đầu (${merged.dayStart}) / dayEnd must be after dayStart`);
  }
  if (change.base === null) merged.base = null;
  else if (change.base?.kind === 'point') merged.base = { kind: 'point', label: change.base.label, lon: change.base.lon, lat: change.base.lat };
  else if (change.base?.kind === 'unit') {
    const unit = await db.selectFrom('unit').select(['structure', 'code', 'level', 'province_code', 'full_name', 'label_lon', 'label_lat']).where('structure', '=', change.base.structure).where('code', '=', change.base.code).executeTakeFirst();
    if (!unit || unit.label_lon === null || unit.label_lat === null) throw bad(`Không có đơn vị ${change.base.code} (${change.base.structure}) để làm trụ sở / no such unit`);
    await scope.require({ structure: unit.structure, code: unit.code, level: unit.level, provinceCode: unit.province_code }, 'navigate');
    merged.base = { kind: 'unit', structure: unit.structure, code: unit.code, name: unit.full_name, lon: Number(unit.label_lon), lat: Number(unit.label_lat) };
  }
  return merged;
}

export async function updateTeam(db: Kysely<Database>, audited: AuditedWrite, scope: ScopeGuard, id: number, change: TeamSettingsInput): Promise<void> {
  const team = await teamInScope(db, scope, id);
  const settings = await mergedSettings(db, scope, team, change);
  await audited(async (trx, audit) => {
    const columns = settingsColumns(settings);
    await trx.updateTable('team').set(columns).where('id', '=', id).execute();
    await audit({ table: 'team', key: { id }, before: settingsColumns(team), after: columns });
  });
}

export async function createTeam(db: Kysely<Database>, audited: AuditedWrite, input: { structure: StructureId; provinceCode: string; name: string }, now: string): Promise<number> {
  const province = await db.selectFrom('unit').select('code').where('structure', '=', input.structure).where('code', '=', input.provinceCode).where('level', '=', 'province').executeTakeFirst();
  if (!province) throw bad(`Không có tỉnh ${input.provinceCode} (${input.structure}) / no such province`);
  const clash = await db.selectFrom('team').select('id').where('structure', '=', input.structure).where('province_code', '=', input.provinceCode).where('name', '=', input.name).executeTakeFirst();
  // visit imports find a team by its name within the province
  if (clash) throw bad(`Tỉnh đã có đoàn tên "${input.name}" / a team of that name exists`);
  return audited(async (trx, audit) => {
    const row = { name: input.name, structure: input.structure, province_code: input.provinceCode, created_at: now, base_kind: 'unit' as const, base_structure: input.structure, base_code: input.provinceCode };
    const { id } = await trx.insertInto('team').values(row).returning('id').executeTakeFirstOrThrow();
    await audit({ table: 'team', key: { id: Number(id) }, before: null, after: row });
    return Number(id);
  });
}

export async function setMembers(
  db: Kysely<Database>,
  audited: AuditedWrite,
  scope: ScopeGuard,
  id: number,
  members: { userId: number | null; displayName: string; roleInTeam: string | null }[],
): Promise<void> {
  const team = await teamInScope(db, scope, id);
  const userIds = [...new Set(members.map((m) => m.userId).filter((u): u is number => u !== null))];
  const accounts = userIds.length === 0 ? [] : await db.selectFrom('app_user').select(['id', 'username', 'scope', 'disabled']).where('id', 'in', userIds).execute();
  for (const userId of userIds) {
    const account = accounts.find((a) => Number(a.id) === userId);
    if (!account || Number(account.disabled) === 1) throw bad(`Không có tài khoản số ${userId} (hoặc đã bị khóa) / no such enabled account`);
    const accountScope = parseStoredScope(account.scope);
    const sees = accountScope !== undefined && allows(await loadEffectiveScope(db, accountScope), placeOf(team), 'data');
    if (!sees) throw bad(`Tài khoản ${account.username} không có phạm vi ${team.provinceCode ?? ''}: thành viên phải xem được tỉnh của đoàn / the account's scope does not cover the team's province`);
  }
  await audited(async (trx, audit) => {
    const before = await trx.selectFrom('team_member').select(['user_id', 'display_name', 'role_in_team']).where('team_id', '=', id).orderBy('id').execute();
    await trx.deleteFrom('team_member').where('team_id', '=', id).execute();
    const rows = members.map((m) => ({ team_id: id, user_id: m.userId, display_name: m.displayName, role_in_team: m.roleInTeam || null }));
    if (rows.length > 0) await trx.insertInto('team_member').values(rows).execute();
    await audit({ table: 'team_member', key: { team_id: id }, before: { members: before }, after: { members: rows } });
  });
}
