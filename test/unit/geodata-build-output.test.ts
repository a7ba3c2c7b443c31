// Assertions on the real build output (geodata/build, from `npm run geodata`). Skipped when the
// build is absent, so a fresh clone's unit tests do not need the 1-minute build.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { toneInsensitiveKey } from '../../core/text.ts';
import { isUpToDate, pipelineSources } from '../../geodata/freshness.ts';
import { pointInMultiPolygon } from '../../geodata/geometry.ts';
import { sourcePaths } from '../../geodata/read-sources.ts';
import type { Registry } from '../../geodata/registry-types.ts';
import { geodataOut, geodataSources, repoRoot } from '../../geodata/settings.ts';

const out = geodataOut();
const built = fs.existsSync(path.join(out, 'report.json')) && fs.existsSync(path.join(out, 'registry.json'));

// flatgeobuf's readers log every index step with console.debug.
const realDebug = console.debug;
beforeAll(() => {
  console.debug = () => {};
});
afterAll(() => {
  console.debug = realDebug;
});

type Rect = { minX: number; minY: number; maxX: number; maxY: number };
// A fresh Uint8Array: the array reader assumes the bytes start at offset 0 of their buffer.
const fileBytes = (file: string) => new Uint8Array(fs.readFileSync(path.join(out, file)));
async function bboxRead(file: string, rect: Rect) {
  const features = [];
  for await (const f of deserialize(fileBytes(file), { rect })) features.push(f);
  return features;
}
/** The header (a bbox read does not report it, a full read does before its first feature). */
async function readHeader(file: string): Promise<HeaderMeta> {
  let header: HeaderMeta | null = null;
  for await (const _ of deserialize(fileBytes(file), { headerMetaFn: (h) => (header = h) })) break;
  return header!;
}
const codes = (features: { properties?: Record<string, unknown> | null }[]) =>
  features.map((f) => String(f.properties?.code));

const TAY_HOA: Rect = { minX: 109.2, minY: 12.85, maxX: 109.3, maxY: 12.92 };
const HOANG_SA: Rect = { minX: 111, minY: 15.4, maxX: 113, maxY: 17.4 };
const TRUONG_SA: Rect = { minX: 111, minY: 6, maxX: 118, maxY: 12 };

