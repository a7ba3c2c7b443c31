// procedure-cases.ts entries for imports.*: small review CSVs for a Hà Tĩnh commune (in the
// planner fixture's scope) and for Phú Yên's Xã Hòa Đồng (outside it).
import { expect } from 'vitest';
import { importFingerprint, type ImportInput } from '../../../server/imports/preview.ts';
import type { ProcedureCase } from './procedure-cases.ts';
import type { SeededApp } from './seeded-app.ts';

const csv = (line: string) => Buffer.from(`Mã xã;Tên xã;Năm;Tổng số hộ;Số hộ nghèo;Số hộ cận nghèo\n${line}\n`).toString('base64');

/** Phường Nam Hà, Thành phố Hà Tĩnh (pre-2025 18073). */
export const HA_TINH_REVIEW: ImportInput = { kind: 'review', fileName: 'ha-tinh.csv', contentBase64: csv('18073;Phường Nam Hà;2024;4.210;52;61') };
/** Xã Hòa Đồng, Huyện Tây Hòa, Phú Yên (pre-2025 22276). */
export const PHU_YEN_REVIEW: ImportInput = { kind: 'review', fileName: 'phu-yen.csv', contentBase64: csv('22276;Xã Hòa Đồng;2024;3.000;150;120') };

const withFingerprint = (input: ImportInput) => ({ ...input, fingerprint: importFingerprint(input) });

export const IMPORT_PROCEDURE_CASES: Record<string, ProcedureCase> = {
  'imports.preview': {
    valid: () => HA_TINH_REVIEW,
    outOfScope: {
      as: 'plannerHaTinh',
      input: PHU_YEN_REVIEW,
      expect: 'filtered',
      check: (report) => {
        expect(report.accepted).toBe(0);
        expect(report.errors.map((e: { code: string }) => e.code)).toContain('outside_scope');
      },
    },
  },
  'imports.commit': {
    valid: () => withFingerprint(HA_TINH_REVIEW),
    outOfScope: { as: 'plannerHaTinh', input: withFingerprint(PHU_YEN_REVIEW), expect: 'forbidden' },
  },
  'imports.list': {
    valid: () => ({ limit: 10 }),
    outOfScope: { notApplicable: 'lists the caller’s own batches (admins: all), each checked against its author’s scope when applied' },
  },
  'imports.export': {
    valid: () => ({ format: 'csv' }),
    outOfScope: { notApplicable: 'the caller’s own batches (admins: all), like imports.list' },
  },
  'imports.undo': {
    valid: async (app: SeededApp) => ({ batchId: (await app.caller.imports.commit(withFingerprint(HA_TINH_REVIEW))).batchId }),
    outOfScope: { notApplicable: 'acts on the caller’s own batches only (admins: any), whose rows were scope-checked when applied' },
  },
};
