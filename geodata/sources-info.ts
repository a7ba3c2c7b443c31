// What each input is for, as recorded in registry.json's `sources` (with size and date, so a
// reader can tell which vintage of the shared data a registry was built from).
import fs from 'node:fs';
import path from 'node:path';
import { ATTRIBUTION } from './layer-files.ts';
import type { SourcePaths } from './read-sources.ts';
import type { RegistrySources } from './registry-types.ts';

const ROLES: Record<keyof SourcePaths, string> = {
  communes2025: '2025 commune polygons (3,321)',
  provinces2025: '2025 province polygons (codes compared; provinces are dissolved from communes)',
  districtsPre2025: '2021 district polygons',
  provincesPre2025: 'pre-2025 province outlines (holes in the district set are found against them)',
  units2026: 'unit list used for structure 2025',
  units20250701: 'unit list compared for structure 2025',
  unitsDvhcvn: 'unit list used for structure pre2025 (the crosswalk codes)',
  units20250301: 'unit list compared for structure pre2025; English names',
  units2021Sql: 'which communes each 2021 district held',
  splits: 'crosswalk old → new',
  merges: 'crosswalk new → old, full/partial (links)',
};

export function describeSources(sources: SourcePaths): RegistrySources {
  const root = path.dirname(path.dirname(sources.units2026));
  const files = (Object.keys(sources) as (keyof SourcePaths)[]).map((k) => {
    const stat = fs.statSync(sources[k]);
    return {
      path: path.relative(root, sources[k]),
      bytes: stat.size,
      modified: stat.mtime.toISOString(),
      role: ROLES[k],
    };
  });
  return {
    files,
    attribution: [
      ATTRIBUTION,
      'Unit lists: thanglequoc/vietnamese-provinces-database (MIT), daohoangson/dvhcvn (GPL-3.0).',
    ],
  };
}
