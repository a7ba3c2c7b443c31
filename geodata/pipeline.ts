// The build, in the order that gets registry.json out first: lists and crosswalk (seconds) →
// early registry → 2025 geometry → pre2025 districts (which borrow 2025 commune lines) → points,
// areas → files → validation. Each step logs its elapsed time.
import path from 'node:path';
import { loadCrosswalk } from './crosswalk.ts';
import { planDistricts } from './district-plan.ts';
import { rebuildDistricts } from './districts-rebuild.ts';
import { writeStamp } from './freshness.ts';
import { buildGeometry2025 } from './geometry-2025.ts';
import { buildGeometryPre2025 } from './geometry-pre2025.ts';
import { writeLabelFile, writePolygonFiles, type WrittenFile } from './layer-files.ts';
import type { LevelGeometry } from './level-geometry.ts';
import { borrowEnglishNames, compareUnitLists } from './list-differences.ts';
import { placeOldCommunes } from './old-commune-points.ts';
import { applySwaps, checkPolygonIdentity } from './polygon-identity.ts';
import { readAllBoundaryFeatures, readBoundaryFeatures, type SourcePaths } from './read-sources.ts';
import { fillRegistryGeometry, registryUnits, writeRegistry } from './registry.ts';
import type { Registry } from './registry-types.ts';
import { assembleReport, writeReport, type Report } from './report.ts';
import { load2021Units, loadDvhcvnList, loadNewStructureList, loadOldStructureList } from './units.ts';
import { describeSources } from './sources-info.ts';
import { runChecks } from './validate.ts';
import type { Check } from './validate-geometry.ts';
import type { BoundaryRecord } from './validate-registry.ts';

export interface PipelineOptions {
  sources: SourcePaths;
  outDir: string;
  log?: (message: string) => void;
}

