// GPS check-in (điểm danh GPS) of a visit recorded on a phone: the server compares the point the
// phone sent with the commune's boundary (its own polygon, or for a pre-2025 commune the 2025
// commune(s) it went into) and keeps the verdict beside the point, so the day's list (visits.today) can
// show "ngoài ranh giới xã" without redoing the geometry. Null: no point sent, or no boundary.
import type { Kysely } from 'kysely';
import { DOUBLE } from './columns.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('visit').addColumn('checkin', 'text').execute();
  // metres from the point to the nearest edge of the boundary, when outside it
  await db.schema.alterTable('visit').addColumn('checkin_distance_m', DOUBLE).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('visit').dropColumn('checkin_distance_m').execute();
  await db.schema.alterTable('visit').dropColumn('checkin').execute();
}
