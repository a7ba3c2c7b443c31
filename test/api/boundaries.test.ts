// boundaries.* on every dialect: a GeoJSON file for two old communes of Huyện Tây Hòa (562, Phú
// Yên) built around their label points is accepted; an unknown code, a 2025 commune (it has its
// polygon), a bow-tie and a square far from the district are each reported with their index;
// commit → inDistrict answers the two; imports.undo removes them; the Hà Tĩnh planner is refused.
// FlatGeobuf is written by flatgeobuf's own serialize; a zipped Shapefile in UTM with its .prj by
// mapshaper (the pipeline's tool) and fflate.
import { serialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { strToU8, zipSync } from 'fflate';
import mapshaper from 'mapshaper';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from './support/dialects.ts';
import { geoJsonInput, squareAround } from './support/boundary-files.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

type Commune = { code: string; fullName: string; labelPoint: [number, number] | null };

for (const dialect of dialectsUnderTest()) {
  describe(`boundaries (${dialect})`, () => {
    let app: SeededApp;
    let tayHoa: Commune[];
    let commune2025: string;
    beforeAll(async () => {
      app = await startSeededApp(dialect);
      tayHoa = (await app.trpc.units.children.query({ structure: 'pre2025', code: '562' })) as Commune[];
      // a 2025 commune whose code no pre-2025 unit uses: it can only be read as the 2025 one
      const row = await app.database.db
        .selectFrom('unit as n')
        .leftJoin('unit as o', (j) => j.onRef('o.code', '=', 'n.code').on('o.structure', '=', 'pre2025'))
        .select('n.code')
        .where('n.structure', '=', '2025')
        .where('n.level', '=', 'commune')
        .where('o.code', 'is', null)
        .executeTakeFirstOrThrow();
      commune2025 = row.code;
    });
    afterAll(() => app?.close());

    const two = () => tayHoa.slice(0, 2).map((c, i) => squareAround(c.labelPoint!, i === 0 ? { ma_xa: c.code } : { MA_DVHC: Number(c.code) }));

    it('accepts two communes and reports every bad feature by index and code', async () => {
      const [a] = tayHoa as [Commune];
      const [x, y] = a.labelPoint!;
      const bowTie: Feature = { type: 'Feature', properties: { code: tayHoa[2]!.code }, geometry: { type: 'Polygon', coordinates: [[[x - 0.004, y - 0.004], [x + 0.004, y + 0.006], [x + 0.004, y - 0.004], [x - 0.004, y + 0.004], [x - 0.004, y - 0.004]]] } };
      const features = [...two(), squareAround([x, y], { code: '99999' }), squareAround([x, y], { code: commune2025 }), bowTie, squareAround([105.85, 21.03], { code: tayHoa[3]!.code })];
      const report = await app.trpc.boundaries.preview.mutate(geoJsonInput('tay-hoa.geojson', features));
      expect(report).toMatchObject({ fileName: 'tay-hoa.geojson', format: 'geojson', features: 6, accepted: 2 });
      expect(report.units.map((u) => u.code)).toEqual(tayHoa.slice(0, 2).map((c) => c.code));
      expect(report.errors).toEqual([
        { feature: 2, code: '99999', message: expect.stringMatching(/không có đơn vị mã 99999/) },
        { feature: 3, code: commune2025, message: expect.stringMatching(/đơn vị này đã có ranh giới/) },
        { feature: 4, code: tayHoa[2]!.code, message: expect.stringMatching(/hình không hợp lệ \(các cạnh tự cắt nhau/) },
        { feature: 5, code: tayHoa[3]!.code, message: expect.stringMatching(/nằm ngoài Huyện Tây H/) },
      ]);
      // a commit of a file with errors writes nothing
      await expect(app.trpc.boundaries.commit.mutate({ ...geoJsonInput('tay-hoa.geojson', features), fingerprint: report.fingerprint })).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' } });
    });

    it('commits, draws them in inDistrict, and imports.undo takes them back', async () => {
      const input = geoJsonInput('tay-hoa-2.geojson', two());
      const { fingerprint } = await app.trpc.boundaries.preview.mutate(input);
      const result = await app.trpc.boundaries.commit.mutate({ ...input, fingerprint });
      expect(result).toMatchObject({ inserted: 2, replaced: 0 });
      const drawn = (await app.trpc.boundaries.inDistrict.query({ structure: 'pre2025', code: '562' })) as FeatureCollection;
      expect(drawn.features.map((f) => f.properties)).toEqual(tayHoa.slice(0, 2).map((c) => ({ code: c.code, name: c.fullName })));
      expect(drawn.features[0]!.geometry.type).toBe('Polygon');

      // the same file again replaces both; undoing it restores the first upload's polygons
      const again = await app.trpc.boundaries.commit.mutate({ ...input, fingerprint });
      expect(again).toMatchObject({ inserted: 0, replaced: 2 });
      expect(await app.trpc.imports.undo.mutate({ batchId: again.batchId })).toEqual({ restored: 2, removed: 0 });
      expect(await app.trpc.imports.undo.mutate({ batchId: result.batchId })).toEqual({ restored: 0, removed: 2 });
      expect(((await app.trpc.boundaries.inDistrict.query({ structure: 'pre2025', code: '562' })) as FeatureCollection).features).toEqual([]);
    });

    it('reads FlatGeobuf', async () => {
      // FlatGeobuf's columns come from the first feature: both carry the same property here
      const features = tayHoa.slice(0, 2).map((c) => squareAround(c.labelPoint!, { ma_xa: c.code }));
      const fgb = serialize({ type: 'FeatureCollection', features } as FeatureCollection, 4326);
      const report = await app.trpc.boundaries.preview.mutate({ fileName: 'tay-hoa.fgb', contentBase64: Buffer.from(fgb).toString('base64') });
      expect(report).toMatchObject({ format: 'flatgeobuf', features: 2, accepted: 2, errors: [] });
    });

    it('reads a zipped Shapefile written in UTM zone 49N with its .prj, reprojected to WGS84', async () => {
      // mapshaper (the geodata pipeline's own tool) writes the shapefile and its .prj; fflate zips it
      const features = tayHoa.slice(0, 2).map((c) => squareAround(c.labelPoint!, { MA_XA: c.code }));
      const files = (await mapshaper.applyCommands('-i in.json -proj EPSG:32649 -o format=shapefile tay-hoa.shp', {
        'in.json': JSON.stringify({ type: 'FeatureCollection', features }),
      })) as Record<string, string | Uint8Array>;
      expect(String(files['tay-hoa.prj'])).toMatch(/UTM zone 49N/);
      const zip = zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, typeof data === 'string' ? strToU8(data) : new Uint8Array(data)])));
      const input = { fileName: 'tay-hoa-utm.zip', contentBase64: Buffer.from(zip).toString('base64') };
      const report = await app.trpc.boundaries.preview.mutate(input);
      expect(report).toMatchObject({ format: 'shapefile', features: 2, accepted: 2, errors: [] });
      expect(report.units.map((u) => u.code)).toEqual(tayHoa.slice(0, 2).map((c) => c.code));
      await app.trpc.boundaries.commit.mutate({ ...input, fingerprint: report.fingerprint });
      // back in longitude/latitude: the stored polygon holds the commune's label point again
      const drawn = await app.trpc.boundaries.inDistrict.query({ structure: 'pre2025', code: '562' });
      for (const commune of tayHoa.slice(0, 2)) {
        const feature = drawn.features.find((f) => f.properties?.code === commune.code)!;
        expect(booleanPointInPolygon(commune.labelPoint!, feature as Feature<Polygon>)).toBe(true);
      }
    });

    it('refuses projected coordinates without a .prj, and the Hà Tĩnh planner for Phú Yên', async () => {
      const projected = squareAround([520_000, 1_440_000], { code: tayHoa[0]!.code }, 300);
      const report = await app.trpc.boundaries.preview.mutate(geoJsonInput('vn2000.geojson', [projected]));
      expect(report.errors[0]!.message).toMatch(/không phải kinh độ\/vĩ độ WGS84.*\.prj/);

      const planner = await app.clientAs('plannerHaTinh');
      const input = geoJsonInput('tay-hoa.geojson', two());
      const seen = await planner.boundaries.preview.mutate(input);
      expect(seen.accepted).toBe(0);
      expect(seen.errors.every((e) => /ngoài phạm vi/.test(e.message))).toBe(true);
      await expect(planner.boundaries.commit.mutate({ ...input, fingerprint: seen.fingerprint })).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
      await expect(planner.boundaries.inDistrict.query({ structure: 'pre2025', code: '562' })).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    });
  });
}
