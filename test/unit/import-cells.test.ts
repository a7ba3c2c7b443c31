// Numbers and dates as Vietnamese spreadsheets hold them (core/imports/numbers.ts, dates.ts).
import { describe, expect, it } from 'vitest';
import { parseCellDate } from '../../core/imports/dates.ts';
import { parseCellNumber, parseNumber } from '../../core/imports/numbers.ts';

const num = (cell: string | number | null, percent = false) => {
  const r = parseCellNumber(cell, percent);
  return r.ok ? r.value : r.reason;
};
const date = (cell: string | number | Date | null) => {
  const r = parseCellDate(cell);
  return r.ok ? r.value : r.reason;
};

describe('parseCellNumber', () => {
  it('reads the Vietnamese convention: dot thousands, comma decimals', () => {
    expect(num('1.234')).toBe(1234);
    expect(num('12.500')).toBe(12500);
    expect(num('1.234,5')).toBe(1234.5);
    expect(num('1.234.567')).toBe(1234567);
    expect(num('1,5')).toBe(1.5);
    expect(num(' 4 210 ')).toBe(4210);
    expect(num('-3')).toBe(-3);
  });

  it('keeps real Excel numbers and counts the decimals given', () => {
    expect(num(1234.5)).toBe(1234.5);
    expect(parseCellNumber('12,50')).toEqual({ ok: true, value: 12.5, decimals: 2 });
    expect(parseCellNumber(1.25)).toEqual({ ok: true, value: 1.25, decimals: 2 });
  });

  it('takes a % sign only for rates', () => {
    expect(num('12,5%', true)).toBe(12.5);
    expect(num('12,5%')).toBe('invalid');
  });

  it('says empty or invalid, never guesses', () => {
    expect(num(null)).toBe('empty');
    expect(num('  ')).toBe('empty');
    expect(num('abc')).toBe('invalid');
    expect(num('1.2,5')).toBe('invalid');
    expect(num('1,234,5')).toBe('invalid');
  });

  it('leaves the form parser as it was: a lone dot before three digits is ambiguous there', () => {
    expect(parseNumber('1.234')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseNumber('1.234', { loneDot: 'thousands' })).toEqual({ ok: true, value: 1234 });
  });
});

describe('parseCellDate', () => {
  it('reads day first, with / - or .', () => {
    expect(date('03/04/2024')).toBe('2024-04-03');
    expect(date('3/4/2024')).toBe('2024-04-03');
    expect(date('31-12-2023')).toBe('2023-12-31');
    expect(date('01.07.2025')).toBe('2025-07-01');
    expect(date('2025-07-01')).toBe('2025-07-01');
  });

  it('reads Excel serial dates and real date cells', () => {
    expect(date(45474)).toBe('2024-07-01');
    expect(date('45474')).toBe('2024-07-01');
    expect(date(new Date(Date.UTC(2024, 6, 1)))).toBe('2024-07-01');
  });

  it('refuses impossible dates rather than rolling them over', () => {
    expect(date('31/02/2024')).toBe('invalid');
    expect(date('13/13/2024')).toBe('invalid');
    expect(date('hôm qua')).toBe('invalid');
    expect(date(12)).toBe('invalid');
    expect(date('')).toBe('empty');
  });
});
