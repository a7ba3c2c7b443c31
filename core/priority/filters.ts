// Which communes a ranking lists: a province or district, flags that must be set, and
// thresholds on raw factor values ("poor rate at least 10 %", "not visited for 12 months").
// A threshold excludes a commune whose value is unknown: "at least 10 %" is not known to hold.
import type { FactorValues } from './score.ts';

export interface CommuneFacts {
  code: string;
  provinceCode: string;
  /** The pre-2025 district; null in the 2025 structure (no districts). */
  districtCode: string | null;
  values: FactorValues;
}

export interface Threshold {
  factor: string;
  min?: number;
  max?: number;
}

export interface PriorityFilters {
  provinces?: readonly string[];
  districts?: readonly string[];
  /** Flag factors that must be 1 (e.g. 'poor_district'). */
  flags?: readonly string[];
  thresholds?: readonly Threshold[];
}

export function matchesFilters(commune: CommuneFacts, filters: PriorityFilters): boolean {
  if (filters.provinces?.length && !filters.provinces.includes(commune.provinceCode)) return false;
  if (filters.districts?.length && (commune.districtCode === null || !filters.districts.includes(commune.districtCode))) return false;
  for (const flag of filters.flags ?? []) if (commune.values[flag] !== 1) return false;
  for (const t of filters.thresholds ?? []) {
    const value = commune.values[t.factor];
    if (value === null || value === undefined || Number.isNaN(value)) return false;
    if (t.min !== undefined && value < t.min) return false;
    if (t.max !== undefined && value > t.max) return false;
  }
  return true;
}
