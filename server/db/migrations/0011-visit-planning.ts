// Visit planning (kế hoạch giám sát, issue 7): a team's planning settings, plans with their teams
// and communes, and route_plan rows tied to a plan (one per team and day of the plan).
//
// Team columns are added with defaults (07:30-17:00, 60 min a commune, car, home every night) so
// teams made before this migration plan sensibly; the base is null until someone (or the demo
// seed) sets it, and a plan then starts such a team at its province's label point.
import type { Kysely } from 'kysely';
import type { DialectName } from '../database.ts';
import { DOUBLE, withIdColumn } from './columns.ts';

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  // SQLite adds one column per ALTER TABLE; PostgreSQL takes the same statements.
  const team = () => db.schema.alterTable('team');
  await team().addColumn('base_kind', 'text').execute(); // 'unit' | 'point' | null
  await team().addColumn('base_structure', 'text').execute();
  await team().addColumn('base_code', 'text').execute();
  await team().addColumn('base_lon', DOUBLE).execute();
  await team().addColumn('base_lat', DOUBLE).execute();
  await team().addColumn('base_label', 'text').execute();
  await team().addColumn('day_start', 'text', (c) => c.notNull().defaultTo('07:30')).execute();
  await team().addColumn('day_end', 'text', (c) => c.notNull().defaultTo('17:00')).execute();
  await team().addColumn('service_minutes', 'integer', (c) => c.notNull().defaultTo(60)).execute();
  await team().addColumn('available_days', 'text').execute(); // JSON ISO dates; null = Mon-Fri
  await team().addColumn('vehicle', 'text', (c) => c.notNull().defaultTo('car')).execute();
  await team().addColumn('overnight', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await withIdColumn(db.schema.createTable('visit_plan'), dialect)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('structure', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('first_day', 'text', (c) => c.notNull())
    .addColumn('last_day', 'text', (c) => c.notNull())
    .addColumn('source_set_id', 'integer', (c) => c.references('priority_set.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('matrix_source', 'text', (c) => c.notNull())
    // JSON PlanProblem[]: what the current routes break (after a stop was moved by hand)
    .addColumn('problems', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();
  await db.schema.createIndex('visit_plan_province_idx').on('visit_plan').columns(['structure', 'province_code']).execute();

  await db.schema
    .createTable('visit_plan_team')
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('visit_plan.id').onDelete('cascade'))
    .addColumn('team_id', 'integer', (c) => c.notNull().references('team.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('visit_plan_team_pk', ['plan_id', 'team_id'])
    .execute();

  // The plan's communes are of the plan's structure. Where a commune is routed lives in
  // route_plan.stops; `locked` pins it there (its team, day and order) when the plan is solved
  // again; `unassigned_reason` says why it is in no route (null when routed).
  await db.schema
    .createTable('visit_plan_commune')
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('visit_plan.id').onDelete('cascade'))
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('priority', DOUBLE)
    .addColumn('rank', 'integer')
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unassigned_reason', 'text')
    // the visit made for it when the plan was published: re-publishing updates the same row
    .addColumn('visit_id', 'text')
    .addPrimaryKeyConstraint('visit_plan_commune_pk', ['plan_id', 'unit_code'])
    .execute();

  // route_plan rows of a plan: one per team and day, even an empty one, so published visits keep
  // pointing at the same row while the plan is edited.
  await db.schema.alterTable('route_plan').addColumn('plan_id', 'integer', (c) => c.references('visit_plan.id').onDelete('cascade')).execute();
  await db.schema.alterTable('route_plan').addColumn('leave_time', 'text').execute();
  await db.schema.alterTable('route_plan').addColumn('finish_time', 'text').execute();
  await db.schema.alterTable('route_plan').addColumn('ends_at', 'text').execute();
  await db.schema.alterTable('route_plan').addColumn('travel_min', DOUBLE).execute();
  await db.schema.createIndex('route_plan_plan_idx').on('route_plan').column('plan_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('route_plan_plan_idx').execute();
  for (const column of ['travel_min', 'ends_at', 'finish_time', 'leave_time', 'plan_id']) {
    await db.schema.alterTable('route_plan').dropColumn(column).execute();
  }
  for (const table of ['visit_plan_commune', 'visit_plan_team', 'visit_plan']) await db.schema.dropTable(table).execute();
  for (const column of ['overnight', 'vehicle', 'available_days', 'service_minutes', 'day_end', 'day_start', 'base_label', 'base_lat', 'base_lon', 'base_code', 'base_structure', 'base_kind']) {
    await db.schema.alterTable('team').dropColumn(column).execute();
  }
}
