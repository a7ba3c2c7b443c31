// The indicator catalogue: every number a choropleth can show, with its names, unit, and how it
// is computed from SUMMED counts (so one formula serves a commune, a district, a province and
// the whole country). `indicators.list` sends the descriptive fields; `indicators.values` calls
// computeIndicator on each unit's summed counts.
import { DEPRIVATION_INDICATORS, POVERTY_DIMENSIONS, standardForYear } from './standard.ts';
import { poorAtStartOfYear, type DeprivationKey, type ReviewCounts } from './counts.ts';
import { nearPoorRate, percent, poorAndNearPoor, poorRate } from './aggregate.ts';

export type IndicatorKind = 'count' | 'rate' | 'change' | 'target-gap' | 'deprivation-share' | 'dimension-share' | 'category';
/** 'điểm %' = percentage points (a difference of two rates). */
export type IndicatorUnit = 'hộ' | '%' | 'điểm %' | 'loại';
/** For the palette: which end of the scale is the good one. */
export type IndicatorDirection = 'higher-worse' | 'higher-better' | 'neutral';

/** Target indicators (table `target`, column indicator): a planned reduction in points per year. */
export const TARGET_INDICATORS = {
  poorRateReduction: 'poor_rate_reduction',
  nearPoorRateReduction: 'near_poor_rate_reduction',
} as const;

export interface IndicatorCategory {
  value: number;
  nameVi: string;
  nameEn: string;
}

export interface IndicatorInputs {
  /** The unit's summed counts for the year. */
  counts: ReviewCounts | null;
  /** The same unit's summed counts for the previous year (through the crosswalk for 2025 units). */
  previous?: ReviewCounts | null;
  /** The unit's own target for the year (a parent's target is its own, never a sum). */
  target?: number | null;
  /** Province coordination programme with the Fatherland Front (BC 150/BC-LĐTBXH). */
  coordination?: { signed: number | null; reported: number | null } | null;
}

export interface IndicatorDef {
  key: string;
  nameVi: string;
  nameEn: string;
  unit: IndicatorUnit;
  kind: IndicatorKind;
  direction: IndicatorDirection;
  decimals: number;
  /** The `target.indicator` a target-gap indicator compares with. */
  targetIndicator?: string;
  /** Only for a category indicator: its classes. */
  categories?: readonly IndicatorCategory[];
  /** Only province level (the coordination layer). */
  provinceOnly?: boolean;
  formulaVi: string;
  formulaEn: string;
  compute(inputs: IndicatorInputs): number | null;
}

const count = (key: string, nameVi: string, nameEn: string, direction: IndicatorDirection, pick: (c: ReviewCounts) => number | null): IndicatorDef => ({
  key, nameVi, nameEn, unit: 'hộ', kind: 'count', direction, decimals: 0,
  formulaVi: 'Tổng số hộ của các đơn vị con', formulaEn: 'Sum over child units',
  compute: ({ counts }) => (counts ? pick(counts) : null),
});

const rate = (key: string, nameVi: string, nameEn: string, direction: IndicatorDirection, formulaVi: string, formulaEn: string, fn: (c: ReviewCounts) => number | null): IndicatorDef => ({
  key, nameVi, nameEn, unit: '%', kind: 'rate', direction, decimals: 2, formulaVi, formulaEn,
  compute: ({ counts }) => (counts ? fn(counts) : null),
});

/** Change in a rate since the previous review, in points: negative = fewer poor. */
const change = (key: string, nameVi: string, nameEn: string, fn: (c: ReviewCounts) => number | null): IndicatorDef => ({
  key, nameVi, nameEn, unit: 'điểm %', kind: 'change', direction: 'higher-worse', decimals: 2,
  formulaVi: 'Tỷ lệ năm nay − tỷ lệ năm trước (mỗi tỷ lệ = tổng số hộ / tổng số hộ dân)',
  formulaEn: "This year's rate − last year's rate (each = summed count / summed households)",
  compute: ({ counts, previous }) => {
    const now = counts ? fn(counts) : null;
    const before = previous ? fn(previous) : null;
    return now === null || before === null ? null : now - before;
  },
});

