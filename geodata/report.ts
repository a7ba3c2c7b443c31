// The validation report: report.json for machines (and the tests), report.md for the people
// who review a build. Both say what failed, what was approximated and why.
import fs from 'node:fs';
import path from 'node:path';
import type { CrosswalkCoverage } from './crosswalk.ts';
import type { Carved, GapFill } from './districts-rebuild.ts';
import type { CleanStats } from './geometry-clean.ts';
import type { WrittenFile } from './layer-files.ts';
import type { Crosswalk } from './crosswalk.ts';
import type { RebuildResult } from './districts-rebuild.ts';
import type { LevelGeometry } from './level-geometry.ts';
import { sharedPointFigures, type OldCommunePoint, type SharedPointFigures } from './old-commune-points.ts';
import { reportMarkdown } from './report-markdown.ts';
import type {
  CodeResolution,
  ListDifferences,
  Registry,
  RegistryDistrictLink,
  RegistryUnit,
} from './registry-types.ts';
import type { UnitList } from './units.ts';
import { countUnits } from './validate-registry.ts';
import type { Check } from './validate-geometry.ts';

export interface Report {
  generatedAt: string;
  ok: boolean;
  seconds: number;
  checks: Check[];
  counts: Record<string, number>;
  files: WrittenFile[];
  /** Units whose geometry is not the source's own polygon, with the reason. */
  notFromSource: Pick<RegistryUnit, 'structure' | 'level' | 'code' | 'fullName' | 'geometry' | 'geometryNote'>[];
  /** Old communes: all without polygons; how they were placed. */
  oldCommunePlacement: Record<string, number>;
  /** Old communes: distinct points, how many still share one, spacing of those spread apart. */
  oldCommunePoints: SharedPointFigures;
  gapFills: GapFill[];
  /** Area moved between districts because the 2021 polygon predates a transfer of communes. */
  carved: Carved[];
  rebuildProblems: string[];
  crosswalk: {
    coverage: CrosswalkCoverage;
    resolutions: CodeResolution[];
    issues: string[];
    districtLinks: RegistryDistrictLink[];
  };
  listDifferences: ListDifferences;
  /** Per list used: codes whose names had stray spaces collapsed, or whose type disagrees with the name. */
  listNotes: { file: string; spacingFixed: string[]; typeDisagrees: string[] }[];
  cleaning: Record<string, CleanStats>;
  timings: { step: string; seconds: number }[];
}

export function writeReport(outDir: string, report: Report): void {
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'report.json'), JSON.stringify(report, null, 1));
  fs.writeFileSync(path.join(outDir, 'report.md'), reportMarkdown(report));
}

export interface ReportInput {
  started: number;
  checks: Check[];
  registry: Registry;
  files: WrittenFile[];
  oldPoints: Map<string, OldCommunePoint>;
  rebuild: RebuildResult;
  crosswalk: Crosswalk;
  levels: LevelGeometry[];
  timings: Report['timings'];
  /** The unit lists the registry uses (2025, pre2025). */
  lists: UnitList[];
}

export function assembleReport(i: ReportInput): Report {
  const placement: Record<string, number> = {};
  for (const p of i.oldPoints.values()) placement[p.placement] = (placement[p.placement] ?? 0) + 1;
  const cleaning: Report['cleaning'] = {};
  for (const l of i.levels) for (const [lod, s] of l.cleaned) cleaning[`${l.structure}/${l.level}.${lod}`] = s;
  const units = i.registry.units;
  return {
    generatedAt: new Date().toISOString(),
    ok: i.checks.every((c) => c.ok || !c.hard),
    seconds: (Date.now() - i.started) / 1000,
    checks: i.checks,
    counts: countUnits(i.registry),
    files: i.files,
    // Old communes all lack polygons; they are summarised by placement instead of listed.
    notFromSource: units
      .filter((u) => u.geometry !== 'source' && !(u.structure === 'pre2025' && u.level === 'commune'))
      .map(({ structure, level, code, fullName, geometry, geometryNote }) => ({
        structure,
        level,
        code,
        fullName,
        geometry,
        geometryNote,
      })),
    oldCommunePlacement: placement,
    oldCommunePoints: sharedPointFigures(i.oldPoints),
    gapFills: i.rebuild.gapFills,
    carved: i.rebuild.carved,
    rebuildProblems: i.rebuild.problems,
    crosswalk: {
      coverage: i.crosswalk.coverage,
      resolutions: i.crosswalk.resolutions,
      issues: i.crosswalk.issues,
      districtLinks: i.crosswalk.districtLinks,
    },
    listDifferences: i.registry.listDifferences,
    listNotes: i.lists.map((l) => ({
      file: path.basename(l.file),
      spacingFixed: l.spacingFixed,
      typeDisagrees: l.typeDisagrees,
    })),
    cleaning,
    timings: i.timings,
  };
}
