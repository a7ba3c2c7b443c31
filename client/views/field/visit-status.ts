// The three results a person picks on the phone, mapped onto the statuses visits.sync keeps:
//   đã giám sát → done (actual date = the day);
//   hủy        → cancelled;
//   hoãn       → planned again, on the new date picked (the visit stays to be done; the reason
//                goes into "Tồn tại, hạn chế"). A planned visit whose date moved off the day it
//                was planned for is shown as "Hoãn" on that day.
import type { StopLook } from './field-layers.ts';

export type FieldResult = 'done' | 'postponed' | 'cancelled';

export function lookOf(visit: { status: string; plannedDate: string | null }, day?: string): StopLook {
  if (visit.status === 'done') return 'done';
  if (visit.status === 'cancelled') return 'cancelled';
  if (day !== undefined && visit.plannedDate !== null && visit.plannedDate !== day) return 'postponed';
  return 'planned';
}
