// Account scope (phạm vi được giao): which units a user may see, given the provinces they were
// assigned and the 2025 reform crosswalk. Pure: the server loads the crosswalk facts.
//
// A scope is the whole country (null) or a list of provinces of either structure. Since
// programme data is keyed by (structure, code) on both sides of 1 July 2025, a province of one
// structure must also open the matching units of the other:
//
// - pre2025 province P covers
//   · every pre2025 unit of P (the province, its districts and communes);
//   · every 2025 commune that received at least one commune of P ("its successor's parts");
//   · a 2025 province wholly, only when every one of its predecessors is covered (Hà Tĩnh 42
//     went unchanged into 2025 Hà Tĩnh 42; Phú Yên 54 alone does not open 2025 Đắk Lắk 66);
//   · the 2025 provinces holding those communes as containers: visible for navigation (the
//     province itself, its children filtered), never its whole data.
// - 2025 province Q covers
//   · every 2025 unit of Q;
//   · every pre2025 province that went wholly ('full' link) into Q (2025 Đắk Lắk 66 covers
//     pre2025 Phú Yên 54 and Đắk Lắk 66 entirely);
//   · every pre2025 commune that went (wholly or partly) into a commune of Q, with its old
//     district and province as containers: this catches the odd commune moved across a border.

export type StructureId = '2025' | 'pre2025';
export type UnitLevel = 'province' | 'district' | 'commune';

/** One assigned province. */
export interface ProvinceScope {
  structure: StructureId;
  code: string;
}

/** null = the whole country (toàn quốc). */
export type AccountScope = readonly ProvinceScope[] | null;

/** What scope decisions need to know about a unit. */
export interface UnitPlace {
  structure: StructureId;
  code: string;
  level: UnitLevel;
  provinceCode: string;
}

/** pre2025 province → 2025 province (unit_link, level 'province'). */
export interface ProvinceLink {
  from: string;
  to: string;
  kind: 'full' | 'partial';
}

/** pre2025 commune → 2025 commune (unit_link, level 'commune'), with where both ends lie. */
export interface CommuneLink {
  from: { code: string; districtCode: string | null; provinceCode: string };
  to: { code: string; provinceCode: string };
}

export interface ScopeFacts {
  provinceLinks: readonly ProvinceLink[];
  /** At least the links touching the provinces `coveredProvinces` returns; extra links are ignored. */
  communeLinks: readonly CommuneLink[];
}

type ByStructure = Record<StructureId, ReadonlySet<string>>;

export interface EffectiveScope {
  country: boolean;
  /** Whole provinces: every unit whose province code is listed. */
  provinces: ByStructure;
  /** Single communes covered through the crosswalk. */
  communes: ByStructure;
  /** Provinces and districts shown for navigation only (they hold covered communes). */
  containers: ByStructure;
}

/**
 * 'data': the unit and everything recorded about it. 'navigate': the unit may be shown and
 * opened (name, place on the map, its covered children), which is what containers allow.
 */
export type Reach = 'data' | 'navigate';

export const COUNTRY_SCOPE: EffectiveScope = {
  country: true,
  provinces: { '2025': new Set(), pre2025: new Set() },
  communes: { '2025': new Set(), pre2025: new Set() },
  containers: { '2025': new Set(), pre2025: new Set() },
};

/** Whole provinces covered on each side; the server loads commune links for these. */
export function coveredProvinces(scope: readonly ProvinceScope[], provinceLinks: readonly ProvinceLink[]): ByStructure {
  const old = new Set(scope.filter((s) => s.structure === 'pre2025').map((s) => s.code));
  const current = new Set(scope.filter((s) => s.structure === '2025').map((s) => s.code));
  for (const link of provinceLinks) {
    if (link.kind === 'full' && current.has(link.to)) old.add(link.from);
  }
  const predecessors = new Map<string, string[]>();
  for (const link of provinceLinks) predecessors.set(link.to, [...(predecessors.get(link.to) ?? []), link.from]);
  for (const [to, froms] of predecessors) {
    if (froms.every((from) => old.has(from))) current.add(to);
  }
  return { pre2025: old, '2025': current };
}

export function effectiveScope(scope: AccountScope, facts: ScopeFacts): EffectiveScope {
  if (scope === null) return COUNTRY_SCOPE;
  const provinces = coveredProvinces(scope, facts.provinceLinks);
  const communes = { pre2025: new Set<string>(), '2025': new Set<string>() };
  const containers = { pre2025: new Set<string>(), '2025': new Set<string>() };

  for (const { from, to } of facts.communeLinks) {
    if (provinces.pre2025.has(from.provinceCode) && !provinces['2025'].has(to.provinceCode)) {
      communes['2025'].add(to.code);
      containers['2025'].add(to.provinceCode);
    }
    if (provinces['2025'].has(to.provinceCode) && !provinces.pre2025.has(from.provinceCode)) {
      communes.pre2025.add(from.code);
      containers.pre2025.add(from.provinceCode);
      if (from.districtCode !== null) containers.pre2025.add(from.districtCode);
    }
  }
  return { country: false, provinces, communes, containers };
}

/** How far the scope reaches into a unit: 'data', 'navigate' (a container) or null (outside). */
export function reachOf(scope: EffectiveScope, unit: UnitPlace): Reach | null {
  if (scope.country) return 'data';
  if (scope.provinces[unit.structure].has(unit.provinceCode)) return 'data';
  if (unit.level === 'commune' && scope.communes[unit.structure].has(unit.code)) return 'data';
  if (unit.level !== 'commune' && scope.containers[unit.structure].has(unit.code)) return 'navigate';
  return null;
}

/** 'data' reach also allows navigating; 'navigate' reach allows only that. */
export function allows(scope: EffectiveScope, unit: UnitPlace, need: Reach): boolean {
  const reach = reachOf(scope, unit);
  return reach === 'data' || (reach === 'navigate' && need === 'navigate');
}
