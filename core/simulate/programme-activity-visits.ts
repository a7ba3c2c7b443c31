// Simulated past supervision visits (table visit), 01/2023 to the as-of date. The rules:
// - Dates follow TT 10/2022's calendar (programme-activity-calendar.ts): a team goes out in two
//   of three rounds, 6-month (April-May, before the 1 June report) or yearly (mid-September to
//   November, before the 1 December report), and now and then ad hoc, on working days; one
//   outing visits 1-4 communes on the same or following days.
// - A team visits only communes of its own province and structure: pre-2025 teams pre-2025
//   communes until 30/6/2025, 2025 teams 2025 communes from 1/7/2025.
// - Poorer communes, and communes where projects run at the time (for a 2025 commune, also its
//   predecessors' projects), are likelier; an outing's next communes are in the same district
//   (pre-2025) or among the nearest (2025). Most communes are never visited.
// - Findings hold one short sentence per TT 10 topic, drawn from the commune's own figures where
//   there are some (its projects' disbursement at the date, its poor rate of the last review);
//   follow-ups are due 1-3 months later and done only if due by the as-of date.
import { hash32, Rng } from './prng.ts';
import type { FollowUp, SimProject, SimTeam, SimVisit, Site } from './programme-activity.ts';
import { mix32 } from './programme-activity-projects.ts';
import {
  ACTIVITY_AS_OF,
  addDays,
  dayOf,
  isoOf,
  isWorkingDay,
  roundsBetween,
  STRUCTURE_2025_FROM,
  VISITS_FROM,
  VISITS_TO,
  type SupervisionRound,
} from './programme-activity-calendar.ts';
import {
  BENEFICIARIES,
  DISBURSEMENT_LOW,
  DISBURSEMENT_NONE,
  DISBURSEMENT_OK,
  fill,
  FINDING_TOPICS,
  FOLLOW_UPS,
  formatVi,
  NO_PROCUREMENT,
  OWNERS,
  PLANNING,
  PROBLEMS,
  PROCUREMENT,
  RECOMMENDATIONS,
  RESULTS,
  RESULTS_RATE,
  type FindingTopic,
} from './programme-activity-text.ts';
import type { Structure } from './types.ts';

/** Chance a team goes out in a calendar round. */
const ROUND_PARTICIPATION = 0.65;
/** Chance of an ad hoc outing per team and year of its period. */
const ADHOC_PER_YEAR = 0.3;
/** Communes per outing: 1, 2, 3, 4. */
const OUTING_SIZES = [0.35, 0.35, 0.2, 0.1];
/** Chance the next commune of an outing is visited the same day. */
const SAME_DAY = 0.3;

const PERIODS: Record<Structure, { from: string; to: string }> = {
  pre2025: { from: VISITS_FROM, to: addDays(STRUCTURE_2025_FROM, -1) },
  '2025': { from: STRUCTURE_2025_FROM, to: VISITS_TO },
};

interface Running {
  start: number;
  end: number;
  budget: number;
  disbursed: number;
  /** Whether it has a tender (infrastructure, or over 500 million VND). */
  procurement: boolean;
}

export function generateVisits(seed: number, teams: readonly SimTeam[], sites: readonly Site[], projects: readonly SimProject[]): SimVisit[] {
  const byProvince = new Map<string, Site[]>();
  for (const s of sites) {
    const key = `${s.structure}/${s.provinceCode}`;
    (byProvince.get(key) ?? byProvince.set(key, []).get(key)!).push(s);
  }
  const groups = new Map([...byProvince].map(([key, list]) => [key, groupOf(list)]));
  const running = runningProjects(sites, projects);
  const baseWeight = new Map(sites.map((s) => [s, (s.poorRate + 1) ** 1.2]));
  const weights = new Map<string, Weights>();
  const weightsAt = (key: string, group: readonly Site[], date: string): Weights => {
    const cacheKey = `${key}/${date}`;
    let w = weights.get(cacheKey);
    if (!w) {
      const day = dayOf(date);
      const each = new Float64Array(group.length);
      const cumulative = new Float64Array(group.length);
      let total = 0;
      group.forEach((s, i) => {
        let active = 0;
        for (const p of running.get(s) ?? []) if (p.start <= day && day <= p.end) active++;
        each[i] = baseWeight.get(s)! * (1 + 0.7 * active);
        cumulative[i] = total += each[i];
      });
      w = { each, cumulative };
      weights.set(cacheKey, w);
    }
    return w;
  };

  const visits: SimVisit[] = [];
  for (const team of teams) {
    const group = groups.get(`${team.structure}/${team.provinceCode}`);
    if (!group) continue;
    const period = PERIODS[team.structure];
    const outings: SupervisionRound[] = [];
    for (const round of roundsBetween(period.from, period.to)) {
      if (hash32(seed, 'round', team.key, round.key) / 4294967296 < ROUND_PARTICIPATION) outings.push(round);
    }
    for (let year = Number(period.from.slice(0, 4)); year <= Number(period.to.slice(0, 4)); year++) {
      const from = `${year}-01-01` < period.from ? period.from : `${year}-01-01`;
      const to = `${year}-12-31` > period.to ? period.to : `${year}-12-31`;
      const share = (dayOf(to) - dayOf(from) + 1) / 365;
      if (hash32(seed, 'adhoc', team.key, year) / 4294967296 < ADHOC_PER_YEAR * share) {
        outings.push({ key: `${year}-adhoc`, kind: 'adhoc', year, from, to, label: 'Giám sát đột xuất' });
      }
    }
    for (const round of outings) {
      const rng = new Rng(seed, 'outing', team.key, round.key);
      const days = workingDays(round.from, round.to);
      if (days.length === 0) continue;
      let dayIndex = Math.floor(rng.next() * days.length);
      // the commune weights of the round's middle (calendar rounds) or of the outing's quarter (ad hoc)
      const ref = round.kind === 'adhoc' ? quarterStart(days[dayIndex]) : days[Math.floor(days.length / 2)];
      const w = weightsAt(`${team.structure}/${team.provinceCode}`, group.sites, ref);
      const size = 1 + pickIndex(rng, OUTING_SIZES);
      const chosen: number[] = [];
      for (let j = 0; j < size && dayIndex < days.length; j++) {
        const i = j === 0 ? drawIndex(rng, w.cumulative) : nextStop(rng, group, w, chosen);
        if (i === null) break;
        chosen.push(i);
        const site = group.sites[i];
        const actualDate = days[dayIndex];
        visits.push(visitOf(seed, rng, team, round, j, site, actualDate, running.get(site) ?? []));
        if (rng.next() >= SAME_DAY) dayIndex++;
      }
    }
  }
  return visits;
}

