// Geometry checks on what was written: every feature valid, its code in the unit list, its label
// point inside it, children inside their parent, and the archipelagos present at every level of
// detail. Each check returns a Check; `hard` ones fail the build.
import { validityProblem } from './geometry-validity.ts';
import { bboxOf, pointInMultiPolygon, type BBox } from './geometry.ts';
import type { LevelGeometry } from './level-geometry.ts';
import type { RegistryUnit } from './registry-types.ts';

export interface Check {
  id: string;
  hard: boolean;
  ok: boolean;
  summary: string;
  details?: string[];
}

const MAX_DETAILS = 50;
const check = (id: string, hard: boolean, problems: string[], okText: string, failText: string): Check => ({
  id,
  hard,
  ok: problems.length === 0,
  summary: problems.length === 0 ? okText : `${failText}: ${problems.length}`,
  details: problems.length === 0 ? undefined : problems.slice(0, MAX_DETAILS),
});

const key = (l: LevelGeometry) => `${l.structure}/${l.level}`;

export function checkFeatures(levels: LevelGeometry[], units: RegistryUnit[]): Check[] {
  const checks: Check[] = [];
  const known = new Set(units.map((u) => `${u.structure}/${u.level}/${u.code}`));
  for (const level of levels) {
    const invalid: string[] = [];
    const unknown: string[] = [];
    const missing: string[] = [];
    const expected = units.filter(
      (u) => u.structure === level.structure && u.level === level.level && u.geometry !== 'none',
    );
    for (const [lod, byCode] of level.byLod) {
      for (const [code, parts] of byCode) {
        const problem = validityProblem(parts);
        if (problem) invalid.push(`${lod} ${code}: ${problem}`);
        if (!known.has(`${key(level)}/${code}`)) unknown.push(`${lod} ${code}`);
      }
      for (const u of expected) if (!byCode.has(u.code)) missing.push(`${lod} ${u.code} ${u.fullName}`);
    }
    for (const d of level.duplicates) unknown.push(`duplicate ${d}`);
    checks.push(
      check(
        `valid:${key(level)}`,
        true,
        invalid,
        `${key(level)}: every feature valid at every level of detail`,
        `${key(level)}: invalid features`,
      ),
    );
    checks.push(
      check(
        `codes:${key(level)}`,
        true,
        unknown,
        `${key(level)}: every feature code is in the unit list, once`,
        `${key(level)}: codes not in the unit list or repeated`,
      ),
    );
    checks.push(
      check(
        `complete:${key(level)}`,
        true,
        missing,
        `${key(level)}: every unit with geometry is in every level of detail`,
        `${key(level)}: units missing from a level of detail`,
      ),
    );
    const outside: string[] = [];
    const detail = level.byLod.get('detail') ?? new Map();
    for (const [code, parts] of detail) {
      const label = level.labelPoint.get(code);
      if (!label || !pointInMultiPolygon(label, parts))
        outside.push(`${code}${label ? ` (${label.join(', ')})` : ' (no label point)'}`);
    }
    checks.push(
      check(
        `label-inside:${key(level)}`,
        true,
        outside,
        `${key(level)}: every label point lies inside its detail polygon`,
        `${key(level)}: label points outside their polygon`,
      ),
    );
  }
  return checks;
}

/** Children's label points inside the parent's detail polygon, and children's areas adding up. */
export function checkNesting(
  levels: LevelGeometry[],
  units: RegistryUnit[],
  child: string,
  parent: string,
  hard: boolean,
): Check[] {
  const parentLevel = levels.find((l) => key(l) === parent);
  if (!parentLevel) return [];
  const parentDetail = parentLevel.byLod.get('detail') ?? new Map();
  const [structure, level] = child.split('/');
  const outside: string[] = [];
  const areaSum = new Map<string, number>();
  let children = 0;
  for (const u of units) {
    if (u.structure !== structure || u.level !== level || !u.parentCode) continue;
    children++;
    const parentParts = parentDetail.get(u.parentCode);
    if (!u.labelPoint || !parentParts || !pointInMultiPolygon(u.labelPoint, parentParts)) {
      outside.push(`${u.code} ${u.fullName} not inside ${u.parentCode}`);
    }
    if (u.areaKm2 !== null) areaSum.set(u.parentCode, (areaSum.get(u.parentCode) ?? 0) + u.areaKm2);
  }
  const checks = [
    check(
      `nesting:${child}`,
      hard,
      outside,
      `${child}: all ${children} label points inside their ${parent} parent`,
      `${child}: label points outside their parent`,
    ),
  ];
  if (areaSum.size > 0) {
    const off: string[] = [];
    for (const [code, sum] of areaSum) {
      const area = parentLevel.areaKm2.get(code);
      if (area && Math.abs(sum - area) / area > 0.01)
        off.push(`${code}: children ${sum.toFixed(1)} km² vs parent ${area.toFixed(1)} km²`);
    }
    checks.push(
      check(
        `area-sum:${child}`,
        hard,
        off,
        `${child}: children's areas add up to their parent's within 1%`,
        `${child}: children's areas differ from their parent's by more than 1%`,
      ),
    );
  }
  return checks;
}

export interface Archipelago {
  name: string;
  /** Where its islands lie (well away from the mainland coast). */
  box: BBox;
  /** structure/level → code of the unit that must include islands there. */
  units: Record<string, string>;
}

export const ARCHIPELAGOS: Archipelago[] = [
  {
    name: 'Hoàng Sa',
    box: [111, 15.4, 113, 17.4],
    units: { '2025/commune': '20333', '2025/province': '48', 'pre2025/district': '498', 'pre2025/province': '48' },
  },
  {
    name: 'Trường Sa',
    box: [111, 6, 118, 12],
    units: { '2025/commune': '22736', '2025/province': '56', 'pre2025/district': '576', 'pre2025/province': '56' },
  },
];

export function checkArchipelagos(levels: LevelGeometry[], units: RegistryUnit[]): Check[] {
  return ARCHIPELAGOS.map((a) => {
    const problems: string[] = [];
    for (const [levelKey, code] of Object.entries(a.units)) {
      const level = levels.find((l) => key(l) === levelKey);
      if (!level) {
        problems.push(`${levelKey}: level not built`);
        continue;
      }
      for (const [lod, byCode] of level.byLod) {
        const parts = byCode.get(code) ?? [];
        const islands = parts.filter((p) => {
          const b = bboxOf([p]);
          return b[0] >= a.box[0] && b[2] <= a.box[2] && b[1] >= a.box[1] && b[3] <= a.box[3];
        });
        if (islands.length === 0) problems.push(`${levelKey} ${code} at ${lod}: no island inside ${a.box.join(',')}`);
      }
      const unit = units.find((u) => `${u.structure}/${u.level}` === levelKey && u.code === code);
      if (!unit?.labelPoint) problems.push(`${levelKey} ${code}: no label point`);
    }
    return check(
      `archipelago:${a.name}`,
      true,
      problems,
      `${a.name} present in both structures at every level of detail and in the label files`,
      `${a.name} missing`,
    );
  });
}
