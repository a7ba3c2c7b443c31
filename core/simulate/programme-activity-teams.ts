// Simulated provincial supervision teams (đoàn kiểm tra, giám sát) and their members.
//
// How many: seed 002 counts 1,056 provincial teams (đoàn cấp tỉnh) nationally in the first 9
// months of 2023, a đoàn being a team sent out once. A standing team here can go out about
// twice in such 9 months (the 6-month round, the start of the yearly one, sometimes ad hoc), so
// the 63 pre-2025 provinces share about half that number of standing teams (PRE2025_TEAMS), more
// where there are more communes and poor districts. Not every team goes every time, so the
// outings of 01-09/2023, which generateActivity reports next to the real 1,056, stay well under
// it (district teams, 406, are not simulated). The 34
// provinces of 2025 (from 1/7/2025) get three quarters of their predecessors' teams: fewer,
// larger provinces.
//
// Who: pre-2025 teams are led mostly by the Sở LĐ-TB&XH (QĐ 90 makes MOLISA the programme owner;
// seeds 001 and 003 give it the monitoring). 2025 teams by the Sở Nông nghiệp và Môi trường,
// which took poverty reduction over when the ministries were reorganised in March 2025. Some
// teams are the Fatherland Front's, the HĐND's or the ethnic-affairs board's (seed 000: the
// Front supervises under its coordination programme). Every name ends with "(mô phỏng)": team
// has no simulated column, and a name is what screens and exports show.
import { Rng } from './prng.ts';
import type { SimMember, SimTeam } from './programme-activity.ts';
import { SIMULATED_TEAM_MARK } from './programme-activity.ts';
import { FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES } from './programme-activity-text.ts';
import type { SimLink, SimUnit, Structure } from './types.ts';

export const PRE2025_TEAMS = 528;
/** Teams of a 2025 province: this share of its pre-2025 provinces' teams. */
const TEAMS_2025_SHARE = 0.75;
const MIN_TEAMS = 3;
const MAX_TEAMS = 16;

interface Agency {
  /** "Sở LĐ-TB&XH" + " Phú Yên"; "Ủy ban MTTQ Việt Nam" + " tỉnh Phú Yên". */
  name: string;
  withProvinceType: boolean;
  weight: number;
}

const AGENCIES: Record<Structure, readonly Agency[]> = {
  pre2025: [
    { name: 'Sở LĐ-TB&XH', withProvinceType: false, weight: 0.55 },
    { name: 'Ủy ban MTTQ Việt Nam', withProvinceType: true, weight: 0.15 },
    { name: 'Sở NN&PTNT', withProvinceType: false, weight: 0.1 },
    { name: 'Ban Dân tộc', withProvinceType: true, weight: 0.1 },
    { name: 'Ban Văn hóa - Xã hội HĐND', withProvinceType: true, weight: 0.1 },
  ],
  '2025': [
    { name: 'Sở NN&MT', withProvinceType: false, weight: 0.6 },
    { name: 'Ủy ban MTTQ Việt Nam', withProvinceType: true, weight: 0.2 },
    { name: 'Sở Dân tộc và Tôn giáo', withProvinceType: false, weight: 0.1 },
    { name: 'Ban Văn hóa - Xã hội HĐND', withProvinceType: true, weight: 0.1 },
  ],
};

/** When teams were set up: TT 10/2022 applies from 15/7/2022; 2025 provinces from 1/7/2025. */
const TEAM_SINCE: Record<Structure, string> = { pre2025: '2022-07-15', '2025': '2025-07-01' };

export function teamName(structure: Structure, n: number, agency: Agency, province: Pick<SimUnit, 'name' | 'type'>): string {
  const place = agency.withProvinceType
    ? `${province.type.toLocaleLowerCase('vi')} ${province.name}`
    : province.type === 'Thành phố' && province.name === 'Hồ Chí Minh'
      ? `TP ${province.name}`
      : province.name;
  // 2025 teams say so: eleven provinces kept their name, and names must not repeat (a visit import
  // finds its team by name)
  return `Đoàn giám sát số ${n}${structure === '2025' ? ' năm 2025' : ''} – ${agency.name} ${place} ${SIMULATED_TEAM_MARK}`;
}

