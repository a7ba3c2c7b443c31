// Boundaries uploaded for units the geodata build has no polygon for (pre-2025 communes: no
// openly licensed source exists, so the map draws them as symbols). A province's own files fill
// them in; one row per unit. The geometry is GeoJSON text (WGS84) rather than a spatial type so
// SQLite and PostgreSQL store it alike; the bbox columns let a map view pick rows without parsing.
import type { Kysely } from 'kysely';
import { DOUBLE } from './columns.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unit_boundary')
    .addColumn('structure', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    /** GeoJSON Polygon or MultiPolygon geometry, WGS84 lon/lat. */
    .addColumn('geometry', 'text', (c) => c.notNull())
    .addColumn('min_lon', DOUBLE, (c) => c.notNull())
    .addColumn('min_lat', DOUBLE, (c) => c.notNull())
    .addColumn('max_lon', DOUBLE, (c) => c.notNull())
    .addColumn('max_lat', DOUBLE, (c) => c.notNull())
    /** The uploaded file's name, shown as the polygon's source. */
    .addColumn('source', 'text')
    /** import_batch.id of the upload that wrote the row (undo checks it, like the data tables). */
    .addColumn('import_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_boundary_pk', ['structure', 'code'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('unit_boundary').execute();
}
