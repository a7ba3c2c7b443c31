import { describe, expect, it } from 'vitest';
import { formatScopeList, parseScopeList } from '../../core/scope-list.ts';

describe('scope list syntax', () => {
  it('parses structure-prefixed province codes, dropping duplicates', () => {
    expect(parseScopeList(' pre2025:42, 2025:66,pre2025:42 ')).toEqual({
      ok: true,
      scope: [
        { structure: 'pre2025', code: '42' },
        { structure: '2025', code: '66' },
      ],
    });
  });
  it('reads "country" (and "all") as the whole country', () => {
    expect(parseScopeList('country')).toEqual({ ok: true, scope: null });
    expect(parseScopeList('ALL')).toEqual({ ok: true, scope: null });
  });
  it('refuses bare codes with a hint, and anything else', () => {
    const bare = parseScopeList('54');
    expect(bare.ok).toBe(false);
    expect(!bare.ok && bare.error).toMatch(/pre2025:54 or 2025:54/);
    for (const bad of ['', ',', '2024:42', 'pre2025:4', 'pre2025:420', 'pre2025:42;drop']) expect(parseScopeList(bad).ok, bad).toBe(false);
  });
  it('formats back', () => {
    expect(formatScopeList(null)).toBe('country');
    expect(formatScopeList([{ structure: 'pre2025', code: '42' }, { structure: '2025', code: '66' }])).toBe('pre2025:42,2025:66');
  });
});
