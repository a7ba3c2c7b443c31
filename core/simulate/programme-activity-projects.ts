// Simulated projects of QĐ 90/QĐ-TTg in communes (table project). The rules:
// - DA1 (infrastructure) only in communes of poor districts and coastal/island ĐBKK communes
//   (QĐ 353 flags), and their 2025 successors; DA5 (housing) only in poor districts. Most of those
//   communes have DA1 works, 1-3 over 2022-2024; about half of poor-district communes DA5.
// - DA2-DA4, DA6, DA7 by sub-project (tiểu dự án) as QĐ 90 structures them, each in a share of
//   communes that grows with the commune's poor rate, so rich wards mostly have none and "no
//   project of DAx" means something. National sizes are kept under the real figures of seed 002
//   (1,639 DA2 projects with 12,233 households nationally by 9/2023), and the volume small: the
//   seed runs in every CI set-up (about 8,000 rows, a few per commune at most).
// - Pre-2025 communes get projects starting 2022-2024; 2025 communes get fewer, starting from
//   1/7/2025 when they came into being (some after the as-of date: planned).
// - Money in million VND by source; central budget dominant (QĐ 90: 48,000 of ≥ 75,000 billion),
//   local 3-15 %, other sources sometimes (seed 002: DA2 local ≈ 7 %, other ≈ 1.6 % of central).
//   DA5 is 40 million per new house and 20 per repair from the central budget (QĐ 90).
// - Status, progress and disbursement as of ACTIVITY_AS_OF; disbursed never exceeds the budget;
//   start ≤ end ≤ 31/12/2025 (the programme's end).
import { hash32, Rng } from './prng.ts';
import { ACTIVITY_AS_OF, addMonths, dayOf, isoOf, PROGRAMME_END, STRUCTURE_2025_FROM } from './programme-activity-calendar.ts';
import type { ProjectStatus, SimProject, Site } from './programme-activity.ts';
import { fillTitle, hamletWord, PROJECT_TITLES } from './programme-activity-text.ts';

/** DA1 (QĐ 90): only communes of poor districts and coastal/island ĐBKK communes, and their successors. */
export const mayHaveDa1 = (site: Site): boolean => site.poorDistrict || site.coastal;
/** DA5 (QĐ 90): housing "trên địa bàn các huyện nghèo" only. */
export const mayHaveDa5 = (site: Site): boolean => site.poorDistrict;

type Range = readonly [median: number, min: number, max: number];

interface Component {
  project: string;
  sub: string | null;
  /** Share of pre-2025 communes with at least one, 2022-2024, when chosen by poor rate… */
  share?: number;
  /** …or a flat chance per eligible site (pre-2025, 2025). */
  flat?: readonly [number, number];
  eligible?: (site: Site) => boolean;
  /** How strongly the chance follows the poor rate: weight ((rate + 1) / (mean + 1))^k. */
  rateExponent: number;
  /** Chance of a second project (another year) in a pre-2025 commune. */
  secondRow: number;
  months: readonly [number, number];
  /** Central budget, million VND. */
  central: Range;
  localShare: readonly [number, number];
  otherChance: number;
  otherShare: readonly [number, number];
  /** Beneficiary households (capped at the commune's poor + near-poor), or null for none counted. */
  households: Range | null;
}

/** 2025 communes (a half year, from 1/7/2025) get this share of the pre-2025 communes' count… */
const SHARE_2025 = 0.2;
/** …counted in pre-2025 communes: a 2025 commune is about three of them (10,051 → 3,321). */
const PRE2025_PER_2025 = 3;
/** No commune is certain to have a project of any one kind. */
const MAX_CHANCE = 0.92;
/** A few per commune at most: kinds of project, and rows (projects) over the whole period. */
const MAX_COMPONENTS_PER_SITE = 5;
const MAX_ROWS_PER_SITE = 6;

