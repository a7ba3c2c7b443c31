// In-code migration provider: the migrations are imported modules, not files found at run time,
// so they work the same under tsx, in a bundle and on both dialects. Names sort in run order.
import { type Migration, type MigrationProvider } from 'kysely';
import type { DialectName } from '../database.ts';
import * as registry from './0001-registry.ts';
import * as programmeData from './0002-programme-data.ts';
import * as accounts from './0003-accounts.ts';
import * as supervision from './0004-supervision.ts';
import * as priority from './0005-priority.ts';
import * as targetSimulated from './0006-target-simulated.ts';
import * as importChanges from './0007-import-changes.ts';
import * as unitBoundary from './0008-unit-boundary.ts';
import * as priorityPlanning from './0009-priority-planning.ts';
import * as visitSimulated from './0010-visit-simulated.ts';
import * as visitPlanning from './0011-visit-planning.ts';
import * as visitCheckin from './0012-visit-checkin.ts';

export function migrationProvider(dialect: DialectName): MigrationProvider {
  const all: Record<string, Migration> = {
    '0001-registry': { up: (db) => registry.up(db), down: (db) => registry.down(db) },
    '0002-programme-data': { up: (db) => programmeData.up(db, dialect), down: (db) => programmeData.down(db) },
    '0003-accounts': { up: (db) => accounts.up(db, dialect), down: (db) => accounts.down(db) },
    '0004-supervision': { up: (db) => supervision.up(db, dialect), down: (db) => supervision.down(db) },
    '0005-priority': { up: (db) => priority.up(db, dialect), down: (db) => priority.down(db) },
    '0006-target-simulated': { up: (db) => targetSimulated.up(db), down: (db) => targetSimulated.down(db) },
    '0007-import-changes': { up: (db) => importChanges.up(db, dialect), down: (db) => importChanges.down(db) },
    '0008-unit-boundary': { up: (db) => unitBoundary.up(db), down: (db) => unitBoundary.down(db) },
    '0009-priority-planning': { up: (db) => priorityPlanning.up(db), down: (db) => priorityPlanning.down(db) },
    '0010-visit-simulated': { up: (db) => visitSimulated.up(db), down: (db) => visitSimulated.down(db) },
    '0011-visit-planning': { up: (db) => visitPlanning.up(db, dialect), down: (db) => visitPlanning.down(db) },
    '0012-visit-checkin': { up: (db) => visitCheckin.up(db), down: (db) => visitCheckin.down(db) },
  };
  return { getMigrations: async () => all };
}

