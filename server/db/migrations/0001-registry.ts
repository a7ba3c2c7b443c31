// The unit registry: structures, units of both structures, and the old→new crosswalk.
// Filled (and refilled) by `npm run seed` from geodata/build/registry.json.
import type { Kysely } from 'kysely';
import { DOUBLE } from './columns.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('structure')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text')
    .addColumn('effective_to', 'text')
    .execute();

  await db.schema
    .createTable('unit')
    .addColumn('structure', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('centroid_lon', DOUBLE)
    .addColumn('centroid_lat', DOUBLE)
    .addColumn('label_lon', DOUBLE)
    .addColumn('label_lat', DOUBLE)
    .addColumn('area_km2', DOUBLE)
    .addColumn('geometry_status', 'text', (c) => c.notNull())
    .addColumn('geometry_note', 'text')
    .addColumn('poor_district', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('poor_district_source', 'text')
    .addColumn('coastal_extremely_difficult', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('coastal_extremely_difficult_source', 'text')
    .addColumn('search_key', 'text', (c) => c.notNull())
    .addColumn('search_key_full', 'text', (c) => c.notNull())
    .addColumn('search_tone_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_pk', ['structure', 'code'])
    .execute();
  // children of a unit (units.children, paths) and the level filters of search/choropleths
  await db.schema.createIndex('unit_parent_idx').on('unit').columns(['structure', 'parent_code']).execute();
  await db.schema.createIndex('unit_level_idx').on('unit').columns(['structure', 'level', 'province_code']).execute();
  // exact/prefix search on the folded name; contains-search scans ~14k short rows, which is fast
  await db.schema.createIndex('unit_search_key_idx').on('unit').column('search_key').execute();

  await db.schema
    .createTable('unit_link')
    .addColumn('from_structure', 'text', (c) => c.notNull())
    .addColumn('from_code', 'text', (c) => c.notNull())
    .addColumn('to_structure', 'text', (c) => c.notNull())
    .addColumn('to_code', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('share', DOUBLE)
    .addPrimaryKeyConstraint('unit_link_pk', ['from_structure', 'from_code', 'to_structure', 'to_code'])
    .execute();
  // predecessors: the primary key serves successors, this serves the reverse direction
  await db.schema.createIndex('unit_link_to_idx').on('unit_link').columns(['to_structure', 'to_code']).execute();

  await db.schema
    .createTable('app_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['app_meta', 'unit_link', 'unit', 'structure']) await db.schema.dropTable(table).execute();
}
