// target.simulated: demo targets said they were invented only in their source text, so a
// target-gap map could not flag itself "mô phỏng" from the rows that fed it. 0/1 like
// poverty_review.simulated; existing rows are user or real targets (0) until the demo re-seeds.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('target').addColumn('simulated', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('target').dropColumn('simulated').execute();
}
