import { describe, expect, it } from 'vitest';
import { regionByName, REGIONS, regionCode } from '../../core/poverty/regions.ts';
import { deriveTargets } from '../../core/simulate/real-targets.ts';
import { parseRate } from '../../core/simulate/reference-figures.ts';
import { readReference, realFigures } from './simulate-fixture.ts';

const figures = realFigures();
const regionOfProvince = new Map(readReference('provinces_gso_codes_regions.csv').map((r) => [r.gso_code, regionByName(r.socioeconomic_region)!.key]));
const derived = deriveTargets({ figures: figures.figures, years: [2022, 2023, 2024], regionOfProvince, unchangedProvinces: new Map([['11', '11'], ['20', '20']]) });

describe('real figures → targets', () => {
  it('reads the reference tables and leaves out what is not comparable, with reasons', () => {
    expect(parseRate('4.03')).toEqual({ value: 4.03, halfUnit: 0.005 });
    expect(parseRate('~11 (gần 11%)')).toBeUndefined();
    const skipped = figures.skipped.map((s) => s.row);
    expect(skipped.some((r) => r.includes('Hà Nội'))).toBe(true); // local standard
    expect(skipped.some((r) => r.includes('Quảng Ninh'))).toBe(true); // local standard
    expect(skipped.some((r) => r.startsWith('2021'))).toBe(true); // QĐ 59/2015
    expect(figures.figures.some((f) => f.scope.kind === 'province' && (f.scope.code === '01' || f.scope.code === '22'))).toBe(false);
  });

  it('reconciles the 2022 sources that contradict themselves, and says so', () => {
    const y2022 = derived.years.get(2022)!;
    // Đồng bằng sông Hồng prints 69,239 poor; its own combined − near-poor and the national total need 69,329
    expect(y2022.poor.get('VN-DBSH')!.value).toBe(69_329);
    expect(derived.notes.some((n) => n.includes('69239') && n.includes('69329'))).toBe(true);
    const regionsPoor = REGIONS.reduce((s, r) => s + y2022.poor.get(regionCode(r.key))!.value, 0);
    expect(regionsPoor).toBe(1_057_374);
  });

  it('keeps the published national and regional counts (real) wherever they exist', () => {
    const t = derived.years;
    expect(t.get(2023)!.poor.get('VN')).toMatchObject({ value: 815_101, provenance: 'real' });
    expect(t.get(2023)!.nearPoor.get('VN')).toMatchObject({ value: 771_235, provenance: 'real' });
    expect(t.get(2023)!.poor.get('VN-TDMNPB')).toMatchObject({ value: 364_681, provenance: 'real' });
    const combined2023 = (key: string) => t.get(2023)!.poor.get(key)!.value + t.get(2023)!.nearPoor.get(key)!.value;
    expect(combined2023('VN-DBSH')).toBe(129_779);
    expect(combined2023('VN-DBSCL')).toBe(201_563);
    const combined2024 = (key: string) => t.get(2024)!.poor.get(key)!.value + t.get(2024)!.nearPoor.get(key)!.value;
    expect(combined2024('VN-TDMNPB')).toBe(486_623);
    expect(combined2024('VN-TN')).toBe(152_970);
    expect(combined2024('VN')).toBe(1_258_997);
    expect(t.get(2024)!.poor.get('12')).toMatchObject({ value: 20_961, provenance: 'real' }); // Lai Châu
    expect(t.get(2024)!.poor.get('35')).toMatchObject({ value: 4_321, provenance: 'real' }); // Hà Nam, seeds/003
  });

  it('recovers households so that published regional rates re-round to their printed values', () => {
    let compared = 0;
    for (const f of figures.figures) {
      if (f.scope.kind !== 'region' || f.structure !== 'pre2025') continue;
      const t = derived.years.get(f.year)!;
      const key = regionCode(f.scope.region);
      const h = t.households.get(key)!.value;
      const poor = t.poor.get(key)!.value;
      const near = t.nearPoor.get(key)!.value;
      if (f.poorRate && f.poor) {
        expect(((100 * poor) / h).toFixed(2)).toBe(f.poorRate.value.toFixed(2));
        compared++;
      }
      if (f.nearPoorRate && f.nearPoor) {
        expect(((100 * near) / h).toFixed(2)).toBe(f.nearPoorRate.value.toFixed(2));
        compared++;
      }
      // Tây Nguyên 2022's printed combined (236,766) is not its poor + near-poor: its rate is not reproducible
      if (f.combinedRate && f.combined && !(f.year === 2022 && key === 'VN-TN')) {
        expect(((100 * (poor + near)) / h).toFixed(2)).toBe(f.combinedRate.value.toFixed(2));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  // Tây Nguyên 2024: 152,970 at a printed 9.45 % needs ≥ 1.6179 M households, +3.0 % on 2023
  it('grows households 0-3.5 % a year in every region', () => {
    for (const r of REGIONS) {
      const key = regionCode(r.key);
      for (const year of [2023, 2024]) {
        const growth = derived.years.get(year)!.households.get(key)!.value / derived.years.get(year - 1)!.households.get(key)!.value - 1;
        expect(growth).toBeGreaterThan(0);
        expect(growth).toBeLessThan(0.035);
      }
    }
  });
});
