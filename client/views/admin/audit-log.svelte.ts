// The audit tab's state: the applied filters and the page being read. admin.audit.list pages with
// a cursor (the last id seen, newest first), which only goes forward; going back means
// remembering the cursor each page was opened with.
import { trpc } from '../../lib/trpc.ts';
import { errorText, type AuditEntry } from './admin-api.ts';
import { auditListInput, emptyFilter, type AuditFilterForm } from './audit-filter.ts';

export class AuditLog {
  items = $state<AuditEntry[]>([]);
  /** 0-based page number within the current filter. */
  page = $state(0);
  hasNext = $state(false);
  loading = $state(false);
  error = $state<string | null>(null);

  #filter: AuditFilterForm = emptyFilter();
  #limit = 50;
  /** The cursor each page was opened with: undefined for the first (newest) page. */
  #pageCursors: (number | undefined)[] = [undefined];
  #nextCursor: number | null = null;
  /** Answers to a superseded request (filters changed meanwhile) are dropped. */
  #request = 0;

  get limit(): number {
    return this.#limit;
  }

  /** New filters or page size: back to the newest entries. */
  apply(filter: AuditFilterForm, limit: number): Promise<void> {
    this.#filter = { ...filter };
    this.#limit = limit;
    this.#pageCursors = [undefined];
    return this.#load(0);
  }

  reload(): Promise<void> {
    return this.#load(this.page);
  }

  next(): Promise<void> {
    if (this.#nextCursor === null) return Promise.resolve();
    this.#pageCursors[this.page + 1] = this.#nextCursor;
    return this.#load(this.page + 1);
  }

  previous(): Promise<void> {
    return this.page === 0 ? Promise.resolve() : this.#load(this.page - 1);
  }

  async #load(page: number): Promise<void> {
    const request = ++this.#request;
    this.loading = true;
    this.error = null;
    try {
      const answer = await trpc.admin.audit.list.query(auditListInput(this.#filter, this.#limit, this.#pageCursors[page]));
      if (request !== this.#request) return;
      this.items = answer.items;
      this.page = page;
      this.#nextCursor = answer.nextCursor;
      this.hasNext = answer.nextCursor !== null;
    } catch (error) {
      if (request === this.#request) this.error = errorText(error);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }
}
