import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../client/lib/parse-number.ts';

const value = (text: string) => {
  const r = parseNumber(text);
  return r.ok ? r.value : r.reason;
};

describe('parseNumber', () => {
  it('reads Vietnamese decimals and thousands', () => {
    expect(value('1,5')).toBe(1.5);
    expect(value('12,75')).toBe(12.75);
    expect(value('1234,5')).toBe(1234.5);
    expect(value('1.234,5')).toBe(1234.5);
    expect(value('1.234.567')).toBe(1234567);
    expect(value('1.234.567,25')).toBe(1234567.25);
    expect(value('1,234')).toBe(1.234);
  });

  it('reads English decimals where they cannot be misread', () => {
    expect(value('1.5')).toBe(1.5);
    expect(value('12.75')).toBe(12.75);
    expect(value('0.125')).toBe(0.125);
    expect(value('1234.567')).toBe(1234.567);
    expect(value('1,234.5')).toBe(1234.5);
    expect(value('1,234,567')).toBe(1234567);
  });

  it('refuses a lone dot before three digits: 1234 to a Vietnamese reader, 1.234 to an English one', () => {
    expect(value('1.234')).toBe('ambiguous');
    expect(value('12.500')).toBe('ambiguous');
    expect(value('999.000')).toBe('ambiguous');
  });

  it('accepts integers, signs, spaces and bare fractions', () => {
    expect(value('42')).toBe(42);
    expect(value(' 7 ')).toBe(7);
    expect(value('1 234,5')).toBe(1234.5);
    expect(value('1\u00a0234')).toBe(1234);
    expect(value('-2,5')).toBe(-2.5);
    expect(value('\u22122,5')).toBe(-2.5);
    expect(value(',5')).toBe(0.5);
    expect(value('.5')).toBe(0.5);
    expect(value('0')).toBe(0);
  });

  it('says empty or invalid', () => {
    expect(value('')).toBe('empty');
    expect(value('   ')).toBe('empty');
    expect(value('-')).toBe('invalid');
    expect(value(',')).toBe('invalid');
    expect(value('abc')).toBe('invalid');
    expect(value('1e5')).toBe('invalid');
    expect(value('1,5%')).toBe('invalid');
    expect(value('1.2,5')).toBe('invalid');
    expect(value('1,234,5')).toBe('invalid');
    expect(value('1.234,5,6')).toBe('invalid');
    expect(value('1,23.4')).toBe('invalid');
    expect(value('1..5')).toBe('invalid');
    expect(value('--1')).toBe('invalid');
  });
});
