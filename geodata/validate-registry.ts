// Checks on the registry, the lists and the crosswalk: counts, 2025 boundary codes against the
// unit list, crosswalk coverage, the Hòa Đồng example, old-commune placement, file budgets.
import { toneInsensitiveKey } from '../core/text.ts';
import type { Crosswalk } from './crosswalk.ts';
import type { WrittenFile } from './layer-files.ts';
import { sharedPointFigures, type OldCommunePoint } from './old-commune-points.ts';
import type { Registry } from './registry-types.ts';
import type { UnitList } from './units.ts';
import type { Check } from './validate-geometry.ts';

/** Counts the programme works with (DOMAIN.md, geodata/README.md). */
export const KNOWN_COUNTS: Record<string, number> = {
  '2025/province': 34,
  '2025/commune': 3321,
  'pre2025/province': 63,
  'pre2025/district': 696,
  'pre2025/commune': 10047,
};

export function countUnits(registry: Registry): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const u of registry.units) counts[`${u.structure}/${u.level}`] = (counts[`${u.structure}/${u.level}`] ?? 0) + 1;
  return counts;
}

export function checkCounts(registry: Registry, newList: UnitList, oldList: UnitList): Check[] {
  const counts = countUnits(registry);
  const listCounts: Record<string, number> = {};
  for (const u of [...newList.units, ...oldList.units])
    listCounts[`${u.structure}/${u.level}`] = (listCounts[`${u.structure}/${u.level}`] ?? 0) + 1;
  const mismatch = Object.entries(listCounts)
    .filter(([k, n]) => counts[k] !== n)
    .map(([k, n]) => `${k}: registry ${counts[k] ?? 0}, list ${n}`);
  const unexpected = Object.entries(KNOWN_COUNTS)
    .filter(([k, n]) => counts[k] !== n)
    .map(([k, n]) => `${k}: ${counts[k] ?? 0}, expected ${n}`);
  return [
    {
      id: 'counts:registry',
      hard: true,
      ok: mismatch.length === 0,
      summary: mismatch.length === 0 ? 'registry holds every unit of both lists' : 'registry and lists disagree',
      details: mismatch.length ? mismatch : undefined,
    },
    {
      id: 'counts:known',
      hard: false,
      ok: unexpected.length === 0,
      summary:
        unexpected.length === 0
          ? '34 / 3,321 (2025) and 63 / 696 / 10,047 (pre2025) as expected'
          : 'counts differ from the known ones',
      details: unexpected.length ? unexpected : undefined,
    },
  ];
}

export interface BoundaryRecord {
  code: string;
  provinceCode: string;
  fullName: string;
}

/** The 2025 boundary files' codes, parents and names against units-2026-07-25.json. */
export function checkBoundaryCodes(records: BoundaryRecord[], provinces: BoundaryRecord[], newList: UnitList): Check[] {
  const errors: string[] = [];
  const names: string[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    const u = newList.byCode.get(r.code);
    if (!u || u.level !== 'commune') errors.push(`commune ${r.code} ${r.fullName}: not a commune in ${newList.file}`);
    else {
      if (u.provinceCode !== r.provinceCode)
        errors.push(`commune ${r.code}: province ${r.provinceCode} in the boundaries, ${u.provinceCode} in the list`);
      if (u.fullName !== r.fullName)
        names.push(
          `${r.code}: boundaries "${r.fullName}", list "${u.fullName}"${toneInsensitiveKey(u.fullName) === toneInsensitiveKey(r.fullName) ? ' (spelling only)' : ''}`,
        );
    }
    if (seen.has(r.code)) errors.push(`commune ${r.code}: twice in the boundaries`);
    seen.add(r.code);
  }
  for (const u of newList.units)
    if (u.level === 'commune' && !seen.has(u.code))
      errors.push(`commune ${u.code} ${u.fullName}: no polygon in the boundaries`);
  for (const p of provinces)
    if (newList.byCode.get(p.code)?.level !== 'province')
      errors.push(`province ${p.code} ${p.fullName}: not a province in the list`);
  return [
    {
      id: 'boundaries-2025:codes',
      hard: true,
      ok: errors.length === 0,
      summary:
        errors.length === 0
          ? `all ${records.length} commune and ${provinces.length} province polygons match the unit list's codes and provinces`
          : 'boundary codes disagree with the unit list',
      details: errors.length ? errors.slice(0, 50) : undefined,
    },
    {
      id: 'boundaries-2025:names',
      hard: false,
      ok: names.length === 0,
      summary:
        names.length === 0
          ? 'boundary names equal the list names'
          : `names written differently in the boundaries: ${names.length}`,
      details: names.length ? names.slice(0, 50) : undefined,
    },
  ];
}

