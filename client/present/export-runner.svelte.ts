// Exports one slide or a whole deck: each view is drawn on the off-screen export sheet at the
// format's size and pixel ratio (PresentView renders `job`), rasterised when the sheet says it is
// drawn, and the pages go into one PNG or one PDF that the browser downloads. One export at a
// time; the CLI (server/present/cli.ts) drives exactly this through the page's buttons.
import { SHEET_FORMATS, type SheetSizeKey } from '../../core/present/sheet-format.ts';
import { serializePresentView, type PresentView } from './view-query.ts';

/** Software WebGL draws a 4K country in seconds; a minute means something is stuck. */
const PAGE_TIMEOUT_MS = 90_000;

export interface ExportJob {
  view: PresentView;
  size: SheetSizeKey;
  serial: number;
}

export class ExportRunner {
  job = $state<ExportJob | null>(null);
  progress = $state<{ n: number; count: number } | null>(null);
  done = $state<string | null>(null);
  error = $state<string | null>(null);
  private waiting: { key: string; resolve: (node: HTMLElement) => void; reject: (error: Error) => void } | null = null;
  private serial = 0;

  get busy(): boolean {
    return this.progress !== null;
  }

  /** From the export sheet: a view is drawn. */
  rendered(node: HTMLElement, key: string): void {
    if (this.waiting?.key === key) this.waiting.resolve(node);
  }

  failed(message: string, key: string): void {
    if (this.waiting?.key === key) this.waiting.reject(new Error(message));
  }

  async run(views: readonly PresentView[], size: SheetSizeKey, kind: 'png' | 'pdf'): Promise<void> {
    if (this.busy || views.length === 0) return;
    const format = SHEET_FORMATS[size];
    this.error = null;
    this.done = null;
    try {
      // html-to-image and pdf-lib load on the first export, not with every page of the app
      const { download, exportFileName, pdfOf, rasterise } = await import('./export-file.ts');
      const pages: Blob[] = [];
      let title = '';
      for (const [i, view] of views.entries()) {
        this.progress = { n: i + 1, count: views.length };
        const node = await this.draw(view, size);
        // the first page's title as drawn (typed, or written from the indicator and the place)
        if (i === 0) title = node.querySelector('[data-testid="sheet-title"]')?.textContent?.trim() ?? '';
        pages.push(await rasterise(node, format));
      }
      const name = exportFileName(title, format, kind);
      const blob = kind === 'png' ? pages[0] : await pdfOf(pages, format, title);
      download(blob, name);
      this.done = name;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.progress = null;
      this.job = null;
      this.waiting = null;
    }
  }

  private draw(view: PresentView, size: SheetSizeKey): Promise<HTMLElement> {
    const key = serializePresentView(view);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timeout')), PAGE_TIMEOUT_MS);
      this.waiting = {
        key,
        resolve: (node) => {
          clearTimeout(timer);
          resolve(node);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      // a new object each time: the sheet redraws even when two slides are the same view
      this.job = { view: { ...view }, size, serial: ++this.serial };
    });
  }
}