/** Projects counted at each site: its own, and for a 2025 site also its predecessors'. */
function runningProjects(sites: readonly Site[], projects: readonly SimProject[]): Map<Site, Running[]> {
  const byUnit = new Map<string, Running[]>();
  for (const p of projects) {
    const key = p.structure === 'pre2025' ? p.unitCode : `2025/${p.unitCode}`;
    const budget = p.budgetCentral + p.budgetLocal + p.budgetOther;
    const running: Running = { start: dayOf(p.startDate), end: dayOf(p.endDate), budget, disbursed: p.disbursed, procurement: p.programmeProject === 'DA1' || budget > 500 };
    const list = byUnit.get(key);
    if (list) list.push(running);
    else byUnit.set(key, [running]);
  }
  const out = new Map<Site, Running[]>();
  for (const s of sites) {
    const own = byUnit.get(s.structure === 'pre2025' ? s.code : `2025/${s.code}`);
    let all = own ?? [];
    for (const c of s.predecessors) {
      const inherited = byUnit.get(c);
      if (inherited) all = [...all, ...inherited];
    }
    if (all.length > 0) out.set(s, all);
  }
  return out;
}

const quarterStart = (iso: string) => `${iso.slice(0, 5)}${['01', '01', '01', '04', '04', '04', '07', '07', '07', '10', '10', '10'][Number(iso.slice(5, 7)) - 1]}-01`;

const workingDaysCache = new Map<string, string[]>();
function workingDays(from: string, to: string): string[] {
  const key = `${from}/${to}`;
  let days = workingDaysCache.get(key);
  if (!days) {
    days = [];
    for (let d = dayOf(from); d <= dayOf(to); d++) if (isWorkingDay(isoOf(d))) days.push(isoOf(d));
    workingDaysCache.set(key, days);
  }
  return days;
}

/** Sites of one province, with what an outing's next stop is chosen among. */
interface Group {
  sites: readonly Site[];
  /** Indices by pre-2025 district. */
  byDistrict: Map<string, number[]>;
  /** The 6 nearest sites of each 2025 site, made when first asked for. */
  nearest: Map<number, number[]>;
}

function groupOf(sites: readonly Site[]): Group {
  const byDistrict = new Map<string, number[]>();
  sites.forEach((s, i) => {
    if (s.districtCode !== null) (byDistrict.get(s.districtCode) ?? byDistrict.set(s.districtCode, []).get(s.districtCode)!).push(i);
  });
  return { sites, byDistrict, nearest: new Map() };
}

/** Commune weights of one province at one date, with their running sums for drawing. */
interface Weights {
  each: Float64Array;
  cumulative: Float64Array;
}

