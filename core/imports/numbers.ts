// Reads numbers as Vietnamese users and spreadsheets write them. Vietnamese writes 1.234,5 (dot
// thousands, comma decimal), but people also paste English figures (1.5, 1,234.5); a misread
// figure silently recolours the map, so anything we cannot read for certain is refused with a
// reason, never guessed. (Moved here from client/lib/parse-number.ts, which re-exports it: the
// form and the importer must read "1,5" the same way.)
//
// Rules, in order:
// - spaces (also the no-break spaces Intl and Excel put in "1 234") are dropped; a leading
//   "-" or "−" makes the number negative;
// - both "." and ",": the later one is the decimal mark, the other groups thousands
//   ("1.234,5" → 1234.5, "1,234.5" → 1234.5); groups must be 3 digits;
// - only ",": one comma is the decimal mark ("1,5", "12,75", "1234,5", and so "1,234" is 1.234:
//   Vietnamese first); several commas are English thousands, only in valid groups ("1,234,567");
// - only ".": several dots are thousands in valid groups ("1.234.567"); one dot is the decimal
//   mark ("1.5", "12.75", "0.125"), EXCEPT a lone dot before exactly three digits after a
//   non-zero integer part of 1-3 digits ("1.234", "12.500"): 1234 to a Vietnamese reader, 1.234
//   to an English one. A form answers 'ambiguous' (the user is there to retype it); an imported
//   Vietnamese spreadsheet reads it as thousands (`loneDot: 'thousands'`), its own convention.

export type ParseNumberResult = { ok: true; value: number } | { ok: false; reason: 'empty' | 'invalid' | 'ambiguous' };

export interface ParseNumberOptions {
  /** How to read "1.234": 'ambiguous' (forms, the default) or 'thousands' (imported files). */
  loneDot?: 'ambiguous' | 'thousands';
}

const GROUPED = /^\d{1,3}(?:[.,]\d{3})+$/;
const DIGITS = /^\d*$/;

export function parseNumber(text: string, options: ParseNumberOptions = {}): ParseNumberResult {
  const parsed = parseNumberParts(text, options);
  return parsed.ok ? { ok: true, value: parsed.value } : parsed;
}

type Parts = { ok: true; value: number; decimals: number } | { ok: false; reason: 'empty' | 'invalid' | 'ambiguous' };

function parseNumberParts(text: string, options: ParseNumberOptions): Parts {
  let s = text.replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return { ok: false, reason: 'empty' };
  let sign = 1;
  if (s[0] === '-' || s[0] === '\u2212') {
    sign = -1;
    s = s.slice(1);
  }
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let integer: string;
  let fraction = '';

  if (lastDot >= 0 && lastComma >= 0) {
    const decimalAt = Math.max(lastDot, lastComma);
    const groupMark = decimalAt === lastDot ? ',' : '.';
    integer = s.slice(0, decimalAt);
    fraction = s.slice(decimalAt + 1);
    // The grouping mark must group thousands, and the decimal mark must appear once.
    if (!GROUPED.test(integer) || integer.includes(s[decimalAt]!)) return { ok: false, reason: 'invalid' };
    integer = integer.split(groupMark).join('');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const parts = s.split(mark);
    if (parts.length > 2) {
      if (!GROUPED.test(s)) return { ok: false, reason: 'invalid' };
      integer = parts.join('');
    } else {
      [integer, fraction] = parts as [string, string];
      if (mark === '.' && fraction.length === 3 && /^[1-9]\d{0,2}$/.test(integer)) {
        if ((options.loneDot ?? 'ambiguous') === 'ambiguous') return { ok: false, reason: 'ambiguous' };
        integer += fraction;
        fraction = '';
      }
    }
  } else {
    integer = s;
  }

  if (!DIGITS.test(integer) || !DIGITS.test(fraction) || (integer === '' && fraction === '')) {
    return { ok: false, reason: 'invalid' };
  }
  const value = sign * Number(`${integer || '0'}.${fraction || '0'}`);
  return Number.isFinite(value) ? { ok: true, value, decimals: fraction.length } : { ok: false, reason: 'invalid' };
}

/** A spreadsheet cell as the file readers hand it over. */
export type Cell = string | number | boolean | Date | null;

/** `decimals`: how many decimals the file gave, so a rate is checked only to its own rounding. */
export type CellNumber = { ok: true; value: number; decimals: number } | { ok: false; reason: 'empty' | 'invalid' };

/**
 * A number from an imported cell: a real Excel number as it is, text as Vietnamese writes it.
 * `percent`: a trailing "%" is allowed ("12,5%" → 12.5, a rate in percent, as the column says).
 */
export function parseCellNumber(cell: Cell, percent = false): CellNumber {
  if (cell === null) return { ok: false, reason: 'empty' };
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { ok: false, reason: 'invalid' };
    return { ok: true, value: cell, decimals: decimalsOf(cell) };
  }
  if (typeof cell !== 'string') return { ok: false, reason: 'invalid' };
  let text = cell.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (percent && text.endsWith('%')) text = text.slice(0, -1);
  const parsed = parseNumberParts(text, { loneDot: 'thousands' });
  if (!parsed.ok) return { ok: false, reason: parsed.reason === 'empty' ? 'empty' : 'invalid' };
  return parsed;
}

function decimalsOf(value: number): number {
  const text = String(value);
  if (text.includes('e')) return 10;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}
