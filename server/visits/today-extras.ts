// What a team checks in a commune besides its figures: the programme's projects there and the
// follow-ups earlier visits left open. Projects and visits recorded on either side of the 1 July
// 2025 reform count for the commune on the other side through the crosswalk (as in priority.rank),
// so a 2025 commune shows its old communes' projects, each saying where it was recorded.
import type { Kysely } from 'kysely';
import type { UnitPlace } from '../../core/scope.ts';
import type { Database, StructureId } from '../db/schema.ts';

export interface FieldProject {
  id: number;
  /** 'DA1'..'DA7' (QĐ 90/QĐ-TTg) and the sub-project, if any. */
  programmeProject: string;
  subProject: string | null;
  title: string;
  status: string;
  progressPct: number | null;
  /** Million VND: central + local + other. */
  budget: number | null;
  disbursed: number | null;
  startDate: string | null;
  endDate: string | null;
  /** Where the project is recorded, when not on this commune itself. */
  recordedOn: { structure: StructureId; code: string; name: string } | null;
  simulated: boolean;
}

export interface FieldFollowUp {
  visitId: string;
  /** The visit that asked for it (actual date, else planned). */
  visitDate: string | null;
  action: string;
  owner: string;
  due: string;
  recordedOn: { structure: StructureId; code: string; name: string } | null;
}

/** Most projects a commune shows: the newest first. */
const MAX_PROJECTS = 30;
const MAX_FOLLOW_UPS = 30;

type Keep = <T>(items: T[], placeOf: (item: T) => UnitPlace) => Promise<T[]>;

/** The commune and the units linked to it across the reform, each with what scope needs. */
async function relatedUnits(db: Kysely<Database>, structure: StructureId, code: string) {
  const links =
    structure === '2025'
      ? (await db.selectFrom('unit_link').select('from_code as code').where('to_structure', '=', '2025').where('to_code', '=', code).where('from_structure', '=', 'pre2025').where('level', '=', 'commune').execute()).map((l) => ({ structure: 'pre2025' as const, code: l.code }))
      : (await db.selectFrom('unit_link').select('to_code as code').where('from_structure', '=', 'pre2025').where('from_code', '=', code).where('to_structure', '=', '2025').where('level', '=', 'commune').execute()).map((l) => ({ structure: '2025' as const, code: l.code }));
  const refs = [{ structure, code }, ...links];
  return db
    .selectFrom('unit')
    .select(['structure', 'code', 'full_name', 'level', 'province_code'])
    .where((eb) => eb.or(refs.map((r) => eb.and([eb('structure', '=', r.structure), eb('code', '=', r.code)]))))
    .execute();
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function communeExtras(
  db: Kysely<Database>,
  structure: StructureId,
  code: string,
  date: string,
  todaysVisits: ReadonlySet<string>,
  keepInScope: Keep,
): Promise<{ projects: FieldProject[]; openFollowUps: FieldFollowUp[] }> {
  const units = await keepInScope(await relatedUnits(db, structure, code), (u) => ({ structure: u.structure, code: u.code, level: u.level, provinceCode: u.province_code }));
  const byKey = new Map(units.map((u) => [`${u.structure}/${u.code}`, u]));
  const onOther = (s: StructureId, c: string) => (s === structure && c === code ? null : { structure: s, code: c, name: byKey.get(`${s}/${c}`)?.full_name ?? c });
  const where = <T extends { structure: StructureId; code: string }>(list: T[]) => list.map((u) => ({ structure: u.structure, code: u.code }));
  const refs = where(units);
  if (refs.length === 0) return { projects: [], openFollowUps: [] };

  const [projects, visits] = await Promise.all([
    db
      .selectFrom('project')
      .selectAll()
      .where((eb) => eb.or(refs.map((r) => eb.and([eb('structure', '=', r.structure), eb('unit_code', '=', r.code)]))))
      .orderBy('start_date', 'desc')
      .orderBy('id', 'desc')
      .limit(MAX_PROJECTS)
      .execute(),
    db
      .selectFrom('visit')
      .select(['id', 'structure', 'unit_code', 'planned_date', 'actual_date', 'follow_ups'])
      .where((eb) => eb.or(refs.map((r) => eb.and([eb('structure', '=', r.structure), eb('unit_code', '=', r.code)]))))
      .where('follow_ups', 'is not', null)
      // what was asked before this day: a later visit's follow-ups are not yet "open" for it
      .where((eb) => eb.or([eb('actual_date', '<=', date), eb.and([eb('actual_date', 'is', null), eb('planned_date', '<=', date)])]))
      .execute(),
  ]);

  const openFollowUps: FieldFollowUp[] = [];
  for (const visit of visits) {
    if (todaysVisits.has(visit.id)) continue;
    let list: unknown;
    try {
      list = JSON.parse(visit.follow_ups!);
    } catch {
      continue;
    }
    if (!Array.isArray(list)) continue;
    for (const f of list as { action?: unknown; owner?: unknown; due?: unknown; done?: unknown }[]) {
      if (f?.done === true || typeof f?.action !== 'string') continue;
      openFollowUps.push({
        visitId: visit.id,
        visitDate: visit.actual_date ?? visit.planned_date,
        action: f.action,
        owner: typeof f.owner === 'string' ? f.owner : '',
        due: typeof f.due === 'string' ? f.due : '',
        recordedOn: onOther(visit.structure, visit.unit_code),
      });
    }
  }
  openFollowUps.sort((a, b) => a.due.localeCompare(b.due) || a.action.localeCompare(b.action, 'vi'));

  return {
    projects: projects.map((p) => {
      const parts = [p.budget_central, p.budget_local, p.budget_other].map(num);
      return {
        id: Number(p.id),
        programmeProject: p.programme_project,
        subProject: p.sub_project,
        title: p.title,
        status: p.status,
        progressPct: num(p.progress_pct),
        budget: parts.every((v) => v === null) ? null : parts.reduce<number>((sum, v) => sum + (v ?? 0), 0),
        disbursed: num(p.disbursed),
        startDate: p.start_date,
        endDate: p.end_date,
        recordedOn: onOther(p.structure, p.unit_code),
        simulated: Number(p.simulated) === 1,
      };
    }),
    openFollowUps: openFollowUps.slice(0, MAX_FOLLOW_UPS),
  };
}
