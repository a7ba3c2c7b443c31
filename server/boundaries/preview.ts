// boundaries.preview (and the first half of commit): read the file, match every feature to a unit,
// check its polygon, and say what a commit would write. Writes nothing. Like imports.preview, a
// planner's features outside its scope are row errors here and make the commit refuse the file.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { allows, type EffectiveScope } from '../../core/scope.ts';
import type { Database } from '../db/schema.ts';
import type { BoundarySource } from '../geo/boundary-source.ts';
import { ImportRefused, MAX_FILE_BYTES, unitIndexFor } from '../imports/preview.ts';
import type { IndexedUnit } from '../../core/imports/unit-match.ts';
import { matchFeature, type FeatureProblem } from './match.ts';
import { readBoundaryFile, UnreadableBoundaryFile, type BoundaryFormat } from './read-boundary-file.ts';
import { checkGeometry, type CheckedGeometry, type DistrictPolygon } from './validate.ts';

export interface BoundaryInput {
  fileName: string;
  contentBase64: string;
}

export interface BoundaryReport {
  fileName: string;
  format: BoundaryFormat;
  /** Features in the file. */
  features: number;
  accepted: number;
  errors: FeatureProblem[];
  /** The units the accepted features are for, in file order. */
  units: { code: string; fullName: string }[];
  fingerprint: string;
}

export interface PreviewedBoundaries {
  report: BoundaryReport;
  accepted: { unit: IndexedUnit; checked: CheckedGeometry }[];
  /** Features for units outside the caller's scope (commit answers 403 while any remain). */
  outsideScope: number;
}

export const OUTSIDE_SCOPE_VI = 'ngoài phạm vi được giao';

export function boundaryFingerprint(input: BoundaryInput): string {
  const content = createHash('sha256').update(input.contentBase64).digest('hex');
  return createHash('sha256').update(JSON.stringify(['boundary', 'pre2025', content])).digest('hex');
}

export async function previewBoundaries(db: Kysely<Database>, boundaries: BoundarySource, input: BoundaryInput, scope: EffectiveScope): Promise<PreviewedBoundaries> {
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length > MAX_FILE_BYTES) throw new ImportRefused(`Tệp lớn hơn 10 MB (${(content.length / 1048576).toFixed(1)} MB)`);
  if (content.length === 0) throw new ImportRefused('Tệp rỗng');
  let file;
  try {
    file = await readBoundaryFile(content, input.fileName);
  } catch (error) {
    if (error instanceof UnreadableBoundaryFile) throw new ImportRefused(error.message);
    throw error;
  }
  const index = await unitIndexFor(db);
  const districts = new DistrictPolygons(db, boundaries);
  const errors: FeatureProblem[] = [];
  const accepted: PreviewedBoundaries['accepted'] = [];
  const seen = new Map<string, number>();
  let outsideScope = 0;
  for (const [i, feature] of file.features.entries()) {
    const found = matchFeature(index, feature, i);
    if (!found.ok) {
      errors.push(found.problem);
      continue;
    }
    const { unit } = found;
    const problem = (message: string) => errors.push({ feature: i, code: unit.code, message: `${unit.fullName}: ${message}` });
    if (!allows(scope, { structure: unit.structure, code: unit.code, level: unit.level, provinceCode: unit.provinceCode }, 'data')) {
      outsideScope++;
      problem(OUTSIDE_SCOPE_VI);
      continue;
    }
    if (seen.has(unit.code)) {
      problem(`đã có ở đối tượng số ${seen.get(unit.code)} của tệp`);
      continue;
    }
    seen.set(unit.code, i);
    const { problems, checked } = checkGeometry(feature.geometry, await districts.of(unit.code));
    for (const message of problems) problem(message);
    if (checked) accepted.push({ unit, checked });
  }
  const report: BoundaryReport = {
    fileName: input.fileName,
    format: file.format,
    features: file.features.length,
    accepted: accepted.length,
    errors,
    units: accepted.map((a) => ({ code: a.unit.code, fullName: a.unit.fullName })),
    fingerprint: boundaryFingerprint(input),
  };
  return { report, accepted, outsideScope };
}

/** The old district polygon of each commune, from the pipeline's files, read once per district. */
class DistrictPolygons {
  readonly #byDistrict = new Map<string, Promise<DistrictPolygon | null>>();
  constructor(
    private readonly db: Kysely<Database>,
    private readonly boundaries: BoundarySource,
  ) {}

  async of(communeCode: string): Promise<DistrictPolygon | null> {
    const commune = await this.db.selectFrom('unit').select('parent_code').where('structure', '=', 'pre2025').where('code', '=', communeCode).executeTakeFirst();
    const code = commune?.parent_code;
    if (!code) return null;
    if (!this.#byDistrict.has(code)) this.#byDistrict.set(code, this.#read(code));
    return this.#byDistrict.get(code)!;
  }

  async #read(code: string): Promise<DistrictPolygon | null> {
    // the district's label point is inside it, so its bbox query finds the district
    const district = await this.db.selectFrom('unit').select(['label_lon', 'label_lat']).where('structure', '=', 'pre2025').where('code', '=', code).executeTakeFirst();
    if (district?.label_lon == null || district.label_lat == null) return null;
    const [x, y] = [district.label_lon, district.label_lat];
    for await (const feature of this.boundaries.features('pre2025', 'district', { minX: x, minY: y, maxX: x, maxY: y })) {
      if (String(feature.properties?.code) === code) return feature;
    }
    return null;
  }
}
