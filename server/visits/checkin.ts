// The server's half of the GPS check-in: the point a phone sent with a visit, judged against the
// commune's boundary (commune-boundary.ts) by the same rule the phone used (core/field/checkin.ts),
// and stored with the visit. Boundaries are read once per commune per sync call.
import type { Kysely } from 'kysely';
import { judgeCheckin, type Checkin } from '../../core/field/checkin.ts';
import type { Database, StructureId } from '../db/schema.ts';
import type { BoundarySource } from '../geo/boundary-source.ts';
import { communeBoundary } from './commune-boundary.ts';

export type CheckinJudge = (visit: { structure: StructureId; unitCode: string; lon: number | null; lat: number | null }) => Promise<Checkin | null>;

export function checkinJudge(db: Kysely<Database>, boundaries: BoundarySource): CheckinJudge {
  const polygons = new Map<string, ReturnType<typeof communeBoundary>>();
  return async ({ structure, unitCode, lon, lat }) => {
    if (lon === null || lat === null) return null;
    const key = `${structure}/${unitCode}`;
    if (!polygons.has(key)) polygons.set(key, communeBoundary(db, boundaries, structure, unitCode));
    const boundary = await polygons.get(key)!;
    return judgeCheckin([lon, lat], boundary.features);
  };
}
