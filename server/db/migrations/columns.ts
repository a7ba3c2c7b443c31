// Column helpers shared by the migrations: the few places where SQLite and PostgreSQL spell the
// same idea differently. Everything else in the migrations is plain portable Kysely.
import type { CreateTableBuilder } from 'kysely';
import type { DialectName } from '../database.ts';

/** Auto-numbered integer primary key: `autoincrement` on SQLite, an identity column on PostgreSQL. */
export function withIdColumn<T extends string>(
  table: CreateTableBuilder<T, never>,
  dialect: DialectName,
): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

// Floating-point numbers: 'double precision' is float8 on PostgreSQL and has REAL affinity on
// SQLite ("DOUB" in the type name). Plain 'real' would be only float4 on PostgreSQL, which
// rounds coordinates to about a metre.
export const DOUBLE = 'double precision' as const;
