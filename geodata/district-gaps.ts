// Holes in the 2021 district polygons: districts merged in 2019-2020 whose absorbed area has no
// polygon of its own (Cao Bằng ~877 km², Hòa Bình ~204, Quảng Ngãi ~341, Thủ Đức ~162). Found
// against the source's province outline, and filled from the 2025 communes over them, each piece
// going to the old district the commune's predecessors belonged to (crosswalk).
import type { Crosswalk } from './crosswalk.ts';
import { voteOldDistrict } from './district-plan.ts';
import { bboxOf, bboxesIntersect, toMultiPolygon, type MultiPolygonRings } from './geometry.ts';
import { areaKm2, differenceParts, dropSlivers, intersectParts, polygonAreaKm2, unionParts } from './polygon-ops.ts';
import type { BoundaryFeature } from './read-sources.ts';
import type { UnitList } from './units.ts';

/** A hole smaller than this is boundary noise between sources, closed by the dissolve. */
export const GAP_KM2 = 1;

export interface DistrictPart {
  code: string;
  provinceCode: string;
  parts: MultiPolygonRings;
}

export interface GapFill {
  provinceCode: string;
  gapKm2: number;
  filled: { district: string; km2: number }[];
  unfilledKm2: number;
}

export interface NewCommune {
  code: string;
  rings: MultiPolygonRings;
}

export function fillGaps(
  provinceOutlines: Map<string, BoundaryFeature>,
  parts: DistrictPart[],
  oldList: UnitList,
  crosswalk: Crosswalk,
  newCommunesFrom: (test: (oldCommune: string) => boolean) => NewCommune[],
  problems: string[],
): GapFill[] {
  const fills: GapFill[] = [];
  for (const [province, outline] of provinceOutlines) {
    const own = parts.filter((p) => p.provinceCode === province);
    const outlineRings = toMultiPolygon(outline.geometry);
    // Cheap test first: only a province whose parts fall clearly short of its outline is clipped.
    const deficit = areaKm2(outlineRings) - own.reduce((sum, p) => sum + areaKm2(p.parts), 0);
    if (deficit < GAP_KM2) continue;
    let gap: MultiPolygonRings;
    try {
      gap = differenceParts(outlineRings, unionParts(own.map((p) => p.parts))).filter(
        (polygon) => polygonAreaKm2(polygon) >= GAP_KM2,
      );
    } catch (error) {
      problems.push(`province ${province}: finding holes in the district set failed (${(error as Error).message})`);
      continue;
    }
    if (gap.length === 0) continue;
    const inProvince = (o: string) => oldList.byCode.get(o)?.provinceCode === province;
    const candidates = newCommunesFrom(inProvince).map((c) => ({ ...c, box: bboxOf(c.rings) }));
    const filled = new Map<string, number>();
    // Hole by hole: each is small next to the province, so few communes are clipped against it.
    for (const hole of gap) {
      const holeBox = bboxOf([hole]);
      for (const c of candidates) {
        if (!bboxesIntersect(holeBox, c.box)) continue;
        const vote = voteOldDistrict(crosswalk.predecessors.get(c.code), (o) =>
          inProvince(o) ? (oldList.byCode.get(o)?.parentCode ?? undefined) : undefined,
        );
        if (!vote) continue;
        try {
          const piece = dropSlivers(intersectParts([hole], c.rings));
          if (piece.length === 0) continue;
          parts.push({ code: vote, provinceCode: province, parts: piece });
          filled.set(vote, (filled.get(vote) ?? 0) + areaKm2(piece));
        } catch (error) {
          problems.push(
            `province ${province}: filling a hole with 2025 commune ${c.code} failed (${(error as Error).message})`,
          );
        }
      }
    }
    const gapKm2 = areaKm2(gap);
    const filledKm2 = [...filled.values()].reduce((a, b) => a + b, 0);
    fills.push({
      provinceCode: province,
      gapKm2,
      filled: [...filled].map(([district, km2]) => ({ district, km2 })).sort((a, b) => b.km2 - a.km2),
      unfilledKm2: Math.max(0, gapKm2 - filledKm2),
    });
  }
  return fills;
}
