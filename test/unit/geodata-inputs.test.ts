// A missing or malformed input stops the pipeline with a message naming the file (and the line
// and feature for boundary files). Fixtures: test/fixtures/geodata (tiny, hand-written).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../geodata/input-error.ts';
import { readAllBoundaryFeatures } from '../../geodata/read-sources.ts';
import { parseSqlInserts } from '../../geodata/sql-values.ts';
import { load2021Units, loadNewStructureList } from '../../geodata/units.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string) => path.join(repo, 'test/fixtures/geodata', name);

async function inputError(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('boundary files (GeoJSON text sequences)', () => {
  it('reads valid features, plain or gzip', async () => {
    expect((await readAllBoundaryFeatures(fixture('features-ok.geojsonl'))).map((f) => f.properties.code)).toEqual([
      '00001',
      '00002',
    ]);
    const gz = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'geodata-')), 'ok.geojsonl.gz');
    fs.writeFileSync(gz, zlib.gzipSync(fs.readFileSync(fixture('features-ok.geojsonl'))));
    expect(await readAllBoundaryFeatures(gz)).toHaveLength(2);
  });

  it('names the file, line and feature of a feature without geometry', async () => {
    const error = await inputError(readAllBoundaryFeatures(fixture('feature-without-geometry.geojsonl')));
    expect(error.message).toContain('feature-without-geometry.geojsonl');
    expect(error.message).toMatch(/line 2 \(feature 00002\): feature has no geometry/);
  });

  it('names the line of broken JSON', async () => {
    const error = await inputError(readAllBoundaryFeatures(fixture('feature-bad-json.geojsonl')));
    expect(error.message).toMatch(/feature-bad-json\.geojsonl: line 3: malformed JSON/);
  });

  it('rejects a ring with fewer than four positions', async () => {
    const error = await inputError(readAllBoundaryFeatures(fixture('feature-short-ring.geojsonl')));
    expect(error.message).toMatch(/line 1 \(feature 00001\): a ring with fewer than 4 positions/);
  });

  it('names a missing file', async () => {
    const error = await inputError(readAllBoundaryFeatures(fixture('no-such-file.geojsonl.gz')));
    expect(error.message).toMatch(/no-such-file\.geojsonl\.gz: input file not found/);
  });

  it('names a truncated gzip file instead of hanging', async () => {
    const gz = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'geodata-')), 'cut.geojsonl.gz');
    const whole = zlib.gzipSync(Buffer.from(fs.readFileSync(fixture('features-ok.geojsonl'), 'utf8').repeat(50)));
    fs.writeFileSync(gz, whole.subarray(0, whole.length - 40));
    const error = await inputError(readAllBoundaryFeatures(gz));
    expect(error.message).toContain('cut.geojsonl.gz');
  });
});

describe('unit lists', () => {
  it('names the file and line of malformed JSON', () => {
    expect(() => loadNewStructureList(fixture('units-malformed.json'))).toThrow(
      /units-malformed\.json: line \d+: malformed JSON/,
    );
  });

  it('names the file and the place of a wrong structure', () => {
    expect(() => loadNewStructureList(fixture('units-wrong-shape.json'))).toThrow(
      /units-wrong-shape\.json: \[0\]\.Wards: expected an array/,
    );
  });

  it("reads the 2021 SQL dump, apostrophes ('') and NULL included", () => {
    const tables = parseSqlInserts(fs.readFileSync(fixture('units-2021-tiny.sql'), 'utf8'), 'tiny.sql');
    expect(tables.get('districts')?.[1].full_name).toBe("Huyện Ea H'Leo");
    expect(tables.get('wards')?.[1].name_en).toBeNull();
    const units = load2021Units(fixture('units-2021-tiny.sql'));
    expect(units.communeDistrict.get('22276')).toBe('562');
    expect(units.districtName.get('562')).toBe('Huyện Tây Hòa');
  });

  it('rejects a VALUES row with the wrong number of values, naming the line', () => {
    const sql = "INSERT INTO wards (code,name) VALUES\n ('1','a'),\n ('2');";
    expect(() => parseSqlInserts(sql, 'x.sql')).toThrow(/x\.sql: line 3: 1 values for 2 columns of wards/);
  });
});

describe('npm run geodata with a source directory lacking its inputs', () => {
  it('exits non-zero and names the missing file', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'geodata-out-'));
    const run = spawnSync(path.join(repo, 'node_modules/.bin/tsx'), ['geodata/build.ts'], {
      cwd: repo,
      env: { ...process.env, GEODATA_SOURCES: fixture('sources-missing'), GEODATA_OUT: out },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /geodata: bad input: .*sources-missing\/units\/units-2026-07-25\.json: input file not found/,
    );
    expect(fs.readdirSync(out)).toEqual([]);
  }, 60_000);
});
