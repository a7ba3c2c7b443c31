// Teams as planning reads them: the row's settings (migration 0011) as TeamSettings, the base
// unit's name and label point joined in. Demo teams are recognised by their name's "(mô phỏng)".
import type { Kysely, Transaction } from 'kysely';
import { SIMULATED_TEAM_MARK } from '../../core/simulate/programme-activity.ts';
import type { PlanTeam, TeamBase, Vehicle } from '../../core/visit-plan/plan-view.ts';
import type { Database, StructureId } from '../db/schema.ts';

export interface TeamRecord extends PlanTeam {
  structure: StructureId | null;
  provinceCode: string | null;
  simulated: boolean;
}

type Db = Kysely<Database> | Transaction<Database>;

function teamQuery(db: Db) {
  return db
    .selectFrom('team as t')
    .leftJoin('unit as b', (j) => j.onRef('b.structure', '=', 't.base_structure').onRef('b.code', '=', 't.base_code'))
    .select([
      't.id', 't.name', 't.structure', 't.province_code', 't.base_kind', 't.base_structure', 't.base_code', 't.base_lon', 't.base_lat', 't.base_label',
      't.day_start', 't.day_end', 't.service_minutes', 't.available_days', 't.vehicle', 't.overnight',
      'b.full_name as base_unit_name', 'b.label_lon as base_unit_lon', 'b.label_lat as base_unit_lat',
    ]);
}

type TeamRow = Awaited<ReturnType<ReturnType<typeof teamQuery>['execute']>>[number];

function baseOf(r: TeamRow): TeamBase | null {
  if (r.base_kind === 'unit' && r.base_structure && r.base_code && r.base_unit_lon !== null && r.base_unit_lat !== null) {
    return { kind: 'unit', structure: r.base_structure as StructureId, code: r.base_code, name: r.base_unit_name ?? r.base_code, lon: Number(r.base_unit_lon), lat: Number(r.base_unit_lat) };
  }
  if (r.base_kind === 'point' && r.base_lon !== null && r.base_lat !== null) {
    return { kind: 'point', label: r.base_label, lon: Number(r.base_lon), lat: Number(r.base_lat) };
  }
  return null;
}

function toRecord(r: TeamRow): TeamRecord {
  return {
    id: Number(r.id),
    name: r.name,
    structure: r.structure,
    provinceCode: r.province_code,
    base: baseOf(r),
    dayStart: r.day_start,
    dayEnd: r.day_end,
    serviceMinutes: Number(r.service_minutes),
    availableDays: r.available_days === null ? null : (JSON.parse(r.available_days) as string[]),
    vehicle: r.vehicle as Vehicle,
    overnight: Number(r.overnight) === 1,
    simulated: r.name.endsWith(SIMULATED_TEAM_MARK),
  };
}

export async function teamsByIds(db: Db, ids: readonly number[]): Promise<TeamRecord[]> {
  if (ids.length === 0) return [];
  const rows = await teamQuery(db).where('t.id', 'in', [...ids]).orderBy('t.id').execute();
  return rows.map(toRecord);
}

export async function teamsWhere(db: Db, filter: { structure?: StructureId; provinceCode?: string }): Promise<TeamRecord[]> {
  let q = teamQuery(db);
  if (filter.structure) q = q.where('t.structure', '=', filter.structure);
  if (filter.provinceCode) q = q.where('t.province_code', '=', filter.provinceCode);
  return (await q.orderBy('t.structure').orderBy('t.province_code').orderBy('t.id').execute()).map(toRecord);
}

/** Settings as the team row stores them (PlanTeam without id and name). */
export function settingsColumns(s: Omit<PlanTeam, 'id' | 'name'>) {
  const base = s.base;
  return {
    base_kind: base?.kind ?? null,
    base_structure: base?.kind === 'unit' ? base.structure : null,
    base_code: base?.kind === 'unit' ? base.code : null,
    base_lon: base?.kind === 'point' ? base.lon : null,
    base_lat: base?.kind === 'point' ? base.lat : null,
    base_label: base?.kind === 'point' ? base.label : null,
    day_start: s.dayStart,
    day_end: s.dayEnd,
    service_minutes: s.serviceMinutes,
    available_days: s.availableDays === null ? null : JSON.stringify(s.availableDays),
    vehicle: s.vehicle,
    overnight: (s.overnight ? 1 : 0) as 0 | 1,
  };
}
