// The simulated structure of poverty before raking, per leaf (commune): household size and the
// logits of the poor and near-poor rates. Raking later moves whole regions/provinces to the real
// totals; what survives it — and makes the map look like a real one — is the structure built
// here: a smooth spatial field, province and district effects, poor districts poorer, wards and
// towns richer, remote communes poorer. See params.ts for every value and why.
import { distanceKm, smoothField } from './field.ts';
import { HOUSEHOLD_GROWTH, DEFAULT_GROWTH, NEAR_EFFECTS, POOR_EFFECTS, SIZE_BY_TYPE, SIZE_LOG_SD, XA_MEDIAN_HOUSEHOLDS } from './params.ts';
import { memoNormal, Rng } from './prng.ts';
import type { Leaf, UnitTree } from './unit-tree.ts';

/** Adjustments learnt in the generator's first pass (see generate.ts). */
export interface ModelOffsets {
  /** Per province: added to the poor logit / near-poor logit / log household size in every year. */
  poor: Map<string, number>;
  nearPoor: Map<string, number>;
  households: Map<string, number>;
  /** Added to the poor-district effect (poor / near-poor logit). */
  poorDistrictPoor: number;
  poorDistrictNear: number;
}

export const NO_OFFSETS: ModelOffsets = { poor: new Map(), nearPoor: new Map(), households: new Map(), poorDistrictPoor: 0, poorDistrictNear: 0 };

export interface BaseModel {
  logSize: Float64Array;
  eta: Float64Array;
  zeta: Float64Array;
  growth: Float64Array;
}

const URBAN_DISTRICTS = new Set(['Quận', 'Thành phố', 'Thị xã']);

export function isPoorDistrictLeaf(leaf: Leaf): boolean {
  return leaf.district?.poorDistrict ?? false;
}

/** The model with the generator's second-pass adjustments added (the structure is computed once). */
export function withOffsets(model: BaseModel, tree: UnitTree, offsets: ModelOffsets): BaseModel {
  const out: BaseModel = { logSize: Float64Array.from(model.logSize), eta: Float64Array.from(model.eta), zeta: Float64Array.from(model.zeta), growth: model.growth };
  for (const leaf of tree.leaves) {
    const i = leaf.index;
    const poorDistrict = isPoorDistrictLeaf(leaf);
    out.eta[i] += (offsets.poor.get(leaf.provinceCode) ?? 0) + (poorDistrict ? offsets.poorDistrictPoor : 0);
    out.zeta[i] += (offsets.nearPoor.get(leaf.provinceCode) ?? 0) + (poorDistrict ? offsets.poorDistrictNear : 0);
    out.logSize[i] += offsets.households.get(leaf.provinceCode) ?? 0;
  }
  return out;
}

export function baseModel(tree: UnitTree, seed: number): BaseModel {
  const n = tree.leaves.length;
  const field = smoothField(seed, 'poor');
  const remoteness = remotenessKm(tree);
  const logSize = new Float64Array(n);
  const eta = new Float64Array(n);
  const zeta = new Float64Array(n);
  const growth = new Float64Array(n);
  const e = POOR_EFFECTS;

  const provinceEffect = memoNormal(seed, 'province');
  const districtEffect = memoNormal(seed, 'district');
  const nearDistrictEffect = memoNormal(seed, 'near-district');
  const communeNear = new Float64Array(n);

  for (const leaf of tree.leaves) {
    const i = leaf.index;
    const u = leaf.unit;
    const district = leaf.district;
    const poorDistrict = isPoorDistrictLeaf(leaf);
    const region = leaf.regionKey;
    // one stream per commune for its own draws: [effect, size, near-poor effect]
    const own = new Rng(seed, 'commune', u.code);
    eta[i] =
      e.fieldSd * field(leaf.lon, leaf.lat) +
      e.provinceSd * provinceEffect(leaf.provinceCode) +
      e.districtSd * districtEffect(district?.code ?? u.code) +
      e.communeSd * own.normal() +
      (poorDistrict ? e.poorDistrict : 0) +
      (u.coastal || district?.coastal ? e.coastalExtremelyDifficult : 0) +
      (e.districtType[district?.type ?? ''] ?? 0) +
      (e.communeType[u.type] ?? 0) +
      e.remoteness * Math.log1p(remoteness[i] / 15);

    const median = region ? XA_MEDIAN_HOUSEHOLDS[region] : 2000;
    logSize[i] =
      Math.log(median * (SIZE_BY_TYPE[u.type] ?? 1) * (poorDistrict ? 0.8 : 1)) +
      SIZE_LOG_SD * own.normal();
    // wards grow faster than rural communes (urbanisation)
    growth[i] = (region ? HOUSEHOLD_GROWTH[region] : DEFAULT_GROWTH) + (u.type === 'Phường' ? 0.005 : 0);
    communeNear[i] = own.normal();
  }

  // Near-poor follows the poor rate within its region with a flatter slope.
  const meanByRegion = new Map<string, { sum: number; n: number }>();
  for (const leaf of tree.leaves) {
    const m = meanByRegion.get(leaf.regionKey ?? '') ?? { sum: 0, n: 0 };
    m.sum += eta[leaf.index];
    m.n++;
    meanByRegion.set(leaf.regionKey ?? '', m);
  }
  for (const leaf of tree.leaves) {
    const i = leaf.index;
    const m = meanByRegion.get(leaf.regionKey ?? '')!;
    zeta[i] =
      NEAR_EFFECTS.slope * (eta[i] - m.sum / m.n) +
      NEAR_EFFECTS.districtSd * nearDistrictEffect(leaf.district?.code ?? leaf.unit.code) +
      NEAR_EFFECTS.communeSd * communeNear[i];
  }
  return { logSize, eta, zeta, growth };
}

/** Distance from each leaf to the nearest urban district (quận, thành phố, thị xã) of its province, km. */
function remotenessKm(tree: UnitTree): Float64Array {
  const centres = new Map<string, [number, number][]>();
  const seen = new Set<string>();
  for (const leaf of tree.leaves) {
    const d = leaf.district;
    if (!d || seen.has(d.code) || !URBAN_DISTRICTS.has(d.type) || d.lon === null || d.lat === null) continue;
    seen.add(d.code);
    const list = centres.get(leaf.provinceCode) ?? [];
    list.push([d.lon, d.lat]);
    centres.set(leaf.provinceCode, list);
  }
  const out = new Float64Array(tree.leaves.length);
  for (const leaf of tree.leaves) {
    const list = centres.get(leaf.provinceCode);
    out[leaf.index] = list ? Math.min(...list.map(([lon, lat]) => distanceKm(leaf.lon, leaf.lat, lon, lat))) : 0;
  }
  return out;
}
