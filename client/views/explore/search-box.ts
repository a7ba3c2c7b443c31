// The search box's logic without the DOM: when a query is worth sending, debouncing, and
// dropping answers that arrive after a newer query (a slow "ho" must not overwrite "hoa dong").

/** One units.search item (server/units/unit-view.ts, UnitWithPath). */
export interface SearchHit {
  structure: '2025' | 'pre2025';
  code: string;
  level: 'province' | 'district' | 'commune';
  name: string;
  fullName: string;
  type: string;
  parentCode: string | null;
  provinceCode: string;
  labelPoint: [number, number] | null;
  /** Parents, nearest first, ending with the province. */
  path: { code: string; level: 'province' | 'district' | 'commune'; fullName: string }[];
}

export const MIN_QUERY_LENGTH = 2;
export const SEARCH_DELAY_MS = 200;

/**
 * The query to send, or null. Two characters at least, and a letter or digit among them: the
 * server refuses a query of punctuation only (400), which would show as an error while typing.
 */
export function searchableQuery(text: string): string | null {
  const q = text.trim();
  return q.length >= MIN_QUERY_LENGTH && /[\p{L}\p{N}]/u.test(q) ? q : null;
}

/** "Huyện Tây Hoà · Tỉnh Phú Yên": the parents, nearest first, as the source writes them. */
export function pathLabel(hit: Pick<SearchHit, 'path'>): string {
  return hit.path.map((step) => step.fullName).join(' · ');
}

export type SearchState<T> =
  | { status: 'idle' }
  | { status: 'loading'; q: string }
  | { status: 'done'; q: string; hits: T[] }
  | { status: 'error'; q: string; message: string };

export interface Timers {
  set: (run: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Calls `search` SEARCH_DELAY_MS after the last `update`, and reports only the answer to the
 * latest query. `cancel` (on unmount or pick) also voids any answer still on its way.
 */
export function createSearcher<T>(
  search: (q: string) => Promise<T[]>,
  onState: (state: SearchState<T>) => void,
  delayMs = SEARCH_DELAY_MS,
  timers: Timers = realTimers,
) {
  let generation = 0;
  let timer: unknown = null;

  function cancel(): void {
    generation++;
    if (timer !== null) timers.clear(timer);
    timer = null;
  }

  function update(text: string): void {
    cancel();
    const q = searchableQuery(text);
    if (q === null) {
      onState({ status: 'idle' });
      return;
    }
    const mine = generation;
    onState({ status: 'loading', q });
    timer = timers.set(() => {
      timer = null;
      search(q).then(
        (hits) => mine === generation && onState({ status: 'done', q, hits }),
        (error: unknown) => mine === generation && onState({ status: 'error', q, message: messageOf(error) }),
      );
    }, delayMs);
  }

  return { update, cancel };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
