// Where the map learns about units it has no polygons for (pre-2025 communes) and about units'
// places in the hierarchy, as an interface (STYLE.md habit 2): the explore view implements it over
// tRPC (units.get / units.children), tests could over a fixture. No map code here.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Structure } from './boundary-source.ts';

export interface DirectoryUnit {
  code: string;
  level: 'province' | 'district' | 'commune';
  /** Full name as the source writes it ("Xã Hòa Đồng"). */
  fullName: string;
  parentCode: string | null;
  provinceCode: string;
  /** Inside the unit; for pre-2025 communes a symbolic place inside their 2025 successor. */
  labelPoint: [number, number] | null;
  /** Parents, nearest first (only from `unit`). */
  path?: { code: string; level: 'province' | 'district' | 'commune'; fullName: string }[];
}

export interface UnitDirectory {
  unit(structure: Structure, code: string, signal?: AbortSignal): Promise<DirectoryUnit>;
  children(structure: Structure, code: string, signal?: AbortSignal): Promise<DirectoryUnit[]>;
  /**
   * Polygons uploaded for a pre-2025 district's old communes (boundaries.inDistrict), drawn
   * instead of their symbols. Optional: a directory without uploads draws symbols only.
   */
  uploadedBoundaries?(structure: 'pre2025', districtCode: string, signal?: AbortSignal): Promise<FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }>>;
}
