// State of the "Đội giám sát" tab: the teams in the caller's scope (the server narrows them),
// a province filter, the team being edited and its save. The form's own check is team-form.ts.
import { t } from '../../lib/i18n/i18n.svelte.ts';
import { errorMessage, runOneAtATime } from './one-at-a-time.ts';
import { plansApi, type MemberInput, type TeamRow, type TeamSettingsInput } from './plans-api.ts';

export interface ProvinceChoice {
  key: string;
  structure: '2025' | 'pre2025';
  code: string;
  name: string;
}

export const provinceChoiceKey = (p: { structure: string | null; provinceCode: string | null }) => `${p.structure}:${p.provinceCode}`;

/** The provinces the listed teams belong to, by name, each with its structure (codes repeat across them). */
export function provincesOfTeams(teams: readonly TeamRow[]): ProvinceChoice[] {
  const by = new Map<string, ProvinceChoice>();
  for (const team of teams) {
    // a team tied to no province (made before teams had one) shows only under «Tất cả»
    if (team.structure === null || team.provinceCode === null) continue;
    const key = provinceChoiceKey(team);
    if (!by.has(key)) by.set(key, { key, structure: team.structure, code: team.provinceCode, name: team.provinceName ?? team.provinceCode });
  }
  const collator = new Intl.Collator('vi');
  return [...by.values()].sort((a, b) => collator.compare(a.name, b.name) || a.structure.localeCompare(b.structure));
}

export class TeamsModel {
  teams = $state<TeamRow[]>([]);
  loaded = $state(false);
  /** provinceChoiceKey of the province shown, '' for every one in scope. */
  province = $state('');
  editing = $state<number | null>(null);
  busy = $state<'saving' | null>(null);
  error = $state<string | null>(null);
  message = $state<string | null>(null);
  /** The team whose base is being picked with a click on the map. */
  pickingBase = $state<number | null>(null);

  readonly provinces = $derived(provincesOfTeams(this.teams));
  readonly shown = $derived(this.province === '' ? this.teams : this.teams.filter((team) => provinceChoiceKey(team) === this.province));

  async load(): Promise<void> {
    try {
      this.teams = await plansApi.teams();
      this.loaded = true;
    } catch (error) {
      this.error = t('teams.error', { message: errorMessage(error) });
    }
  }

  async save(id: number, settings: TeamSettingsInput, members: MemberInput[] | null): Promise<boolean> {
    return this.run(async () => {
      await plansApi.updateTeam(id, settings);
      if (members) await plansApi.setMembers(id, members);
      await this.load();
      this.editing = null;
      this.pickingBase = null;
      this.message = t('teams.saved');
    });
  }

  async create(name: string): Promise<boolean> {
    const province = this.provinces.find((p) => p.key === this.province);
    if (!province) return false;
    return this.run(async () => {
      const { id } = await plansApi.createTeam({ structure: province.structure, provinceCode: province.code, name });
      await this.load();
      this.editing = id;
      this.message = t('teams.created', { name });
    });
  }

  private run(body: () => Promise<void>): Promise<boolean> {
    return runOneAtATime(this, 'saving', body, (message) => t('teams.error', { message }));
  }
}
