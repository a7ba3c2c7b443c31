import { describe, expect, it } from 'vitest';
import { containsBox, fitCamera, projectPoint, visibleBox } from '../../core/present/camera.ts';
import { metresPerPixel, scaleBar } from '../../core/present/scale-bar.ts';

// Tây Nguyên's five provinces, roughly (Kon Tum to Lâm Đồng)
const TAY_NGUYEN = { west: 107.2, south: 11.2, east: 109.0, north: 15.4 };
const VIEWPORT = { width: 1120, height: 630 }; // 16:9
const NONE = { top: 0, right: 0, bottom: 0, left: 0 };

describe('fitting a region at 16:9', () => {
  it('shows the whole region with the margin asked on its tight sides, centred', () => {
    const camera = fitCamera(TAY_NGUYEN, VIEWPORT, NONE, 0.07);
    const seen = visibleBox(camera, VIEWPORT);
    expect(containsBox(seen, TAY_NGUYEN)).toBe(true);
    const [x0, y0] = projectPoint(camera, VIEWPORT, TAY_NGUYEN.west, TAY_NGUYEN.north);
    const [x1, y1] = projectPoint(camera, VIEWPORT, TAY_NGUYEN.east, TAY_NGUYEN.south);
    // a tall region in a wide frame: height is the tight side, 7 % air above and below
    expect(y0).toBeCloseTo(630 * 0.07, 0);
    expect(630 - y1).toBeCloseTo(630 * 0.07, 0);
    expect(x0).toBeGreaterThan(1120 * 0.07);
    expect((x0 + x1) / 2).toBeCloseTo(560, 0);
  });

  it('keeps the region inside the padded area and centres it there', () => {
    const padding = { top: 0, right: 0, bottom: 40, left: 0 };
    const camera = fitCamera(TAY_NGUYEN, VIEWPORT, padding, 0.05);
    const [, y0] = projectPoint(camera, VIEWPORT, 108, TAY_NGUYEN.north);
    const [, y1] = projectPoint(camera, VIEWPORT, 108, TAY_NGUYEN.south);
    expect(y1).toBeLessThanOrEqual(630 - 40);
    expect((y0 + y1) / 2).toBeCloseTo((630 - 40) / 2, 0);
  });

  it('a wide box is tight on its width instead', () => {
    const wide = { west: 100, south: 15, east: 120, north: 17 };
    const camera = fitCamera(wide, VIEWPORT, NONE, 0.1);
    const [x0] = projectPoint(camera, VIEWPORT, wide.west, 16);
    expect(x0).toBeCloseTo(112, 0);
  });
});

describe('scale bar', () => {
  it('picks a round distance no wider than asked', () => {
    const bar = scaleBar(16, 5, 240);
    expect([1, 2, 5].map((s) => [s, s * 10, s * 100, s * 1000, s * 10000, s * 100000]).flat()).toContain(bar.metres);
    expect(bar.width).toBeLessThanOrEqual(240);
    expect(bar.width).toBeGreaterThan(240 / 2.5);
    expect(bar.width).toBeCloseTo(bar.metres / metresPerPixel(16, 5), 6);
    expect(bar.unit).toBe('km');
    expect(bar.value).toBe(bar.metres / 1000);
  });

  it('uses metres below a kilometre', () => {
    const bar = scaleBar(21, 14, 100);
    expect(bar.unit).toBe('m');
    expect(bar.value).toBe(bar.metres);
  });
});
