// Simulated programme activity for the demo: projects of QĐ 90/QĐ-TTg in communes, provincial
// supervision teams with their members, and their past visits (TT 10/2022). Pure and
// deterministic like generateDemo: registry units, the crosswalk and the simulated poverty
// reviews in, rows out; the server maps them to table rows (server/demo/write-activity.ts).
//
// The rules each part follows are in its own file: programme-activity-projects.ts (who may have
// which project, sizes, dates, statuses), -teams.ts (how many teams, named how), -visits.ts
// (the supervision calendar, which communes get visited). This file builds the "sites" they
// share: every leaf unit with its poverty figures and the QĐ 353 flags that decide DA1 and DA5.
import { regionByName, type RegionKey } from '../poverty/regions.ts';
import { generateProjects } from './programme-activity-projects.ts';
export { mayHaveDa1, mayHaveDa5 } from './programme-activity-projects.ts';
import { generateTeams } from './programme-activity-teams.ts';
import { unitPhrase, type FindingTopic } from './programme-activity-text.ts';
import { generateVisits } from './programme-activity-visits.ts';
import { SIMULATED_SOURCE_PREFIX } from './sources.ts';
import type { SimLink, SimReviewRow, SimUnit, Structure } from './types.ts';

export interface ActivityInput {
  seed: number;
  pre2025: readonly SimUnit[];
  units2025: readonly SimUnit[];
  links: readonly SimLink[];
  /** The simulated poverty_review rows (generateDemo's output): who is poorer gets more. */
  reviews: readonly SimReviewRow[];
}

/** A leaf unit (commune, or island district/đặc khu) as the activity generator sees it. */
export interface Site {
  structure: Structure;
  code: string;
  /** "xã Hòa Đồng". */
  phrase: string;
  provinceCode: string;
  /** Pre-2025 district, or null (2025 has none). */
  districtCode: string | null;
  region: RegionKey | null;
  lon: number;
  lat: number;
  /** Baseline review: 2022 for pre-2025 sites, 2025 for 2025 sites. */
  households: number;
  poor: number;
  nearPoor: number;
  /** Poor-household rate of the baseline review, percent. */
  poorRate: number;
  /** Poor rate (percent) by review year, for what visits report. */
  ratesByYear: ReadonlyMap<number, number>;
  /** In a huyện nghèo (QĐ 353 Phụ lục I), or a 2025 successor of a commune in one. */
  poorDistrict: boolean;
  /** Xã ĐBKK bãi ngang, ven biển, hải đảo (QĐ 353 Phụ lục II), or a 2025 successor of one. */
  coastal: boolean;
  /** Pre-2025 codes this 2025 site took over (unit_link); empty for pre-2025 sites. */
  predecessors: readonly string[];
}

export type ProjectStatus = 'planned' | 'in_progress' | 'completed' | 'suspended';

export interface SimProject {
  programmeProject: string;
  subProject: string | null;
  structure: Structure;
  unitCode: string;
  title: string;
  /** Million VND (triệu đồng). */
  budgetCentral: number;
  budgetLocal: number;
  budgetOther: number;
  households: number | null;
  startDate: string;
  endDate: string;
  status: ProjectStatus;
  progressPct: number;
  disbursed: number;
  source: string;
}

export interface SimTeam {
  /** Stable within one output: `${structure}/${province}/${n}`; the writer maps it to team.id. */
  key: string;
  structure: Structure;
  provinceCode: string;
  name: string;
  /** When the team was set up (team.created_at). */
  since: string;
}

export interface SimMember {
  teamKey: string;
  displayName: string;
  role: string;
}

export interface FollowUp {
  action: string;
  owner: string;
  due: string;
  done: boolean;
}

export interface SimVisit {
  /** UUID-shaped (version 8, "custom"), derived from the seed: the same seed gives the same ids. */
  id: string;
  teamKey: string;
  structure: Structure;
  unitCode: string;
  plannedDate: string;
  actualDate: string;
  status: 'done';
  /** Which round of the calendar (or ad hoc) the visit belonged to. */
  round: string;
  findings: Record<FindingTopic, string>;
  followUps: FollowUp[];
}

export interface ActivityOutput {
  projects: SimProject[];
  teams: SimTeam[];
  members: SimMember[];
  visits: SimVisit[];
  /** Checks against the real figures, for the seed's summary. */
  notes: string[];
}

/** Text that marks every simulated activity row and team (the writer recognises its rows by it). */
export const SIMULATED_TEAM_MARK = '(mô phỏng)';

export function activitySource(seed: number): string {
  return `${SIMULATED_SOURCE_PREFIX}, seed ${seed}; Dữ liệu mô phỏng (simulated): dự án giả định theo cơ cấu QĐ 90/QĐ-TTg và danh sách QĐ 353/QĐ-TTg, không phải số liệu thực`;
}

export function generateActivity(input: ActivityInput): ActivityOutput {
  const sites = buildSites(input);
  const projects = generateProjects(input.seed, sites, activitySource(input.seed));
  const { teams, members } = generateTeams(input.seed, input.pre2025, input.units2025, input.links);
  const visits = generateVisits(input.seed, teams, sites, projects);
  return { projects, teams, members, visits, notes: checkNotes(projects, visits) };
}