export const COMPONENTS: readonly Component[] = [
  { project: 'DA1', sub: null, flat: [0.85, 0.35], eligible: mayHaveDa1, rateExponent: 0, secondRow: 0.35, months: [6, 18], central: [4000, 800, 15000], localShare: [0.05, 0.15], otherChance: 0.3, otherShare: [0.01, 0.05], households: null },
  { project: 'DA2', sub: null, share: 0.16, rateExponent: 1, secondRow: 0.1, months: [9, 24], central: [700, 150, 3000], localShare: [0.03, 0.12], otherChance: 0.4, otherShare: [0.005, 0.03], households: [6, 2, 30] },
  { project: 'DA3', sub: 'TDA1', share: 0.11, rateExponent: 1, secondRow: 0.1, months: [6, 18], central: [500, 100, 2500], localShare: [0.05, 0.12], otherChance: 0.5, otherShare: [0.02, 0.1], households: [35, 8, 150] },
  { project: 'DA3', sub: 'TDA2', share: 0.05, rateExponent: 1.4, secondRow: 0.1, months: [6, 12], central: [120, 30, 500], localShare: [0.05, 0.1], otherChance: 0, otherShare: [0, 0], households: [30, 8, 120] },
  { project: 'DA4', sub: 'TDA1', share: 0.05, rateExponent: 1, secondRow: 0.05, months: [3, 9], central: [250, 50, 1000], localShare: [0.05, 0.1], otherChance: 0.2, otherShare: [0.01, 0.05], households: [25, 8, 80] },
  { project: 'DA4', sub: 'TDA2', share: 0.02, rateExponent: 0.8, secondRow: 0, months: [3, 12], central: [80, 20, 300], localShare: [0.03, 0.08], otherChance: 0, otherShare: [0, 0], households: [4, 1, 15] },
  { project: 'DA4', sub: 'TDA3', share: 0.025, rateExponent: 0.8, secondRow: 0, months: [6, 12], central: [100, 20, 400], localShare: [0.03, 0.08], otherChance: 0, otherShare: [0, 0], households: [25, 8, 100] },
  { project: 'DA5', sub: null, flat: [0.5, 0.2], eligible: mayHaveDa5, rateExponent: 0, secondRow: 0.3, months: [3, 9], central: [0, 0, 0], localShare: [0, 0], otherChance: 0.4, otherShare: [0, 0], households: [10, 3, 40] },
  { project: 'DA6', sub: 'TDA1', share: 0.04, rateExponent: 1.3, secondRow: 0, months: [4, 12], central: [300, 50, 1200], localShare: [0.05, 0.12], otherChance: 0, otherShare: [0, 0], households: [40, 10, 200] },
  { project: 'DA6', sub: 'TDA2', share: 0.03, rateExponent: 0.8, secondRow: 0, months: [3, 12], central: [50, 10, 200], localShare: [0.05, 0.15], otherChance: 0, otherShare: [0, 0], households: null },
  { project: 'DA7', sub: 'TDA1', share: 0.03, rateExponent: 0.5, secondRow: 0, months: [1, 6], central: [60, 10, 250], localShare: [0.05, 0.15], otherChance: 0, otherShare: [0, 0], households: null },
  { project: 'DA7', sub: 'TDA2', share: 0.02, rateExponent: 0.5, secondRow: 0, months: [6, 12], central: [30, 5, 120], localShare: [0.05, 0.15], otherChance: 0, otherShare: [0, 0], households: null },
];

export const componentKey = (c: { project: string; sub: string | null }) => (c.sub ? `${c.project}/${c.sub}` : c.project);

/** Pre-2025 start years: QĐ 90 came in 01/2022 and guidance mid-2022, so 2022 starts are fewer. */
const START_YEARS = [
  { year: 2022, weight: 0.22, from: '2022-06-01' },
  { year: 2023, weight: 0.4, from: '2023-02-15' },
  { year: 2024, weight: 0.38, from: '2024-02-15' },
] as const;

