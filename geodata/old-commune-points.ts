// Old communes (pre2025) have no polygons anywhere openly licensed, so each is placed as a point
// through the crosswalk: at the label point of the 2025 commune it became (part of). When it went
// to several, the successor whose label point lies in the old commune's district wins (whole
// successors before partial ones); when none does, the point is put inside the part of a
// successor that lies in its old district. Old communes merged into one new commune would then
// share one point and hide each other on the map, so such groups are spread around that point
// (old-commune-spread.ts), still inside the successor and, where the shared point was, inside the
// old district. Nothing in the sources tells where inside the new commune each old one lay: the
// spread points are symbolic positions, one per old commune, not locations.
import { distance } from '@turf/turf';
import type { Position } from 'geojson';
import type { Crosswalk, LinkEnd } from './crosswalk.ts';
import { pointInMultiPolygon, roundPosition, type MultiPolygonRings } from './geometry.ts';
import { interiorPointOfIntersection } from './label-points.ts';
import { spreadPoints, spreadRadius, type SpreadMember } from './old-commune-spread.ts';
import type { UnitList } from './units.ts';

export type Placement =
  'successor-in-district' | 'successor-part-in-district' | 'successor-outside-district' | 'unplaced';

export interface OldCommunePoint {
  point: Position | null;
  placement: Placement;
  via: string | null;
  note: string;
  /** Set when spread: how many old communes shared the point, and the distance to the nearest of them. */
  spread?: { among: number; nearestMetres: number };
}

export interface PlacementInput {
  oldList: UnitList;
  newList: UnitList;
  crosswalk: Crosswalk;
  newLabelPoints: Map<string, Position>;
  newDetail: Map<string, MultiPolygonRings>;
  districtDetail: Map<string, MultiPolygonRings>;
}

const fullFirst = (a: LinkEnd, b: LinkEnd) => (a.kind === b.kind ? 0 : a.kind === 'full' ? -1 : 1);

/** Each old commune at its successor's point, before groups sharing a point are spread. */
function placeAtSuccessors(input: PlacementInput): Map<string, OldCommunePoint> {
  const { oldList, newList, crosswalk, newLabelPoints, newDetail, districtDetail } = input;
  const placed = new Map<string, OldCommunePoint>();
  const nameOf = (code: string) => `${code} ${newList.byCode.get(code)?.fullName ?? ''}`.trim();
  for (const unit of oldList.units) {
    if (unit.level !== 'commune') continue;
    const successors = [...(crosswalk.successors.get(unit.code) ?? [])].sort(fullFirst);
    const district = unit.parentCode ? districtDetail.get(unit.parentCode) : undefined;
    let result: OldCommunePoint | null = null;
    for (const s of successors) {
      const label = newLabelPoints.get(s.code);
      if (label && district && pointInMultiPolygon(label, district)) {
        result = {
          point: label,
          placement: 'successor-in-district',
          via: s.code,
          note: `No polygon for old communes: placed at the label point of 2025 commune ${nameOf(s.code)} (crosswalk).`,
        };
        break;
      }
    }
    if (!result && district) {
      for (const s of successors) {
        const rings = newDetail.get(s.code);
        if (!rings) continue;
        const inside = interiorPointOfIntersection(rings, district);
        if (inside) {
          result = {
            point: roundPosition(inside, 6),
            placement: 'successor-part-in-district',
            via: s.code,
            note: `No polygon for old communes: placed inside the part of 2025 commune ${nameOf(s.code)} that lies in old district ${unit.parentCode} (crosswalk).`,
          };
          break;
        }
      }
    }
    if (!result && successors.length > 0) {
      const s = successors.find((x) => newLabelPoints.has(x.code));
      if (s) {
        result = {
          point: newLabelPoints.get(s.code)!,
          placement: 'successor-outside-district',
          via: s.code,
          note: `No polygon for old communes: placed at the label point of 2025 commune ${nameOf(s.code)} (crosswalk), which lies outside the rebuilt polygon of old district ${unit.parentCode}.`,
        };
      }
    }
    placed.set(
      unit.code,
      result ?? {
        point: null,
        placement: 'unplaced',
        via: null,
        note: 'No polygon for old communes and no 2025 successor with geometry in the crosswalk: not placed.',
      },
    );
  }
  return placed;
}

