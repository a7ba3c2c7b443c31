// The prioritise view's state: the ranking settings a planner adjusts (preset, weights, filters,
// programme project, comparison), the ranking answer, the commune selected (table ↔ map) and the
// communes picked for a set. Fetching lives here; components only show and report.
import { PRESETS, DEFAULT_PRESET, type PriorityPreset } from '../../../core/priority/presets.ts';
import type { Threshold } from '../../../core/priority/filters.ts';
import { trpc } from '../../lib/trpc.ts';
import type { Structure } from '../../lib/map-state.ts';

export type Ranking = Awaited<ReturnType<typeof trpc.priority.rank.query>>;
export type RankedRow = Ranking['rows'][number];
export type SavedSet = Awaited<ReturnType<typeof trpc.priority.sets.list.query>>[number];
export type SetComparison = Awaited<ReturnType<typeof trpc.priority.sets.compare.query>>;
export type PlaceOption = { code: string; name: string };

/** The latest review year of each structure the demo and real data hold. */
const DEFAULT_YEAR: Record<Structure, number> = { '2025': 2025, pre2025: 2024 };
export const PAGE_SIZE = 50;

export interface PrioritySettings {
  structure: Structure;
  year: number;
  preset: string | null;
  weights: Record<string, number>;
  provinces: string[];
  districts: string[];
  flags: string[];
  thresholds: Threshold[];
  programmeProject: string | null;
  compareWith: 'country' | 'selection';
}

export function settingsFromPreset(preset: PriorityPreset, base: Pick<PrioritySettings, 'structure' | 'year' | 'provinces' | 'districts' | 'programmeProject' | 'compareWith'>): PrioritySettings {
  return { ...base, preset: preset.key, weights: { ...preset.weights }, flags: [], thresholds: preset.thresholds.map((t) => ({ ...t })) };
}

export class PrioritiseModel {
  settings = $state<PrioritySettings>(
    settingsFromPreset(DEFAULT_PRESET, { structure: '2025', year: DEFAULT_YEAR['2025'], provinces: [], districts: [], programmeProject: null, compareWith: 'country' }),
  );
  ranking = $state<Ranking | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  selected = $state<string | null>(null);
  picked = $state<string[]>([]);
  page = $state(0);
  provinces = $state<PlaceOption[]>([]);
  districts = $state<PlaceOption[]>([]);
  sets = $state<SavedSet[]>([]);
  comparison = $state<SetComparison | null>(null);
  /** A row to bring into view and a map unit to fly to, consumed by the view. */
  focus = $state<string | null>(null);
  private request = 0;

  get presets(): readonly PriorityPreset[] {
    return PRESETS;
  }

  /** JSON of what the ranking depends on: the view re-ranks when it changes. */
  get rankKey(): string {
    return JSON.stringify(this.settings);
  }

  async rank(): Promise<void> {
    const request = ++this.request;
    this.loading = true;
    this.error = null;
    try {
      const answer = await trpc.priority.rank.query(this.rankInput());
      if (request !== this.request) return;
      this.ranking = answer;
      this.page = 0;
      // a pick outside the new list would be saved as "not in the ranking": drop it now, visibly
      const listed = new Set(answer.rows.map((r) => r.code));
      this.picked = this.picked.filter((code) => listed.has(code));
      if (this.selected && !listed.has(this.selected)) this.selected = null;
    } catch (error) {
      if (request === this.request) this.error = error instanceof Error ? error.message : String(error);
    } finally {
      if (request === this.request) this.loading = false;
    }
  }

  /** The settings as priority.rank takes them (sets.save takes the same, plus name and picks). */
  private rankInput() {
    const s = $state.snapshot(this.settings);
    return {
      structure: s.structure,
      year: s.year,
      weights: s.weights,
      filters: { provinces: s.provinces, districts: s.districts, flags: s.flags, thresholds: s.thresholds },
      programmeProject: s.programmeProject as never,
      compareWith: s.compareWith,
    };
  }

  set(patch: Partial<PrioritySettings>): void {
    // weights changed by hand are no longer the preset
    const preset = patch.weights && patch.preset === undefined ? null : (patch.preset ?? this.settings.preset);
    this.settings = { ...this.settings, ...patch, preset };
  }

