// The audit filter form ↔ admin.audit.list's input. Plain functions (no runes), so unit tests
// can run them without the Svelte compiler.
import type { AuditListInput } from './admin-api.ts';
import { dayEdge } from './audit-format.ts';

/**
 * The filter form as typed; empty = no filter. Dates are typed dd/mm/yyyy: <input type=date>
 * shows the browser's order (mm/dd/yyyy in an English Chrome), and 03/04 read the wrong way
 * round filters on the wrong month without anyone noticing.
 */
export interface AuditFilterForm {
  user: string;
  procedure: string;
  table: string;
  from: string;
  to: string;
}

export const PAGE_SIZES = [25, 50, 100, 200] as const; // 200 is the server's maximum

export const emptyFilter = (): AuditFilterForm => ({ user: '', procedure: '', table: '', from: '', to: '' });

/**
 * "1/7/2025" or "01/07/2025" → "2025-07-01"; "" → undefined (no filter); anything else, or a
 * day that does not exist (31/02/2025), → null.
 */
export function parseDay(text: string): string | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

export type FilterProblem = 'badDate' | 'badRange';

/** What stops the filter from being sent, if anything. */
export function filterProblem(form: AuditFilterForm): FilterProblem | null {
  const from = parseDay(form.from);
  const to = parseDay(form.to);
  if (from === null || to === null) return 'badDate';
  // yyyy-mm-dd strings compare like the dates they name.
  if (from !== undefined && to !== undefined && from > to) return 'badRange';
  return null;
}

/** The procedure's input for a (valid) filter, page size and cursor; blank fields are left out. */
export function auditListInput(form: AuditFilterForm, limit: number, cursor?: number): AuditListInput {
  const input: AuditListInput = { limit };
  const user = form.user.trim();
  const procedure = form.procedure.trim();
  const table = form.table.trim();
  const from = parseDay(form.from);
  const to = parseDay(form.to);
  if (user) input.user = user;
  if (procedure) input.procedure = procedure;
  if (table) input.table = table;
  if (from) input.from = dayEdge(from, 'start');
  if (to) input.to = dayEdge(to, 'end');
  if (cursor !== undefined) input.cursor = cursor;
  return input;
}

/** The file of what the filters select (all pages, up to the server's cap): /export/audit.{csv,xlsx}. */
export function auditExportHref(form: AuditFilterForm, format: 'csv' | 'xlsx'): string {
  // the list's paging (limit, cursor) is not a filter: the file holds every page
  const filters = Object.entries(auditListInput(form, 1)).filter(([key]) => key !== 'limit' && key !== 'cursor');
  const query = new URLSearchParams(filters.map(([k, v]) => [k, String(v)]));
  const text = query.toString();
  return `/export/audit.${format}${text ? `?${text}` : ''}`;
}
