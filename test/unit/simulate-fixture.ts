// A small synthetic Vietnam for the generator's unit tests (no database, no geodata build):
// the 63 real provinces with their real codes and regions (reference/provinces_gso_codes_
// regions.csv), each with one urban district of wards and four rural districts of a town and
// five communes, placed in a rough band of its region; one rural district per mountain/central
// province flagged poor; two island districts without communes (one inhabited, one not). The
// 2025 structure merges provinces two by two within a region (Lạng Sơn and Điện Biên stay as they
// are, as in reality) and communes three by three, with every fifth group sharing a commune with
// the next one through partial links.
import fs from 'node:fs';
import path from 'node:path';
import { referenceDir } from '../../geodata/settings.ts';
import { parseCsv } from '../../server/db/seed/csv.ts';
import { regionByName, type RegionKey } from '../../core/poverty/regions.ts';
import { Rng } from '../../core/simulate/prng.ts';
import { allFigures, type FigureSet } from '../../core/simulate/reference-figures.ts';
import type { SimLink, SimUnit } from '../../core/simulate/types.ts';

export const readReference = (file: string) => parseCsv(fs.readFileSync(path.join(referenceDir(), file), 'utf8'));

export function realFigures(): FigureSet {
  return allFigures(readReference('poverty_national_regional.csv'), readReference('poverty_by_province_partial.csv'));
}

/** lon, lat boxes per region: [lon0, lon1, lat0, lat1]. */
const BOX: Record<RegionKey, [number, number, number, number]> = {
  TDMNPB: [103, 107, 21, 23],
  DBSH: [105.5, 107, 20.2, 21.3],
  BTB_DHMT: [105.2, 109, 11, 20],
  TN: [107.5, 108.7, 11.5, 15],
  DNB: [106, 107.5, 10.5, 11.8],
  DBSCL: [104.8, 106.7, 8.8, 10.9],
};
const CITIES = new Set(['01', '31', '48', '79', '92']);
const POOR_DISTRICT_REGIONS = new Set<RegionKey>(['TDMNPB', 'BTB_DHMT', 'TN']);
const UNCHANGED_2025 = new Set(['11', '20']);

export interface Fixture {
  pre2025: SimUnit[];
  units2025: SimUnit[];
  links: SimLink[];
}

export function buildFixture(): Fixture {
  const rng = new Rng(7, 'fixture');
  const provinces = readReference('provinces_gso_codes_regions.csv').map((r) => ({ code: r.gso_code, name: r.name, region: r.socioeconomic_region, key: regionByName(r.socioeconomic_region)!.key }));
  const pre: SimUnit[] = [];
  const unit = (u: Partial<SimUnit> & Pick<SimUnit, 'code' | 'level' | 'name' | 'type' | 'provinceCode'>): SimUnit => {
    const full: SimUnit = { parentCode: null, region: null, lon: null, lat: null, poorDistrict: false, coastal: false, ...u };
    pre.push(full);
    return full;
  };
  let districtCode = 100;
  let communeCode = 10000;
  const byRegion = new Map<RegionKey, number>();
  for (const p of provinces) {
    const k = byRegion.get(p.key) ?? 0;
    byRegion.set(p.key, k + 1);
    const [lon0, lon1, lat0, lat1] = BOX[p.key];
    // a zig-zag through the region's box so provinces of one region are neighbours
    const lat = lat1 - ((k + 0.5) / 14) * (lat1 - lat0);
    const lon = lon0 + ((k % 3) + 0.5) / 3 * (lon1 - lon0);
    unit({ code: p.code, level: 'province', name: p.name, type: CITIES.has(p.code) ? 'Thành phố' : 'Tỉnh', provinceCode: p.code, region: p.region, lon, lat });
    for (let d = 0; d < 5; d++) {
      const dc = String(districtCode++);
      const urban = d === 0;
      const dType = urban ? (CITIES.has(p.code) ? 'Quận' : 'Thành phố') : 'Huyện';
      const dLon = lon + 0.3 * Math.cos((2 * Math.PI * d) / 5);
      const dLat = lat + 0.2 * Math.sin((2 * Math.PI * d) / 5);
      unit({ code: dc, level: 'district', name: `D${dc}`, type: dType, parentCode: p.code, provinceCode: p.code, region: p.region, lon: dLon, lat: dLat, poorDistrict: d === 4 && POOR_DISTRICT_REGIONS.has(p.key) });
      for (let c = 0; c < 6; c++) {
        const type = urban ? 'Phường' : c === 0 ? 'Thị trấn' : 'Xã';
        const cc = String(communeCode++);
        unit({
          code: cc, level: 'commune', name: `C${cc}`, type, parentCode: dc, provinceCode: p.code, region: p.region,
          lon: dLon + rng.uniform(-0.1, 0.1), lat: dLat + rng.uniform(-0.08, 0.08), coastal: !urban && c === 5 && p.key === 'BTB_DHMT',
        });
      }
    }
  }
  // island districts without communes (Lý Sơn in Quảng Ngãi; Hoàng Sa in Đà Nẵng, uninhabited)
  unit({ code: '536', level: 'district', name: 'Lý Sơn', type: 'Huyện', parentCode: '51', provinceCode: '51', region: 'Bắc Trung Bộ và duyên hải miền Trung', lon: 109.12, lat: 15.38, coastal: true });
  unit({ code: '498', level: 'district', name: 'Hoàng Sa', type: 'Huyện', parentCode: '48', provinceCode: '48', region: 'Bắc Trung Bộ và duyên hải miền Trung', lon: 112, lat: 16.5 });

  const { units2025, links } = structure2025(pre, provinces);
  return { pre2025: pre, units2025, links };
}