/** Seed 002 (BC 150/BC-LĐTBXH, 2023): the real national figures the simulation stays under. */
export const REAL_DA2_PROJECTS_BY_SEP_2023 = 1639;
export const REAL_PROVINCIAL_TEAMS_9M_2023 = 1056;

function checkNotes(projects: readonly SimProject[], visits: readonly SimVisit[]): string[] {
  const da2 = projects.filter((p) => p.programmeProject === 'DA2' && p.startDate <= '2023-09-30');
  const outings = new Set(visits.filter((v) => v.actualDate <= '2023-09-30').map((v) => `${v.teamKey}|${v.round}`));
  return [
    `DA2 projects started by 30/09/2023: ${da2.length}, ${da2.reduce((s, p) => s + (p.households ?? 0), 0)} households (seed 002, real, national: ${REAL_DA2_PROJECTS_BY_SEP_2023} projects, 12,233 households)`,
    `provincial team outings (đoàn) 01-09/2023: ${outings.size} (seed 002, real, national: ${REAL_PROVINCIAL_TEAMS_9M_2023} provincial teams; district teams not simulated)`,
  ];
}

export function buildSites(input: ActivityInput): Site[] {
  // per structure, unit code → its review rows (one map lookup per row, no composite keys)
  const reviewsOf: Record<Structure, Map<string, SimReviewRow[]>> = { pre2025: new Map(), '2025': new Map() };
  for (const r of input.reviews) {
    const byCode = reviewsOf[r.structure];
    const list = byCode.get(r.unitCode);
    if (list) list.push(r);
    else byCode.set(r.unitCode, [r]);
  }
  const rates = (rows: readonly SimReviewRow[]) => {
    const out = new Map<number, number>();
    for (const r of rows) if (r.households && r.poor !== null) out.set(r.year, (100 * r.poor) / r.households);
    return out;
  };
  const baselineOf = (structure: Structure, code: string) => reviewsOf[structure].get(code)?.find((r) => r.year === (structure === 'pre2025' ? 2022 : 2025));

  // the leaves are the units with a review row (communes; island districts without communes)
  const sites: Site[] = [];
  const preByCode = new Map<string, Site>();
  const preUnits = new Map(input.pre2025.map((u) => [u.code, u]));
  const regionOfProvince = new Map<string, RegionKey | null>();
  for (const u of input.pre2025) if (u.level === 'province') regionOfProvince.set(u.code, regionByName(u.region)?.key ?? null);
  for (const unit of [...input.pre2025].sort(byCode)) {
    const review = unit.level === 'province' || unit.lon === null ? undefined : baselineOf('pre2025', unit.code);
    if (!review) continue;
    const district = unit.level === 'district' ? unit : unit.parentCode ? preUnits.get(unit.parentCode) : undefined;
    const site = makeSite('pre2025', unit, review, rates(reviewsOf.pre2025.get(unit.code)!), regionOfProvince.get(unit.provinceCode) ?? null, district?.code ?? null, district?.poorDistrict ?? false, unit.coastal, []);
    sites.push(site);
    preByCode.set(site.code, site);
  }

  const predecessors = new Map<string, string[]>();
  const region2025 = new Map<string, RegionKey | null>();
  for (const l of input.links) {
    // a 2025 province's region: that of the first pre-2025 province it came from
    if (l.level === 'province' && !region2025.has(l.toCode)) region2025.set(l.toCode, regionOfProvince.get(l.fromCode) ?? null);
    if ((l.level === 'commune' || l.level === 'district') && preByCode.has(l.fromCode)) {
      (predecessors.get(l.toCode) ?? predecessors.set(l.toCode, []).get(l.toCode)!).push(l.fromCode);
    }
  }
  for (const unit of [...input.units2025].sort(byCode)) {
    const review = unit.level === 'province' || unit.lon === null ? undefined : baselineOf('2025', unit.code);
    if (!review) continue;
    const from = [...new Set(predecessors.get(unit.code) ?? [])].sort();
    const olds = from.map((c) => preByCode.get(c)!);
    sites.push(makeSite('2025', unit, review, rates(reviewsOf['2025'].get(unit.code)!), region2025.get(unit.provinceCode) ?? null, null, olds.some((o) => o.poorDistrict), olds.some((o) => o.coastal), from));
  }
  return sites;
}

function makeSite(
  structure: Structure,
  unit: SimUnit,
  review: SimReviewRow,
  ratesByYear: ReadonlyMap<number, number>,
  region: RegionKey | null,
  districtCode: string | null,
  poorDistrict: boolean,
  coastal: boolean,
  predecessors: readonly string[],
): Site {
  const households = review.households ?? 0;
  const poor = review.poor ?? 0;
  return {
    structure,
    code: unit.code,
    phrase: unitPhrase(unit.type, unit.name),
    provinceCode: unit.provinceCode,
    districtCode,
    region,
    lon: unit.lon!,
    lat: unit.lat!,
    households,
    poor,
    nearPoor: review.near_poor ?? 0,
    poorRate: households > 0 ? (100 * poor) / households : 0,
    ratesByYear,
    poorDistrict,
    coastal,
    predecessors,
  };
}

/** Plain code order (digits only): localeCompare would cost ICU calls by the hundred thousand. */
const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
