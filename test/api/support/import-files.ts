// Import fixtures generated from the real registry (the seeded unit table): review files of real
// communes, as CSV text the way Vietnamese Excel saves it (BOM, semicolons, 1.234 / 12,5).
import type { Kysely } from 'kysely';
import type { Database } from '../../../server/db/schema.ts';
import type { ImportInput } from '../../../server/imports/preview.ts';
import { importFingerprint } from '../../../server/imports/preview.ts';

export interface Commune {
  code: string;
  name: string;
  fullName: string;
  provinceCode: string;
}

export async function communesOf(db: Kysely<Database>, structure: '2025' | 'pre2025', provinceCode?: string): Promise<Commune[]> {
  let q = db.selectFrom('unit').select(['code', 'name', 'full_name', 'province_code']).where('structure', '=', structure).where('level', '=', 'commune');
  if (provinceCode) q = q.where('province_code', '=', provinceCode);
  const rows = await q.orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, fullName: r.full_name, provinceCode: r.province_code }));
}

/** 1234 → "1.234", 12.5 → "12,5": Vietnamese spreadsheet text. */
export const vi = (n: number) => {
  const [integer, fraction] = String(n).split('.');
  const grouped = integer!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return fraction ? `${grouped},${fraction}` : grouped;
};

export interface ReviewLine {
  code: string;
  name?: string;
  year?: number;
  households: number;
  poor: number;
  nearPoor: number;
}

/** Deterministic plausible counts for the i-th commune. */
export const reviewLine = (commune: Commune, i: number, year?: number, shift = 0): ReviewLine => {
  const households = 800 + ((i * 37 + shift) % 3000);
  const poor = (i * 13 + shift) % 120;
  return { code: commune.code, name: commune.fullName, year, households, poor, nearPoor: (i * 7 + shift) % 90 };
};

export function reviewCsv(lines: readonly ReviewLine[], options: { bom?: boolean; delimiter?: string } = {}): string {
  const d = options.delimiter ?? ';';
  const header = ['Mã xã', 'Tên xã', 'Năm', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ hộ nghèo (%)', 'Hộ cận nghèo'].join(d);
  const body = lines.map((l) =>
    [l.code, l.name ?? '', l.year ?? '', vi(l.households), vi(l.poor), vi(Math.round((l.poor / l.households) * 1000) / 10), vi(l.nearPoor)].join(d),
  );
  return `${options.bom === false ? '' : '\ufeff'}${[header, ...body].join('\r\n')}\r\n`;
}

export const asInput = (kind: ImportInput['kind'], fileName: string, content: string | Buffer, extra: Partial<ImportInput> = {}): ImportInput => ({
  kind,
  fileName,
  contentBase64: Buffer.from(content).toString('base64'),
  ...extra,
});

export const withFingerprint = (input: ImportInput) => ({ ...input, fingerprint: importFingerprint(input) });

/** Every row of the tables an import touches, in a stable order, for before/after comparisons. */
export async function snapshot(db: Kysely<Database>): Promise<Record<string, unknown[]>> {
  const any = db as unknown as Kysely<any>;
  const out: Record<string, unknown[]> = {};
  out.poverty_review = await any.selectFrom('poverty_review').selectAll().orderBy('structure').orderBy('unit_code').orderBy('year').execute();
  out.target = await any.selectFrom('target').selectAll().orderBy('id').execute();
  out.project = await any.selectFrom('project').selectAll().orderBy('id').execute();
  out.visit = await any.selectFrom('visit').selectAll().orderBy('id').execute();
  out.import_batch = await any.selectFrom('import_batch').selectAll().orderBy('id').execute();
  out.import_change = await any.selectFrom('import_change').selectAll().orderBy('id').execute();
  out.audit_log = await any.selectFrom('audit_log').selectAll().orderBy('id').execute();
  out.app_meta = await any.selectFrom('app_meta').selectAll().orderBy('key').execute();
  return out;
}
