// "Lịch sử nhập": the import batches, newest first, paged by offset, and undo of an applied one.
import { importsApi, errorText, type ImportBatch, type UndoResult } from './data-api.ts';

export class ImportHistory {
  items = $state<ImportBatch[]>([]);
  total = $state(0);
  page = $state(0);
  loading = $state(false);
  error = $state<string | null>(null);
  /** The batch being undone, for the buttons' busy state. */
  undoing = $state<number | null>(null);
  undone = $state<{ batchId: number; result: UndoResult } | null>(null);
  undoError = $state<string | null>(null);

  readonly limit = 20;
  #request = 0;

  get pages(): number {
    return Math.max(1, Math.ceil(this.total / this.limit));
  }

  async load(page = this.page): Promise<void> {
    const request = ++this.#request;
    this.loading = true;
    this.error = null;
    try {
      const answer = await importsApi.list.query({ limit: this.limit, offset: page * this.limit });
      if (request !== this.#request) return;
      this.items = answer.items;
      this.total = answer.total;
      this.page = page;
    } catch (error) {
      if (request === this.#request) this.error = errorText(error);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  /** The server may refuse (a later import touched the same rows): its message is shown as is. */
  async undo(batchId: number): Promise<void> {
    this.undoing = batchId;
    this.undoError = null;
    this.undone = null;
    try {
      this.undone = { batchId, result: await importsApi.undo.mutate({ batchId }) };
    } catch (error) {
      this.undoError = errorText(error);
    } finally {
      this.undoing = null;
    }
    await this.load();
  }
}
