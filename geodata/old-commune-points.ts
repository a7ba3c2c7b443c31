// Old communes (pre2025) have no polygons anywhere openly licensed, so each is placed as a point
// through the crosswalk: at the label point of the 2025 commune it became (part of). When it went
// to several, the successor whose label point lies in the old commune's district wins (whole
// successors before partial ones); when none does, the point is put inside the part of a
// successor that lies in the old district. Several old communes merged into one new commune
// share its point: nothing in the sources tells them apart.
import type { Position } from 'geojson';
import type { Crosswalk, LinkEnd } from './crosswalk.ts';
import { pointInMultiPolygon, roundPosition, type MultiPolygonRings } from './geometry.ts';
import { interiorPointOfIntersection } from './label-points.ts';
import type { UnitList } from './units.ts';

export type Placement =
  'successor-in-district' | 'successor-part-in-district' | 'successor-outside-district' | 'unplaced';

export interface OldCommunePoint {
  point: Position | null;
  placement: Placement;
  via: string | null;
  note: string;
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

export function placeOldCommunes(input: PlacementInput): Map<string, OldCommunePoint> {
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
