// Topology-aware simplification with mapshaper: it converts polygons to shared arcs first, so a
// border between two units is simplified once and both keep sharing it (no slivers, no gaps),
// and provinces dissolved from their children in the same dataset nest exactly at every level
// of detail. keep-shapes stops small islands (Hoàng Sa, Trường Sa, Côn Đảo…) from vanishing.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import mapshaper from 'mapshaper';

export type LodName = 'detail' | 'country';

export interface Lod {
  name: LodName;
  /** Visvalingam resolution in metres: detail for province/commune zoom, country for the whole map. */
  intervalMeters: number;
  /** Output coordinate decimals (6 ≈ 0.1 m, 4 ≈ 11 m). */
  decimals: number;
}

export const LODS: readonly Lod[] = [
  { name: 'detail', intervalMeters: 25, decimals: 6 },
  { name: 'country', intervalMeters: 600, decimals: 4 },
];

export type LayerOutputs = Map<string, Map<LodName, Feature<Geometry, Record<string, unknown>>[]>>;

export interface SimplifyJob {
  /** Input features; every one needs the properties the commands refer to. */
  features: Feature[];
  /**
   * Snap nearly coincident vertices on import: needed when polygons from different sources meet
   * (pre2025 parts), a waste of ~7 s on a source that is already one topology (2025 communes).
   */
  snap?: boolean;
  /** Name of the input layer. */
  inputLayer: string;
  /** mapshaper commands run before simplification (dissolves, clean). */
  prepare: string[];
  /** Layers to output after `prepare` (the input layer and/or layers it created). */
  layers: string[];
  lods?: readonly Lod[];
}

/**
 * Runs one mapshaper session: import, prepare, record each layer's area from the unsimplified
 * geometry, then for each level of detail simplify (always from the original arcs) and export.
 */
export async function simplifyTopology(job: SimplifyJob): Promise<LayerOutputs> {
  const lods = job.lods ?? LODS;
  const input: FeatureCollection = { type: 'FeatureCollection', features: job.features };
  const commands = [`-i input.json name=${job.inputLayer}${job.snap ? ' snap' : ''}`, ...job.prepare];
  // Area before simplification: this.area is spherical m² for lon/lat data.
  for (const layer of job.layers) commands.push(`-each "areaKm2 = this.area / 1e6" target=${layer}`);
  for (const lod of lods) {
    commands.push(`-simplify interval=${lod.intervalMeters} keep-shapes target=*`);
    for (const layer of job.layers) {
      commands.push(
        `-o format=geojson precision=${(10 ** -lod.decimals).toFixed(lod.decimals)} fix-geometry target=${layer} ${layer}.${lod.name}.json`,
      );
    }
  }
  const output = await mapshaper.applyCommands(`-quiet ${commands.join(' ')}`, { 'input.json': input });
  const result: LayerOutputs = new Map();
  for (const layer of job.layers) {
    const byLod = new Map<LodName, Feature<Geometry, Record<string, unknown>>[]>();
    for (const lod of lods) {
      const text = output[`${layer}.${lod.name}.json`];
      if (text === undefined) throw new Error(`mapshaper produced no ${layer}.${lod.name}.json`);
      const parsed = JSON.parse(typeof text === 'string' ? text : new TextDecoder().decode(text)) as FeatureCollection;
      byLod.set(lod.name, parsed.features as Feature<Geometry, Record<string, unknown>>[]);
    }
    result.set(layer, byLod);
  }
  return result;
}
