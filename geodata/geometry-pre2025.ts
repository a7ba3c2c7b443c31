// Structure pre2025: district parts (districts-rebuild.ts) dissolved by district code, cleaned
// (overlaps between the 2021 polygons and the parts taken from 2025 communes resolved, hairline
// gaps filled), and provinces dissolved from the districts in the same session so they nest.
import type { Feature } from 'geojson';
import type { DistrictPart } from './districts-rebuild.ts';
import { toLevelGeometry, type LevelGeometry } from './level-geometry.ts';
import { simplifyTopology } from './simplify.ts';

export interface GeometryPre2025 {
  province: LevelGeometry;
  district: LevelGeometry;
}

export async function buildGeometryPre2025(parts: DistrictPart[]): Promise<GeometryPre2025> {
  const features: Feature[] = parts.map((p) => ({
    type: 'Feature',
    properties: { code: p.code, provinceCode: p.provinceCode },
    geometry: { type: 'MultiPolygon', coordinates: p.parts },
  }));
  const outputs = await simplifyTopology({
    features,
    inputLayer: 'parts',
    snap: true,
    prepare: [
      '-dissolve code copy-fields=provinceCode name=district',
      '-clean target=district',
      '-dissolve provinceCode + name=province target=district',
      '-each "code = provinceCode" target=province',
    ],
    layers: ['district', 'province'],
  });
  return {
    district: toLevelGeometry('pre2025', 'district', outputs, 'district'),
    province: toLevelGeometry('pre2025', 'province', outputs, 'province'),
  };
}
