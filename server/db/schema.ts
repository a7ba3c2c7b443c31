// Table types for Kysely: the whole data model of DESIGN.md, so later features only fill rows.
//
// Portable conventions (the same migrations run on SQLite and PostgreSQL):
// - timestamps are ISO 8601 UTC text ("2025-07-01T00:00:00.000Z"), calendar dates "YYYY-MM-DD":
//   sortable as text, readable in both consoles, no driver-specific Date/bigint conversions;
// - yes/no flags are integer 0/1 (SQLite has no boolean; one representation for both);
// - JSON payloads are text holding JSON (jsonb would come back parsed from pg, as a string from
//   SQLite; keeping text means one code path);
// - every unit reference is the pair (structure, code), never a code alone: codes were reused in
//   the 2025 reform for different places (22276 is Xã Hòa Đồng before, Xã Hòa Thịnh after).
// - no foreign keys from data tables to `unit`: the registry is replaced wholesale by the seed,
//   and imported data must survive that; importers check codes against the registry instead.

import type { Insertable, Selectable } from 'kysely';
import type { AppUserTable, AuditLogTable, SessionTable } from './tables/accounts.ts';
import type { PrioritySetMemberTable, PrioritySetTable } from './tables/priority.ts';
import type {
  CoordinationStatusTable,
  ImportBatchTable,
  ObservationTable,
  PovertyReviewTable,
  ProjectTable,
  TargetTable,
} from './tables/programme.ts';
import type { AppMetaTable, StructureTable, UnitLinkTable, UnitTable } from './tables/registry.ts';
import type { RoutePlanTable, TeamMemberTable, TeamTable, VisitPlanCommuneTable, VisitPlanTable, VisitPlanTeamTable, VisitTable } from './tables/supervision.ts';

export type * from './tables/accounts.ts';
export type * from './tables/priority.ts';
export type * from './tables/programme.ts';
export type * from './tables/registry.ts';
export type * from './tables/supervision.ts';

export interface Database {
  structure: StructureTable;
  unit: UnitTable;
  unit_link: UnitLinkTable;
  import_batch: ImportBatchTable;
  poverty_review: PovertyReviewTable;
  target: TargetTable;
  observation: ObservationTable;
  project: ProjectTable;
  coordination_status: CoordinationStatusTable;
  team: TeamTable;
  team_member: TeamMemberTable;
  visit: VisitTable;
  route_plan: RoutePlanTable;
  visit_plan: VisitPlanTable;
  visit_plan_team: VisitPlanTeamTable;
  visit_plan_commune: VisitPlanCommuneTable;
  app_user: AppUserTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  priority_set: PrioritySetTable;
  priority_set_member: PrioritySetMemberTable;
  app_meta: AppMetaTable;
}

export type UnitRow = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type NewUnitLink = Insertable<UnitLinkTable>;
