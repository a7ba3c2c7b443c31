// GPS check-in (core/field/checkin.ts): inside a commune's polygon(s), or outside and how far, the
// same verdict on the phone and the server; no boundary, no verdict.
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { judgeCheckin } from '../../core/field/checkin.ts';

// a 0.1° square near Tuy Hòa, and a second one east of it (a pre-2025 commune split between two)
const square = (west: number, south: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[west, south], [west + 0.1, south], [west + 0.1, south + 0.1], [west, south + 0.1], [west, south]]],
});
const A = square(109.2, 13.0);
const B = square(109.3, 13.0);

describe('GPS check-in', () => {
  it('is inside when the point lies in any of the polygons', () => {
    expect(judgeCheckin([109.25, 13.05], [A])).toEqual({ verdict: 'inside', distanceM: null });
    expect(judgeCheckin([109.35, 13.05], [A, B])).toEqual({ verdict: 'inside', distanceM: null });
  });

  it('is outside with the distance in metres to the nearest polygon', () => {
    // 0.01° of latitude north of A's top edge: about 1,106 m
    const north = judgeCheckin([109.25, 13.11], [A]);
    expect(north!.verdict).toBe('outside');
    expect(north!.distanceM).toBeGreaterThan(1_050);
    expect(north!.distanceM).toBeLessThan(1_160);
    // nearer to B than to A: B counts
    const east = judgeCheckin([109.42, 13.05], [A, B]);
    expect(east!.distanceM).toBeLessThan(judgeCheckin([109.42, 13.05], [A])!.distanceM!);
  });

  it('gives no verdict without a boundary', () => {
    expect(judgeCheckin([109.25, 13.05], [])).toBeNull();
  });
});
