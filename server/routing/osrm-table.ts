// OSRM's table service (GET /table/v1/{profile}/{lon,lat;…}?sources=…&destinations=…
// &annotations=duration,distance → {code: "Ok", durations: seconds[][], distances: metres[][]}),
// asked block by block so no request exceeds the server's --max-table-size. A pair OSRM
// cannot route (null: an island commune, a point off the road graph) is estimated great-circle
// and counted, rather than failing the whole plan; a refused request fails with OSRM's message.
import { greatCircleMatrix, type LonLat } from '../../core/routing/travel-matrix.ts';
import type { TravelMatrix } from '../../core/routing/model.ts';
import type { OsrmOptions } from './travel-matrix-source.ts';

interface OsrmTableAnswer {
  code: string;
  message?: string;
  durations?: (number | null)[][];
  distances?: (number | null)[][];
}

export class OsrmError extends Error {}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

export async function osrmTable(
  baseUrl: string,
  points: readonly LonLat[],
  options: OsrmOptions,
  signal?: AbortSignal,
): Promise<TravelMatrix & { estimatedPairs: number }> {
  const n = points.length;
  const block = Math.max(1, options.maxTableSize ?? 100);
  const doFetch = options.fetch ?? fetch;
  const coordinates = points.map((p) => `${p.lon.toFixed(6)},${p.lat.toFixed(6)}`).join(';');
  const base = `${baseUrl.replace(/\/+$/, '')}/table/v1/${options.profile ?? 'driving'}/${coordinates}`;
  const durations = new Float64Array(n * n);
  const distances = new Float64Array(n * n);
  const unrouted: [number, number][] = [];
  for (let s = 0; s < n; s += block) {
    for (let d = 0; d < n; d += block) {
      const sources = range(s, Math.min(n, s + block));
      const destinations = range(d, Math.min(n, d + block));
      const url = `${base}?sources=${sources.join(';')}&destinations=${destinations.join(';')}&annotations=duration,distance`;
      const response = await doFetch(url, { signal });
      const answer = (await response.json().catch(() => ({ code: `HTTP ${response.status}` }))) as OsrmTableAnswer;
      if (!response.ok || answer.code !== 'Ok' || !answer.durations) {
        throw new OsrmError(`OSRM table: ${answer.code}${answer.message ? ` — ${answer.message}` : ''} (${baseUrl})`);
      }
      sources.forEach((i, a) =>
        destinations.forEach((j, b) => {
          const seconds = answer.durations![a]?.[b];
          const metres = answer.distances?.[a]?.[b];
          if (seconds === null || seconds === undefined) unrouted.push([i, j]);
          else {
            durations[i * n + j] = seconds / 60;
            distances[i * n + j] = metres ?? 0;
          }
        }),
      );
    }
  }
  if (unrouted.length > 0) {
    const estimate = greatCircleMatrix(points, options.fallback);
    for (const [i, j] of unrouted) {
      durations[i * n + j] = estimate.durations[i * n + j]!;
      distances[i * n + j] = estimate.distances![i * n + j]!;
    }
  }
  return { size: n, durations, distances, estimatedPairs: unrouted.length };
}