export function generateProjects(seed: number, sites: readonly Site[], source: string): SimProject[] {
  const out: SimProject[] = [];
  for (const structure of ['pre2025', '2025'] as const) {
    const group = sites.filter((s) => s.structure === structure);
    if (group.length === 0) continue;
    const meanRate = group.reduce((sum, s) => sum + s.poorRate, 0) / group.length;
    // whether a site has a component: one uniform per (site, component), from one hash per site
    // mixed with the component's index (most sites get nothing, so this is the hot loop); the
    // projects' own draws then come from one generator per site, component after component
    const chances = COMPONENTS.map((component) => chancesFor(component, group, meanRate, structure));
    group.forEach((site, i) => {
      const h = hash32(seed, 'project?', structure, site.code);
      const drawn: { component: Component; margin: number }[] = [];
      COMPONENTS.forEach((component, k) => {
        const chance = chances[k][i];
        const u = mix32(h, k) / 4294967296;
        if (chance > 0 && u < chance) drawn.push({ component, margin: u / chance });
      });
      if (drawn.length === 0) return;
      // a few per commune at most: the surest draws (DA1 first where it is drawn), then in QĐ 90 order
      const chosen = drawn
        .sort((a, b) => (a.component.project === 'DA1' ? -1 : b.component.project === 'DA1' ? 1 : a.margin - b.margin))
        .slice(0, MAX_COMPONENTS_PER_SITE)
        .map((d) => d.component)
        .sort((a, b) => COMPONENTS.indexOf(a) - COMPONENTS.indexOf(b));
      const rng = new Rng(seed, 'project', structure, site.code);
      out.push(...chosen.flatMap((component) => projectsOf(component, site, rng, source)).slice(0, MAX_ROWS_PER_SITE));
    });
  }
  return out;
}

