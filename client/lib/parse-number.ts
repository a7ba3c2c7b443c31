// Reads a number as a Vietnamese user types it. Vietnamese writes 1.234,5 (dot thousands, comma
// decimal), but people also paste English figures (1.5, 1,234.5) from spreadsheets; a misread
// break silently recolours the map, so anything we cannot read for certain is refused with a
// reason the form can show, never guessed.
//
// Rules, in order:
// - spaces (also the no-break spaces Intl and Excel put in "1 234") are dropped; a leading
//   "-" or "−" makes the number negative;
// - both "." and ",": the later one is the decimal mark, the other groups thousands
//   ("1.234,5" → 1234.5, "1,234.5" → 1234.5); groups must be 3 digits;
// - only ",": one comma is the decimal mark ("1,5", "12,75", "1234,5", and so "1,234" is 1.234:
//   Vietnamese first, the comma is never read as a lone English thousands mark); several commas
//   are English thousands, accepted only in valid groups ("1,234,567");
// - only ".": several dots are thousands in valid groups ("1.234.567"); one dot is the decimal
//   mark ("1.5", "12.75", "0.125"), EXCEPT the ambiguous case below.
//
// The ambiguity rule: one dot followed by exactly three digits after a non-zero integer part of
// 1-3 digits ("1.234", "12.500") reads as 1234 to a Vietnamese reader and 1.234 to an English one.
// We answer 'ambiguous' and let the user write it unambiguously ("1234", "1,234" or "1.234,0").
// "0.125" is not ambiguous: no one groups thousands after a lone zero.

export type ParseNumberResult =
  | { ok: true; value: number }
  | { ok: false; reason: 'empty' | 'invalid' | 'ambiguous' };

const GROUPED = /^\d{1,3}(?:[.,]\d{3})+$/;
const DIGITS = /^\d*$/;

export function parseNumber(text: string): ParseNumberResult {
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
    if (!GROUPED.test(integer) || integer.includes(s[decimalAt])) return { ok: false, reason: 'invalid' };
    integer = integer.split(groupMark).join('');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const parts = s.split(mark);
    if (parts.length > 2) {
      if (!GROUPED.test(s)) return { ok: false, reason: 'invalid' };
      integer = parts.join('');
    } else {
      [integer, fraction] = parts;
      if (mark === '.' && fraction.length === 3 && /^[1-9]\d{0,2}$/.test(integer)) {
        return { ok: false, reason: 'ambiguous' };
      }
    }
  } else {
    integer = s;
  }

  if (!DIGITS.test(integer) || !DIGITS.test(fraction) || (integer === '' && fraction === '')) {
    return { ok: false, reason: 'invalid' };
  }
  const value = sign * Number(`${integer || '0'}.${fraction || '0'}`);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'invalid' };
}
