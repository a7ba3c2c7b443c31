// present.regions: the six socio-economic regions and their pre-2025 provinces, as the region
// presets and decks of the presentation view frame and colour them (DOMAIN.md: 14/11/14/5/6/13).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from './support/dialects.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

for (const dialect of dialectsUnderTest()) {
  describe(`present.regions (${dialect})`, () => {
    let app: SeededApp;
    beforeAll(async () => {
      app = await startSeededApp(dialect);
    });
    afterAll(async () => app?.close());

    it('lists the six regions with all 63 provinces, each once', async () => {
      const regions = await app.caller.present.regions();
      expect(regions.map((r) => [r.key, r.provinces.length])).toEqual([
        ['TDMNPB', 14], ['DBSH', 11], ['BTB_DHMT', 14], ['TN', 5], ['DNB', 6], ['DBSCL', 13],
      ]);
      const all = regions.flatMap((r) => r.provinces);
      expect(new Set(all).size).toBe(63);
      expect(regions.find((r) => r.key === 'TN')!.provinces).toEqual(['62', '64', '66', '67', '68']);
      expect(regions.find((r) => r.key === 'BTB_DHMT')!.provinces).toContain('42'); // Hà Tĩnh
    });
  });
}
