import { describe, expect, it } from 'vitest';
import { DEFAULT_DIVERGING, DEFAULT_SEQUENTIAL, NO_DATA_COLOUR, PALETTES, paletteColours, paletteForIndicator } from '../../core/palettes.ts';

describe('palettes', () => {
  it('give exactly k distinct colours for every k from 3 to 9', () => {
    for (const p of PALETTES) {
      for (let k = 3; k <= 9; k++) {
        const colours = paletteColours(p.key, k);
        expect(colours).toHaveLength(k);
        expect(new Set(colours).size).toBe(k);
        expect(colours).not.toContain(NO_DATA_COLOUR);
      }
    }
  });
  it('orders diverging palettes from blue (low) to red (high)', () => {
    const [low, , high] = paletteColours('RdBu', 3);
    expect(parseInt(low.slice(5, 7), 16)).toBeGreaterThan(parseInt(low.slice(1, 3), 16)); // more blue than red
    expect(parseInt(high.slice(1, 3), 16)).toBeGreaterThan(parseInt(high.slice(5, 7), 16)); // more red than blue
  });
});

describe('palette for an indicator', () => {
  it('switches to a diverging palette for changes and gaps, and back for rates', () => {
    expect(paletteForIndicator('change', 'YlOrRd')).toBe(DEFAULT_DIVERGING);
    expect(paletteForIndicator('target-gap', 'Blues')).toBe(DEFAULT_DIVERGING);
    expect(paletteForIndicator('rate', 'RdBu')).toBe(DEFAULT_SEQUENTIAL);
  });
  it("keeps the user's palette when it is of the right kind", () => {
    expect(paletteForIndicator('change', 'PuOr')).toBe('PuOr');
    expect(paletteForIndicator('count', 'Greens')).toBe('Greens');
  });
});
