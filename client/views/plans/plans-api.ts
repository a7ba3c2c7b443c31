// The planning screen's calls to the server (teams.*, plans.*), in one place so the components
// know nothing of tRPC. Shapes are the server's inputs and answers (AppRouter); the plan itself is the
// shared PlanView of core/visit-plan.
import type { inferRouterInputs } from '@trpc/server';
import type { PlanView, TeamBase } from '../../../core/visit-plan/plan-view.ts';
import type { AppRouter } from '../../../server/router.ts';
import { trpc } from '../../lib/trpc.ts';

type TeamsList = Awaited<ReturnType<typeof trpc.teams.list.query>>;
type PlansList = Awaited<ReturnType<typeof trpc.plans.list.query>>;

/** A team as teams.list answers it: settings, province, members. */
export type TeamRow = TeamsList['teams'][number];
export type TeamMember = TeamRow['members'][number];
/** A plan in the list (no routes). */
export type PlanSummary = PlansList['plans'][number];
/** A priority set sent to visit planning (prioritise view), a plan can start from it. */
export type SentSet = PlansList['sentSets'][number];

type Inputs = inferRouterInputs<AppRouter>;

/** What the team form sends: every setting, the base by reference (the server places it). */
export type TeamSettingsInput = Required<Inputs['teams']['update']['settings']>;
export type BaseInput = TeamSettingsInput['base'];
export type MemberInput = Inputs['teams']['setMembers']['members'][number];
export type NewPlan = Inputs['plans']['create'];

/** A stored base as the form's input (a unit base goes back by its code). */
export function baseInput(base: TeamBase | null): BaseInput {
  if (!base) return null;
  if (base.kind === 'unit') return { kind: 'unit', structure: base.structure, code: base.code };
  return { kind: 'point', lon: base.lon, lat: base.lat, label: base.label };
}

export const plansApi = {
  teams: (filter: { provinceCode?: string; structure?: '2025' | 'pre2025' } = {}) => trpc.teams.list.query(filter).then((r) => r.teams),
  createTeam: (input: { structure: '2025' | 'pre2025'; provinceCode: string; name: string }) => trpc.teams.create.mutate(input),
  updateTeam: (id: number, settings: TeamSettingsInput) => trpc.teams.update.mutate({ id, settings }),
  setMembers: (id: number, members: MemberInput[]) => trpc.teams.setMembers.mutate({ id, members }),

  list: () => trpc.plans.list.query({}),
  get: (id: number): Promise<PlanView> => trpc.plans.get.query({ id }).then((r) => r.plan),
  create: (input: NewPlan): Promise<PlanView> => trpc.plans.create.mutate(input).then((r) => r.plan),
  move: (id: number, code: string, to: { teamId: number; day: string; position: number } | null): Promise<PlanView> =>
    trpc.plans.move.mutate({ id, code, to }).then((r) => r.plan),
  lock: (id: number, codes: string[], locked: boolean): Promise<PlanView> => trpc.plans.lock.mutate({ id, codes, locked }).then((r) => r.plan),
  setRequired: (id: number, code: string, required: boolean): Promise<PlanView> => trpc.plans.setRequired.mutate({ id, code, required }).then((r) => r.plan),
  solve: (id: number): Promise<PlanView> => trpc.plans.solve.mutate({ id }).then((r) => r.plan),
  publish: (id: number) => trpc.plans.publish.mutate({ id }),
  remove: (id: number) => trpc.plans.remove.mutate({ id }),
};

/** Links of the itinerary and route files (server/exports, built by the export routes). */
export const planExports = {
  itinerary: (planId: number, teamId: number) => `/export/plan-itinerary.pdf?planId=${planId}&teamId=${teamId}`,
  gpx: (planId: number) => `/export/plan-routes.gpx?planId=${planId}`,
  kml: (planId: number) => `/export/plan-routes.kml?planId=${planId}`,
};
