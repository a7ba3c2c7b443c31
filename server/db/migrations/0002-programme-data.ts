// Programme data keyed by (structure, unit code): poverty reviews, targets, other indicators,
// projects, the province coordination layer, and the import batches they came from.
import type { Kysely } from 'kysely';
import type { DialectName } from '../database.ts';
import { DOUBLE, withIdColumn } from './columns.ts';

/** NĐ 07/2021 has 12 deprivation indicators; d01..d12 hold households deprived in each. */
const DEPRIVATION_COLUMNS = Array.from({ length: 12 }, (_, i) => `d${String(i + 1).padStart(2, '0')}`);

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await withIdColumn(db.schema.createTable('import_batch'), dialect)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('row_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('report', 'text')
    .addColumn('user_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  let review = db.schema
    .createTable('poverty_review')
    .addColumn('structure', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('poverty_standard', 'text', (c) => c.notNull())
    .addColumn('households', 'integer')
    .addColumn('poor', 'integer')
    .addColumn('near_poor', 'integer')
    .addColumn('escaped', 'integer')
    .addColumn('newly_poor', 'integer')
    .addColumn('re_poor', 'integer');
  for (const column of DEPRIVATION_COLUMNS) review = review.addColumn(column, 'integer');
  await review
    .addColumn('source', 'text')
    .addColumn('simulated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('import_id', 'integer')
    .addPrimaryKeyConstraint('poverty_review_pk', ['structure', 'unit_code', 'year'])
    .execute();
  // choropleths ask "all units of a structure for one year"
  await db.schema.createIndex('poverty_review_year_idx').on('poverty_review').columns(['structure', 'year']).execute();

  await withIdColumn(db.schema.createTable('target'), dialect)
    .addColumn('structure', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('value', DOUBLE, (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('import_id', 'integer')
    .addUniqueConstraint('target_unit_year_indicator_uq', ['structure', 'unit_code', 'year', 'indicator'])
    .execute();

  await withIdColumn(db.schema.createTable('observation'), dialect)
    .addColumn('structure', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('value', DOUBLE)
    .addColumn('source', 'text')
    .addColumn('simulated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('import_id', 'integer')
    .addUniqueConstraint('observation_unit_year_indicator_uq', ['structure', 'unit_code', 'year', 'indicator'])
    .execute();
  await db.schema
    .createIndex('observation_indicator_idx')
    .on('observation')
    .columns(['indicator', 'structure', 'year'])
    .execute();

  await withIdColumn(db.schema.createTable('project'), dialect)
    .addColumn('programme_project', 'text', (c) => c.notNull())
    .addColumn('sub_project', 'text')
    .addColumn('structure', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('budget_central', DOUBLE)
    .addColumn('budget_local', DOUBLE)
    .addColumn('budget_other', DOUBLE)
    .addColumn('households', 'integer')
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress_pct', DOUBLE)
    .addColumn('disbursed', DOUBLE)
    .addColumn('source', 'text')
    .addColumn('simulated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('import_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_unit_idx').on('project').columns(['structure', 'unit_code']).execute();
  await db.schema.createIndex('project_code_idx').on('project').columns(['programme_project', 'sub_project']).execute();

  await db.schema
    .createTable('coordination_status')
    .addColumn('structure', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('signed', 'integer')
    .addColumn('signed_document', 'text')
    .addColumn('signed_date', 'text')
    .addColumn('reported', 'integer')
    .addColumn('report_document', 'text')
    .addColumn('report_date', 'text')
    .addColumn('source', 'text')
    .addPrimaryKeyConstraint('coordination_status_pk', ['structure', 'province_code', 'year'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['coordination_status', 'project', 'observation', 'target', 'poverty_review', 'import_batch']) {
    await db.schema.dropTable(table).execute();
  }
}
