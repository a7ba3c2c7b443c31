// Checks on one uploaded polygon, in the pipeline's terms (geodata/validate-geometry.ts): a
// valid geometry by the pipeline's own validator (closed rings, no crossing edges, holes inside
// their shell: geodata/geometry-validity.ts, the O(n log n) equivalent of turf's kinks +
// booleanValid), lon/lat in WGS84 over Vietnam, its label point inside the unit's old district
// (geodata/build, through BoundarySource) within a tolerance, and an area that fits the district.
import { area, pointToPolygonDistance } from '@turf/turf';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { validityProblem } from '../../geodata/geometry-validity.ts';
import { bboxOf, polygonParts, type BBox } from '../../geodata/geometry.ts';
import { labelPointOf } from '../../geodata/label-points.ts';

/** Vietnam with its islands (Trường Sa reaches 117.8°E), a little padded. */
const VIETNAM = { west: 101.5, south: 6, east: 118, north: 24 };
/** Uploaded and pipeline boundaries are drawn from different sources: they disagree near edges. */
export const DISTRICT_TOLERANCE_KM = 1;
/** Below this a "commune" is a digitising slip (the smallest urban wards are ~0.1 km²). */
const MIN_AREA_KM2 = 0.01;
/** A commune cannot be larger than its district; 10 % allows for the sources' differences. */
const MAX_SHARE_OF_DISTRICT = 1.1;

export type DistrictPolygon = Feature<Polygon | MultiPolygon>;

export interface CheckedGeometry {
  geometry: Polygon | MultiPolygon;
  bbox: BBox;
}

/** The problems of one feature (Vietnamese), or its geometry ready to store. */
export function checkGeometry(geometry: Geometry | null, district: DistrictPolygon | null): { problems: string[]; checked: CheckedGeometry | null } {
  if (!geometry) return { problems: ['không có hình (geometry rỗng)'], checked: null };
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return { problems: [`hình ${geometry.type}: cần Polygon hoặc MultiPolygon`], checked: null };
  const parts = polygonParts(geometry);
  const outOfRange = rangeProblem(parts);
  if (outOfRange) return { problems: [outOfRange], checked: null };
  const invalid = validityProblem(parts);
  if (invalid) return { problems: [`hình không hợp lệ (${validityVi(invalid)})`], checked: null };

  const problems: string[] = [];
  const km2 = area(geometry) / 1e6;
  if (km2 < MIN_AREA_KM2) problems.push(`diện tích ${km2.toFixed(4)} km² quá nhỏ cho một xã`);
  if (district) {
    const inside = labelPointOf(parts);
    const distance = inside ? pointToPolygonDistance(inside, district, { units: 'kilometers' }) : Infinity;
    // negative inside the polygon; a little outside is the two sources disagreeing
    if (distance > DISTRICT_TOLERANCE_KM) {
      problems.push(`nằm ngoài ${district.properties?.name ?? 'huyện của nó'} (cách ${Number.isFinite(distance) ? distance.toFixed(1) : '?'} km)`);
    }
    const districtKm2 = area(district) / 1e6;
    if (km2 > districtKm2 * MAX_SHARE_OF_DISTRICT) problems.push(`diện tích ${km2.toFixed(1)} km² lớn hơn cả huyện (${districtKm2.toFixed(1)} km²)`);
  }
  return { problems, checked: problems.length === 0 ? { geometry, bbox: bboxOf(parts) } : null };
}

function rangeProblem(parts: ReturnType<typeof polygonParts>): string | null {
  for (const polygon of parts) {
    for (const ring of polygon) {
      for (const [lon, lat] of ring) {
        if (!Number.isFinite(lon) || !Number.isFinite(lat)) return 'toạ độ không phải số';
        // metres (VN-2000 / UTM: hundreds of thousands) mean a projected file without its .prj
        if (Math.abs(lon!) > 180 || Math.abs(lat!) > 90) {
          return `toạ độ (${lon}, ${lat}) không phải kinh độ/vĩ độ WGS84: tệp dùng hệ toạ độ phẳng (VN-2000?) mà không kèm .prj để chuyển đổi`;
        }
        if (lon! < VIETNAM.west || lon! > VIETNAM.east || lat! < VIETNAM.south || lat! > VIETNAM.north) {
          return `toạ độ (${lon}, ${lat}) nằm ngoài Việt Nam (cần kinh độ, vĩ độ WGS84)`;
        }
      }
    }
  }
  return null;
}

/** The pipeline's validity messages are English (build reports); the upload's reader is not. */
function validityVi(problem: string): string {
  const known: [RegExp, string][] = [
    [/spike/i, 'vòng gập ngược lại (gai)'],
    [/cross|overlap/i, 'các cạnh tự cắt nhau'],
    [/not closed/i, 'vòng không khép kín'],
    [/positions/i, 'vòng có ít hơn 4 điểm'],
    [/without area/i, 'vòng không có diện tích'],
    [/hole/i, 'lỗ nằm ngoài vòng ngoài'],
    [/inside/i, 'các phần nằm chồng lên nhau'],
  ];
  const match = known.find(([re]) => re.test(problem));
  return match ? `${match[1]}: ${problem}` : problem;
}
