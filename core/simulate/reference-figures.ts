// Real poverty figures from the reference tables (already parsed CSV records) as structured
// figures the generator can rake to. Pure: the server reads the files, this decides what each
// row means and which rows cannot be used, with the reason.
//
// Rules:
// - only years stated as a plain 4-digit year ("~2024", "as of Oct-2024 …" are left out);
// - only the NĐ 07/2021 standard: 2021 (QĐ 59/2015) rows and provinces applying their own
//   higher local standard (Hà Nội, Quảng Ninh — the CSV marks them CAUTION) are not comparable
//   with the national figures and are never raked to;
// - a value that is not a plain number ("~11 (gần 11%)") is dropped, the rest of the row kept;
// - rates keep their printed precision (4.03 → ± 0.005 points), used to recover households.
import { regionByName, type RegionKey } from '../poverty/regions.ts';
import type { Structure } from './types.ts';

export type FigureScope = { kind: 'national' } | { kind: 'region'; region: RegionKey } | { kind: 'province'; code: string } | { kind: 'poor-districts' };

/** A rate as printed: value in %, and half a unit of its last printed digit. */
export interface PrintedRate {
  value: number;
  halfUnit: number;
}

export interface RealFigure {
  year: number;
  structure: Structure;
  scope: FigureScope;
  households?: number;
  poor?: number;
  nearPoor?: number;
  /** Poor + near-poor households. */
  combined?: number;
  poorRate?: PrintedRate;
  nearPoorRate?: PrintedRate;
  combinedRate?: PrintedRate;
  /** Reference file (or seed document) the figure comes from. */
  file: string;
  /** Short citation for row sources: the deciding document. */
  citation: string;
  /** Full provenance: decision, pages (URLs), caveats. */
  source: string;
}

export interface SkippedFigure {
  file: string;
  row: string;
  reason: string;
}

export interface FigureSet {
  figures: RealFigure[];
  skipped: SkippedFigure[];
}

type CsvRecord = Record<string, string>;

export const NATIONAL_REGIONAL_FILE = 'poverty_national_regional.csv';
export const PROVINCE_FILE = 'poverty_by_province_partial.csv';

export function parseCount(text: string | undefined): number | undefined {
  const t = (text ?? '').trim();
  return /^\d+$/.test(t) ? Number(t) : undefined;
}

export function parseRate(text: string | undefined): PrintedRate | undefined {
  const t = (text ?? '').trim();
  const m = /^\d+(?:\.(\d+))?$/.exec(t);
  if (!m) return undefined;
  const decimals = m[1]?.length ?? 0;
  return { value: Number(t), halfUnit: 0.5 * 10 ** -decimals };
}

function parseYear(text: string): number | undefined {
  const t = text.trim();
  return /^\d{4}$/.test(t) ? Number(t) : undefined;
}

/** "QĐ 71/QĐ-LĐTBXH ngày 19/01/2023 (confirmed: https://…)" → without the bracketed URL. */
function citationOf(text: string): string {
  return text.replace(/\s*\((?:[^()]*https?:[^()]*)\)/g, '').replace(/\s+/g, ' ').trim();
}

function withValues(base: Omit<RealFigure, 'households' | 'poor' | 'nearPoor' | 'combined' | 'poorRate' | 'nearPoorRate' | 'combinedRate'>, r: CsvRecord, householdsColumn?: string): RealFigure {
  const f: RealFigure = { ...base };
  const set = <K extends keyof RealFigure>(key: K, value: RealFigure[K] | undefined) => {
    if (value !== undefined) f[key] = value;
  };
  if (householdsColumn) set('households', parseCount(r[householdsColumn]));
  set('poor', parseCount(r.poor_households));
  set('nearPoor', parseCount(r.near_poor_households));
  set('combined', parseCount(r.poor_plus_near_poor_households));
  set('poorRate', parseRate(r.poor_rate_pct));
  set('nearPoorRate', parseRate(r.near_poor_rate_pct));
  set('combinedRate', parseRate(r.poor_plus_near_poor_rate_pct));
  return f;
}

const hasValues = (f: RealFigure) =>
  [f.households, f.poor, f.nearPoor, f.combined, f.poorRate, f.nearPoorRate, f.combinedRate].some((v) => v !== undefined);

