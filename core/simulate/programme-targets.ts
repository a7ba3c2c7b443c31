// Targets (chỉ tiêu giảm nghèo) in percentage points of the household poor rate per year
// (DOMAIN.md). Real ones come from the programme decision and the seed documents; every other
// province gets a simulated one, marked in its source (the `target` table has no simulated
// column). Simulated targets follow the programme's logic: the national rate must fall 1-1.5
// points a year (QĐ 90/QĐ-TTg), poorer provinces commit to larger cuts, rich ones to small ones.
import { TARGET_INDICATORS } from '../poverty/indicators.ts';
import { NATIONAL_CODE } from '../poverty/regions.ts';
import { keyedUniform } from './prng.ts';
import { realSource, SIMULATED_SOURCE_PREFIX } from './sources.ts';
import type { Structure, TargetOut } from './types.ts';

const POOR = TARGET_INDICATORS.poorRateReduction;
const NEAR = TARGET_INDICATORS.nearPoorRateReduction;
const QD90 = 'QĐ 90/QĐ-TTg ngày 18/01/2022 (mục tiêu Chương trình)';

interface RealTarget {
  structure: Structure;
  unitCode: string;
  years: readonly number[];
  indicator: string;
  value: number;
  file: string;
  source: string;
}

/** Where a document gives a range, the value is its lower bound: the commitment, not the hope. */
export const REAL_TARGETS: readonly RealTarget[] = [
  { structure: 'pre2025', unitCode: NATIONAL_CODE, years: [2023, 2024], indicator: POOR, value: 1, file: 'DOMAIN.md', source: `${QD90}: tỷ lệ hộ nghèo giảm 1-1,5%/năm (giá trị: mức tối thiểu 1,0)` },
  { structure: '2025', unitCode: NATIONAL_CODE, years: [2025], indicator: POOR, value: 1, file: 'DOMAIN.md', source: `${QD90}: tỷ lệ hộ nghèo giảm 1-1,5%/năm (giá trị: mức tối thiểu 1,0)` },
  { structure: 'pre2025', unitCode: '42', years: [2023], indicator: POOR, value: 0.6, file: 'seeds/001', source: 'Kế hoạch UBND tỉnh Hà Tĩnh thực hiện CTMTQG GNBV năm 2023, mục II.1: "Tỷ lệ hộ nghèo giảm từ 0,6 - 0,7%" (giá trị: mức tối thiểu)' },
  { structure: 'pre2025', unitCode: '35', years: [2025], indicator: POOR, value: 0.51, file: 'seeds/003', source: 'Kế hoạch UBND tỉnh Hà Nam thực hiện CTMTQG GNBV năm 2025, mục I: "từ 1,51% cuối năm 2024 xuống còn dưới 1% cuối năm 2025" (giảm hơn 0,51 điểm %)' },
  { structure: 'pre2025', unitCode: '22276', years: [2023, 2024, 2025], indicator: POOR, value: 0.5, file: 'seeds/004', source: 'Kế hoạch UBND xã Hòa Đồng (10/2022) triển khai CTMTQG GNBV 2021-2025, mục II.1.1: giảm tỷ lệ hộ nghèo hằng năm tối thiểu 0,5% (phấn đấu 1,0%)' },
  { structure: 'pre2025', unitCode: '22276', years: [2023, 2024, 2025], indicator: NEAR, value: 0.75, file: 'seeds/004', source: 'Kế hoạch UBND xã Hòa Đồng (10/2022), mục II.1.2: giảm tỷ lệ hộ cận nghèo hằng năm tối thiểu 0,75%' },
];

/** QĐ 90: poor districts' poor rate falls 4-5 points a year — applied to each flagged district. */
const POOR_DISTRICT_TARGET = 4;

export interface ProgrammeTargetInput {
  seed: number;
  /** Codes present in each structure (a real target is only written for a unit that exists). */
  units: Record<Structure, ReadonlySet<string>>;
  provinces: Record<Structure, readonly string[]>;
  poorDistricts: readonly string[];
  /** Target years per structure. */
  years: Record<Structure, readonly number[]>;
  /** A province's poor rate (%) in the year before `year`, from the simulated data. */
  previousPoorRate: (structure: Structure, code: string, year: number) => number | null;
}

export function programmeTargets(input: ProgrammeTargetInput): TargetOut[] {
  const out: TargetOut[] = [];
  const have = new Set<string>();
  const push = (t: TargetOut) => {
    const key = `${t.structure}/${t.unitCode}/${t.year}/${t.indicator}`;
    if (have.has(key)) return;
    have.add(key);
    out.push(t);
  };
  for (const t of REAL_TARGETS) {
    if (t.unitCode !== NATIONAL_CODE && !input.units[t.structure].has(t.unitCode)) continue;
    for (const year of t.years) push({ structure: t.structure, unitCode: t.unitCode, year, indicator: t.indicator, value: t.value, source: realSource(t.file, t.source), simulated: false });
  }
  for (const year of input.years.pre2025) {
    for (const code of input.poorDistricts) {
      push({
        structure: 'pre2025', unitCode: code, year, indicator: POOR, value: POOR_DISTRICT_TARGET, simulated: false,
        source: realSource('DOMAIN.md', `${QD90}: tỷ lệ hộ nghèo các huyện nghèo giảm 4-5%/năm (mục tiêu chung, áp dụng cho từng huyện nghèo QĐ 353; giá trị: mức tối thiểu)`),
      });
    }
  }
  for (const structure of ['pre2025', '2025'] as const) {
    for (const year of input.years[structure]) {
      for (const code of input.provinces[structure]) {
        const rate = input.previousPoorRate(structure, code, year);
        if (rate === null) continue;
        // Hà Tĩnh plans 0.6-0.7 points a year (seeds/001); carry its lower bound to later years
        const haTinh = structure === 'pre2025' && code === '42';
        const factor = 0.15 + 0.15 * keyedUniform(input.seed, 'target', structure, code, year);
        const value = haTinh ? 0.6 : Math.min(5, Math.max(0.05, Math.round((rate * factor) / 0.05) * 0.05));
        const why = haTinh ? 'mức 0,6 điểm %/năm của kế hoạch 2023 (seeds/001) kéo dài' : `${factor.toFixed(2)} × tỷ lệ hộ nghèo năm trước (${rate.toFixed(2)} %)`;
        push({
          structure, unitCode: code, year, indicator: POOR, value: Number(value.toFixed(2)), simulated: true,
          source: `${SIMULATED_SOURCE_PREFIX}, seed ${input.seed}; chỉ tiêu giả định / invented target: ${why}, theo logic ${QD90} (toàn quốc giảm 1-1,5 điểm %/năm)`,
        });
      }
    }
  }
  return out;
}