export async function runPipeline(options: PipelineOptions): Promise<{ ok: boolean; failed: Check[] }> {
  const { sources, outDir } = options;
  const started = Date.now();
  const timings: Report['timings'] = [];
  let last = started;
  const step = (message: string) => {
    const now = Date.now();
    timings.push({ step: message, seconds: (now - last) / 1000 });
    last = now;
    (options.log ?? console.log)(`geodata: [${((now - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);
  };

  // 1. Lists and crosswalk: everything the registry's rows need.
  const newList = loadNewStructureList(sources.units2026);
  const newOnReformDay = loadNewStructureList(sources.units20250701);
  const oldList = loadDvhcvnList(sources.unitsDvhcvn);
  const oldOther = loadOldStructureList(sources.units20250301);
  borrowEnglishNames(oldList, oldOther);
  const units2021 = load2021Units(sources.units2021Sql);
  const crosswalk = loadCrosswalk(sources.splits, sources.merges, oldList, newList);
  const listDifferences = {
    pre2025: compareUnitLists(oldList, oldOther, {
      used: 'units/dvhcvn-2025-03-01.json',
      other: 'units/units-2025-03-01.json',
    }),
    structure2025: compareUnitLists(newList, newOnReformDay, {
      used: 'units/units-2026-07-25.json',
      other: 'units/units-2025-07-01.json',
    }),
    crosswalkCodeResolutions: crosswalk.resolutions,
  };
  step(
    `read unit lists (${newList.units.length} + ${oldList.units.length} units) and crosswalk (${crosswalk.links.length} links)`,
  );

  const districtPolygons = await readAllBoundaryFeatures(sources.districtsPre2025);
  const provinceOutlines = await readAllBoundaryFeatures(sources.provincesPre2025);
  const plan = planDistricts(
    oldList,
    units2021,
    new Map(districtPolygons.map((f) => [f.properties.code, String(f.properties.provinceCode ?? '')])),
  );
  const units = registryUnits(newList, oldList, plan);
  const registry: Registry = {
    generatedAt: new Date().toISOString(),
    stage: 'units',
    units,
    links: crosswalk.links,
    districtLinks: crosswalk.districtLinks,
    listDifferences,
    sources: describeSources(sources),
  };
  writeRegistry(path.join(outDir, 'registry.json'), registry);
  step('wrote registry.json (units and links; points and areas follow)');

  // 2. Structure 2025. The communes are streamed; only code and parent are kept besides geometry.
  const boundaryRecords: BoundaryRecord[] = [];
  const provinces2025: BoundaryRecord[] = [];
  for await (const f of readBoundaryFeatures(sources.provinces2025)) {
    provinces2025.push({
      code: f.properties.code,
      provinceCode: f.properties.code,
      fullName: String(f.properties.fullName ?? ''),
    });
  }
  let communes = await readAllBoundaryFeatures(sources.communes2025);
  for (const f of communes)
    boundaryRecords.push({
      code: f.properties.code,
      provinceCode: String(f.properties.provinceCode ?? ''),
      fullName: String(f.properties.fullName ?? ''),
    });
  step(`read ${communes.length} 2025 commune polygons`);
  const g2025 = await buildGeometry2025(communes, newList);
  communes = []; // let the 7 M source vertices go before the next steps
  step('2025: simplified communes, dissolved provinces (detail + country)');

  // 3. Structure pre2025: districts in the 2025-03-01 layout, provinces dissolved from them.
  // First make sure each 2021 polygon is where its communes are (two pairs are swapped).
  const identity = checkPolygonIdentity(
    new Map(districtPolygons.map((f) => [f.properties.code, f])),
    crosswalk.predecessors,
    units2021,
    g2025.commune.labelPoint,
  );
  const corrections = new Map<string, string>();
  for (const s of identity.swaps) {
    const text = `The source's polygons for ${s.a} and ${s.b} carry each other's codes (${s.evidence}); swapped back.`;
    corrections.set(s.a, text);
    corrections.set(s.b, text);
  }
  step(
    `pre2025: checked 2021 polygons against 2025 communes (${identity.swaps.length} swapped pairs, ${identity.displaced.length} displaced)`,
  );
  const rebuild = rebuildDistricts({
    plan,
    oldList,
    units2021,
    crosswalk,
    districtPolygons: applySwaps(new Map(districtPolygons.map((f) => [f.properties.code, f])), identity.swaps),
    provinceOutlines: new Map(provinceOutlines.map((f) => [f.properties.code, f])),
    newCommunes: g2025.commune.byLod.get('detail') ?? new Map(),
    newLabelPoints: g2025.commune.labelPoint,
  });
  step(
    `pre2025: ${rebuild.parts.length} district parts (${rebuild.carved.length} transfers carved, holes filled in ${rebuild.gapFills.length} provinces)`,
  );
  const gPre = await buildGeometryPre2025(rebuild.parts);
  step('pre2025: dissolved districts and provinces (detail + country)');

  // 4. Points and areas; old communes placed through the crosswalk.
  const levels: LevelGeometry[] = [g2025.province, g2025.commune, gPre.province, gPre.district];
  const oldPoints = placeOldCommunes({
    oldList,
    newList,
    crosswalk,
    newLabelPoints: g2025.commune.labelPoint,
    newDetail: g2025.commune.byLod.get('detail') ?? new Map(),
    districtDetail: gPre.district.byLod.get('detail') ?? new Map(),
  });
  fillRegistryGeometry(units, levels, oldPoints, rebuild.approximated, corrections);
  registry.stage = 'complete';
  registry.generatedAt = new Date().toISOString();
  writeRegistry(path.join(outDir, 'registry.json'), registry);
  step('registry.json complete (label points, centroids, areas)');

  // 5. Files.
  const byCode = (structure: string, level: string) =>
    new Map(units.filter((u) => u.structure === structure && u.level === level).map((u) => [u.code, u]));
  const files: WrittenFile[] = [];
  for (const level of levels) files.push(...writePolygonFiles(outDir, level, byCode(level.structure, level.level)));
  for (const [structure, level] of [
    ['2025', 'province'],
    ['2025', 'commune'],
    ['pre2025', 'province'],
    ['pre2025', 'district'],
    ['pre2025', 'commune'],
  ] as const) {
    files.push(writeLabelFile(outDir, structure, level, units));
  }
  step(`wrote ${files.length} FlatGeobuf files`);

  // 6. Validation.
  const checks = runChecks({
    registry,
    newList,
    oldList,
    crosswalk,
    levels,
    files,
    oldPoints,
    identity,
    boundaryRecords,
    provinces2025,
  });
  const failed = checks.filter((c) => c.hard && !c.ok);
  step(
    `validated: ${checks.filter((c) => c.ok).length}/${checks.length} checks passed, ${failed.length} hard failures`,
  );
  const report = assembleReport({
    started,
    checks,
    registry,
    files,
    oldPoints,
    rebuild,
    crosswalk,
    levels,
    timings,
    lists: [newList, oldList],
  });
  writeReport(outDir, report);
  if (failed.length === 0)
    writeStamp(outDir, ['registry.json', 'report.json', 'report.md', ...files.map((f) => f.path)]);
  step(`done: ${path.join(outDir, 'report.md')}`);
  return { ok: failed.length === 0, failed };
}
