// The ranking settings as procedures take them (priority.rank, priority.sets.save), validated
// here once: weights per known factor, filters, the programme project of the no-project factor.
import { z } from 'zod';
import { FACTORS } from '../../core/priority/index.ts';
import { PROGRAMME_PROJECTS } from '../../core/programme-projects.ts';

const structure = z.enum(['2025', 'pre2025']);
const code = z.string().regex(/^\d{2,5}$/, 'mã đơn vị gồm 2-5 chữ số / a unit code is 2-5 digits');
const factorKey = z.enum(FACTORS.map((f) => f.key) as [string, ...string[]]);
const flagKey = z.enum(FACTORS.filter((f) => f.kind === 'flag').map((f) => f.key) as [string, ...string[]]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng YYYY-MM-DD / a date as YYYY-MM-DD');

export const weightsInput = z
  .partialRecord(factorKey, z.number().min(0, 'trọng số không âm / weights are ≥ 0').max(100))
  .refine((w) => Object.values(w).some((v) => (v ?? 0) > 0), { message: 'cần ít nhất một trọng số > 0 / at least one weight must be > 0' });

export const filtersInput = z.strictObject({
  provinces: z.array(code).max(100).optional(),
  districts: z.array(code).max(1000).optional(),
  flags: z.array(flagKey).max(10).optional(),
  thresholds: z
    .array(
      z
        .strictObject({ factor: factorKey, min: z.number().finite().optional(), max: z.number().finite().optional() })
        .refine((t) => t.min !== undefined || t.max !== undefined, { message: 'ngưỡng cần min hoặc max / a threshold needs min or max' }),
    )
    .max(20)
    .optional(),
});

export const rankInput = z.strictObject({
  structure,
  year: z.number().int().min(2021).max(2100),
  weights: weightsInput,
  filters: filtersInput.default({}),
  programmeProject: z.enum(PROGRAMME_PROJECTS.map((p) => p.code) as [string, ...string[]]).nullable().default(null),
  compareWith: z.enum(['country', 'selection']).default('country'),
  /** Months since the last visit are counted to this day; default today (Vietnam time). */
  asOf: isoDate.optional(),
});

export type RankInput = z.infer<typeof rankInput>;

export const saveSetInput = rankInput.extend({
  name: z.string().trim().min(1, 'cần tên danh sách / a name is needed').max(200),
  note: z.string().trim().max(2000).optional(),
  preset: z.string().max(50).nullable().default(null),
  codes: z.array(code).min(1, 'chọn ít nhất một xã / pick at least one commune').max(2000),
});

/** Today in Vietnam (UTC+7, no daylight saving), as the field teams' calendar reads it. */
export function vietnamToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