export function checkCrosswalk(crosswalk: Crosswalk): Check[] {
  const c = crosswalk.coverage;
  const viaDistrict = new Set(crosswalk.districtLinks.map((l) => l.toCode));
  const newMissing = c.newCommunesWithoutLink.filter((code) => !viaDistrict.has(code));
  const ok = c.oldCommunesWithoutLink.length === 0 && newMissing.length === 0;
  return [
    {
      id: 'crosswalk:coverage',
      hard: true,
      ok,
      summary: `old communes linked ${c.oldCommunesLinked}/${c.oldCommunes}; new communes linked ${c.newCommunesLinked}/${c.newCommunes} (+${c.newCommunesWithoutLink.length - newMissing.length} island zones linked from old island districts); provinces ${c.oldProvincesLinked} old → ${c.newProvincesLinked} new`,
      details: ok
        ? undefined
        : [
            ...c.oldCommunesWithoutLink.map((x) => `old ${x} without link`),
            ...newMissing.map((x) => `new ${x} without link`),
          ].slice(0, 50),
    },
    {
      id: 'crosswalk:consistency',
      hard: false,
      ok: crosswalk.issues.length === 0,
      summary:
        crosswalk.issues.length === 0
          ? 'splits.json and merges.json agree'
          : `disagreements in the crosswalk: ${crosswalk.issues.length}`,
      details: crosswalk.issues.length ? crosswalk.issues.slice(0, 50) : undefined,
    },
  ];
}

/** The example the whole design leans on (DESIGN.md "Geography is versioned"). */
export function checkHoaDong(registry: Registry): Check {
  const find = (structure: string, code: string) =>
    registry.units.find((u) => u.structure === structure && u.code === code);
  const old = find('pre2025', '22276');
  const district = find('pre2025', '562');
  const province = find('pre2025', '54');
  const now = find('2025', '22276');
  const link = registry.links.find((l) => l.fromCode === '22276' && l.toCode === '22276' && l.level === 'commune');
  const problems: string[] = [];
  // dvhcvn writes "Huyện Tây Hoà" (old tone placement): compare as the same written word.
  const same = (a: string | undefined, b: string) => a !== undefined && toneInsensitiveKey(a) === toneInsensitiveKey(b);
  if (!old || !same(old.fullName, 'Xã Hòa Đồng') || old.parentCode !== '562' || old.provinceCode !== '54')
    problems.push(`pre2025 22276 is ${JSON.stringify(old && [old.fullName, old.parentCode, old.provinceCode])}`);
  if (!same(district?.fullName, 'Huyện Tây Hòa') || !same(province?.fullName, 'Tỉnh Phú Yên'))
    problems.push(`parents are ${district?.fullName} / ${province?.fullName}`);
  if (!now || !same(now.fullName, 'Xã Hòa Thịnh') || now.provinceCode !== '66')
    problems.push(`2025 22276 is ${JSON.stringify(now && [now.fullName, now.provinceCode])}`);
  if (!link) problems.push('no link pre2025 22276 → 2025 22276');
  if (!old?.labelPoint) problems.push('old Hòa Đồng has no label point');
  return {
    id: 'example:hoa-dong',
    hard: true,
    ok: problems.length === 0,
    summary:
      problems.length === 0
        ? 'pre2025 22276 Xã Hòa Đồng (562 Huyện Tây Hòa, 54 Tỉnh Phú Yên) → 2025 22276 Xã Hoà Thịnh (66 Đắk Lắk)'
        : 'Hòa Đồng example broken',
    details: problems.length ? problems : undefined,
  };
}

export function checkOldCommunePoints(points: Map<string, OldCommunePoint>): Check {
  const tally: Record<string, number> = {};
  for (const p of points.values()) tally[p.placement] = (tally[p.placement] ?? 0) + 1;
  const unplaced = [...points].filter(([, p]) => p.placement === 'unplaced').map(([code]) => code);
  // Old communes on one point hide each other on the map; spreading should leave none.
  const shared = sharedPointFigures(points);
  return {
    id: 'old-communes:placement',
    hard: false,
    ok: unplaced.length === 0 && !tally['successor-outside-district'] && shared.sharing === 0,
    summary: `old communes placed: ${Object.entries(tally)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}; ${shared.distinct} distinct points, ${shared.sharing} sharing one, ${shared.within100m.length} within 100 m of another`,
    details: unplaced.length ? unplaced.slice(0, 50) : undefined,
  };
}

/** Whole-country files must stay small: they are what a phone downloads first. */
export const SIZE_BUDGET: Record<string, number> = {
  '2025/province.country.fgb': 300_000,
  'pre2025/province.country.fgb': 300_000,
  '2025/commune.country.fgb': 4_000_000,
};

export function checkSizes(files: WrittenFile[]): Check {
  const over = files
    .filter((f) => SIZE_BUDGET[f.path] && f.bytes > SIZE_BUDGET[f.path])
    .map((f) => `${f.path}: ${f.bytes} bytes > ${SIZE_BUDGET[f.path]}`);
  return {
    id: 'sizes:country',
    hard: false,
    ok: over.length === 0,
    summary:
      over.length === 0
        ? 'country files within budget (provinces < 300 KB, 2025 communes < 4 MB)'
        : 'country files over budget',
    details: over.length ? over : undefined,
  };
}
