// Turning drawn sheets into files: a sheet's element to a PNG of exactly the format's pixels
// (html-to-image: the DOM furniture and the WebGL map, read back through preserveDrawingBuffer),
// PNGs to a PDF with one landscape page each (pdf-lib), and the browser download.
import { toSvg } from 'html-to-image';
import { PDFDocument } from 'pdf-lib';
import { foldVietnamese } from '../../core/text.ts';
import { type SheetFormat } from '../../core/present/sheet-format.ts';

export async function rasterise(node: HTMLElement, format: SheetFormat): Promise<Blob> {
  const { width, height } = format.pixels;
  const scaleX = width / format.css.width;
  const scaleY = height / format.css.height;
  // The furniture (DOM) as an SVG through html-to-image, with the sheet's background see-through
  // where the maps are; the maps' WebGL canvases are drawn directly (a 4K canvas passed through a
  // data URL inside the SVG costs far more).
  const svg = await toSvg(node, {
    width: format.css.width,
    height: format.css.height,
    // system fonts only: nothing to embed, and embedding would re-read every stylesheet
    skipFonts: true,
    filter: (child) => !(child instanceof HTMLCanvasElement),
    style: { transform: 'none', left: '0', top: '0', margin: '0', background: 'transparent' },
  });
  const furniture = new Image();
  furniture.src = svg;
  await furniture.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  // A CPU canvas: without a GPU, Chromium's accelerated 2D canvas emulates one (SwiftShader), and
  // compositing a 4K page there took several times longer.
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  const origin = node.getBoundingClientRect();
  for (const map of node.querySelectorAll('canvas')) {
    const box = map.getBoundingClientRect();
    context.drawImage(map, (box.left - origin.left) * scaleX, (box.top - origin.top) * scaleY, box.width * scaleX, box.height * scaleY);
  }
  // the SVG is rasterised at the output size: type stays sharp at 4K
  context.drawImage(furniture, 0, 0, width, height);
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
