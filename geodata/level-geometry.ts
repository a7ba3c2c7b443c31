// The simplified polygons of one (structure, level), per level of detail, keyed by unit code,
// with what the registry needs from them: area (from the unsimplified geometry), centroid and
// label point (from the detail geometry, so the label point is inside what the map draws).
import type { Position } from 'geojson';
import { centroidOf, polygonParts, roundPosition, type MultiPolygonRings } from './geometry.ts';
import { cleanParts, emptyCleanStats, type CleanStats } from './geometry-clean.ts';
import { labelPointOf } from './label-points.ts';
import type { Level, Structure } from './registry-types.ts';
import { LODS, type LayerOutputs, type LodName } from './simplify.ts';

export interface LevelGeometry {
  structure: Structure;
  level: Level;
  byLod: Map<LodName, Map<string, MultiPolygonRings>>;
  areaKm2: Map<string, number>;
  labelPoint: Map<string, Position>;
  centroid: Map<string, Position>;
  /** Codes mapshaper returned more than once (dissolve by a code that is not unique): a bug. */
  duplicates: string[];
  /** Spikes and swallowed islets removed after simplification, per level of detail. */
  cleaned: Map<LodName, CleanStats>;
}

/** Label/centroid decimals: 6 ≈ 0.1 m, more than any map needs. */
const POINT_DECIMALS = 6;
const decimalsOf = (lod: LodName) => LODS.find((l) => l.name === lod)?.decimals ?? POINT_DECIMALS;

export function toLevelGeometry(
  structure: Structure,
  level: Level,
  outputs: LayerOutputs,
  layer: string,
): LevelGeometry {
  const lods = outputs.get(layer);
  if (!lods) throw new Error(`no mapshaper output for layer ${layer}`);
  const byLod = new Map<LodName, Map<string, MultiPolygonRings>>();
  const areaKm2 = new Map<string, number>();
  const duplicates: string[] = [];
  const cleaned = new Map<LodName, CleanStats>();
  for (const [lod, features] of lods) {
    const byCode = new Map<string, MultiPolygonRings>();
    const stats = emptyCleanStats();
    cleaned.set(lod, stats);
    for (const f of features) {
      const code = String(f.properties?.code ?? '');
      const parts = cleanParts(polygonParts(f.geometry), stats, decimalsOf(lod));
      if (byCode.has(code)) duplicates.push(`${lod}:${code}`);
      // A feature that lost all its rings is left out here and reported by validation.
      if (parts.length > 0) byCode.set(code, parts);
      const area = Number(f.properties?.areaKm2);
      if (Number.isFinite(area)) areaKm2.set(code, Math.round(area * 100) / 100);
    }
    byLod.set(lod, byCode);
  }
  const labelPoint = new Map<string, Position>();
  const centroid = new Map<string, Position>();
  for (const [code, parts] of byLod.get('detail') ?? []) {
    const label = labelPointOf(parts);
    if (label) labelPoint.set(code, roundPosition(label, POINT_DECIMALS));
    const c = centroidOf(parts);
    if (c) centroid.set(code, roundPosition(c, POINT_DECIMALS));
  }
  return { structure, level, byLod, areaKm2, labelPoint, centroid, duplicates, cleaned };
}