/** Achieved reduction minus the target reduction, in points: ≥ 0 = target met. */
const targetGap = (key: string, nameVi: string, nameEn: string, targetIndicator: string, fn: (c: ReviewCounts) => number | null): IndicatorDef => ({
  key, nameVi, nameEn, unit: 'điểm %', kind: 'target-gap', direction: 'higher-better', decimals: 2, targetIndicator,
  formulaVi: '(Tỷ lệ năm trước − tỷ lệ năm nay) − chỉ tiêu giảm (điểm %/năm); ≥ 0 là đạt',
  formulaEn: "(Last year's rate − this year's rate) − targeted reduction (points/year); ≥ 0 = met",
  compute: ({ counts, previous, target }) => {
    const now = counts ? fn(counts) : null;
    const before = previous ? fn(previous) : null;
    return now === null || before === null || target === null || target === undefined ? null : before - now - target;
  },
});

/** Base of deprivation shares: the review scores the 12 indicators for poor and near-poor households. */
const reviewedHouseholds = (c: ReviewCounts) => poorAndNearPoor(c);

const deprivationShare = (key: DeprivationKey, no: number, nameVi: string, nameEn: string): IndicatorDef => ({
  key: `deprivation_${key}`, nameVi: `Thiếu hụt chỉ số ${no}: ${nameVi}`, nameEn: `Deprivation ${no}: ${nameEn}`,
  unit: '%', kind: 'deprivation-share', direction: 'higher-worse', decimals: 1,
  formulaVi: `Số hộ thiếu hụt chỉ số ${no} / (hộ nghèo + hộ cận nghèo)`,
  formulaEn: `Households deprived in indicator ${no} / (poor + near-poor households)`,
  compute: ({ counts }) => (counts ? percent(counts[key], reviewedHouseholds(counts)) : null),
});

const dimensionShare = (no: number, nameVi: string, nameEn: string, [a, b]: readonly [DeprivationKey, DeprivationKey]): IndicatorDef => ({
  key: `deprivation_dim${no}`, nameVi: `Thiếu hụt chiều ${no}: ${nameVi}`, nameEn: `Dimension ${no}: ${nameEn}`,
  unit: '%', kind: 'dimension-share', direction: 'higher-worse', decimals: 1,
  // Households deprived in at least one of the two cannot be recovered from per-indicator counts,
  // so the dimension shows the mean of its two indicators' shares (still sums over sums).
  formulaVi: `Bình quân 2 chỉ số: (${a} + ${b}) / (2 × (hộ nghèo + hộ cận nghèo))`,
  formulaEn: `Mean of its 2 indicators: (${a} + ${b}) / (2 × (poor + near-poor))`,
  compute: ({ counts }) => {
    if (!counts) return null;
    const da = counts[a];
    const db = counts[b];
    const base = reviewedHouseholds(counts);
    return da === null || db === null || base === null ? null : percent(da + db, 2 * base);
  },
});

export const COORDINATION_CATEGORIES: readonly IndicatorCategory[] = [
  { value: 0, nameVi: 'Chưa ban hành chương trình, chưa báo cáo', nameEn: 'No programme, no report' },
  { value: 1, nameVi: 'Đã ban hành chương trình, chưa báo cáo', nameEn: 'Programme signed, no report' },
  { value: 2, nameVi: 'Chưa ban hành chương trình, đã báo cáo', nameEn: 'No programme, report sent' },
  { value: 3, nameVi: 'Đã ban hành chương trình và báo cáo', nameEn: 'Programme signed and report sent' },
];

const poorNearRate = (c: ReviewCounts) => percent(poorAndNearPoor(c), c.households);
const escapedShare = (c: ReviewCounts) => percent(c.escaped, poorAtStartOfYear(c));

