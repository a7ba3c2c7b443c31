// The admin audit table's pure parts: time in Vietnam, the compact before → after, and the
// filter form turned into admin.audit.list's input (days typed dd/mm/yyyy, taken in Vietnam
// time, blanks left out).
import { describe, expect, it } from 'vitest';
import { auditExportHref, auditListInput, emptyFilter, filterProblem, parseDay } from '../../client/views/admin/audit-filter.ts';
import { auditChanges, dayEdge, formatAuditTime, formatRowKey, shorten } from '../../client/views/admin/audit-format.ts';

describe('formatAuditTime', () => {
  it('writes dd/mm/yyyy HH:mm:ss in Vietnam time, whatever the machine zone', () => {
    expect(formatAuditTime('2025-01-05T17:03:09.120Z')).toBe('06/01/2025 00:03:09');
    expect(formatAuditTime('2025-07-01T00:00:00Z')).toBe('01/07/2025 07:00:00');
  });
  it('leaves an unreadable time as stored', () => {
    expect(formatAuditTime('not a time')).toBe('not a time');
  });
});

describe('dayEdge', () => {
  it('takes a picked day as the Vietnamese day, not the UTC one', () => {
    expect(new Date(dayEdge('2025-07-01', 'start')).toISOString()).toBe('2025-06-30T17:00:00.000Z');
    expect(new Date(dayEdge('2025-07-01', 'end')).toISOString()).toBe('2025-07-01T16:59:59.999Z');
  });
});

describe('auditChanges', () => {
  it('lists only the fields that changed in an update', () => {
    const before = { id: 7, username: 'an', disabled: 0, password_hash: '[redacted]', scope: null };
    const after = { id: 7, username: 'an', disabled: 1, password_hash: '[changed]', scope: null };
    expect(auditChanges(before, after)).toEqual([
      { field: 'disabled', before: '0', after: '1' },
      { field: 'password_hash', before: '[redacted]', after: '[changed]' },
    ]);
  });
  it('lists every field of an insert or an event as new, of a delete as gone', () => {
    expect(auditChanges(null, { outcome: 'signed-in', scope: null })).toEqual([
      { field: 'outcome', after: 'signed-in' },
      { field: 'scope', after: '∅' },
    ]);
    expect(auditChanges({ id: 3 }, null)).toEqual([{ field: 'id', before: '3' }]);
  });
  it('compares nested values by content and shows them as JSON', () => {
    const scope = [{ structure: 'pre2025', code: '42' }];
    expect(auditChanges({ scope }, { scope: [...scope] })).toEqual([]);
    expect(auditChanges({ scope }, { scope: null })).toEqual([{ field: 'scope', before: JSON.stringify(scope), after: '∅' }]);
  });
  it('shows a value that is not a row as one pseudo-field', () => {
    expect(auditChanges(null, 'raw text')).toEqual([{ field: '…', after: 'raw text' }]);
  });
});

describe('formatRowKey and shorten', () => {
  it('writes keys as field=value', () => {
    expect(formatRowKey({ structure: 'pre2025', unit_code: '22276', year: 2023 })).toBe('structure=pre2025, unit_code=22276, year=2023');
    expect(formatRowKey(null)).toBe('∅');
  });
  it('cuts long values with an ellipsis', () => {
    expect(shorten('abcdef', 4)).toBe('abc…');
    expect(shorten('abc', 4)).toBe('abc');
  });
});

describe('parseDay', () => {
  it('reads dd/mm/yyyy, with or without leading zeros', () => {
    expect(parseDay('01/07/2025')).toBe('2025-07-01');
    expect(parseDay(' 1/7/2025 ')).toBe('2025-07-01');
    expect(parseDay('3.4.2025')).toBe('2025-04-03'); // 3 April: day first, never month first
  });
  it('tells a blank (no filter) from a mistake', () => {
    expect(parseDay('')).toBeUndefined();
    expect(parseDay('2025-07-01')).toBeNull();
    expect(parseDay('31/02/2025')).toBeNull();
    expect(parseDay('07/13/2025')).toBeNull();
  });
});

describe('auditListInput and filterProblem', () => {
  it('leaves blank fields out and trims the rest', () => {
    expect(auditListInput(emptyFilter(), 50)).toEqual({ limit: 50 });
    const form = { user: ' demo-admin ', procedure: 'admin.users.', table: 'app_user', from: '01/07/2025', to: '2/7/2025' };
    expect(auditListInput(form, 25, 120)).toEqual({
      limit: 25,
      user: 'demo-admin',
      procedure: 'admin.users.',
      table: 'app_user',
      from: '2025-07-01T00:00:00.000+07:00',
      to: '2025-07-02T23:59:59.999+07:00',
      cursor: 120,
    });
  });
  it('links the file of what the filters select, without the paging', () => {
    expect(auditExportHref(emptyFilter(), 'csv')).toBe('/export/audit.csv');
    const href = auditExportHref({ ...emptyFilter(), procedure: 'admin.users.', from: '01/07/2025' }, 'xlsx');
    const url = new URL(href, 'http://x');
    expect(url.pathname).toBe('/export/audit.xlsx');
    expect(Object.fromEntries(url.searchParams)).toEqual({ procedure: 'admin.users.', from: '2025-07-01T00:00:00.000+07:00' });
  });
  it('stops a bad date or a reversed range', () => {
    expect(filterProblem(emptyFilter())).toBeNull();
    expect(filterProblem({ ...emptyFilter(), from: '32/01/2025' })).toBe('badDate');
    expect(filterProblem({ ...emptyFilter(), from: '02/07/2025', to: '01/07/2025' })).toBe('badRange');
    expect(filterProblem({ ...emptyFilter(), from: '01/07/2025', to: '01/07/2025' })).toBeNull();
    expect(filterProblem({ ...emptyFilter(), from: '31/12/2024', to: '01/01/2025' })).toBeNull();
  });
});
