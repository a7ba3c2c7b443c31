import { describe, expect, it } from 'vitest';
import { fitSheet, pixelRatioOf, SHEET_FORMATS } from '../../core/present/sheet-format.ts';
import { rectInside, rectsOverlap, sheetLayout } from '../../core/present/sheet-layout.ts';
import { parseExportArgs } from '../../server/present/export-args.ts';
import { scaleTextSize } from '../../client/present/label-size.ts';

describe('export sizes', () => {
  it('gives exactly the pixels asked, screen and paper', () => {
    expect(SHEET_FORMATS['1920x1080'].pixels).toEqual({ width: 1920, height: 1080 });
    expect(SHEET_FORMATS['3840x2160'].pixels).toEqual({ width: 3840, height: 2160 });
    // same layout, twice the pixels: the 4K map is the Full HD one, sharper
    expect(SHEET_FORMATS['3840x2160'].css).toEqual(SHEET_FORMATS['1920x1080'].css);
    expect(pixelRatioOf(SHEET_FORMATS['3840x2160'])).toBe(2 * pixelRatioOf(SHEET_FORMATS['1920x1080']));
    // A4 / A3 landscape at 200 dpi, PDF pages in points
    expect(SHEET_FORMATS.a4.pixels).toEqual({ width: 2339, height: 1654 });
    expect(SHEET_FORMATS.a3.pixels).toEqual({ width: 3307, height: 2339 });
    expect(SHEET_FORMATS.a4.page!.width).toBeCloseTo(841.89, 1);
    expect(SHEET_FORMATS.a3.page!.height).toBeCloseTo(841.89, 1);
  });

  it('fits a 16:9 sheet into a 16:10 screen with bars above and below', () => {
    const fit = fitSheet({ width: 1600, height: 900 }, { width: 1280, height: 800 });
    expect(fit.scale).toBeCloseTo(0.8);
    expect(fit.left).toBeCloseTo(0);
    expect(fit.top).toBeCloseTo(40);
  });
});

describe('sheet layout', () => {
  for (const [name, size] of Object.entries({ '16:9': SHEET_FORMATS['1920x1080'].css, A4: SHEET_FORMATS.a4.css })) {
    for (const panels of [1, 2, 3]) {
      it(`${name} with ${panels} map(s): every part inside the sheet, nothing overlapping`, () => {
        const layout = sheetLayout(size, panels);
        const sheet = { x: 0, y: 0, width: size.width, height: size.height };
        const parts = [layout.header, layout.legend, layout.footer, ...layout.panels.flatMap((p) => [p.map, ...(p.caption ? [p.caption] : [])])];
        for (const part of parts) expect(rectInside(sheet, part)).toBe(true);
        for (let i = 0; i < parts.length; i++) for (let j = i + 1; j < parts.length; j++) expect(rectsOverlap(parts[i], parts[j]), `${i} / ${j}`).toBe(false);
        expect(layout.panels).toHaveLength(panels);
        // side by side: the same size, so the same camera shows the same place (synced views)
        for (const p of layout.panels) {
          expect(p.map.width).toBeCloseTo(layout.panels[0].map.width);
          expect(p.map.height).toBeCloseTo(layout.panels[0].map.height);
          expect(rectInside(p.map, p.inset)).toBe(true);
        }
      });
    }
  }
});

describe('slide labels', () => {
  it('scales each stop of a zoom interpolation, and plain numbers', () => {
    expect(scaleTextSize(['interpolate', ['linear'], ['zoom'], 4, 10, 8, 14], 1.5)).toEqual(['interpolate', ['linear'], ['zoom'], 4, 15, 8, 21]);
    expect(scaleTextSize(12, 1.5)).toBe(18);
  });
});

describe('npm run export arguments', () => {
  it('takes an app URL or a query, and a deck with its base view', () => {
    expect(parseExportArgs({ view: 'http://h/#/?s=2025&i=poor_rate', out: 'x.png' })).toMatchObject({ query: 's=2025&i=poor_rate', format: 'png', size: '1920x1080', deck: false });
    expect(parseExportArgs({ deck: 'TN', view: '?i=poor_rate&deck=zz', out: 'x.pdf' })).toMatchObject({ query: 'i=poor_rate&deck=TN', format: 'pdf', size: 'a4', deck: true });
  });

  it('refuses what it cannot make', () => {
    expect(() => parseExportArgs({ view: '?s=2025' })).toThrow(/--out/);
    expect(() => parseExportArgs({ view: '?s=2025', out: 'x', size: 'a5' })).toThrow(/--size/);
    expect(() => parseExportArgs({ deck: 'country-regions', format: 'png', out: 'x' })).toThrow(/PDF/);
    expect(() => parseExportArgs({ deck: 'tn; rm', out: 'x' })).toThrow(/--deck/);
  });
});
