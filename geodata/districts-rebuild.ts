// Geometry of the pre-2025 districts in the 2025-03-01 layout, as parts to dissolve by code
// (mapshaper then merges the parts, resolves overlaps and fills hairline gaps):
//  - a 2021 polygon that went whole to one district is a part of it;
//  - a 2021 polygon that was divided, or that is older than the lists in places, is cut along
//    2025 commune lines (district-divide.ts);
//  - a province without polygons (Quảng Ninh) gets its districts from its 2025 communes;
//  - holes in the 2021 set are filled from 2025 communes (district-gaps.ts).
import type { Position } from 'geojson';
import type { Crosswalk } from './crosswalk.ts';
import { dividePolygon, witnessCarves } from './district-divide.ts';
import { fillGaps, GAP_KM2, type DistrictPart, type GapFill, type NewCommune } from './district-gaps.ts';
import { voteOldDistrict, type DistrictPlanResult } from './district-plan.ts';
import { toMultiPolygon, type MultiPolygonRings } from './geometry.ts';
import type { BoundaryFeature } from './read-sources.ts';
import type { UnitList, Units2021 } from './units.ts';

export type { DistrictPart, GapFill } from './district-gaps.ts';

export interface RebuildInput {
  plan: DistrictPlanResult;
  oldList: UnitList;
  units2021: Units2021;
  crosswalk: Crosswalk;
  districtPolygons: Map<string, BoundaryFeature>;
  provinceOutlines: Map<string, BoundaryFeature>;
  /** 2025 commune polygons (the detail level of detail: plenty for an approximation, 6× fewer vertices). */
  newCommunes: Map<string, MultiPolygonRings>;
  newLabelPoints: Map<string, Position>;
}

export interface Carved {
  polygon: string;
  from: string;
  to: string;
  km2: number;
}

export interface RebuildResult {
  parts: DistrictPart[];
  gapFills: GapFill[];
  carved: Carved[];
  /** Districts whose area was partly inferred beyond what the plan knew (holes, carves). */
  approximated: Map<string, string[]>;
  problems: string[];
}

export function rebuildDistricts(input: RebuildInput): RebuildResult {
  const { plan, oldList, units2021, crosswalk, districtPolygons, newCommunes } = input;
  const parts: DistrictPart[] = [];
  const carved: Carved[] = [];
  const approximated = new Map<string, string[]>();
  const problems: string[] = [];
  const note = (district: string, text: string) =>
    approximated.set(district, [...(approximated.get(district) ?? []), text]);
  const current = (oldCommune: string) => oldList.byCode.get(oldCommune);
  const push = (code: string, rings: MultiPolygonRings) => {
    if (rings.length > 0) parts.push({ code, provinceCode: current(code)?.provinceCode ?? '', parts: rings });
  };
  /** 2025 communes with at least one predecessor passing `test`, with their geometry. */
  const newCommunesFrom = (test: (oldCommune: string) => boolean): NewCommune[] => {
    const out: NewCommune[] = [];
    for (const [code, preds] of crosswalk.predecessors) {
      const rings = newCommunes.get(code);
      if (rings && preds.some((p) => test(p.code))) out.push({ code, rings });
    }
    return out;
  };

  const shapes = new Map<string, { rings: MultiPolygonRings; provinceCode: string; major: string | null }>();
  for (const fate of plan.polygons.values()) {
    const feature = districtPolygons.get(fate.polygonCode);
    if (feature)
      shapes.set(fate.polygonCode, {
        rings: toMultiPolygon(feature.geometry),
        provinceCode: fate.provinceCode,
        major: fate.major,
      });
  }
  const carves = witnessCarves(shapes, crosswalk.predecessors, units2021, oldList, input.newLabelPoints);

  for (const fate of plan.polygons.values()) {
    const shape = shapes.get(fate.polygonCode);
    if (!shape || !fate.major) {
      problems.push(`2021 polygon ${fate.polygonCode}: none of its communes is in the 2025-03-01 list; left out`);
      continue;
    }
    const witnessed = carves.get(fate.polygonCode) ?? [];
    if (fate.minors.length === 0 && witnessed.length === 0) {
      push(fate.major, shape.rings);
      continue;
    }
    // List evidence: each 2025 commune votes with its predecessors that were in this 2021
    // district, for the district those predecessors are in now.
    const in2021 = (o: string) => units2021.communeDistrict.get(o) === fate.polygonCode;
    const assignments = [
      ...(fate.minors.length === 0 ? [] : newCommunesFrom(in2021))
        .map((c) => ({
          commune: c.code,
          target:
            voteOldDistrict(crosswalk.predecessors.get(c.code), (o) =>
              in2021(o) ? (current(o)?.parentCode ?? undefined) : undefined,
            ) ?? fate.major!,
          witness: false,
        }))
        .filter((a) => fate.targets.has(a.target)),
      ...witnessed.map((w) => ({ commune: w.commune, target: w.target, witness: true })),
    ];
    const division = dividePolygon(fate.polygonCode, shape.rings, fate.major, assignments, newCommunes);
    problems.push(...division.problems);
    for (const missing of fate.minors.filter((m) => !division.pieces.has(m))) {
      problems.push(
        `dividing ${fate.polygonCode}: no 2025 commune voted for ${missing}, which holds some of its 2021 communes; it gets none of this polygon`,
      );
    }
    for (const [district, rings] of division.pieces) push(district, rings);
    for (const [to, km2] of division.carvedKm2) {
      carved.push({ polygon: fate.polygonCode, from: fate.major, to, km2 });
      const why =
        'the polygon predates the transfer: 2025 communes there descend only from communes of the receiving district';
      note(to, `${km2.toFixed(1)} km² taken from 2021 polygon ${fate.polygonCode} along 2025 commune lines (${why})`);
      note(
        fate.major,
        `${km2.toFixed(1)} km² of its 2021 polygon ${fate.polygonCode} given to ${to} along 2025 commune lines (${why})`,
      );
    }
  }

  // Provinces without polygons: their 2025 communes, dissolved by the old district they come from.
  const noPolygons = new Set([...plan.districts.values()].filter((d) => d.fromNewCommunes).map((d) => d.provinceCode));
  for (const province of noPolygons) {
    const inProvince = (o: string) => current(o)?.provinceCode === province;
    for (const c of newCommunesFrom(inProvince)) {
      const vote = voteOldDistrict(crosswalk.predecessors.get(c.code), (o) =>
        inProvince(o) ? (current(o)?.parentCode ?? undefined) : undefined,
      );
      // A 2025 commune mostly from another province belongs to that province's districts.
      const provinceVote = voteOldDistrict(crosswalk.predecessors.get(c.code), (o) => current(o)?.provinceCode);
      if (vote && provinceVote === province) push(vote, c.rings);
    }
  }

  const gapFills = fillGaps(input.provinceOutlines, parts, oldList, crosswalk, newCommunesFrom, problems);
  // Fills under 1 km² are boundary noise between the two sources, not territory: no status change.
  for (const fill of gapFills) {
    for (const f of fill.filled) {
      if (f.km2 >= GAP_KM2)
        note(
          f.district,
          `${f.km2.toFixed(1)} km² missing from the 2021 polygons (absorbed area without a polygon) filled from 2025 communes`,
        );
    }
  }
  return { parts, gapFills, carved, approximated, problems };
}
