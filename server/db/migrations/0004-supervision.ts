// Supervision (giám sát, TT 10/2022): teams, their members, visits and route plans.
import type { Kysely } from 'kysely';
import type { DialectName } from '../database.ts';
import { DOUBLE, withIdColumn } from './columns.ts';

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await withIdColumn(db.schema.createTable('team'), dialect)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('structure', 'text')
    .addColumn('province_code', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withIdColumn(db.schema.createTable('team_member'), dialect)
    .addColumn('team_id', 'integer', (c) => c.notNull().references('team.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role_in_team', 'text')
    .execute();
  await db.schema.createIndex('team_member_team_idx').on('team_member').column('team_id').execute();

  await withIdColumn(db.schema.createTable('route_plan'), dialect)
    .addColumn('team_id', 'integer', (c) => c.notNull().references('team.id').onDelete('cascade'))
    .addColumn('plan_date', 'text', (c) => c.notNull())
    .addColumn('stops', 'text', (c) => c.notNull())
    .addColumn('distance_km', DOUBLE)
    .addColumn('duration_min', DOUBLE)
    .addColumn('matrix_source', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('route_plan_team_idx').on('route_plan').columns(['team_id', 'plan_date']).execute();

  // The primary key is the client's id (a UUID made on the phone): a visit recorded offline and
  // sent twice is the same row, so sync is an idempotent upsert.
  await db.schema
    .createTable('visit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'integer', (c) => c.notNull().references('team.id'))
    .addColumn('structure', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('route_plan_id', 'integer', (c) => c.references('route_plan.id').onDelete('set null'))
    .addColumn('planned_date', 'text')
    .addColumn('actual_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('findings', 'text')
    .addColumn('follow_ups', 'text')
    .addColumn('lon', DOUBLE)
    .addColumn('lat', DOUBLE)
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('visit_team_idx').on('visit').columns(['team_id', 'planned_date']).execute();
  await db.schema.createIndex('visit_unit_idx').on('visit').columns(['structure', 'unit_code']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['visit', 'route_plan', 'team_member', 'team']) await db.schema.dropTable(table).execute();
}
