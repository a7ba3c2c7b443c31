// Turns registry units plus reference facts into `unit` rows: search keys, region, QĐ 353 flags.
// Pure (no I/O), so the checks on the flags are easy to test.
import { foldVietnamese, foldedBareName, toneInsensitiveKey } from '../../../core/text.ts';
import type { NewUnit, NewUnitLink } from '../schema.ts';
import type { ReferenceFacts, ReferenceFlag } from './reference-flags.ts';
import type { RegistryDistrictLink, RegistryLink, RegistryUnit } from './registry-file.ts';

export interface UnitRowsResult {
  units: NewUnit[];
  links: NewUnitLink[];
  /** Problems a person must look at: flag codes missing from the registry, name mismatches. */
  warnings: string[];
  flagged: { poorDistricts: number; coastalExtremelyDifficult: number };
}

export function buildUnitRows(
  registryUnits: RegistryUnit[],
  registryLinks: (RegistryLink | RegistryDistrictLink)[],
  facts: ReferenceFacts,
): UnitRowsResult {
  const warnings = [...facts.unverifiedRows];
  const units = new Map<string, NewUnit>();
  for (const u of registryUnits) {
    const key = `${u.structure}/${u.code}`;
    if (units.has(key)) warnings.push(`registry lists ${key} twice; the later row wins`);
    units.set(key, toUnitRow(u, facts));
  }

  const missingRegions = new Set<string>();
  for (const row of units.values()) {
    if (row.structure === 'pre2025' && row.region === null) missingRegions.add(row.province_code);
  }
  for (const code of missingRegions) warnings.push(`pre2025 province ${code} has no region in the reference table`);

  const poorDistricts = applyFlag(units, facts.poorDistricts, 'huyện nghèo (QĐ 353 Phụ lục I)', warnings, (row, flag) => {
    row.poor_district = 1;
    row.poor_district_source = flag.source;
  });
  const coastal = applyFlag(units, facts.coastalExtremelyDifficult, 'xã bãi ngang ĐBKK (QĐ 353 Phụ lục II)', warnings, (row, flag) => {
    row.coastal_extremely_difficult = 1;
    row.coastal_extremely_difficult_source = flag.source;
  });

  const links: NewUnitLink[] = [];
  for (const l of registryLinks) {
    if (!units.has(`${l.fromStructure}/${l.fromCode}`) || !units.has(`${l.toStructure}/${l.toCode}`)) {
      warnings.push(`crosswalk link ${l.fromStructure}/${l.fromCode} → ${l.toStructure}/${l.toCode} names a unit not in the registry`);
    }
    links.push({
      from_structure: l.fromStructure,
      from_code: l.fromCode,
      to_structure: l.toStructure,
      to_code: l.toCode,
      level: l.level,
      kind: l.kind,
      share: null,
    });
  }

  return {
    units: [...units.values()],
    links: dedupeLinks(links, warnings),
    warnings,
    flagged: { poorDistricts, coastalExtremelyDifficult: coastal },
  };
}

function toUnitRow(u: RegistryUnit, facts: ReferenceFacts): NewUnit {
  return {
    structure: u.structure,
    code: u.code,
    level: u.level,
    name: u.name,
    full_name: u.fullName,
    name_en: u.nameEn,
    type: u.type,
    parent_code: u.parentCode,
    province_code: u.provinceCode,
    // Regions are defined over the 63 old provinces; several 2025 provinces straddle two of
    // them (Đắk Lắk + Phú Yên), so 2025 units get none rather than a guess.
    region: u.structure === 'pre2025' ? (facts.regionByProvince.get(u.provinceCode) ?? null) : null,
    centroid_lon: u.centroid?.[0] ?? null,
    centroid_lat: u.centroid?.[1] ?? null,
    label_lon: u.labelPoint?.[0] ?? null,
    label_lat: u.labelPoint?.[1] ?? null,
    area_km2: u.areaKm2,
    geometry_status: u.geometry,
    geometry_note: u.geometryNote,
    poor_district: 0,
    poor_district_source: null,
    coastal_extremely_difficult: 0,
    coastal_extremely_difficult_source: null,
    search_key: foldVietnamese(u.name),
    search_key_full: foldVietnamese(u.fullName),
    search_tone_key: toneInsensitiveKey(u.fullName),
  };
}

/** QĐ 353 lists are pre-2025 units; a code the registry lacks is reported, never dropped silently. */
function applyFlag(
  units: Map<string, NewUnit>,
  flags: ReferenceFlag[],
  label: string,
  warnings: string[],
  set: (row: NewUnit, flag: ReferenceFlag) => void,
): number {
  let applied = 0;
  for (const flag of flags) {
    const row = units.get(`pre2025/${flag.code}`);
    if (!row) {
      warnings.push(`${label}: code ${flag.code} ("${flag.listedName}") is not in the pre2025 registry`);
      continue;
    }
    if (foldedBareName(row.full_name) !== foldedBareName(flag.listedName)) {
      warnings.push(`${label}: code ${flag.code} is "${row.full_name}" in the registry but "${flag.listedName}" in the list (flag kept)`);
    }
    set(row, flag);
    applied++;
  }
  return applied;
}

function dedupeLinks(links: NewUnitLink[], warnings: string[]): NewUnitLink[] {
  const byKey = new Map<string, NewUnitLink>();
  for (const link of links) {
    const key = `${link.from_structure}/${link.from_code}>${link.to_structure}/${link.to_code}`;
    if (byKey.has(key)) warnings.push(`crosswalk lists ${key} twice; the later row wins`);
    byKey.set(key, link);
  }
  return [...byKey.values()];
}
