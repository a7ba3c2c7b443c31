// A few pdf-lib drawing steps the itinerary needs and pdf-lib leaves to its caller: text that
// wraps in a width, tables whose rows grow with their text and never split across a page, and a
// cursor that opens a continuation page (with its own heading) when the next block does not fit.
// A4 portrait in points; the bottom band is kept free for the footer drawn at the end.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';

export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { left: 40, right: 40, top: 40, bottom: 64 } as const;
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

export const INK = rgb(0.1, 0.1, 0.1);
export const GREY = rgb(0.4, 0.4, 0.4);
export const RULE = rgb(0.75, 0.75, 0.75);
export const SHADE = rgb(0.93, 0.93, 0.93);
export const RED = rgb(0.75, 0.05, 0.05);

// Be Vietnam Pro (SIL OFL 1.1, embedding allowed): drawn for Vietnamese, every precomposed
// letter (ắ, ở, ự…) is its own glyph, so no mark ever floats off its vowel as with fonts that
// compose them. Read once per process; each PDF embeds only the glyphs it uses (subset).
const require = createRequire(import.meta.url);
let fontFiles: { regular: Uint8Array; bold: Uint8Array } | null = null;
function fontBytes() {
  fontFiles ??= {
    regular: fs.readFileSync(require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf')),
    bold: fs.readFileSync(require.resolve('@expo-google-fonts/be-vietnam-pro/600SemiBold/BeVietnamPro_600SemiBold.ttf')),
  };
  return fontFiles;
}

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  doc.registerFontkit(fontkit);
  const bytes = fontBytes();
  // pdf-lib draws glyph advances and ignores fontkit's positioning, so shaping for kerning and
  // mark placement is work thrown away (most of the time of a long itinerary); without
  // ligatures every letter stays its own glyph, which text extraction reads back plainly
  const features = { kern: false, mark: false, mkmk: false, liga: false, calt: false };
  return {
    regular: await doc.embedFont(bytes.regular, { subset: true, features }),
    bold: await doc.embedFont(bytes.bold, { subset: true, features }),
  };
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: RGB;
  /** From the left margin. */
  indent?: number;
  /** Space kept below the block. */
  after?: number;
}

export interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right';
}

export interface TableStyle {
  size?: number;
  /** Shade the row (a total, a return to base). */
  shaded?: boolean[];
}

const CELL_PAD = 3;
const lineHeight = (size: number) => size * 1.3;

export class Sheet {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;
  /** Drawn at the top of every continuation page (team name "(tiếp)"). */
  continuation: ((sheet: Sheet) => void) | null = null;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {}

  /** A fresh page; `continued` draws the continuation heading on it. */
  newPage(continued = false): void {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = A4.height - MARGIN.top;
    if (continued) this.continuation?.(this);
  }

  /** Room for `height` more points on this page, or a continuation page. */
  ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage(true);
  }

  space(points: number): void {
    this.y -= points;
  }

  /** Wrapped text, kept on one page. */
  text(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 9.5;
    const font = style.bold ? this.fonts.bold : this.fonts.regular;
    const indent = style.indent ?? 0;
    const lines = wrap(text, font, size, CONTENT_WIDTH - indent);
    this.ensure(lines.length * lineHeight(size));
    for (const line of lines) {
      this.y -= lineHeight(size);
      this.page.drawText(line, { x: MARGIN.left + indent, y: this.y + size * 0.28, size, font, color: style.color ?? INK });
    }
    this.y -= style.after ?? 0;
  }

  /** A table: the header row again on every page it runs onto; a row never split. */
  table(columns: Column[], rows: string[][], style: TableStyle = {}): void {
    const size = style.size ?? 8.5;
    const header = columns.map((c) => c.title);
    const heights = rows.map((row) => this.rowHeight(columns, row, size, false));
    const headerHeight = this.rowHeight(columns, header, size, true);
    // the header never sits alone at the foot of a page
    this.ensure(headerHeight + (heights[0] ?? 0));
    this.row(columns, header, size, true, true, headerHeight);
    rows.forEach((row, i) => {
      if (this.y - heights[i]! < MARGIN.bottom) {
        this.newPage(true);
        this.row(columns, header, size, true, true, headerHeight);
      }
      this.row(columns, row, size, false, style.shaded?.[i] ?? false, heights[i]!);
    });
  }

  private rowHeight(columns: Column[], cells: string[], size: number, bold: boolean): number {
    const font = bold ? this.fonts.bold : this.fonts.regular;
    const lines = Math.max(1, ...cells.map((cell, i) => wrap(cell, font, size, columns[i]!.width - 2 * CELL_PAD).length));
    return lines * lineHeight(size) + 2 * CELL_PAD;
  }

  private row(columns: Column[], cells: string[], size: number, bold: boolean, shaded: boolean, height: number): void {
    const font = bold ? this.fonts.bold : this.fonts.regular;
    const top = this.y;
    if (shaded) this.page.drawRectangle({ x: MARGIN.left, y: top - height, width: CONTENT_WIDTH, height, color: SHADE });
    let x = MARGIN.left;
    columns.forEach((column, i) => {
      const inner = column.width - 2 * CELL_PAD;
      wrap(cells[i] ?? '', font, size, inner).forEach((line, n) => {
        const width = measure(line, font, size);
        const lineX = column.align === 'right' ? x + CELL_PAD + inner - width : x + CELL_PAD;
        const baseline = top - CELL_PAD - (n + 1) * lineHeight(size) + size * 0.28;
        this.page.drawText(line, { x: lineX, y: baseline, size, font, color: INK });
      });
      x += column.width;
    });
    this.page.drawLine({ start: { x: MARGIN.left, y: top - height }, end: { x: MARGIN.left + CONTENT_WIDTH, y: top - height }, thickness: 0.5, color: RULE });
    this.y = top - height;
  }
}

// pdf-lib measures by shaping the whole string with fontkit on every call (milliseconds each),
// and wrapping measures each candidate line: a cache of one advance per character, summed,
// makes a page of tables take milliseconds. pdf-lib draws glyph advances without kerning, so the
// sum is the drawn width (ligatures only make a line narrower).
const advances = new WeakMap<PDFFont, Map<string, number>>();

/** Width in points of `text` drawn in `font` at `size`. */
export function measure(text: string, font: PDFFont, size: number): number {
  let widths = advances.get(font);
  if (!widths) advances.set(font, (widths = new Map()));
  let total = 0;
  for (const ch of text) {
    let w = widths.get(ch);
    if (w === undefined) widths.set(ch, (w = font.widthOfTextAtSize(ch, 1000)));
    total += w;
  }
  return (total * size) / 1000;
}

/** Lines of at most `width` points: breaks at spaces, and inside a word only when it alone is too long. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  // names typed on some keyboards arrive decomposed (o + U+0300): the font's precomposed glyphs
  // need NFC, as pdf-lib does no mark positioning
  for (const paragraph of text.normalize('NFC').split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measure(candidate, font, size) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = word;
      while (measure(line, font, size) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && measure(line.slice(0, cut), font, size) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}
