// Which polygons make each pre-2025 district, decided from the lists alone (no geometry), so the
// early registry already carries the right geometry status.
//
// The district polygons are of about 2021 (692). Between then and 2025-03-01 districts were
// merged (11 polygon codes vanished) and some were divided (Thành phố Huế → Thuận Hóa + Phú
// Xuân; part of Lục Ngạn → Thị xã Chũ; communes of Thạch Hà, Cẩm Xuyên, Lộc Hà → Hà Tĩnh; …).
// units-2021-11-01.sql says which communes each 2021 district held; the 2025-03-01 list says
// which district holds each of them now. A 2021 polygon whose communes all sit in one district
// goes to it whole; one whose communes went to several is divided along 2025 commune lines
// (approximate). Provinces without any polygon (Quảng Ninh) are rebuilt from 2025 communes.
// What only geometry can tell (swapped polygons, polygons older than the lists, holes) is
// corrected later: polygon-identity.ts, district-divide.ts, district-gaps.ts.
import type { LinkEnd } from './crosswalk.ts';
import type { GeometryStatus } from './registry-types.ts';
import type { UnitList, Units2021 } from './units.ts';

export interface PolygonFate {
  polygonCode: string;
  provinceCode: string;
  /** 2025-03-01 district → number of this polygon's 2021 communes it holds now. */
  targets: Map<string, number>;
  /** Gets the polygon minus the minors' pieces. */
  major: string | null;
  minors: string[];
}

export interface DistrictPlan {
  code: string;
  provinceCode: string;
  wholePolygons: string[];
  /** 2021 polygons of which this district gets only a part. */
  dividedPolygons: string[];
  fromNewCommunes: boolean;
  status: GeometryStatus;
  note: string | null;
}

export interface DistrictPlanResult {
  districts: Map<string, DistrictPlan>;
  polygons: Map<string, PolygonFate>;
}

const byCountThenCode = (a: [string, number], b: [string, number]) => b[1] - a[1] || a[0].localeCompare(b[0]);

export function planDistricts(
  oldList: UnitList,
  units2021: Units2021,
  polygonProvince: Map<string, string>,
): DistrictPlanResult {
  const polygons = new Map<string, PolygonFate>();
  const communesOf2021 = new Map<string, string[]>();
  for (const [commune, district] of units2021.communeDistrict) {
    const list = communesOf2021.get(district) ?? [];
    list.push(commune);
    communesOf2021.set(district, list);
  }
  for (const [polygonCode, provinceCode] of polygonProvince) {
    const targets = new Map<string, number>();
    for (const commune of communesOf2021.get(polygonCode) ?? []) {
      const now = oldList.byCode.get(commune);
      // A commune merged away before 2025 has no code in the list: it votes for nothing.
      if (now?.level === 'commune' && now.parentCode)
        targets.set(now.parentCode, (targets.get(now.parentCode) ?? 0) + 1);
    }
    // Island districts without communes (Hoàng Sa, Trường Sa, Bạch Long Vĩ, …) keep their code.
    if (targets.size === 0 && oldList.byCode.get(polygonCode)?.level === 'district') targets.set(polygonCode, 1);
    const ranked = [...targets].sort(byCountThenCode);
    const major =
      ranked.length === 0
        ? null
        : targets.size > 1 && ranked[0][1] === ranked[1][1] && targets.has(polygonCode)
          ? polygonCode
          : ranked[0][0];
    polygons.set(polygonCode, {
      polygonCode,
      provinceCode,
      targets,
      major,
      minors: ranked.map(([c]) => c).filter((c) => c !== major),
    });
  }

  const provincesWithPolygons = new Set(polygonProvince.values());
  const districts = new Map<string, DistrictPlan>();
  for (const unit of oldList.units) {
    if (unit.level !== 'district') continue;
    districts.set(unit.code, {
      code: unit.code,
      provinceCode: unit.provinceCode,
      wholePolygons: [],
      dividedPolygons: [],
      fromNewCommunes: !provincesWithPolygons.has(unit.provinceCode),
      status: 'none',
      note: null,
    });
  }
  for (const fate of polygons.values()) {
    for (const target of fate.targets.keys()) {
      const plan = districts.get(target);
      if (!plan) continue;
      if (fate.targets.size === 1) plan.wholePolygons.push(fate.polygonCode);
      else plan.dividedPolygons.push(fate.polygonCode);
    }
  }
  for (const plan of districts.values()) describe(plan, polygons, units2021);
  return { districts, polygons };
}

function describe(plan: DistrictPlan, polygons: Map<string, PolygonFate>, units2021: Units2021): void {
  const name = (code: string) => `${code} ${units2021.districtName.get(code) ?? ''}`.trim();
  if (plan.fromNewCommunes) {
    plan.status = 'approximate';
    plan.note =
      'No district polygons in the source for this province: rebuilt by dissolving 2025 communes by the old district most of their predecessor communes belonged to (crosswalk); the outline is exact, inner boundaries follow 2025 commune lines.';
    return;
  }
  if (plan.dividedPolygons.length > 0) {
    const parts = plan.dividedPolygons.map((p) => {
      const fate = polygons.get(p)!;
      const others = [...fate.targets.keys()].filter((t) => t !== plan.code).join(', ');
      return `2021 polygon ${name(p)} was divided between this district and ${others}`;
    });
    plan.status = 'approximate';
    plan.note = `${parts.join('; ')}: the dividing line follows 2025 commune boundaries (crosswalk), not a surveyed line.`;
    if (plan.wholePolygons.some((p) => p !== plan.code)) {
      plan.note += ` Also dissolved whole 2021 polygons ${plan.wholePolygons
        .filter((p) => p !== plan.code)
        .map(name)
        .join(', ')}.`;
    }
    return;
  }
  if (plan.wholePolygons.length === 1 && plan.wholePolygons[0] === plan.code) {
    plan.status = 'source';
    return;
  }
  if (plan.wholePolygons.length > 0) {
    plan.status = 'rebuilt';
    plan.note = `Dissolved from 2021 polygons ${plan.wholePolygons.map(name).join(' + ')} (districts merged 2021-2025; communes per units-2021-11-01.sql and the 2025-03-01 list).`;
    return;
  }
  plan.status = 'none';
  plan.note = 'No 2021 polygon holds any of its communes and its province has polygons: cannot be rebuilt.';
}

/**
 * The old district a 2025 commune mostly comes from: predecessors vote with weight 1 (full) or
 * ½ (partial, only part of the old commune went there); ties go to the lowest code so every
 * run gives the same answer. `districtOf` may return undefined to leave a predecessor out.
 */
export function voteOldDistrict(
  predecessors: LinkEnd[] | undefined,
  districtOf: (oldCommune: string) => string | undefined,
): string | null {
  const votes = new Map<string, number>();
  for (const p of predecessors ?? []) {
    const district = districtOf(p.code);
    if (district) votes.set(district, (votes.get(district) ?? 0) + (p.kind === 'full' ? 1 : 0.5));
  }
  const ranked = [...votes].sort(byCountThenCode);
  return ranked.length > 0 ? ranked[0][0] : null;
}