/** reference/poverty_national_regional.csv. */
export function nationalRegionalFigures(records: readonly CsvRecord[]): FigureSet {
  const figures: RealFigure[] = [];
  const skipped: SkippedFigure[] = [];
  for (const r of records) {
    const row = `${r.review_year} ${r.level} ${r.area}`;
    const skip = (reason: string) => skipped.push({ file: NATIONAL_REGIONAL_FILE, row, reason });
    const year = parseYear(r.review_year);
    if (year === undefined) { skip('năm không rõ / year not explicit'); continue; }
    if (/OLD standard|QĐ 59/i.test(r.standard)) { skip('chuẩn nghèo cũ QĐ 59/2015, không so sánh được với NĐ 07 / old standard'); continue; }
    let scope: FigureScope;
    if (r.level.startsWith('national')) scope = { kind: 'national' };
    else if (r.level.startsWith('poor_districts')) scope = { kind: 'poor-districts' };
    else {
      const region = regionByName(r.area.replace(/\s*\(.*\)\s*$/, ''));
      if (!region) { skip(`vùng không xác định / unknown region "${r.area}"`); continue; }
      scope = { kind: 'region', region: region.key };
    }
    const citation = citationOf(r.announcing_decision);
    const figure = withValues({ year, structure: 'pre2025', scope, file: NATIONAL_REGIONAL_FILE, citation, source: `${r.announcing_decision}; ${r.source}` }, r);
    if (!hasValues(figure)) { skip('không có số liệu dạng số / no numeric value'); continue; }
    figures.push(figure);
  }
  return { figures, skipped };
}

/** reference/poverty_by_province_partial.csv. 2025 rows are 2025-structure provinces. */
export function provinceFigures(records: readonly CsvRecord[]): FigureSet {
  const figures: RealFigure[] = [];
  const skipped: SkippedFigure[] = [];
  for (const r of records) {
    const row = `${r.review_year} ${r.province} (${r.province_gso_code})`;
    const skip = (reason: string) => skipped.push({ file: PROVINCE_FILE, row, reason });
    const year = parseYear(r.review_year);
    if (year === undefined) { skip(`năm không rõ / year not explicit ("${r.review_year}")`); continue; }
    // Hà Nội and Quảng Ninh publish under their own, higher local standards (SOURCES.md).
    if (/CAUTION/.test(r.standard_note) && /own|local|riêng/i.test(r.standard_note)) {
      skip('chuẩn nghèo riêng của địa phương, không so sánh được với NĐ 07 / local standard, not comparable');
      continue;
    }
    if (!/^\d{2}$/.test(r.province_gso_code)) { skip('không có mã tỉnh / no province code'); continue; }
    const citation = `${r.province}: ${r.source_document_as_reported}`.replace(/\s+/g, ' ');
    const figure = withValues(
      {
        year,
        structure: year >= 2025 ? '2025' : 'pre2025',
        scope: { kind: 'province', code: r.province_gso_code },
        file: PROVINCE_FILE,
        citation,
        source: `${r.source_document_as_reported}; ${r.standard_note}; ${r.source}`,
      },
      r,
      'total_households',
    );
    if (!hasValues(figure)) { skip('không có số liệu dạng số / no plain numeric value'); continue; }
    figures.push(figure);
  }
  return { figures, skipped };
}

const HA_NAM_PLAN = 'seeds/003 (Kế hoạch UBND tỉnh Hà Nam thực hiện CTMTQG GNBV năm 2025, 02/2025, mục I)';

/**
 * Figures read from the project's seed documents (shared/seeds), which the reference CSVs do not
 * carry. Hà Nam, end of 2024: "4.321 hộ nghèo, chiếm 1,51% … (giảm 0,6% so với năm 2023); 5.120
 * hộ cận nghèo, chiếm 1,79% … (giảm 0,42% so với năm 2023)". The 2023 rates follow from the
 * stated reductions (2,11% and 2,21%).
 */
export const SEED_DOCUMENT_FIGURES: readonly RealFigure[] = [
  {
    year: 2024, structure: 'pre2025', scope: { kind: 'province', code: '35' },
    poor: 4321, poorRate: { value: 1.51, halfUnit: 0.005 }, nearPoor: 5120, nearPoorRate: { value: 1.79, halfUnit: 0.005 },
    file: 'seeds/003', citation: 'Hà Nam: KH UBND tỉnh năm 2025 (kết quả rà soát cuối năm 2024)', source: HA_NAM_PLAN,
  },
  {
    year: 2023, structure: 'pre2025', scope: { kind: 'province', code: '35' },
    poorRate: { value: 2.11, halfUnit: 0.005 }, nearPoorRate: { value: 2.21, halfUnit: 0.005 },
    file: 'seeds/003', citation: 'Hà Nam: KH UBND tỉnh năm 2025 (tỷ lệ 2023 = 2024 + mức giảm)',
    source: `${HA_NAM_PLAN}: 1,51% + 0,6 = 2,11%; 1,79% + 0,42 = 2,21%`,
  },
];

/** Every usable figure: both reference tables and the seed documents. */
export function allFigures(nationalRegional: readonly CsvRecord[], provinces: readonly CsvRecord[]): FigureSet {
  const a = nationalRegionalFigures(nationalRegional);
  const b = provinceFigures(provinces);
  return { figures: [...a.figures, ...b.figures, ...SEED_DOCUMENT_FIGURES], skipped: [...a.skipped, ...b.skipped] };
}