/** A well-spread 32-bit value from a hash and a small integer (murmur3's finaliser). */
export function mix32(h: number, k: number): number {
  let z = (h ^ Math.imul(k + 1, 0x9e3779b9)) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Each site's chance of at least one project of the component. */
function chancesFor(c: Component, sites: readonly Site[], meanRate: number, structure: 'pre2025' | '2025'): number[] {
  if (c.flat) {
    const chance = c.flat[structure === 'pre2025' ? 0 : 1];
    return sites.map((s) => (c.eligible && !c.eligible(s) ? 0 : chance));
  }
  const weights = sites.map((s) => (c.eligible && !c.eligible(s) ? 0 : ((s.poorRate + 1) / (meanRate + 1)) ** c.rateExponent));
  const target = (c.share ?? 0) * sites.length * (structure === 'pre2025' ? 1 : SHARE_2025 * PRE2025_PER_2025);
  // scale so the capped chances add up to the target number of communes
  let base = target / Math.max(1e-9, weights.reduce((a, b) => a + b, 0));
  for (let k = 0; k < 6; k++) {
    const sum = weights.reduce((a, w) => a + Math.min(MAX_CHANCE, base * w), 0);
    if (sum <= 0) break;
    base *= target / sum;
  }
  return weights.map((w) => Math.min(MAX_CHANCE, base * w));
}

function projectsOf(c: Component, site: Site, rng: Rng, source: string): SimProject[] {
  const starts: string[] = [];
  if (site.structure === '2025') {
    // a 2025 commune exists from 1/7/2025; some projects are only planned by the as-of date
    starts.push(isoOf(dayOf(STRUCTURE_2025_FROM) + Math.floor(rng.uniform(0, dayOf('2025-12-15') - dayOf(STRUCTURE_2025_FROM)))));
  } else {
    let rows = 1 + (rng.next() < c.secondRow ? 1 : 0);
    if (c.project === 'DA1' && rng.next() < 0.2) rows++;
    const years = [...START_YEARS];
    for (let k = 0; k < rows && years.length > 0; k++) {
      const total = years.reduce((a, y) => a + y.weight, 0);
      let u = rng.next() * total;
      const i = Math.max(0, years.findIndex((y) => (u -= y.weight) < 0));
      const y = years.splice(i, 1)[0];
      starts.push(isoOf(dayOf(y.from) + Math.floor(rng.uniform(0, dayOf(`${y.year}-12-20`) - dayOf(y.from)))));
    }
    starts.sort();
  }

  const key = componentKey(c);
  const pool = [...PROJECT_TITLES[key], ...(c.project === 'DA1' && site.coastal ? PROJECT_TITLES['DA1/coastal'] : [])];
  return starts.map((startDate) => {
    // titles: DA1 works differ by what and where; the others say which year's model/course it is
    const template = pool.splice(Math.floor(rng.next() * pool.length), 1)[0] ?? PROJECT_TITLES[key][0];
    const hamlet = `${hamletWord(site.region)} ${1 + Math.floor(rng.next() * 12)}`;
    const title = fillTitle(template, hamlet, site.phrase) + (c.project === 'DA1' ? '' : ` năm ${startDate.slice(0, 4)}`);
    const households = c.households ? Math.min(Math.max(1, site.poor + site.nearPoor), logNormalInt(rng, c.households)) : c.project === 'DA1' && site.households > 0 ? Math.round(site.households * rng.uniform(0.1, 0.5)) : null;
    const money = c.project === 'DA5' ? housingBudget(rng, households ?? 1) : budget(c, rng);
    const endDate = minIso(addMonths(startDate, Math.round(rng.uniform(c.months[0], c.months[1]))), PROGRAMME_END);
    return { programmeProject: c.project, subProject: c.sub, structure: site.structure, unitCode: site.code, title, ...money, households, startDate, endDate, ...progress(rng, startDate, endDate, money), source };
  });
}

function budget(c: Component, rng: Rng): { budgetCentral: number; budgetLocal: number; budgetOther: number } {
  const central = logNormalInt(rng, c.central);
  const local = Math.round(central * rng.uniform(c.localShare[0], c.localShare[1]));
  const other = rng.next() < c.otherChance ? Math.round(central * rng.uniform(c.otherShare[0], c.otherShare[1])) : 0;
  return { budgetCentral: central, budgetLocal: local, budgetOther: other };
}

/** DA5 (QĐ 90): 40 million VND per new house, 20 per repair, central; local and Quỹ Vì người nghèo top up. */
function housingBudget(rng: Rng, houses: number): { budgetCentral: number; budgetLocal: number; budgetOther: number } {
  const built = Math.round(houses * rng.uniform(0.4, 0.8));
  return {
    budgetCentral: 40 * built + 20 * (houses - built),
    budgetLocal: Math.round(houses * rng.uniform(2, 10)),
    budgetOther: rng.next() < 0.4 ? Math.round(houses * rng.uniform(5, 20)) : 0,
  };
}

function progress(rng: Rng, start: string, end: string, money: { budgetCentral: number; budgetLocal: number; budgetOther: number }): { status: ProjectStatus; progressPct: number; disbursed: number } {
  const total = money.budgetCentral + money.budgetLocal + money.budgetOther;
  // floor to 0.1 million: rounding must never lift disbursement above the budget
  const paid = (share: number) => Math.floor(total * Math.min(1, share) * 10) / 10;
  if (start > ACTIVITY_AS_OF) return { status: 'planned', progressPct: 0, disbursed: 0 };
  if (rng.next() < 0.03) {
    const pct = Math.round(rng.uniform(20, 70));
    return { status: 'suspended', progressPct: pct, disbursed: paid((pct / 100) * rng.uniform(0.5, 1)) };
  }
  if (end <= ACTIVITY_AS_OF) return { status: 'completed', progressPct: 100, disbursed: paid(rng.uniform(0.85, 1)) };
  const elapsed = (dayOf(ACTIVITY_AS_OF) - dayOf(start)) / Math.max(1, dayOf(end) - dayOf(start));
  const pct = Math.min(95, Math.max(1, Math.round(100 * elapsed * rng.uniform(0.6, 1.1))));
  return { status: 'in_progress', progressPct: pct, disbursed: paid((pct / 100) * rng.uniform(0.5, 1)) };
}

/** A log-normal draw (σ 0.5) around the median, held to [min, max], whole. */
function logNormalInt(rng: Rng, [median, min, max]: Range): number {
  return Math.round(Math.min(max, Math.max(min, median * Math.exp(0.5 * rng.normal()))));
}

const minIso = (a: string, b: string) => (a < b ? a : b);
