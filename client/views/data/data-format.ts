// How a batch reads in "Lịch sử nhập": its time to the minute in Vietnam time, whatever the
// browser's zone (a meeting reads one time for one import, as the audit log does).
const timeFormat = new Intl.DateTimeFormat('vi-VN', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Asia/Ho_Chi_Minh',
});

/** "2025-01-05T17:03:09Z" → "06/01/2025 00:03"; the text as given when it is not a time. */
export function formatBatchTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = Object.fromEntries(timeFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}`;
}

/** Columns of the sample rows: every key any row has, in first-seen order. */
export function sampleColumns(rows: readonly Record<string, unknown>[]): string[] {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
  return [...keys];
}

/**
 * A sample cell as text: numbers for the locale by the caller, except years (2024 must not read
 * "2.024"); null and undefined empty.
 */
export function sampleCell(key: string, value: unknown, formatNumber: (n: number) => string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return /year/i.test(key) ? String(value) : formatNumber(value);
  if (typeof value === 'boolean') return value ? '✓' : '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
