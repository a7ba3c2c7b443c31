// Travel times from an OSRM server (OSRM_URL), against a stub that speaks OSRM's table format and
// refuses tables above its --max-table-size like a real one: the matrix is asked block by block,
// read in minutes and metres, a pair OSRM cannot route is estimated great-circle and counted, a
// refusal carries OSRM's message, and a plan solved on it costs what the stub's roads say.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solve } from '../../core/routing/index.ts';
import { greatCircleMatrix, haversineMetres, type LonLat } from '../../core/routing/travel-matrix.ts';
import { OsrmError } from '../../server/routing/osrm-table.ts';
import { osrmSource, travelMatrixSource } from '../../server/routing/travel-matrix-source.ts';

const MAX_TABLE = 3;
/** Communes of Huyện Tây Hòa and around (lon, lat); the last one stands for an island. */
const POINTS: LonLat[] = [
  { lon: 109.19, lat: 12.98 }, { lon: 109.22, lat: 13.0 }, { lon: 109.16, lat: 12.95 }, { lon: 109.25, lat: 12.93 },
  { lon: 109.12, lat: 13.02 }, { lon: 109.28, lat: 13.05 }, { lon: 109.35, lat: 12.9 },
];
const ISLAND = POINTS.length - 1;
// the stub's "roads": 1.3 × straight line at 9 m/s
const roadMetres = (a: LonLat, b: LonLat) => 1.3 * haversineMetres(a, b);
const roadSeconds = (a: LonLat, b: LonLat) => roadMetres(a, b) / 9;

let server: http.Server;
let baseUrl: string;
let requests = 0;
let refuse: string | null = null;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests++;
    const url = new URL(req.url!, 'http://stub');
    const match = /^\/table\/v1\/driving\/(.+)$/.exec(url.pathname);
    const send = (status: number, body: object) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (refuse) return send(400, { code: refuse, message: 'Query string malformed close to position 42' });
    if (!match) return send(400, { code: 'InvalidUrl', message: 'URL string malformed' });
    const coords = decodeURIComponent(match[1]!).split(';').map((c) => c.split(',').map(Number) as [number, number]);
    const indices = (name: string) => (url.searchParams.get(name) ?? '').split(';').filter(Boolean).map(Number);
    const sources = indices('sources');
    const destinations = indices('destinations');
    if (sources.length > MAX_TABLE || destinations.length > MAX_TABLE) return send(400, { code: 'TooBig', message: 'Too many table coordinates' });
    const at = (i: number) => ({ lon: coords[i]![0], lat: coords[i]![1] });
    const cell = (f: (a: LonLat, b: LonLat) => number) =>
      sources.map((i) => destinations.map((j) => (i !== j && (i === ISLAND || j === ISLAND) ? null : f(at(i), at(j)))));
    send(200, { code: 'Ok', durations: cell(roadSeconds), distances: cell(roadMetres) });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('OSRM travel matrix', () => {
  it('asks block by block within the table size, in minutes and metres; unroutable pairs estimated and counted', async () => {
    requests = 0;
    const matrix = await osrmSource(baseUrl, { maxTableSize: MAX_TABLE }).matrix(POINTS);
    expect(requests).toBe(9); // ceil(7 / 3)² blocks
    const n = POINTS.length;
    expect(matrix.size).toBe(n);
    expect(matrix.durations[1 * n + 4]).toBeCloseTo(roadSeconds(POINTS[1]!, POINTS[4]!) / 60, 6);
    expect(matrix.distances![5 * n + 0]).toBeCloseTo(roadMetres(POINTS[5]!, POINTS[0]!), 6);
    // the island's 12 pairs (to and from the 6 others) come from the great-circle estimate
    expect(matrix.estimatedPairs).toBe(12);
    const estimate = greatCircleMatrix(POINTS);
    expect(matrix.durations[ISLAND * n + 2]).toBeCloseTo(estimate.durations[ISLAND * n + 2]!, 9);
    expect(matrix.durations[3 * n + 3]).toBe(0);
  });

  it('fails with OSRM’s own code and message when it refuses', async () => {
    refuse = 'InvalidQuery';
    try {
      await expect(osrmSource(baseUrl).matrix(POINTS.slice(0, 3))).rejects.toThrow(OsrmError);
      await expect(osrmSource(baseUrl).matrix(POINTS.slice(0, 3))).rejects.toThrow(/InvalidQuery — Query string malformed/);
    } finally {
      refuse = null;
    }
  });

  it('is chosen by OSRM_URL, the great-circle estimate otherwise', () => {
    expect(travelMatrixSource({ OSRM_URL: baseUrl }).name).toBe('osrm');
    expect(travelMatrixSource({ OSRM_URL: ' ' }).name).toBe('great-circle');
    expect(travelMatrixSource({}).name).toBe('great-circle');
  });

  it('plans a team’s day on the roads OSRM gives: the plan’s travel time is the sum of the stub’s legs', async () => {
    const points = POINTS.slice(0, 6);
    const matrix = await osrmSource(baseUrl, { maxTableSize: MAX_TABLE }).matrix(points);
    const plan = solve(
      {
        matrix,
        jobs: points.slice(1).map((_, i) => ({ id: `xa-${i + 1}`, location: i + 1, service: 45 })),
        vehicles: [{ id: 'doan-1', start: 0, end: 0, shifts: [{ start: 7.5 * 60, end: 17 * 60 }] }],
      },
      { iterations: 2000, seed: 1 },
    );
    expect(plan.unassigned).toEqual([]);
    const stops = [0, ...plan.routes[0]!.stops.map((s) => s.location), 0];
    const legs = stops.slice(1).reduce((sum, to, k) => sum + roadSeconds(points[stops[k]!]!, points[to]!) / 60, 0);
    expect(plan.travelTime).toBeCloseTo(legs, 6);
  });
});