function structure2025(pre: SimUnit[], provinces: { code: string; key: RegionKey }[]): { units2025: SimUnit[]; links: SimLink[] } {
  const units2025: SimUnit[] = [];
  const links: SimLink[] = [];
  const newProvinceOf = new Map<string, string>();
  for (const region of new Set(provinces.map((p) => p.key))) {
    const members = provinces.filter((p) => p.key === region && !UNCHANGED_2025.has(p.code)).map((p) => p.code);
    for (let i = 0; i < members.length; i += 2) for (const code of members.slice(i, i + 2)) newProvinceOf.set(code, members[i]);
  }
  for (const code of UNCHANGED_2025) newProvinceOf.set(code, code);
  for (const [old, now] of newProvinceOf) {
    links.push({ fromCode: old, toCode: now, level: 'province', kind: 'full', share: null });
    if (old === now) {
      const p = pre.find((u) => u.code === old)!;
      units2025.push({ ...p, region: null });
    }
  }
  const communes = pre.filter((u) => u.level === 'commune');
  let group = 0;
  for (let i = 0; i < communes.length; i += 3, group++) {
    const members = communes.slice(i, i + 3);
    const first = members[0];
    const province = newProvinceOf.get(first.provinceCode)!;
    units2025.push({
      code: first.code, level: 'commune', name: `N${first.code}`, type: members.some((m) => m.type === 'Phường') ? 'Phường' : 'Xã',
      parentCode: province, provinceCode: province, region: null,
      lon: members.reduce((s, m) => s + m.lon!, 0) / members.length, lat: members.reduce((s, m) => s + m.lat!, 0) / members.length,
      poorDistrict: false, coastal: members.some((m) => m.coastal),
    });
    const next = communes[i + 3];
    members.forEach((m, k) => {
      // every fifth group shares its last commune with the next group (same province only)
      const split = group % 5 === 0 && k === members.length - 1 && next && next.provinceCode === m.provinceCode;
      links.push({ fromCode: m.code, toCode: first.code, level: 'commune', kind: split ? 'partial' : 'full', share: null });
      if (split) links.push({ fromCode: m.code, toCode: next.code, level: 'commune', kind: 'partial', share: null });
    });
  }
  units2025.push({ code: '99001', level: 'commune', name: 'Lý Sơn', type: 'Đặc khu', parentCode: newProvinceOf.get('51')!, provinceCode: newProvinceOf.get('51')!, region: null, lon: 109.12, lat: 15.38, poorDistrict: false, coastal: true });
  links.push({ fromCode: '536', toCode: '99001', level: 'district', kind: 'full', share: null });
  return { units2025, links };
}