describe.skipIf(!built)('geodata build output', () => {
  const registry = (): Registry => JSON.parse(fs.readFileSync(path.join(out, 'registry.json'), 'utf8')) as Registry;

  it('passed every hard check', () => {
    const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as {
      ok: boolean;
      checks: { id: string; hard: boolean; ok: boolean }[];
    };
    expect(report.checks.filter((c) => c.hard && !c.ok).map((c) => c.id)).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('holds 34 / 3,321 units for 2025 and 63 / 696 / 10,047 for pre2025', () => {
    const counts: Record<string, number> = {};
    for (const u of registry().units)
      counts[`${u.structure}/${u.level}`] = (counts[`${u.structure}/${u.level}`] ?? 0) + 1;
    expect(counts).toEqual({
      '2025/province': 34,
      '2025/commune': 3321,
      'pre2025/province': 63,
      'pre2025/district': 696,
      'pre2025/commune': 10047,
    });
  });

  it('keeps old Xã Hòa Đồng 22276 apart from new Xã Hòa Thịnh 22276 and links them', () => {
    const r = registry();
    const find = (structure: string, code: string) =>
      r.units.find((u) => u.structure === structure && u.code === code)!;
    const old = find('pre2025', '22276');
    expect(old).toMatchObject({
      fullName: 'Xã Hòa Đồng',
      name: 'Hòa Đồng',
      type: 'Xã',
      parentCode: '562',
      provinceCode: '54',
      geometry: 'none',
    });
    expect(toneInsensitiveKey(find('pre2025', '562').fullName)).toBe(toneInsensitiveKey('Huyện Tây Hòa'));
    expect(find('pre2025', '54').fullName).toBe('Tỉnh Phú Yên');
    const now = find('2025', '22276');
    expect(toneInsensitiveKey(now.fullName)).toBe(toneInsensitiveKey('Xã Hòa Thịnh'));
    expect(now).toMatchObject({ parentCode: '66', provinceCode: '66', geometry: 'source' });
    expect(r.links).toContainEqual({
      fromStructure: 'pre2025',
      fromCode: '22276',
      toStructure: '2025',
      toCode: '22276',
      level: 'commune',
      kind: 'full',
    });
    expect(r.links).toContainEqual(expect.objectContaining({ fromCode: '54', toCode: '66', level: 'province' }));
    expect(old.labelPoint).not.toBeNull();
  });

  it('resolves the crosswalk codes that differ from the unit list, and reports list differences', () => {
    const r = registry();
    expect(r.listDifferences.crosswalkCodeResolutions.map((x) => [x.crosswalkCode, x.unitListCode])).toEqual(
      expect.arrayContaining([
        ['06970', '06978'],
        ['23737', '23938'],
      ]),
    );
    expect(r.links.some((l) => l.toCode === '06970' || l.toCode === '23737')).toBe(false);
    const onlyDvhcvn = r.listDifferences.pre2025.onlyInUsed.filter((e) => e.level === 'commune');
    expect(onlyDvhcvn).toHaveLength(12);
  });

  it('writes the layout with indexed FlatGeobuf files that answer bbox reads', async () => {
    for (const structure of ['2025', 'pre2025']) {
      const levels = structure === '2025' ? ['province', 'commune'] : ['province', 'district'];
      for (const level of levels) {
        for (const lod of ['detail', 'country', 'labels'])
          expect(fs.existsSync(path.join(out, structure, `${level}.${lod}.fgb`))).toBe(true);
      }
    }
    expect(fs.existsSync(path.join(out, 'pre2025', 'commune.labels.fgb'))).toBe(true);
    expect((await readHeader('2025/commune.detail.fgb')).indexNodeSize).toBe(16);
    expect((await readHeader('pre2025/commune.labels.fgb')).featuresCount).toBe(10047);
    const near = await bboxRead('2025/commune.detail.fgb', TAY_HOA);
    expect(codes(near)).toContain('22276');
    const hoaThinh = near.find((f) => f.properties?.code === '22276')!;
    expect(hoaThinh.properties).toMatchObject({ parent: '66' });
    const label = registry().units.find((u) => u.structure === '2025' && u.code === '22276')!.labelPoint!;
    expect(pointInMultiPolygon(label, (hoaThinh.geometry as { coordinates: number[][][][] }).coordinates)).toBe(true);
    const oldPoints = await bboxRead('pre2025/commune.labels.fgb', TAY_HOA);
    expect(oldPoints.find((f) => f.properties?.code === '22276')?.properties?.name).toBe('Xã Hòa Đồng');
  });

  it('gives every old commune its own point, inside a 2025 successor', async () => {
    const r = registry();
    const old = r.units.filter((u) => u.structure === 'pre2025' && u.level === 'commune');
    expect(new Set(old.map((u) => String(u.labelPoint))).size).toBe(old.length);
    const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as {
      oldCommunePoints: { sharing: number; nearestMetres: { median: number } };
    };
    expect(report.oldCommunePoints.sharing).toBe(0);
    // Far enough apart to click at district zoom: typically a kilometre or more.
    expect(report.oldCommunePoints.nearestMetres.median).toBeGreaterThan(1000);
    // Every old commune that went (whole or in part) into a 2025 commune lies inside one of them.
    const successors = new Map<string, string[]>();
    for (const l of r.links)
      if (l.level === 'commune' && l.fromStructure === 'pre2025')
        successors.set(l.fromCode, [...(successors.get(l.fromCode) ?? []), l.toCode]);
    const polygons = new Map<string, number[][][][]>();
    for await (const f of deserialize(fileBytes('2025/commune.detail.fgb'))) {
      const g = f.geometry as { type: string; coordinates: number[][][] | number[][][][] };
      const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      polygons.set(String(f.properties?.code), parts as number[][][][]);
    }
    const inSuccessor = (code: string, point: number[]) =>
      (successors.get(code) ?? []).some((s) => polygons.has(s) && pointInMultiPolygon(point, polygons.get(s)!));
    const outside = old.filter((u) => !inSuccessor(u.code, u.labelPoint!));
    expect(outside.map((u) => u.code)).toEqual([]);
  }, 60_000);

  it('spreads old Hòa Đồng 22276 and Hòa Thịnh 22294 apart inside new Xã Hòa Thịnh 22276', async () => {
    const r = registry();
    const find = (structure: string, code: string) =>
      r.units.find((u) => u.structure === structure && u.code === code)!;
    const from = r.links.filter((l) => l.level === 'commune' && l.toStructure === '2025' && l.toCode === '22276');
    expect(from.map((l) => l.fromCode).sort()).toEqual(['22276', '22294']);
    const hoaThinh = (await bboxRead('2025/commune.detail.fgb', TAY_HOA)).find((f) => f.properties?.code === '22276')!;
    const rings = (hoaThinh.geometry as { coordinates: number[][][][] }).coordinates;
    const [hoaDong, oldHoaThinh] = [find('pre2025', '22276'), find('pre2025', '22294')];
    // The lower code keeps the new commune's label point; the other is offset from it.
    expect(hoaDong.labelPoint).toEqual(find('2025', '22276').labelPoint);
    expect(oldHoaThinh.labelPoint).not.toEqual(hoaDong.labelPoint);
    for (const u of [hoaDong, oldHoaThinh]) {
      expect(pointInMultiPolygon(u.labelPoint!, rings)).toBe(true);
      expect(u.geometryNote).toMatch(/one of 2 old communes .* symbolic position, not a location/);
    }
  });

  it('has Hoàng Sa and Trường Sa at every level of detail in both structures', async () => {
    const expectations: [string, Rect, string][] = [
      ['2025/commune', HOANG_SA, '20333'],
      ['2025/commune', TRUONG_SA, '22736'],
      ['2025/province', HOANG_SA, '48'],
      ['2025/province', TRUONG_SA, '56'],
      ['pre2025/district', HOANG_SA, '498'],
      ['pre2025/district', TRUONG_SA, '576'],
      ['pre2025/province', HOANG_SA, '48'],
      ['pre2025/province', TRUONG_SA, '56'],
    ];
    for (const [layer, rect, code] of expectations) {
      for (const lod of ['detail', 'country'])
        expect(codes(await bboxRead(`${layer}.${lod}.fgb`, rect)), `${layer}.${lod} ${code}`).toContain(code);
    }
    expect(codes(await bboxRead('2025/commune.labels.fgb', HOANG_SA))).toContain('20333');
    expect(codes(await bboxRead('pre2025/district.labels.fgb', TRUONG_SA))).toContain('576');
  });

  it('keeps the whole-country files small', () => {
    const size = (f: string) => fs.statSync(path.join(out, f)).size;
    expect(size('2025/province.country.fgb')).toBeLessThan(300_000);
    expect(size('pre2025/province.country.fgb')).toBeLessThan(300_000);
    expect(size('2025/commune.country.fgb')).toBeLessThan(4_000_000);
  });

  const inputs = [
    ...Object.values(sourcePaths(geodataSources())),
    ...pipelineSources(path.join(repoRoot, 'geodata'), repoRoot),
  ];
  it.skipIf(!isUpToDate(out, inputs).fresh)(
    'says "up to date" without rebuilding when nothing changed',
    () => {
      const started = Date.now();
      const run = spawnSync(path.join(repoRoot, 'node_modules/.bin/tsx'), ['geodata/build.ts'], {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.status).toBe(0);
      expect(run.stdout.trim()).toBe('geodata: up to date');
      // tsx itself needs ~0.6 s to start here; the check is milliseconds of stat calls.
      expect(Date.now() - started).toBeLessThan(5_000);
    },
    30_000,
  );
});
