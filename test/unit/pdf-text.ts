// Text of a PDF as a reader extracts it (pdfjs-dist, Firefox's PDF engine): per page, the lines
// top to bottom, each line's pieces left to right joined by " | ", so a table row reads
// "1 | Xã Hòa Đồng | Huyện Tây Hòa, | 08:05 | …". What a person can copy out of the file.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfLines(bytes: Uint8Array): Promise<string[][]> {
  // pdfjs takes ownership of the buffer it is given: hand it a copy
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: string[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    const rows = new Map<number, { x: number; text: string }[]>();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const y = Math.round(item.transform[5] as number);
      rows.set(y, [...(rows.get(y) ?? []), { x: item.transform[4] as number, text: item.str }]);
    }
    pages.push(
      [...rows.entries()]
        .sort((a, b) => b[0] - a[0])
        .map(([, pieces]) => pieces.sort((a, b) => a.x - b.x).map((p) => p.text).join(' | ')),
    );
  }
  await pdf.destroy();
  return pages;
}
