import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSearcher, pathLabel, searchableQuery, type SearchState } from '../../client/views/explore/search-box.ts';

describe('searchableQuery', () => {
  it('needs two characters with a letter or digit', () => {
    expect(searchableQuery('h')).toBeNull();
    expect(searchableQuery('  h ')).toBeNull();
    expect(searchableQuery('--')).toBeNull();
    expect(searchableQuery(' hoa dong ')).toBe('hoa dong');
    expect(searchableQuery('Hà')).toBe('Hà');
  });
});

describe('pathLabel', () => {
  it('joins the parents nearest first', () => {
    const path = [
      { code: '557', level: 'district' as const, fullName: 'Huyện Tây Hoà' },
      { code: '54', level: 'province' as const, fullName: 'Tỉnh Phú Yên' },
    ];
    expect(pathLabel({ path })).toBe('Huyện Tây Hoà · Tỉnh Phú Yên');
    expect(pathLabel({ path: [] })).toBe('');
  });
});

describe('createSearcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const pending = new Map<string, { resolve: (v: string[]) => void; reject: (e: Error) => void }>();
    const search = vi.fn(
      (q: string) => new Promise<string[]>((resolve, reject) => pending.set(q, { resolve, reject })),
    );
    const states: SearchState<string>[] = [];
    const searcher = createSearcher(search, (s) => states.push(s), 200);
    return { pending, search, states, searcher };
  }

  it('waits for a pause in typing and sends one query', async () => {
    const { search, states, searcher, pending } = setup();
    searcher.update('ho');
    vi.advanceTimersByTime(100);
    searcher.update('hoa');
    vi.advanceTimersByTime(199);
    expect(search).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(search).toHaveBeenCalledExactlyOnceWith('hoa');
    pending.get('hoa')!.resolve(['Xã Hòa Đồng']);
    await vi.runAllTimersAsync();
    expect(states.at(-1)).toEqual({ status: 'done', q: 'hoa', hits: ['Xã Hòa Đồng'] });
  });

  it('drops an answer that arrives after a newer query', async () => {
    const { states, searcher, pending } = setup();
    searcher.update('ho');
    vi.advanceTimersByTime(200);
    searcher.update('hoa dong');
    vi.advanceTimersByTime(200);
    pending.get('hoa dong')!.resolve(['new']);
    pending.get('ho')!.resolve(['old']);
    await vi.runAllTimersAsync();
    expect(states.filter((s) => s.status === 'done')).toEqual([{ status: 'done', q: 'hoa dong', hits: ['new'] }]);
  });

  it('goes idle below two characters and reports errors of the latest query', async () => {
    const { search, states, searcher, pending } = setup();
    searcher.update('h');
    vi.advanceTimersByTime(500);
    expect(search).not.toHaveBeenCalled();
    expect(states).toEqual([{ status: 'idle' }]);
    searcher.update('xa');
    vi.advanceTimersByTime(200);
    pending.get('xa')!.reject(new Error('mất kết nối'));
    await vi.runAllTimersAsync();
    expect(states.at(-1)).toEqual({ status: 'error', q: 'xa', message: 'mất kết nối' });
  });

  it('cancel voids the answer on its way', async () => {
    const { states, searcher, pending } = setup();
    searcher.update('hoa');
    vi.advanceTimersByTime(200);
    searcher.cancel();
    pending.get('hoa')!.resolve(['late']);
    await vi.runAllTimersAsync();
    expect(states.map((s) => s.status)).toEqual(['loading']);
  });
});
