// Which unit each uploaded feature is: by a code property (the names people give that column in
// Vietnamese GIS files vary: code, ma, ma_xa, MA_XA, ma_dvhc, …), else by a name property matched
// within the district the feature names, like the spreadsheet imports (core/imports/unit-match.ts).
// Only units the geodata build has no polygon for are accepted: pre-2025 communes. Anything else
// already has a boundary from the pipeline, and an upload must not draw over it.
import type { Feature, Geometry } from 'geojson';
import { UnitIndex, type IndexedUnit } from '../../core/imports/unit-match.ts';
import { foldVietnamese } from '../../core/text.ts';

export interface FeatureProblem {
  /** Index of the feature in the file, from 0. */
  feature: number;
  /** The code the feature gave or matched, when there is one. */
  code: string | null;
  message: string;
}

// Property names compared folded (no case, no diacritics, no separators): "Mã_xã" = "MA XA" = "maxa".
const CODE_KEYS = ['code', 'ma', 'maxa', 'madvhc', 'maxa2019', 'madonvi', 'mahc', 'commune code', 'communecode', 'gsocode'].map(squash);
const NAME_KEYS = ['name', 'ten', 'tenxa', 'tendvhc', 'tendonvi', 'xa', 'commune', 'communename'].map(squash);
const DISTRICT_KEYS = ['huyen', 'tenhuyen', 'district', 'districtname', 'quanhuyen'].map(squash);

function squash(key: string): string {
  return foldVietnamese(key).replace(/\s+/g, '');
}

function property(properties: Record<string, unknown> | null, keys: string[]): string | null {
  for (const [key, value] of Object.entries(properties ?? {})) {
    if (!keys.includes(squash(key))) continue;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

export type FeatureMatch = { ok: true; unit: IndexedUnit } | { ok: false; problem: FeatureProblem };

export const HAS_BOUNDARY = 'đơn vị này đã có ranh giới';

/** Units that may receive an uploaded polygon: those the pipeline leaves without one. */
export const acceptsBoundary = (unit: IndexedUnit) => unit.structure === 'pre2025' && unit.level === 'commune';

export function matchFeature(index: UnitIndex, feature: Feature<Geometry | null>, i: number): FeatureMatch {
  const properties = feature.properties ?? {};
  const code = property(properties, CODE_KEYS);
  const name = code === null ? property(properties, NAME_KEYS) : null;
  const fail = (message: string, shown = code): FeatureMatch => ({ ok: false, problem: { feature: i, code: shown, message } });
  if (code === null && name === null) return fail('không có mã đơn vị (thuộc tính code/ma/ma_xa/ma_dvhc) hay tên (ten/ten_xa/name)');
  const found = index.match({ code, name, parentName: property(properties, DISTRICT_KEYS) }, 'pre2025');
  switch (found.kind) {
    case 'match':
      return acceptsBoundary(found.unit) ? { ok: true, unit: found.unit } : fail(`${found.unit.fullName}: ${HAS_BOUNDARY}`, found.unit.code);
    // a 2025 unit: every one of them has its polygon from the pipeline
    case 'wrong-structure':
      return fail(`${found.unit.fullName} (đơn vị sau 01/7/2025): ${HAS_BOUNDARY}`, found.unit.code);
    case 'ambiguous':
      return fail(`tên "${name}" trùng ${found.candidates.length} xã (${found.candidates.map((c) => `${c.code} ${c.fullName}`).join('; ')}): hãy ghi mã xã hoặc tên huyện`);
    case 'unknown':
      return fail(code !== null ? `không có đơn vị mã ${code} trong danh mục trước 01/7/2025` : `không tìm thấy xã "${name}" trong danh mục trước 01/7/2025`);
  }
}
