// Opening the presentation view as a person would (signed in, the link typed or shared) and
// waiting until the slide is drawn; reading an exported file's pixels back in the page.
import { expect, type Page } from '@playwright/test';
import { signInAs, type DemoUser } from './map-page.ts';

/** Opens `#/trinh-chieu?{query}` in test mode and waits for the first slide to be drawn. */
export async function openPresent(page: Page, query: string, user: DemoUser = 'demo-viewer'): Promise<void> {
  await signInAs(page, user);
  await page.goto(`/?e2e#/trinh-chieu?${query}`);
  await waitForSheet(page);
}

/** Waits until the on-screen sheet has drawn the slide (subtitle containing `subtitle`, if given). */
export async function waitForSheet(page: Page, subtitle?: string | RegExp): Promise<void> {
  const sheet = page.getByTestId('present-stage').getByTestId('present-sheet');
  if (subtitle) await expect(sheet.getByTestId('sheet-subtitle')).toContainText(subtitle);
  await expect(sheet).toHaveAttribute('data-state', 'ready', { timeout: 40_000 });
}

export interface Decoded {
  width: number;
  height: number;
  /** [r, g, b] at device pixel (x, y). */
  rgb: number[];
}

/**
 * Decodes a PNG in the page (the browser's own decoder) and returns its size and the RGB of
 * every pixel of the boxes asked for, so the test reads what a person would see in the file.
 */
export async function decodePng(page: Page, png: Buffer, boxes: { x: number; y: number; width: number; height: number }[]) {
  return page.evaluate(
    async ([base64, boxes]) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      context.drawImage(image, 0, 0);
      const regions = boxes.map((b) => {
        const data = context.getImageData(Math.round(b.x), Math.round(b.y), Math.round(b.width), Math.round(b.height)).data;
        const colours = new Set<string>();
        for (let i = 0; i < data.length; i += 4) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
        return [...colours];
      });
      return { width: image.naturalWidth, height: image.naturalHeight, regions };
    },
    [png.toString('base64'), boxes] as const,
  );
}

export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** True when any of `colours` ("r,g,b") is within `tolerance` per channel of `hex`. */
export function hasColour(colours: string[], hex: string, tolerance = 8): boolean {
  const [r, g, b] = hexToRgb(hex);
  return colours.some((c) => {
    const [cr, cg, cb] = c.split(',').map(Number);
    return Math.abs(cr - r) <= tolerance && Math.abs(cg - g) <= tolerance && Math.abs(cb - b) <= tolerance;
  });
}
