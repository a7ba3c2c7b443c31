// Dates as Vietnamese spreadsheets hold them, to the portable "YYYY-MM-DD" the tables store:
// real Excel date cells (a Date from the reader), Excel serial numbers (a date column whose
// format was lost, e.g. 45474), and text written day first (dd/mm/yyyy, also with - or .),
// or ISO. Never month first: "03/04/2024" is 3 April here.
import type { Cell } from './numbers.ts';

export type CellDate = { ok: true; value: string } | { ok: false; reason: 'empty' | 'invalid' };

// Excel's day 0 is 1899-12-30 (its 1900 leap-year bug folded in); serials for 1900-03-01 onwards.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
// 1950-01-01 .. 2100-12-31: a plausible programme date; other serials are a wrong column.
const SERIAL_MIN = 18_264;
const SERIAL_MAX = 73_415;

export function parseCellDate(cell: Cell): CellDate {
  if (cell === null) return { ok: false, reason: 'empty' };
  // exceljs hands date cells over as UTC midnights
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? { ok: false, reason: 'invalid' } : { ok: true, value: cell.toISOString().slice(0, 10) };
  if (typeof cell === 'number') return fromSerial(cell);
  if (typeof cell !== 'string') return { ok: false, reason: 'invalid' };
  const text = cell.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (/^\d{4,5}$/.test(text)) return fromSerial(Number(text));
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return calendarDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return { ok: false, reason: 'invalid' };
}

function fromSerial(serial: number): CellDate {
  if (!Number.isInteger(serial) || serial < SERIAL_MIN || serial > SERIAL_MAX) return { ok: false, reason: 'invalid' };
  return { ok: true, value: new Date(EXCEL_EPOCH_MS + serial * DAY_MS).toISOString().slice(0, 10) };
}

function calendarDate(year: number, month: number, day: number): CellDate {
  const date = new Date(Date.UTC(year, month - 1, day));
  // 31/02 rolls over into March: refuse rather than move the date
  if (year < 1950 || year > 2100 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return { ok: false, reason: 'invalid' };
  return { ok: true, value: date.toISOString().slice(0, 10) };
}
