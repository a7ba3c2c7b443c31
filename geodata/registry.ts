// Assembles registry.json: units of both structures from the unit lists, geometry status from
// the district plan (known before any geometry is read, so the early registry is already right
// about it), then points and areas once the geometry is built.
import fs from 'node:fs';
import path from 'node:path';
import type { Position } from 'geojson';
import type { DistrictPlanResult } from './district-plan.ts';
import type { LevelGeometry } from './level-geometry.ts';
import type { OldCommunePoint } from './old-commune-points.ts';
import type { Registry, RegistryUnit } from './registry-types.ts';
import type { ListUnit, UnitList } from './units.ts';

const NOTES = {
  province2025:
    "Dissolved from the source's 2025 commune polygons so communes nest exactly; the source's separately generalised province file is only compared.",
  provincePre2025:
    'Dissolved from the rebuilt district polygons (2021 polygons in the 2025-03-01 layout) so districts nest exactly.',
  provinceWithoutDistricts:
    'Outline from boundaries-2025 (the province did not change on 1 July 2025): dissolved from its 2025 communes, through its rebuilt districts.',
  oldCommune: 'No openly licensed polygons of old communes exist: the unit is a point placed through the crosswalk.',
};

const LEVEL_ORDER = { province: 0, district: 1, commune: 2 } as const;

function unit(u: ListUnit, geometry: RegistryUnit['geometry'], geometryNote: string | null): RegistryUnit {
  return {
    structure: u.structure,
    code: u.code,
    level: u.level,
    name: u.name,
    fullName: u.fullName,
    nameEn: u.nameEn,
    type: u.type,
    parentCode: u.parentCode,
    provinceCode: u.provinceCode,
    centroid: null,
    labelPoint: null,
    areaKm2: null,
    geometry,
    geometryNote,
  };
}

/** Units with names, hierarchy and planned geometry status; points and areas still null. */
export function registryUnits(newList: UnitList, oldList: UnitList, plan: DistrictPlanResult): RegistryUnit[] {
  const units: RegistryUnit[] = [];
  for (const u of newList.units) {
    units.push(u.level === 'province' ? unit(u, 'rebuilt', NOTES.province2025) : unit(u, 'source', null));
  }
  const fromNewCommunes = new Set(
    [...plan.districts.values()].filter((d) => d.fromNewCommunes).map((d) => d.provinceCode),
  );
  for (const u of oldList.units) {
    if (u.level === 'province')
      units.push(
        unit(u, 'rebuilt', fromNewCommunes.has(u.code) ? NOTES.provinceWithoutDistricts : NOTES.provincePre2025),
      );
    else if (u.level === 'district') {
      const p = plan.districts.get(u.code);
      units.push(unit(u, p?.status ?? 'none', p?.note ?? null));
    } else units.push(unit(u, 'none', NOTES.oldCommune));
  }
  const structureOrder = (s: string) => (s === '2025' ? 0 : 1);
  return units.sort(
    (a, b) =>
      structureOrder(a.structure) - structureOrder(b.structure) ||
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      a.code.localeCompare(b.code),
  );
}

const lonLat = (p: Position | undefined | null): [number, number] | null => (p ? [p[0], p[1]] : null);

/**
 * Fills points and areas from the built geometry. `approximated`: districts that received area
 * from 2025 communes; `corrections`: districts whose source polygon was corrected (swapped codes).
 */
export function fillRegistryGeometry(
  units: RegistryUnit[],
  levels: LevelGeometry[],
  oldPoints: Map<string, OldCommunePoint>,
  approximated: Map<string, string[]>,
  corrections: Map<string, string>,
): void {
  const byKey = new Map(levels.map((l) => [`${l.structure}/${l.level}`, l]));
  for (const u of units) {
    if (u.structure === 'pre2025' && u.level === 'commune') {
      const placed = oldPoints.get(u.code);
      u.labelPoint = lonLat(placed?.point);
      u.centroid = lonLat(placed?.point);
      if (placed) u.geometryNote = placed.note;
      continue;
    }
    const level = byKey.get(`${u.structure}/${u.level}`);
    if (!level?.byLod.get('detail')?.has(u.code)) {
      u.geometry = 'none';
      u.geometryNote = `${u.geometryNote ? u.geometryNote + ' ' : ''}No polygon could be built for this unit.`;
      continue;
    }
    u.labelPoint = lonLat(level.labelPoint.get(u.code));
    u.centroid = lonLat(level.centroid.get(u.code));
    u.areaKm2 = level.areaKm2.get(u.code) ?? null;
    const correction = u.structure === 'pre2025' && u.level === 'district' ? corrections.get(u.code) : undefined;
    if (correction) {
      if (u.geometry === 'source') u.geometry = 'rebuilt';
      u.geometryNote = `${u.geometryNote ? u.geometryNote + ' ' : ''}${correction}`;
    }
    const extra = u.structure === 'pre2025' && u.level === 'district' ? approximated.get(u.code) : undefined;
    if (extra) {
      u.geometry = 'approximate';
      u.geometryNote = `${u.geometryNote ? u.geometryNote + ' ' : ''}${extra.join('; ')}.`;
    }
  }
}

/** Written to a temporary name and renamed, so a reader never sees half a file. */
export function writeJsonAtomic(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(temporary, JSON.stringify(value));
  fs.renameSync(temporary, file);
}

export function writeRegistry(file: string, registry: Registry): void {
  writeJsonAtomic(file, registry);
}
