// Inputs of exports.table, one strict object per table (the same field names as the tRPC
// procedures they mirror: indicators.values for `values`), shared by the router and the
// /export/… HTTP route, which reads them from the query string.
import { z } from 'zod';
import { INDICATORS } from '../../core/poverty/indicators.ts';

const structure = z.enum(['2025', 'pre2025']);
const level = z.enum(['province', 'district', 'commune']);
const code = z.string().regex(/^\d{2,5}$/, 'mã đơn vị gồm 2-5 chữ số / a unit code is 2-5 digits');
const year = z.number().int().min(2000).max(2100);
const indicator = z.enum(INDICATORS.map((d) => d.key) as [string, ...string[]]);
/** 'json' = columns and rows (what a screen shows); 'csv' = the file's text. .xlsx and GeoJSON are binary or geometric: /export/… over HTTP. */
const format = z.enum(['json', 'csv']).default('json');

export const EXPORT_TABLES = ['values', 'review', 'targets', 'projects', 'visits', 'priority'] as const;
export type ExportTableName = (typeof EXPORT_TABLES)[number];

export const exportInput = z.discriminatedUnion('table', [
  z.strictObject({ table: z.literal('values'), format, structure, level, year, indicator, parentCode: code.optional() }),
  z.strictObject({ table: z.literal('review'), format, structure, year, parentCode: code.optional() }),
  z.strictObject({ table: z.literal('targets'), format, structure, year: year.optional(), parentCode: code.optional() }),
  z.strictObject({ table: z.literal('projects'), format, structure, parentCode: code.optional() }),
  z.strictObject({ table: z.literal('visits'), format, structure, parentCode: code.optional() }),
  // a saved priority set (priority.sets.get): its members as ranked, with their reasons
  z.strictObject({ table: z.literal('priority'), format, setId: z.number().int().positive() }),
]);

export type ExportInput = z.output<typeof exportInput>;
export type TableInput<T extends ExportTableName> = Extract<ExportInput, { table: T }>;

/** Query-string fields that are numbers in the tRPC inputs. */
export const NUMERIC_FIELDS: ReadonlySet<string> = new Set(['year', 'setId']);