export const INDICATORS: readonly IndicatorDef[] = [
  rate('poor_rate', 'Tỷ lệ hộ nghèo', 'Poor-household rate', 'higher-worse', 'Hộ nghèo / tổng số hộ', 'Poor households / households', poorRate),
  rate('near_poor_rate', 'Tỷ lệ hộ cận nghèo', 'Near-poor-household rate', 'higher-worse', 'Hộ cận nghèo / tổng số hộ', 'Near-poor households / households', nearPoorRate),
  rate('poor_near_poor_rate', 'Tỷ lệ hộ nghèo và cận nghèo', 'Poor and near-poor rate', 'higher-worse', '(Hộ nghèo + hộ cận nghèo) / tổng số hộ', '(Poor + near-poor) / households', poorNearRate),
  rate('escaped_share', 'Tỷ lệ hộ thoát nghèo', 'Share of poor households escaping poverty', 'higher-better',
    'Hộ thoát nghèo / hộ nghèo đầu năm (= nghèo − phát sinh − tái nghèo + thoát nghèo)',
    'Escaped / poor at start of year (= poor − newly poor − re-poor + escaped)', escapedShare),
  count('households', 'Tổng số hộ', 'Households', 'neutral', (c) => c.households),
  count('poor', 'Số hộ nghèo', 'Poor households', 'higher-worse', (c) => c.poor),
  count('near_poor', 'Số hộ cận nghèo', 'Near-poor households', 'higher-worse', (c) => c.near_poor),
  count('poor_near_poor', 'Số hộ nghèo và cận nghèo', 'Poor and near-poor households', 'higher-worse', poorAndNearPoor),
  count('escaped', 'Số hộ thoát nghèo', 'Households escaping poverty', 'higher-better', (c) => c.escaped),
  count('newly_poor', 'Số hộ nghèo phát sinh', 'Newly poor households', 'higher-worse', (c) => c.newly_poor),
  count('re_poor', 'Số hộ tái nghèo', 'Households falling back into poverty', 'higher-worse', (c) => c.re_poor),
  change('poor_rate_change', 'Thay đổi tỷ lệ hộ nghèo so với năm trước', 'Change in poor rate since last year', poorRate),
  change('near_poor_rate_change', 'Thay đổi tỷ lệ hộ cận nghèo so với năm trước', 'Change in near-poor rate since last year', nearPoorRate),
  change('poor_near_poor_rate_change', 'Thay đổi tỷ lệ hộ nghèo và cận nghèo', 'Change in poor and near-poor rate', poorNearRate),
  targetGap('poor_rate_target_gap', 'So với chỉ tiêu giảm tỷ lệ hộ nghèo', 'Poor-rate reduction vs target', TARGET_INDICATORS.poorRateReduction, poorRate),
  targetGap('near_poor_rate_target_gap', 'So với chỉ tiêu giảm tỷ lệ hộ cận nghèo', 'Near-poor-rate reduction vs target', TARGET_INDICATORS.nearPoorRateReduction, nearPoorRate),
  ...DEPRIVATION_INDICATORS.map((d) => deprivationShare(d.key, d.no, d.nameVi, d.nameEn)),
  ...POVERTY_DIMENSIONS.map((d) => dimensionShare(d.no, d.nameVi, d.nameEn, d.indicators)),
  {
    key: 'coordination_status', nameVi: 'Chương trình phối hợp với MTTQ (BC 150/BC-LĐTBXH)', nameEn: 'Coordination programme with the Fatherland Front (Report 150)',
    unit: 'loại', kind: 'category', direction: 'higher-better', decimals: 0, categories: COORDINATION_CATEGORIES, provinceOnly: true,
    formulaVi: 'Đã ban hành (1) + 2 × đã báo cáo (1)', formulaEn: 'signed (1) + 2 × reported (1)',
    compute: ({ coordination }) =>
      coordination && coordination.signed !== null && coordination.reported !== null ? coordination.signed + 2 * coordination.reported : null,
  },
];

const BY_KEY = new Map(INDICATORS.map((d) => [d.key, d]));

export function indicatorByKey(key: string): IndicatorDef | undefined {
  return BY_KEY.get(key);
}

export function computeIndicator(key: string, inputs: IndicatorInputs): number | null {
  const def = BY_KEY.get(key);
  if (!def) throw new Error(`unknown indicator ${key}`);
  const value = def.compute(inputs);
  return value === null || !Number.isFinite(value) ? null : value;
}

/** What data exists for a structure, by year: which years an indicator can be shown for. */
export interface AvailableData {
  reviewYears: readonly number[];
  /** Years whose previous year's counts exist (same structure, or through the crosswalk for 2025). */
  previousYears?: readonly number[];
  /** Target years per target indicator. */
  targetYears?: Readonly<Record<string, readonly number[]>>;
  coordinationYears?: readonly number[];
}

/**
 * Years available for an indicator. A change needs the previous year measured under the same
 * standard: 2021 (QĐ 59/2015) → 2022 (NĐ 07/2021) is a change of ruler, not of poverty.
 */
export function indicatorYears(def: IndicatorDef, data: AvailableData): number[] {
  const review = [...new Set(data.reviewYears)].sort((a, b) => a - b);
  if (def.kind === 'category') return [...new Set(data.coordinationYears ?? [])].sort((a, b) => a - b);
  if (def.kind !== 'change' && def.kind !== 'target-gap') return review;
  const previous = new Set(data.previousYears ?? review.filter((y) => review.includes(y - 1)));
  const comparable = review.filter((y) => previous.has(y) && standardForYear(y) !== null && standardForYear(y) === standardForYear(y - 1));
  if (def.kind === 'change') return comparable;
  const targets = new Set(data.targetYears?.[def.targetIndicator ?? ''] ?? []);
  return comparable.filter((y) => targets.has(y));
}
