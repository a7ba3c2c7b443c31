// Every check of a build, in report order. Hard checks fail the build (exit 1, no stamp);
// soft ones are reported for people to judge.
import type { Crosswalk } from './crosswalk.ts';
import type { WrittenFile } from './layer-files.ts';
import type { LevelGeometry } from './level-geometry.ts';
import type { OldCommunePoint } from './old-commune-points.ts';
import type { IdentityResult } from './polygon-identity.ts';
import type { Registry } from './registry-types.ts';
import type { UnitList } from './units.ts';
import { checkArchipelagos, checkFeatures, checkNesting, type Check } from './validate-geometry.ts';
import {
  checkBoundaryCodes,
  checkCounts,
  checkCrosswalk,
  checkHoaDong,
  checkOldCommunePoints,
  checkSizes,
  type BoundaryRecord,
} from './validate-registry.ts';

export interface ValidationInput {
  registry: Registry;
  newList: UnitList;
  oldList: UnitList;
  crosswalk: Crosswalk;
  levels: LevelGeometry[];
  files: WrittenFile[];
  oldPoints: Map<string, OldCommunePoint>;
  identity: IdentityResult;
  boundaryRecords: BoundaryRecord[];
  provinces2025: BoundaryRecord[];
}

export function runChecks(v: ValidationInput): Check[] {
  const units = v.registry.units;
  return [
    ...checkCounts(v.registry, v.newList, v.oldList),
    ...checkBoundaryCodes(v.boundaryRecords, v.provinces2025, v.newList),
    ...checkFeatures(v.levels, units),
    ...checkNesting(v.levels, units, '2025/commune', '2025/province', true),
    ...checkNesting(v.levels, units, 'pre2025/district', 'pre2025/province', true),
    // Old communes are points placed through the crosswalk: outside their district is a warning.
    ...checkNesting(v.levels, units, 'pre2025/commune', 'pre2025/district', false),
    ...checkArchipelagos(v.levels, units),
    ...checkCrosswalk(v.crosswalk),
    checkHoaDong(v.registry),
    checkOldCommunePoints(v.oldPoints),
    checkSizes(v.files),
    {
      id: 'district-polygons:identity',
      hard: false,
      ok: v.identity.displaced.length === 0,
      summary: `2021 polygons checked against 2025 communes: ${v.identity.swaps.length} swapped pairs corrected, ${v.identity.displaced.length} displaced`,
      details: [...v.identity.swaps.map((s) => `swapped ${s.a} ↔ ${s.b}: ${s.evidence}`), ...v.identity.displaced],
    },
  ];
}
