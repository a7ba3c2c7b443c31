// Saved priority rankings (danh sách xã ưu tiên) with the reasons shown for each member.
import type { Kysely } from 'kysely';
import type { DialectName } from '../database.ts';
import { DOUBLE, withIdColumn } from './columns.ts';

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await withIdColumn(db.schema.createTable('priority_set'), dialect)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('structure', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Members share the set's structure, so the unit key is (set.structure, unit_code).
  await db.schema
    .createTable('priority_set_member')
    .addColumn('set_id', 'integer', (c) => c.notNull().references('priority_set.id').onDelete('cascade'))
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('score', DOUBLE)
    .addColumn('reasons', 'text')
    .addPrimaryKeyConstraint('priority_set_member_pk', ['set_id', 'unit_code'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['priority_set_member', 'priority_set']) await db.schema.dropTable(table).execute();
}
