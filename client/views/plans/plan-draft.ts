// The "Lập kế hoạch mới" form: a plan starts from a priority set sent to planning or from
// communes picked by hand, for some of a province's teams over a span of days. Pure check before
// plans.create; errors are message keys shown in Vietnamese.
import type { MessageKey } from '../../lib/i18n/messages.ts';
import type { NewPlan } from './plans-api.ts';

export interface PickedCommune {
  code: string;
  name: string;
}

export interface PlanDraft {
  name: string;
  structure: '2025' | 'pre2025';
  provinceCode: string;
  /** 'YYYY-MM-DD' (date inputs). */
  firstDay: string;
  lastDay: string;
  teamIds: number[];
  source: 'set' | 'hand';
  setId: number | null;
  picked: PickedCommune[];
}

export type DraftField = 'name' | 'province' | 'days' | 'teams' | 'communes';
export type DraftErrors = Partial<Record<DraftField, MessageKey>>;

/** Longest plan, in days: a supervision round (đợt giám sát) is a few weeks at most. */
export const MAX_PLAN_DAYS = 31;

function dayCount(first: string, last: string): number {
  return Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000) + 1;
}

export function checkDraft(draft: PlanDraft): { input: NewPlan; errors: null } | { input: null; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const name = draft.name.trim();
  if (name === '') errors.name = 'plans.invalid.name';
  if (draft.provinceCode === '') errors.province = 'plans.invalid.province';
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  if (!iso.test(draft.firstDay) || !iso.test(draft.lastDay)) errors.days = 'plans.invalid.days';
  else if (draft.lastDay < draft.firstDay) errors.days = 'plans.invalid.dayOrder';
  else if (dayCount(draft.firstDay, draft.lastDay) > MAX_PLAN_DAYS) errors.days = 'plans.invalid.dayCount';
  if (draft.teamIds.length === 0) errors.teams = 'plans.invalid.teams';
  if (draft.source === 'set' && draft.setId === null) errors.communes = 'plans.invalid.set';
  if (draft.source === 'hand' && draft.picked.length === 0) errors.communes = 'plans.invalid.picked';
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: {
      name,
      structure: draft.structure,
      provinceCode: draft.provinceCode,
      firstDay: draft.firstDay,
      lastDay: draft.lastDay,
      teamIds: [...draft.teamIds],
      communes: draft.source === 'set' ? { setId: draft.setId! } : { codes: draft.picked.map((c) => c.code) },
    },
    errors: null,
  };
}

/** Adds a commune, or takes it out when it is already picked (a second click on the map). */
export function togglePicked(picked: readonly PickedCommune[], commune: PickedCommune): PickedCommune[] {
  return picked.some((c) => c.code === commune.code) ? picked.filter((c) => c.code !== commune.code) : [...picked, commune];
}
