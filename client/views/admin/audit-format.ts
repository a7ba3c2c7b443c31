// How an audit row reads in the table: its time, its row key and a compact before → after of the
// fields that changed. The server stores whole rows (server/audit/audit-log.ts); showing them whole
// would bury the one field that changed among a dozen that did not.

/** Vietnam has kept UTC+7 without daylight saving since 1975: one fixed offset for display and filters. */
export const AUDIT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const VN_OFFSET = '+07:00';

// Time zone fixed rather than the browser's: a trail read together (in a meeting, over a partner's
// shoulder abroad) must show one time for one event, the one the date filters use.
const timeFormat = new Intl.DateTimeFormat('vi-VN', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZone: AUDIT_TIME_ZONE,
});

/**
 * "2025-01-05T17:03:09Z" → "06/01/2025 00:03:09". vi-VN alone writes the time first
 * ("00:03:09 06/01/2025"); the parts are reassembled date first, as the programme's forms do.
 */
export function formatAuditTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = Object.fromEntries(timeFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}:${part.second}`;
}

/**
 * A day picked in the filter (yyyy-mm-dd, Vietnam time) as the instant it starts or ends. The
 * server would read a bare date as a UTC day, which starts at 07:00 in Vietnam.
 */
export function dayEdge(day: string, edge: 'start' | 'end'): string {
  return `${day}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}${VN_OFFSET}`;
}

/** {id: 7} → "id=7"; {structure: "pre2025", unit_code: "22276"} → "structure=pre2025, unit_code=22276". */
export function formatRowKey(key: unknown): string {
  if (key === null || typeof key !== 'object' || Array.isArray(key)) return compactValue(key);
  return Object.entries(key)
    .map(([field, value]) => `${field}=${compactValue(value)}`)
    .join(', ');
}

export interface FieldChange {
  field: string;
  /** Absent when the field is new (an insert or an event such as a sign-in). */
  before?: string;
  /** Absent when the field is gone (a delete). */
  after?: string;
}

/**
 * The fields whose value differs between before and after, in the row's own column order. An
 * insert lists every field of after, a delete every field of before.
 */
export function auditChanges(before: unknown, after: unknown): FieldChange[] {
  const old = asRecord(before);
  const now = asRecord(after);
  const fields = [...new Set([...Object.keys(now ?? {}), ...Object.keys(old ?? {})])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const hadIt = old !== null && field in old;
    const hasIt = now !== null && field in now;
    if (hadIt && hasIt && sameValue(old[field], now[field])) continue;
    changes.push({
      field,
      ...(hadIt ? { before: compactValue(old[field]) } : {}),
      ...(hasIt ? { after: compactValue(now[field]) } : {}),
    });
  }
  return changes;
}

/** Long values (a scope list, a user agent) are cut; the full text goes in a tooltip. */
export const VALUE_MAX_LENGTH = 60;

export function shorten(text: string, max = VALUE_MAX_LENGTH): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  // Not a row (an unparsable stored text, a bare value): show it as one pseudo-field.
  return { '…': value };
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function compactValue(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  // An empty string must still show that something is there.
  if (typeof value === 'string') return value === '' ? '""' : value;
  return JSON.stringify(value);
}
