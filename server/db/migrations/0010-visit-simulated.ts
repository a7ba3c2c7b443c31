// visit.simulated: demo visits (mô phỏng) must say so wherever they are shown or exported, like
// review rows, targets and projects; until now only their team's name carried "(mô phỏng)".
// Existing rows are recorded or imported visits (0) until the demo re-seeds.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('visit').addColumn('simulated', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('visit').dropColumn('simulated').execute();
}
