// Turning drawn sheets into files: a sheet's element to a PNG of exactly the format's pixels
// (html-to-image: the DOM furniture and the WebGL map, read back through preserveDrawingBuffer),
// PNGs to a PDF with one landscape page each (pdf-lib), and the browser download.
import { toCanvas } from 'html-to-image';
import { PDFDocument } from 'pdf-lib';
import { foldVietnamese } from '../../core/text.ts';
import { pixelRatioOf, type SheetFormat } from '../../core/present/sheet-format.ts';

export async function rasterise(node: HTMLElement, format: SheetFormat): Promise<Blob> {
  const drawn = await toCanvas(node, {
    pixelRatio: pixelRatioOf(format),
    width: format.css.width,
    height: format.css.height,
    backgroundColor: '#ffffff',
    // system fonts only: nothing to embed, and embedding would re-read every stylesheet
    skipFonts: true,
    style: { transform: 'none', left: '0', top: '0', margin: '0' },
  });
  const { width, height } = format.pixels;
  let canvas = drawn;
  // pixel ratios such as 2.4 can round a device pixel away: the file must be exactly the size asked
  if (drawn.width !== width || drawn.height !== height) {
    canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')!.drawImage(drawn, 0, 0, width, height);
  }
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

/** One page per image; screen formats get a page of their own proportions (96 dpi). */
export async function pdfOf(pages: readonly Blob[], format: SheetFormat, title: string): Promise<Blob> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setCreator('povmap');
  doc.setProducer('povmap (pdf-lib)');
  const size = format.page ?? { width: format.pixels.width * 0.75, height: format.pixels.height * 0.75 };
  for (const blob of pages) {
    const image = await doc.embedPng(new Uint8Array(await blob.arrayBuffer()));
    const page = doc.addPage([size.width, size.height]);
    page.drawImage(image, { x: 0, y: 0, width: size.width, height: size.height });
  }
  const bytes = await doc.save();
  return new Blob([bytes as BlobPart], { type: 'application/pdf' });
}

/** "ban-do-ty-le-ho-ngheo-nam-2024-1920x1080.png": ASCII, so every OS and mail client keeps it. */
export function exportFileName(title: string, format: SheetFormat, extension: 'png' | 'pdf'): string {
  const slug = foldVietnamese(title).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'ban-do';
  return `${slug}-${format.key}.${extension}`;
}

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
