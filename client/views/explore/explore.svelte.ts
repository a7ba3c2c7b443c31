// The explore view's state: what the map shows (lib/map-state.ts, mirrored in the URL), the
// indicator catalogue of the structure and the values of the shown level. Fetching lives here,
// not in components, so the components stay thin (STYLE.md habit 4).
import { trpc } from '../../lib/trpc.ts';
import { childLevel, defaultMapState, type MapState, type Structure } from '../../lib/map-state.ts';

export type IndicatorItem = Awaited<ReturnType<typeof trpc.indicators.list.query>>[number];
export type IndicatorValues = Awaited<ReturnType<typeof trpc.indicators.values.query>>;

export class ExploreModel {
  state = $state<MapState>(defaultMapState());
  indicators = $state<IndicatorItem[]>([]);
  /** The last answer and the request it answers (valuesKey at the time). */
  values = $state<{ key: string; data: IndicatorValues } | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  private listRequest = 0;
  private valuesRequest = 0;

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

  set(patch: Partial<MapState>): void {
    this.state = { ...this.state, ...patch };
  }

  /** Another structure has other units and years: back to its national view and latest year. */
  setStructure(structure: Structure): void {
    if (structure === this.state.structure) return;
    this.state = { ...this.state, structure, level: 'province', unit: null, year: null };
  }

  drill(provinceCode: string): void {
    this.set({ level: childLevel(this.state.structure), unit: provinceCode });
  }

  backToCountry(): void {
    this.set({ level: 'province', unit: null });
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
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
