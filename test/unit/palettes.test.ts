import { describe, expect, it } from 'vitest';
import { NO_DATA_COLOUR, PALETTES, paletteColours } from '../../core/palettes.ts';

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
