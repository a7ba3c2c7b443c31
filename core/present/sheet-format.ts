// The sizes a presented map is exported at. A sheet is laid out at a fixed CSS size and drawn at
// a pixel ratio, so the 1920x1080 and the 3840x2160 PNG show the same map with the same type,
// only sharper: 1600x900 CSS keeps map labels (drawn in CSS px by MapLibre) readable from the
// back of a hall, where a 1920 CSS px layout would print them a fifth smaller. Paper is landscape
// ISO (√2:1) at 200 dpi: sharp on paper, a few MB per page.

export type SheetSizeKey = '1920x1080' | '3840x2160' | 'a4' | 'a3';

export interface SheetFormat {
  key: SheetSizeKey;
  /** Layout size, CSS px. */
  css: { width: number; height: number };
  /** Output pixels: exactly what the PNG (or the page image) is. */
  pixels: { width: number; height: number };
  /** PDF page in points (1/72 in), landscape; null for screen sizes. */
  page: { width: number; height: number } | null;
}

const MM_PER_INCH = 25.4;
const PAPER_DPI = 200;
const POINTS_PER_INCH = 72;

function paper(key: 'a4' | 'a3', longMm: number, shortMm: number): SheetFormat {
  const width = Math.round((longMm / MM_PER_INCH) * PAPER_DPI);
  const height = Math.round((shortMm / MM_PER_INCH) * PAPER_DPI);
  return {
    key,
    css: { width: 1400, height: Math.round(1400 / Math.SQRT2) },
    pixels: { width, height },
    page: { width: (longMm / MM_PER_INCH) * POINTS_PER_INCH, height: (shortMm / MM_PER_INCH) * POINTS_PER_INCH },
  };
}

export const SHEET_FORMATS: Record<SheetSizeKey, SheetFormat> = {
  '1920x1080': { key: '1920x1080', css: { width: 1600, height: 900 }, pixels: { width: 1920, height: 1080 }, page: null },
  '3840x2160': { key: '3840x2160', css: { width: 1600, height: 900 }, pixels: { width: 3840, height: 2160 }, page: null },
  a4: paper('a4', 297, 210),
  a3: paper('a3', 420, 297),
};

export const SHEET_SIZE_KEYS = Object.keys(SHEET_FORMATS) as SheetSizeKey[];

/** The screen sheet: what the presentation shows and the editor previews. */
export const SCREEN_FORMAT = SHEET_FORMATS['1920x1080'];

export function isSheetSize(value: string): value is SheetSizeKey {
  return (SHEET_SIZE_KEYS as string[]).includes(value);
}

/** Device pixels per CSS px when drawing `format` (1.2 for 1920x1080, 2.4 for 3840x2160). */
export function pixelRatioOf(format: SheetFormat): number {
  return format.pixels.width / format.css.width;
}

/**
 * How a sheet of `sheet` CSS px is shown in a `screen`: scaled to fit whole, centred, bars on
 * the two sides that are left over (letterbox / pillarbox).
 */
export function fitSheet(sheet: { width: number; height: number }, screen: { width: number; height: number }) {
  const scale = Math.min(screen.width / sheet.width, screen.height / sheet.height);
  return {
    scale,
    left: (screen.width - sheet.width * scale) / 2,
    top: (screen.height - sheet.height * scale) / 2,
  };
}