const keyOf = (p: Position) => `${p[0]},${p[1]}`;

/** Old communes placed at the same point, each group in code order. */
function groupsSharingAPoint(placed: Map<string, OldCommunePoint>): string[][] {
  const byPoint = new Map<string, string[]>();
  for (const [code, p] of placed) {
    if (!p.point) continue;
    const k = keyOf(p.point);
    byPoint.set(k, [...(byPoint.get(k) ?? []), code]);
  }
  return [...byPoint.values()].filter((g) => g.length > 1).map((g) => g.sort());
}

export interface SharedPointFigures {
  distinct: number;
  /** Old communes whose point is also another's: hidden on the map (0 once spread). */
  sharing: number;
  /** Old communes spread around a point they would otherwise share. */
  spread: number;
  /** Distance from each spread old commune to the nearest one spread around the same point. */
  nearestMetres: { min: number; median: number } | null;
  /** Spread old communes within 100 m of another: distinct, but too close to click apart. */
  within100m: string[];
}

export function sharedPointFigures(points: Map<string, OldCommunePoint>): SharedPointFigures {
  const groups = groupsSharingAPoint(points);
  const placed = [...points.values()].filter((p) => p.point).length;
  const sharing = groups.reduce((n, g) => n + g.length, 0);
  const spread = [...points].filter(([, p]) => p.spread);
  const nearest = spread.map(([, p]) => p.spread!.nearestMetres).sort((a, b) => a - b);
  return {
    distinct: placed - sharing + groups.length,
    sharing,
    spread: spread.length,
    nearestMetres: nearest.length
      ? { min: Math.round(nearest[0]), median: Math.round(nearest[Math.floor((nearest.length - 1) / 2)]) }
      : null,
    within100m: spread.filter(([, p]) => p.spread!.nearestMetres < 100).map(([code]) => code),
  };
}

/** The polygons an old commune's spread point must stay in (see the header). */
function spreadMember(code: string, p: OldCommunePoint, input: PlacementInput): SpreadMember {
  const successor = input.newDetail.get(p.via!);
  const districtCode = input.oldList.byCode.get(code)?.parentCode;
  const district = districtCode ? input.districtDetail.get(districtCode) : undefined;
  // The old district binds only where the shared point lies in it (not for the few placed outside).
  const inDistrict = p.placement !== 'successor-outside-district' ? district : undefined;
  return { code, within: [successor, inDistrict].filter((x) => x !== undefined) };
}

export function placeOldCommunes(input: PlacementInput): Map<string, OldCommunePoint> {
  const placed = placeAtSuccessors(input);
  const { oldList, newList } = input;
  for (const group of groupsSharingAPoint(placed)) {
    const centre = placed.get(group[0])!.point!;
    const members = group.map((code) => spreadMember(code, placed.get(code)!, input));
    const radius = Math.min(...members.map((m) => spreadRadius(centre, m.within)));
    const points = spreadPoints(centre, members, radius);
    group.forEach((code, i) => {
      const p = placed.get(code)!;
      const own = points[i];
      const where =
        p.placement === 'successor-part-in-district'
          ? `a point inside its part in old district ${oldList.byCode.get(code)?.parentCode}`
          : 'its label point';
      const which = !own
        ? 'this one on that point too, as no other fits inside'
        : keyOf(own) === keyOf(centre)
          ? 'this one on that point itself'
          : 'this one offset from it';
      const name = `${p.via} ${newList.byCode.get(p.via!)?.fullName ?? ''}`.trim();
      const outside =
        p.placement === 'successor-outside-district' ? ' It lies outside the rebuilt polygon of the old district.' : '';
      p.point = own ?? centre;
      p.note = `No polygon for old communes: one of ${group.length} old communes of 2025 commune ${name} (crosswalk) spread in code order around ${where}, ${which}. The sources do not say where inside the new commune each old one lay: a symbolic position, not a location.${outside}`;
    });
    for (const code of group) {
      const p = placed.get(code)!;
      const others = group.filter((c) => c !== code).map((c) => placed.get(c)!.point!);
      const nearestMetres = Math.min(...others.map((q) => distance(p.point!, q, { units: 'kilometers' }) * 1000));
      p.spread = { among: group.length, nearestMetres: Math.round(nearestMetres * 10) / 10 };
    }
  }
  return placed;
}