/** The team a demo supervisor of this province joins: every province's first team. */
export function firstTeamName(structure: Structure, province: Pick<SimUnit, 'name' | 'type'>): string {
  return teamName(structure, 1, AGENCIES[structure][0], province);
}

export function generateTeams(seed: number, pre2025: readonly SimUnit[], units2025: readonly SimUnit[], links: readonly SimLink[]): { teams: SimTeam[]; members: SimMember[] } {
  const counts = teamCounts(pre2025, units2025, links);
  const teams: SimTeam[] = [];
  const members: SimMember[] = [];
  for (const [structure, units] of [['pre2025', pre2025], ['2025', units2025]] as const) {
    for (const province of units.filter((u) => u.level === 'province').sort((a, b) => (a.code < b.code ? -1 : 1))) {
      const n = counts.get(`${structure}/${province.code}`) ?? 0;
      const numbered = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        const rng = new Rng(seed, 'team', structure, province.code, i);
        // the first team is always the programme owner's (the demo supervisor joins it)
        const agency = i === 0 ? AGENCIES[structure][0] : pick(rng, AGENCIES[structure]);
        const k = (numbered.get(agency.name) ?? 0) + 1;
        numbered.set(agency.name, k);
        const team: SimTeam = { key: `${structure}/${province.code}/${i + 1}`, structure, provinceCode: province.code, name: teamName(structure, k, agency, province), since: TEAM_SINCE[structure] };
        teams.push(team);
        members.push(...membersOf(team, rng));
      }
    }
  }
  return { teams, members };
}

function teamCounts(pre2025: readonly SimUnit[], units2025: readonly SimUnit[], links: readonly SimLink[]): Map<string, number> {
  const communes = new Map<string, number>();
  const poor = new Set<string>();
  for (const u of pre2025) {
    if (u.level === 'commune') communes.set(u.provinceCode, (communes.get(u.provinceCode) ?? 0) + 1);
    if (u.level === 'district' && u.poorDistrict) poor.add(u.provinceCode);
  }
  const provinces = pre2025.filter((u) => u.level === 'province').map((u) => u.code);
  const weight = (code: string) => Math.sqrt(communes.get(code) ?? 1) * (poor.has(code) ? 1.5 : 1);
  const total = provinces.reduce((s, c) => s + weight(c), 0);
  const counts = new Map<string, number>();
  for (const code of provinces) counts.set(`pre2025/${code}`, clamp(Math.round((PRE2025_TEAMS * weight(code)) / total)));
  const from = new Map<string, number>();
  for (const l of links) if (l.level === 'province') from.set(l.toCode, (from.get(l.toCode) ?? 0) + (counts.get(`pre2025/${l.fromCode}`) ?? 0));
  for (const u of units2025) if (u.level === 'province') counts.set(`2025/${u.code}`, clamp(Math.round(TEAMS_2025_SHARE * (from.get(u.code) ?? 0))));
  return counts;
}

const clamp = (n: number) => Math.min(MAX_TEAMS, Math.max(MIN_TEAMS, n));

function membersOf(team: SimTeam, rng: Rng): SimMember[] {
  const size = 3 + (rng.next() < 0.6 ? 1 : 0) + (rng.next() < 0.3 ? 1 : 0);
  const roles = ['Trưởng đoàn', ...(size >= 4 ? ['Phó Trưởng đoàn'] : []), ...Array.from({ length: size - 2 - (size >= 4 ? 1 : 0) }, () => 'Thành viên'), 'Thư ký'];
  return roles.map((role) => ({ teamKey: team.key, displayName: personName(rng), role }));
}

function personName(rng: Rng): string {
  const sex = rng.next() < 0.5 ? 'male' : 'female';
  const family = pick(rng, FAMILY_NAMES.map(([name, weight]) => ({ name, weight }))).name;
  const middle = MIDDLE_NAMES[sex][Math.floor(rng.next() * MIDDLE_NAMES[sex].length)];
  const given = GIVEN_NAMES[sex][Math.floor(rng.next() * GIVEN_NAMES[sex].length)];
  return `${family} ${middle} ${given}`;
}

function pick<T extends { weight: number }>(rng: Rng, items: readonly T[]): T {
  let u = rng.next() * items.reduce((s, i) => s + i.weight, 0);
  for (const item of items) if ((u -= item.weight) < 0) return item;
  return items[items.length - 1];
}
