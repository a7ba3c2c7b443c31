// A saved priority set can be sent to visit planning (gửi lập kế hoạch giám sát): when, by whom.
// Visit planning lists the sets sent to it; a set is never changed after it was saved, so what a
// team plans from is exactly what the planner chose.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('priority_set').addColumn('sent_to_planning_at', 'text').execute();
  await db.schema.alterTable('priority_set').addColumn('sent_to_planning_by', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('priority_set').dropColumn('sent_to_planning_by').execute();
  await db.schema.alterTable('priority_set').dropColumn('sent_to_planning_at').execute();
}
