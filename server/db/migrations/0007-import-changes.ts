// Undo for imports: every row an import replaced or added, with the row as it was before
// (null = the import added it). Undo restores exactly those rows and removes the added ones, so
// the replaced rows are kept here rather than trusting import_id alone (which only says who
// wrote a row last). visit gets the import_id the other data tables have had since 0002.
import type { Kysely } from 'kysely';
import type { DialectName } from '../database.ts';
import { withIdColumn } from './columns.ts';

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await withIdColumn(db.schema.createTable('import_change'), dialect)
    .addColumn('batch_id', 'integer', (c) => c.notNull())
    .addColumn('table_name', 'text', (c) => c.notNull())
    /** JSON of the row's key columns, as in audit_log.row_key. */
    .addColumn('row_key', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .execute();
  await db.schema.createIndex('import_change_batch_idx').on('import_change').column('batch_id').execute();
  await db.schema.alterTable('visit').addColumn('import_id', 'integer').execute();
  await db.schema.createIndex('import_batch_user_idx').on('import_batch').columns(['user_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('import_batch_user_idx').execute();
  await db.schema.alterTable('visit').dropColumn('import_id').execute();
  await db.schema.dropTable('import_change').execute();
}
