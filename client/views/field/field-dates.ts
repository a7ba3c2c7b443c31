// Dates on the phone. "Today" is the phone's calendar day, not UTC's: at 06:30 in Hà Nội it is
// still yesterday in UTC, and the team would open the wrong day's stops.

/** 'YYYY-MM-DD' of the local calendar day. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** 'YYYY-MM-DD' → a Date at local midnight (for Intl formatting). */
export function parseLocalDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
}

export function addDays(iso: string, days: number): string {
  const date = parseLocalDate(iso);
  date.setDate(date.getDate() + days);
  return localDate(date);
}
