// The served files of one (structure, level): `{level}.{lod}.fgb` polygons per level of detail and
// `{level}.labels.fgb` points. Properties are deliberately few (code, name, parent): values travel
// separately by (structure, code), and everything else about a unit is in the registry.
import fs from 'node:fs';
import path from 'node:path';
import { writeFlatGeobuf, type FgbFeature } from './fgb-writer.ts';
import { countVertices } from './geometry.ts';
import type { LevelGeometry } from './level-geometry.ts';
import type { Level, RegistryUnit, Structure } from './registry-types.ts';
import type { LodName } from './simplify.ts';

export const ATTRIBUTION =
  'Ranh giới/Boundaries: Nhà xuất bản Tài nguyên - Môi trường và Bản đồ Việt Nam (sapnhap.bando.com.vn) via thanglequoc/vietnamese-provinces-database (MIT); gis.chinhphu.vn via daohoangson/dvhcvn (GPL-3.0); crosswalk dvhcvn/20250701 (MIT).';

export interface WrittenFile {
  path: string;
  structure: Structure;
  level: Level;
  kind: LodName | 'labels';
  features: number;
  vertices: number;
  bytes: number;
}

function write(outDir: string, relative: string, bytes: Uint8Array): void {
  const file = path.join(outDir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(temporary, bytes);
  fs.renameSync(temporary, file);
}

export function writePolygonFiles(
  outDir: string,
  geometry: LevelGeometry,
  units: Map<string, RegistryUnit>,
): WrittenFile[] {
  const written: WrittenFile[] = [];
  for (const [lod, byCode] of geometry.byLod) {
    const features: FgbFeature[] = [];
    let vertices = 0;
    for (const [code, parts] of byCode) {
      const unit = units.get(code);
      vertices += countVertices(parts);
      features.push({
        geometry: { type: 'MultiPolygon', coordinates: parts },
        properties: { code, name: unit?.fullName ?? code, parent: unit?.parentCode ?? '' },
      });
    }
    const relative = `${geometry.structure}/${geometry.level}.${lod}.fgb`;
    const bytes = writeFlatGeobuf(features, {
      columns: ['code', 'name', 'parent'],
      title: `${geometry.structure} ${geometry.level} (${lod})`,
      description: ATTRIBUTION,
    });
    write(outDir, relative, bytes);
    written.push({
      path: relative,
      structure: geometry.structure,
      level: geometry.level,
      kind: lod,
      features: features.length,
      vertices,
      bytes: bytes.length,
    });
  }
  return written;
}

/** One point per unit at its label point (old communes: placed through the crosswalk). */
export function writeLabelFile(outDir: string, structure: Structure, level: Level, units: RegistryUnit[]): WrittenFile {
  const features: FgbFeature[] = units
    .filter((u) => u.structure === structure && u.level === level && u.labelPoint)
    .map((u) => ({
      geometry: { type: 'Point', coordinates: u.labelPoint! },
      properties: { code: u.code, name: u.fullName },
    }));
  const relative = `${structure}/${level}.labels.fgb`;
  const bytes = writeFlatGeobuf(features, {
    columns: ['code', 'name'],
    title: `${structure} ${level} label points`,
    description: ATTRIBUTION,
  });
  write(outDir, relative, bytes);
  return {
    path: relative,
    structure,
    level,
    kind: 'labels',
    features: features.length,
    vertices: features.length,
    bytes: bytes.length,
  };
}
