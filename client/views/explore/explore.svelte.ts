// The explore view's state: what the map shows (lib/map-state.ts, mirrored in the URL), the
// indicator catalogue of the structure, the values of the shown level and the summary of the
// unit in the side panel. Fetching lives here, not in components, so the components stay thin
// (STYLE.md habit 4).
import { trpc } from '../../lib/trpc.ts';
import { defaultMapState, levelBelow, levelOfCode, type MapLevel, type MapState, type Structure } from '../../lib/map-state.ts';
import type { UnitSummaryView } from './unit-summary.ts';

export type IndicatorItem = Awaited<ReturnType<typeof trpc.indicators.list.query>>[number];
export type IndicatorValues = Awaited<ReturnType<typeof trpc.indicators.values.query>>;
export type SearchHit = Awaited<ReturnType<typeof trpc.units.search.query>>[number];

export class ExploreModel {
  state = $state<MapState>(defaultMapState());
  indicators = $state<IndicatorItem[]>([]);
  /** The last answer and the request it answers (valuesKey at the time). */
  values = $state<{ key: string; data: IndicatorValues } | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  /** The side panel's unit: the selected one, else the one drilled into. */
  summary = $state<{ key: string; data: UnitSummaryView } | null>(null);
  summaryError = $state<string | null>(null);
  /** A unit to fly to once its place is drawn (a search result); consumed by the view. */
  focus = $state<string | null>(null);
  private listRequest = 0;
  private valuesRequest = 0;
  private summaryRequest = 0;

  constructor(initial: MapState) {
    this.state = initial;
  }

  get indicator(): IndicatorItem | undefined {
    return this.indicators.find((d) => d.key === this.state.indicator);
  }

  /** The year shown: the chosen one when the indicator has it, else the indicator's latest. */
  get year(): number | null {
    const years = this.indicator?.years ?? [];
    if (this.state.year !== null && years.includes(this.state.year)) return this.state.year;
    return years.length > 0 ? Math.max(...years) : null;
  }

  /** Identifies one values request; null when there is nothing to ask for. */
  get valuesKey(): string | null {
    const def = this.indicator;
    const year = this.year;
    if (!def || year === null || !def.levels.includes(this.state.level)) return null;
    return [this.state.structure, this.state.level, this.state.unit ?? '', def.key, year].join('|');
  }

  /** The values answer for what is asked now, or null while it loads. */
  get currentValues(): IndicatorValues | null {
    return this.values && this.values.key === this.valuesKey ? this.values.data : null;
  }

  /** The unit whose figures the panel shows. */
  get panelUnit(): string | null {
    return this.state.selected ?? this.state.unit;
  }

  get currentSummary(): UnitSummaryView | null {
    const code = this.panelUnit;
    return code && this.summary?.key === `${this.state.structure}|${code}` ? this.summary.data : null;
  }

  set(patch: Partial<MapState>): void {
    this.state = { ...this.state, ...patch };
  }

  /** Another structure has other units and years: back to its national view and latest year. */
  setStructure(structure: Structure): void {
    if (structure === this.state.structure) return;
    this.state = { ...this.state, structure, level: 'province', unit: null, selected: null, year: null };
  }

  /** Shows the units inside `code`. */
  drill(code: string): void {
    const level = levelOfCode(code);
    const below = level ? levelBelow(this.state.structure, level) : null;
    if (below) this.set({ unit: code, level: below, selected: null });
  }

  /** The breadcrumb: a step up to `code`, or the whole country (null). */
  goUp(code: string | null): void {
    if (code === null) this.set({ unit: null, level: 'province', selected: null });
    else this.drill(code);
  }

  select(code: string | null): void {
    this.set({ selected: code });
  }

  /** Colours the whole country at another level (provinces, or every polygon of the level below). */
  setNationalLevel(level: MapLevel): void {
    this.set({ unit: null, level, selected: null });
  }

  /** A search result: show the place it sits in, select it, and fly to it. */
  pick(hit: SearchHit): void {
    const { structure } = this.state;
    if (hit.level === 'province' || (hit.level === 'district' && structure === 'pre2025')) {
      this.drill(hit.code);
      return;
    }
    const parent = structure === 'pre2025' ? hit.parentCode : hit.provinceCode;
    if (!parent) return;
    this.set({ unit: parent, level: 'commune', selected: hit.code });
    this.focus = hit.code;
  }

  async loadIndicators(structure: Structure): Promise<void> {
    const request = ++this.listRequest;
    try {
      const list = await trpc.indicators.list.query({ structure });
      if (request === this.listRequest) this.indicators = list;
    } catch (error) {
      if (request === this.listRequest) this.error = messageOf(error);
    }
  }

  async loadValues(): Promise<void> {
    const key = this.valuesKey;
    const request = ++this.valuesRequest;
    if (key === null) {
      this.loading = false;
      return;
    }
    const { structure, level, unit } = this.state;
    this.loading = true;
    this.error = null;
    try {
      const data = await trpc.indicators.values.query({
        structure,
        level,
        year: this.year!,
        indicator: this.indicator!.key,
        ...(unit ? { parentCode: unit } : {}),
      });
      if (request === this.valuesRequest) this.values = { key, data };
    } catch (error) {
      if (request === this.valuesRequest) this.error = messageOf(error);
    } finally {
      if (request === this.valuesRequest) this.loading = false;
    }
  }

  async loadSummary(): Promise<void> {
    const code = this.panelUnit;
    const structure = this.state.structure;
    const request = ++this.summaryRequest;
    this.summaryError = null;
    if (code === null) return;
    try {
      const data = await trpc.indicators.unit.query({ structure, code });
      if (request === this.summaryRequest) this.summary = { key: `${structure}|${code}`, data };
    } catch (error) {
      if (request === this.summaryRequest) this.summaryError = messageOf(error);
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