  usePreset(key: string): void {
    const preset = PRESETS.find((p) => p.key === key);
    if (preset) this.settings = settingsFromPreset(preset, this.settings);
  }

  setStructure(structure: Structure): void {
    if (structure === this.settings.structure) return;
    // codes are keyed by structure: places and picks of the other one mean other communes
    this.settings = { ...this.settings, structure, year: DEFAULT_YEAR[structure], provinces: [], districts: [] };
    this.picked = [];
    this.selected = null;
    this.comparison = null;
  }

  setWeight(key: string, weight: number): void {
    this.set({ weights: { ...this.settings.weights, [key]: weight } });
  }

  setThreshold(factor: string, min: number | null): void {
    const others = this.settings.thresholds.filter((t) => t.factor !== factor);
    this.set({ thresholds: min === null ? others : [...others, { factor, min }] });
  }

  threshold(factor: string): number | null {
    return this.settings.thresholds.find((t) => t.factor === factor)?.min ?? null;
  }

  /** Selects a commune (from the table or the map) and shows its page of the table. */
  select(code: string | null, fly = false): void {
    this.selected = code;
    if (code === null || !this.ranking) return;
    const index = this.ranking.rows.findIndex((r) => r.code === code);
    if (index >= 0) this.page = Math.floor(index / PAGE_SIZE);
    if (fly) this.focus = code;
  }

  togglePick(code: string): void {
    this.picked = this.picked.includes(code) ? this.picked.filter((c) => c !== code) : [...this.picked, code];
  }

  pickTop(count: number): void {
    const top = (this.ranking?.rows ?? []).filter((r) => r.score !== null).slice(0, count).map((r) => r.code);
    this.picked = [...new Set([...this.picked, ...top])];
  }

  async loadPlaces(): Promise<void> {
    const structure = this.settings.structure;
    const provinces = await trpc.units.children.query({ structure });
    if (structure === this.settings.structure) this.provinces = provinces.map((u) => ({ code: u.code, name: u.fullName }));
  }

  async loadDistricts(): Promise<void> {
    const { structure, provinces } = this.settings;
    if (structure !== 'pre2025' || provinces.length !== 1) {
      this.districts = [];
      return;
    }
    const districts = await trpc.units.children.query({ structure, code: provinces[0]! });
    if (this.settings.provinces[0] === provinces[0]) this.districts = districts.map((u) => ({ code: u.code, name: u.fullName }));
  }

  async loadSets(): Promise<void> {
    try {
      this.sets = await trpc.priority.sets.list.query();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  async saveSet(name: string, note: string): Promise<number> {
    const saved = await trpc.priority.sets.save.mutate({
      ...this.rankInput(),
      preset: this.settings.preset,
      name,
      note: note || undefined,
      codes: [...this.picked],
    });
    await this.loadSets();
    return saved.id;
  }

  async compare(a: number, b: number): Promise<void> {
    this.comparison = await trpc.priority.sets.compare.query({ a, b });
  }

  async sendToPlanning(id: number): Promise<void> {
    await trpc.priority.sets.sendToPlanning.mutate({ id });
    await this.loadSets();
  }

  async removeSet(id: number): Promise<void> {
    await trpc.priority.sets.remove.mutate({ id });
    if (this.comparison && (this.comparison.a.id === id || this.comparison.b.id === id)) this.comparison = null;
    await this.loadSets();
  }

  /** Opens a saved set: its settings, its communes picked. */
  async openSet(id: number): Promise<void> {
    const set = await trpc.priority.sets.get.query({ id });
    const f = set.settings.filters;
    this.settings = {
      structure: set.structure,
      year: set.year ?? DEFAULT_YEAR[set.structure],
      preset: set.settings.preset,
      weights: { ...(set.settings.weights as Record<string, number>) },
      provinces: [...(f.provinces ?? [])],
      districts: [...(f.districts ?? [])],
      flags: [...(f.flags ?? [])],
      thresholds: (f.thresholds ?? []).map((t) => ({ ...t })),
      programmeProject: set.settings.programmeProject,
      compareWith: set.settings.compareWith,
    };
    this.picked = set.membersList.map((m) => m.code);
  }
}
