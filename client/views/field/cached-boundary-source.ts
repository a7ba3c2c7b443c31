// The field map's boundary source: the server's FlatGeobuf files when they answer, and the last
// answer to the same question (kept in IndexedDB) when they do not. The national view underneath
// the day's communes asks for the same province outlines every time, about 200 KB, so one visit
// online is enough for the map to open offline. A service worker cannot do this for us: the
// FlatGeobuf reader fetches byte ranges, and caching Range responses in a worker is fragile.
import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { BBox, BoundaryFeature, BoundarySource, LabelPointFeature, LevelRef, Lod } from '../../map/boundary-source.ts';

let store: UseStore | undefined;
const db = () => (store ??= createStore('povmap-field-geo', 'keyval'));

const keyOf = (kind: string, ref: LevelRef, lod: string, bbox: BBox) =>
  `${kind}:${ref.structure}/${ref.level}.${lod}:${[bbox.west, bbox.south, bbox.east, bbox.north].map((v) => v.toFixed(4)).join(',')}`;

export class CachedBoundarySource implements BoundarySource {
  constructor(private readonly online: BoundarySource) {}

  boundaries(ref: LevelRef, lod: Lod, bbox: BBox, signal?: AbortSignal): Promise<BoundaryFeature[]> {
    return this.#remembered(keyOf('boundaries', ref, lod, bbox), () => this.online.boundaries(ref, lod, bbox, signal));
  }

  labelPoints(ref: LevelRef, bbox: BBox, signal?: AbortSignal): Promise<LabelPointFeature[]> {
    return this.#remembered(keyOf('labels', ref, '', bbox), () => this.online.labelPoints(ref, bbox, signal));
  }

  async #remembered<T>(key: string, fetchOnline: () => Promise<T>): Promise<T> {
    try {
      const answer = await fetchOnline();
      // a failed write (storage full, private mode) must not cost the map
      set(key, answer, db()).catch(() => {});
      return answer;
    } catch (error) {
      const stored = await get<T>(key, db()).catch(() => undefined);
      if (stored !== undefined) return stored;
      throw error;
    }
  }
}
