// A visit as a phone sends it (visits.sync): its client-made id, the team and commune, dates,
// status, findings by TT 10/2022 topic, follow-ups, the optional GPS check-in, and the server
// version the phone last saw (null for a visit made on the phone).
import { z } from 'zod';

export const FINDING_TOPICS = ['planning', 'beneficiary_selection', 'procurement', 'disbursement', 'results', 'problems', 'recommendations'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng YYYY-MM-DD / a date as YYYY-MM-DD');
const text = (max: number) => z.string().trim().max(max);

export const followUpInput = z.strictObject({
  action: text(1000).min(1, 'cần nội dung việc / an action is needed'),
  owner: text(200).min(1, 'cần người thực hiện / an owner is needed'),
  due: isoDate,
  done: z.boolean().default(false),
});

export const syncedVisitInput = z.strictObject({
  /** Made on the phone (a UUID): the same visit sent twice is the same row. */
  id: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'mã chuyến giám sát 8-64 ký tự chữ, số, gạch nối / a visit id is 8-64 letters, digits or hyphens'),
  teamId: z.number().int().positive(),
  structure: z.enum(['2025', 'pre2025']),
  unitCode: z.string().regex(/^\d{5}$/, 'mã xã gồm 5 chữ số / a commune code is 5 digits'),
  plannedDate: isoDate.nullable().default(null),
  actualDate: isoDate.nullable().default(null),
  status: z.enum(['planned', 'done', 'cancelled']),
  findings: z.partialRecord(z.enum(FINDING_TOPICS), text(4000)).default({}),
  followUps: z.array(followUpInput).max(50).default([]),
  lon: z.number().min(-180).max(180).nullable().default(null),
  lat: z.number().min(-90).max(90).nullable().default(null),
  /** The `updatedAt` of the server's row the phone edited; null = a new visit. */
  baseUpdatedAt: z.string().max(40).nullable().default(null),
});

export const syncInput = z.strictObject({ visits: z.array(syncedVisitInput).min(1).max(200) });

export type SyncedVisit = z.output<typeof syncedVisitInput>;