/** An index drawn in proportion to the weights whose running sums are given (binary search). */
function drawIndex(rng: Rng, cumulative: Float64Array): number {
  const u = rng.next() * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The outing's next commune: pre-2025 usually in the same district, 2025 among the 6 nearest. */
function nextStop(rng: Rng, group: Group, w: Weights, chosen: readonly number[]): number | null {
  const first = group.sites[chosen[0]];
  let candidates: number[];
  if (first.districtCode !== null && rng.next() < 0.75) {
    candidates = group.byDistrict.get(first.districtCode)!;
  } else if (first.districtCode === null) {
    let near = group.nearest.get(chosen[0]);
    if (!near) {
      near = group.sites
        .map((s, i) => ({ i, d: (s.lon - first.lon) ** 2 + (s.lat - first.lat) ** 2 }))
        .sort((a, b) => a.d - b.d || a.i - b.i)
        .slice(0, 7)
        .map((c) => c.i);
      group.nearest.set(chosen[0], near);
    }
    candidates = near;
  } else {
    // anywhere in the province: a few draws until one is not yet on the outing
    for (let k = 0; k < 8; k++) {
      const i = drawIndex(rng, w.cumulative);
      if (!chosen.includes(i)) return i;
    }
    return null;
  }
  candidates = candidates.filter((i) => !chosen.includes(i));
  if (candidates.length === 0) return null;
  const k = weightedIndex(rng, candidates.map((i) => w.each[i]));
  return k === null ? null : candidates[k];
}

function weightedIndex(rng: Rng, w: readonly number[]): number | null {
  const total = w.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return null;
  let u = rng.next() * total;
  for (let i = 0; i < w.length; i++) if ((u -= w[i]) < 0) return i;
  return w.length - 1;
}

const pickIndex = (rng: Rng, probabilities: readonly number[]) => weightedIndex(rng, probabilities) ?? 0;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng.next() * items.length)];

function visitOf(seed: number, rng: Rng, team: SimTeam, round: SupervisionRound, j: number, site: Site, actualDate: string, running: readonly Running[]): SimVisit {
  const plannedDate = rng.next() < 0.8 ? actualDate : addDays(actualDate, -(1 + Math.floor(rng.next() * 7)));
  return {
    id: visitId(seed, team.key, round.key, j, site.code),
    teamKey: team.key,
    structure: team.structure,
    unitCode: site.code,
    plannedDate,
    actualDate,
    status: 'done',
    round: round.key,
    findings: findings(rng, round, site, actualDate, running),
    followUps: followUps(rng, team.structure, actualDate),
  };
}

/** A UUID-shaped id (version 8: custom) from the seed and what the visit is; 128 bits of hash. */
export function visitId(seed: number, ...parts: readonly (string | number)[]): string {
  const h = hash32(seed, 'visit', ...parts);
  const hex = [h, mix32(h, 1), mix32(h ^ 0x5bd1e995, 2), mix32(h ^ 0x27d4eb2f, 3)].map((x) => x.toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function findings(rng: Rng, round: SupervisionRound, site: Site, date: string, running: readonly Running[]): Record<FindingTopic, string> {
  const day = dayOf(date);
  const year = Number(date.slice(0, 4));
  const started = running.filter((p) => p.start <= day);
  let disbursement = DISBURSEMENT_NONE;
  let slow = false;
  if (started.length > 0) {
    const budget = started.reduce((s, p) => s + p.budget, 0);
    // disbursement grows linearly to its as-of (or completion) figure
    const paid = started.reduce((s, p) => s + p.disbursed * Math.min(1, (day - p.start) / Math.max(1, Math.min(p.end, dayOf(ACTIVITY_AS_OF)) - p.start)), 0);
    const pct = budget > 0 ? (100 * paid) / budget : 0;
    slow = pct < 50;
    disbursement = fill(slow ? DISBURSEMENT_LOW : DISBURSEMENT_OK, { pct: formatVi(pct, 1), disbursed: formatVi(paid, 1), budget: formatVi(budget, 0) });
  }
  // the last review published before the visit: the year before's (reviews close at year end)
  const rate = site.structure === 'pre2025' ? site.ratesByYear.get(year - 1) : undefined;
  const results = [rate === undefined ? null : fill(RESULTS_RATE, { year: year - 1, rate: formatVi(rate, 1) }), pick(rng, RESULTS)].filter(Boolean).join(' ');
  const out: Record<FindingTopic, string> = {
    planning: `${round.label}. ${fill(pick(rng, PLANNING), { y: year })}`,
    beneficiary_selection: pick(rng, BENEFICIARIES),
    procurement: started.some((p) => p.procurement) ? pick(rng, PROCUREMENT) : NO_PROCUREMENT,
    disbursement,
    results,
    problems: pick(rng, PROBLEMS),
    recommendations: slow ? RECOMMENDATIONS[0] : pick(rng, RECOMMENDATIONS),
  };
  // keys in the order TT 10 lists the topics
  return Object.fromEntries(FINDING_TOPICS.map((t) => [t, out[t]])) as Record<FindingTopic, string>;
}

function followUps(rng: Rng, structure: Structure, date: string): FollowUp[] {
  const actions = [...FOLLOW_UPS];
  const n = 1 + Math.floor(rng.next() * 3);
  return Array.from({ length: n }, () => {
    const action = actions.splice(Math.floor(rng.next() * actions.length), 1)[0];
    const due = addDays(date, pick(rng, [30, 45, 60, 90]));
    return { action, owner: pick(rng, OWNERS[structure]), due, done: due <= ACTIVITY_AS_OF && rng.next() < 0.75 };
  });
}
