// Inputs of teams.* and plans.*, validated once here (zod); bad input answers 400 with the
// reason in Vietnamese (and English after the slash, like the rest of the API).
import { z } from 'zod';
import { daysBetween, isClockTime, isIsoDate } from '../../core/visit-plan/plan-days.ts';

export const structure = z.enum(['2025', 'pre2025']);
export const unitCode = z.string().regex(/^\d{2,5}$/, 'mã đơn vị gồm 2-5 chữ số / a unit code is 2-5 digits');
export const isoDate = z.string().refine(isIsoDate, 'ngày không có thật hoặc không theo dạng YYYY-MM-DD / not a real date as YYYY-MM-DD');
const clock = z.string().refine(isClockTime, 'giờ dạng HH:MM (00:00-23:59) / a time as HH:MM');
const id = z.number().int().positive();

/** Mainland Vietnam with its islands (Trường Sa reaches 117.8°E, 6.5°N; Lũng Cú 23.4°N). */
export const VIETNAM_BOUNDS = { west: 102, east: 118, south: 6, north: 23.5 };

export const baseInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('unit'), structure, code: unitCode }),
  z.strictObject({
    kind: z.literal('point'),
    lon: z.number().min(VIETNAM_BOUNDS.west, 'điểm nằm ngoài Việt Nam / outside Vietnam').max(VIETNAM_BOUNDS.east, 'điểm nằm ngoài Việt Nam / outside Vietnam'),
    lat: z.number().min(VIETNAM_BOUNDS.south, 'điểm nằm ngoài Việt Nam / outside Vietnam').max(VIETNAM_BOUNDS.north, 'điểm nằm ngoài Việt Nam / outside Vietnam'),
    label: z.string().trim().max(200).nullable().default(null),
  }),
]);

/** Any subset of the settings; the rest keep their values. dayStart < dayEnd is checked after merging. */
export const teamSettingsInput = z.strictObject({
  base: baseInput.nullable().optional(),
  dayStart: clock.optional(),
  dayEnd: clock.optional(),
  serviceMinutes: z.number().int().min(5, 'thời gian làm việc tại xã 5-480 phút / 5-480 minutes').max(480, 'thời gian làm việc tại xã 5-480 phút / 5-480 minutes').optional(),
  availableDays: z.array(isoDate).max(366).nullable().optional(),
  vehicle: z.enum(['car', 'motorbike']).optional(),
  overnight: z.boolean().optional(),
});
export type TeamSettingsInput = z.infer<typeof teamSettingsInput>;

export const teamsListInput = z.strictObject({ structure: structure.optional(), provinceCode: unitCode.optional() }).default({});
export const teamUpdateInput = z.strictObject({ id, settings: teamSettingsInput });
export const teamCreateInput = z.strictObject({ structure, provinceCode: unitCode, name: z.string().trim().min(1, 'cần tên đoàn / a name is needed').max(200) });
export const teamMembersInput = z.strictObject({
  id,
  members: z
    .array(
      z.strictObject({
        userId: id.nullable(),
        displayName: z.string().trim().min(1, 'cần tên thành viên / a member needs a name').max(200),
        roleInTeam: z.string().trim().max(100).nullable(),
      }),
    )
    .max(50),
});

const timeLimitSeconds = z.number().min(0.2, 'thời gian giải 0,2-30 giây / 0.2-30 s').max(30, 'thời gian giải 0,2-30 giây / 0.2-30 s');
export const MAX_PLAN_DAYS = 31;

export const planCreateInput = z
  .strictObject({
    name: z.string().trim().min(1, 'cần tên kế hoạch / a name is needed').max(200),
    structure,
    provinceCode: unitCode,
    firstDay: isoDate,
    lastDay: isoDate,
    teamIds: z.array(id).min(1, 'chọn ít nhất một đoàn / pick at least one team').max(30),
    communes: z.union([
      z.strictObject({ setId: id }),
      z.strictObject({ codes: z.array(unitCode).min(1, 'chọn ít nhất một xã / pick at least one commune').max(500, 'tối đa 500 xã / at most 500 communes') }),
    ]),
    requiredCodes: z.array(unitCode).max(500).optional(),
    timeLimitSeconds: timeLimitSeconds.default(2),
  })
  .superRefine((input, ctx) => {
    if (!isIsoDate(input.firstDay) || !isIsoDate(input.lastDay)) return;
    const n = daysBetween(input.firstDay, input.lastDay);
    if (n < 0) ctx.addIssue({ code: 'custom', path: ['lastDay'], message: 'ngày kết thúc trước ngày bắt đầu / lastDay is before firstDay' });
    else if (n + 1 > MAX_PLAN_DAYS) ctx.addIssue({ code: 'custom', path: ['lastDay'], message: `kế hoạch dài tối đa ${MAX_PLAN_DAYS} ngày / at most ${MAX_PLAN_DAYS} days` });
  });
export type PlanCreateInput = z.infer<typeof planCreateInput>;

export const planId = z.strictObject({ id });
export const planListInput = z.strictObject({}).optional();
export const planMoveInput = z.strictObject({
  id,
  code: unitCode,
  to: z.strictObject({ teamId: id, day: isoDate, position: z.number().int().min(0).max(500) }).nullable(),
});
export const planLockInput = z.strictObject({ id, codes: z.array(unitCode).min(1).max(500), locked: z.boolean() });
export const planRequiredInput = z.strictObject({ id, code: unitCode, required: z.boolean() });
export const planSolveInput = z.strictObject({ id, timeLimitSeconds: timeLimitSeconds.optional() });
