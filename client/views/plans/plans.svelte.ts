// State of the planning screen's "Kế hoạch" tab: the list of plans and sets sent to planning, the
// open plan, what the list and map show of it (team/day filter, selected stop) and the edits.
// Every edit answers the whole plan again (plans.* → {plan}), so the screen never patches routes
// itself: what it shows is what the server checked.
import type { PlanView } from '../../../core/visit-plan/plan-view.ts';
import { t } from '../../lib/i18n/i18n.svelte.ts';
import { errorMessage, runOneAtATime } from './one-at-a-time.ts';
import type { PlanDraft } from './plan-draft.ts';
import { whereIs, type MoveTarget, type PlanFilter } from './plan-list.ts';
import { plansApi, type NewPlan, type PlanSummary, type SentSet } from './plans-api.ts';

/** What is running, for the busy state ("Đang lập lộ trình…"); null when idle. */
export type PlanWork = 'loading' | 'create' | 'move' | 'lock' | 'required' | 'solve' | 'publish' | 'remove';

export class PlansModel {
  plans = $state<PlanSummary[]>([]);
  sentSets = $state<SentSet[]>([]);
  plan = $state<PlanView | null>(null);
  filter = $state<PlanFilter>({ teamId: null, day: null });
  selected = $state<string | null>(null);
  busy = $state<PlanWork | null>(null);
  error = $state<string | null>(null);
  /** The outcome of the last edit, in words ("Đã gửi cho các đội: 12 chuyến mới…"). */
  message = $state<string | null>(null);
  /** The "Lập kế hoạch mới" form while it is open. */
  draft = $state<PlanDraft | null>(null);
  /** Bumped when a plan is opened, so the map frames it once (not after every edit). */
  opened = $state(0);

  async loadList(): Promise<void> {
    try {
      const answer = await plansApi.list();
      this.plans = answer.plans;
      this.sentSets = answer.sentSets;
    } catch (error) {
      this.error = t('plans.error', { message: errorMessage(error) });
    }
  }

  async open(id: number): Promise<void> {
    await this.run('loading', async () => {
      this.show(await plansApi.get(id), true);
    });
  }

  close(): void {
    this.plan = null;
    this.selected = null;
    this.message = null;
    this.error = null;
  }

  /** Opens the new-plan form, on the first sent set if there is one, starting next Monday. */
  startDraft(today: Date = new Date()): void {
    const set = this.sentSets[0];
    const monday = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()));
    monday.setUTCDate(monday.getUTCDate() + ((8 - monday.getUTCDay()) % 7 || 7));
    const day = (offset: number) => new Date(monday.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    this.draft = {
      name: '',
      structure: set?.structure ?? '2025',
      provinceCode: '',
      firstDay: day(0),
      lastDay: day(2),
      teamIds: [],
      source: set ? 'set' : 'hand',
      setId: set?.id ?? null,
      picked: [],
    };
    this.error = null;
    this.message = null;
  }

  /** Creates and solves a plan on the server, then opens it. */
  async create(input: NewPlan): Promise<boolean> {
    return this.run('create', async () => {
      this.show(await plansApi.create(input), true);
      this.draft = null;
      void this.loadList();
    });
  }

  /** Moves a stop to the end of another team-day (null: out of every route). */
  async move(code: string, to: Pick<MoveTarget, 'teamId' | 'day' | 'position'> | null): Promise<void> {
    await this.edit('move', (id) => plansApi.move(id, code, to ? { teamId: to.teamId, day: to.day, position: to.position } : null));
    // the stop stays selected in its new place, and the list shows that day
    if (this.plan && to) {
      const here = whereIs(this.plan, code);
      if (here && this.filter.day !== null && this.filter.day !== here.day) this.filter = { ...this.filter, day: here.day };
      if (here && this.filter.teamId !== null && this.filter.teamId !== here.teamId) this.filter = { ...this.filter, teamId: here.teamId };
    }
  }

  lock(codes: string[], locked: boolean): Promise<void> {
    return this.edit('lock', (id) => plansApi.lock(id, codes, locked));
  }

  setRequired(code: string, required: boolean): Promise<void> {
    return this.edit('required', (id) => plansApi.setRequired(id, code, required));
  }

  /** Re-solves what is not locked; locked stops keep their team, day and place. */
  async solve(): Promise<void> {
    await this.edit('solve', (id) => plansApi.solve(id));
    if (this.plan && !this.error) this.message = t('plans.solved', { stops: this.plan.totals.stops, unassigned: this.plan.unassigned.length });
  }

  async publish(): Promise<void> {
    const plan = this.plan;
    if (!plan) return;
    await this.run('publish', async () => {
      const answer = await plansApi.publish(plan.id);
      this.show(answer.plan, false);
      this.message = t('plans.published', { created: answer.visits.created, updated: answer.visits.updated, removed: answer.visits.removed });
      void this.loadList();
    });
  }

  async remove(): Promise<void> {
    const plan = this.plan;
    if (!plan) return;
    const done = await this.run('remove', async () => {
      await plansApi.remove(plan.id);
    });
    if (done) {
      this.close();
      this.message = t('plans.removed', { name: plan.name });
      await this.loadList();
    }
  }

  select(code: string | null): void {
    this.selected = code;
    if (!code || !this.plan) return;
    // a stop picked on the map while the list shows another team or day: show its own
    const here = whereIs(this.plan, code);
    if (!here) return;
    if ((this.filter.teamId !== null && this.filter.teamId !== here.teamId) || (this.filter.day !== null && this.filter.day !== here.day)) {
      this.filter = { teamId: this.filter.teamId === null ? null : here.teamId, day: this.filter.day === null ? null : here.day };
    }
  }

  private show(plan: PlanView, opened: boolean): void {
    this.plan = plan;
    if (opened) {
      this.filter = { teamId: null, day: null };
      this.selected = null;
      this.opened += 1;
    }
  }

  private edit(work: PlanWork, call: (id: number) => Promise<PlanView>): Promise<void> {
    const plan = this.plan;
    if (!plan) return Promise.resolve();
    return this.run(work, async () => this.show(await call(plan.id), false)).then(() => undefined);
  }

  private run(work: PlanWork, body: () => Promise<void>): Promise<boolean> {
    return runOneAtATime(this, work, body, (message) => t('plans.error', { message }));
  }
}
