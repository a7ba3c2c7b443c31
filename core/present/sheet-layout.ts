// Where everything sits on a presented or exported map sheet, in CSS px of the sheet: the title
// block across the top, the legend column on the right, the source line along the bottom and the
// map panels (one, two side by side, or three small multiples) in what is left. Each panel
// carries its scale bar and north arrow, and may carry the Hoàng Sa / Trường Sa inset in its
// bottom right corner. Sizes follow the sheet's height, so type is as large on an A3 page as on
// a projector, relative to the sheet.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PanelLayout {
  /** The map's own box. */
  map: Rect;
  /** A caption strip above the map (the year or indicator of that panel); null for a single map. */
  caption: Rect | null;
  /** The archipelago inset, inside `map` at its bottom right. */
  inset: Rect;
  /** Room the map keeps free when framing its place: the scale bar along the bottom. */
  framePadding: { top: number; right: number; bottom: number; left: number };
}

export interface SheetLayout {
  width: number;
  height: number;
  /** Outer margin. */
  margin: number;
  header: Rect;
  legend: Rect;
  footer: Rect;
  panels: PanelLayout[];
  /** Base type size (CSS px) the furniture scales from. */
  fontSize: number;
}

export function sheetLayout(size: { width: number; height: number }, panelCount: number): SheetLayout {
  const { width, height } = size;
  const count = Math.max(1, Math.round(panelCount));
  const margin = Math.round(height * 0.025);
  const fontSize = Math.round(height * 0.022 * 10) / 10;
  const headerHeight = Math.round(height * 0.115);
  const footerHeight = Math.round(height * 0.075);
  const legendWidth = Math.round(Math.max(width * 0.22, height * 0.34));
  const header: Rect = { x: margin, y: margin, width: width - 2 * margin, height: headerHeight };
  const bodyTop = header.y + header.height + margin / 2;
  const footer: Rect = { x: margin, y: height - margin - footerHeight, width: width - 2 * margin, height: footerHeight };
  const bodyBottom = footer.y - margin / 2;
  const legend: Rect = { x: width - margin - legendWidth, y: bodyTop, width: legendWidth, height: bodyBottom - bodyTop };
  const mapsRight = legend.x - margin;
  const gap = Math.round(margin * 0.6);
  const panelWidth = (mapsRight - margin - gap * (count - 1)) / count;
  const captionHeight = count > 1 ? Math.round(fontSize * 2) : 0;
  const panels: PanelLayout[] = [];
  for (let i = 0; i < count; i++) {
    const x = margin + i * (panelWidth + gap);
    const caption = count > 1 ? { x, y: bodyTop, width: panelWidth, height: captionHeight } : null;
    const map: Rect = { x, y: bodyTop + captionHeight, width: panelWidth, height: bodyBottom - bodyTop - captionHeight };
    const insetSide = Math.round(Math.min(map.width * 0.24, map.height * 0.3));
    const inset: Rect = {
      x: map.x + map.width - insetSide - gap / 2,
      y: map.y + map.height - insetSide * 1.15 - gap / 2,
      width: insetSide,
      height: Math.round(insetSide * 1.15),
    };
    panels.push({ map, caption, inset, framePadding: { top: 0, right: 0, bottom: Math.round(fontSize * 2.2), left: 0 } });
  }
  return { width, height, margin, header, legend, footer, panels, fontSize };
}

export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function rectInside(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}
