// Structure 2025: the source's commune polygons, simplified as one topology, and provinces
// dissolved from them in the same session so communes nest in provinces exactly at every level
// of detail. (The source's own province file is generalised separately; it is only compared.)
import type { Feature } from 'geojson';
import { toLevelGeometry, type LevelGeometry } from './level-geometry.ts';
import type { BoundaryFeature } from './read-sources.ts';
import { simplifyTopology } from './simplify.ts';
import type { UnitList } from './units.ts';

export interface Geometry2025 {
  province: LevelGeometry;
  commune: LevelGeometry;
}

export async function buildGeometry2025(communes: BoundaryFeature[], newList: UnitList): Promise<Geometry2025> {
  // The unit list is authoritative for the parent; the features are checked against it in
  // validation. Only the properties mapshaper needs are passed, to keep its memory down.
  const features: Feature[] = communes.map((f) => ({
    type: 'Feature',
    properties: {
      code: f.properties.code,
      provinceCode: newList.byCode.get(f.properties.code)?.provinceCode ?? String(f.properties.provinceCode ?? ''),
    },
    geometry: f.geometry,
  }));
  const outputs = await simplifyTopology({
    features,
    inputLayer: 'commune',
    prepare: ['-dissolve provinceCode + name=province', '-each "code = provinceCode" target=province'],
    layers: ['commune', 'province'],
  });
  return {
    commune: toLevelGeometry('2025', 'commune', outputs, 'commune'),
    province: toLevelGeometry('2025', 'province', outputs, 'province'),
  };
}
