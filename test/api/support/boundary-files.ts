// Boundary files built in the tests (no fixture files: the polygons are small squares around the
// registry's label points) and the procedure-cases.ts entries for boundaries.*.
import { expect } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { boundaryFingerprint, type BoundaryInput } from '../../../server/boundaries/preview.ts';
import type { ProcedureCase } from './procedure-cases.ts';
import type { SeededApp } from './seeded-app.ts';

/** A square of `half` degrees either side of a point (0.004° ≈ 450 m: a small commune's core). */
export function squareAround([lon, lat]: [number, number], properties: Record<string, unknown>, half = 0.004): Feature<Polygon> {
  const ring = [[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half], [lon - half, lat + half], [lon - half, lat - half]];
  return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [ring] } };
}

export const geoJsonInput = (fileName: string, features: Feature[]): BoundaryInput => ({
  fileName,
  contentBase64: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })).toString('base64'),
});

export const withBoundaryFingerprint = (input: BoundaryInput) => ({ ...input, fingerprint: boundaryFingerprint(input) });

/** Xã Hòa Đồng, Huyện Tây Hòa, Phú Yên (pre-2025 22276): outside the Hà Tĩnh planner's scope. */
const PHU_YEN_FILE = geoJsonInput('phu-yen.geojson', [squareAround([109.2, 13.0], { ma_xa: '22276' })]);

/** A valid upload for the admin: the first commune of Huyện Tây Hòa, around its label point. */
async function tayHoaFile(app: SeededApp): Promise<BoundaryInput> {
  const [commune] = await app.caller.units.children({ structure: 'pre2025', code: '562' });
  return geoJsonInput('tay-hoa.geojson', [squareAround(commune!.labelPoint!, { code: commune!.code })]);
}

export const BOUNDARY_PROCEDURE_CASES: Record<string, ProcedureCase> = {
  'boundaries.preview': {
    valid: tayHoaFile,
    outOfScope: {
      as: 'plannerHaTinh',
      input: PHU_YEN_FILE,
      expect: 'filtered',
      check: (report) => {
        expect(report.accepted).toBe(0);
        expect(report.errors[0].message).toMatch(/ngoài phạm vi/);
      },
    },
  },
  'boundaries.commit': {
    valid: async (app) => withBoundaryFingerprint(await tayHoaFile(app)),
    outOfScope: { as: 'plannerHaTinh', input: withBoundaryFingerprint(PHU_YEN_FILE), expect: 'forbidden' },
  },
  'boundaries.inDistrict': {
    valid: () => ({ structure: 'pre2025', code: '562' }),
    outOfScope: { as: 'plannerHaTinh', input: { structure: 'pre2025', code: '562' }, expect: 'forbidden' },
  },
};
