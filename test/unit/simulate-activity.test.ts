// The simulated programme activity (projects, supervision teams, visits) on the synthetic country
// of simulate-fixture.ts: the programme's rules (QĐ 90 structure, DA1/DA5 only where QĐ 353
// allows), money and dates that add up, the TT 10/2022 calendar, visits in their team's own
// province, determinism for a seed.
import { describe, expect, it } from 'vitest';
import { PROGRAMME_PROJECTS } from '../../core/programme-projects.ts';
import { generateDemo } from '../../core/simulate/generate.ts';
import { generateActivity, REAL_PROVINCIAL_TEAMS_9M_2023, SIMULATED_TEAM_MARK, type ActivityOutput } from '../../core/simulate/programme-activity.ts';
import {
  ACTIVITY_AS_OF,
  addMonths,
  dayOf,
  inRoundWindow,
  isoOf,
  isWorkingDay,
  PROGRAMME_END,
  roundsBetween,
  STRUCTURE_2025_FROM,
} from '../../core/simulate/programme-activity-calendar.ts';
import { FINDING_TOPICS, formatVi } from '../../core/simulate/programme-activity-text.ts';
import type { SimUnit } from '../../core/simulate/types.ts';
import { buildFixture, realFigures } from './simulate-fixture.ts';

const SEED = 20250701;
const fixture = buildFixture();
const demo = generateDemo({ seed: SEED, ...fixture, figures: realFigures() });
const input = { seed: SEED, ...fixture, reviews: demo.reviews };
const activity = generateActivity(input);

const pre = new Map(fixture.pre2025.map((u) => [u.code, u]));
const units2025 = new Map(fixture.units2025.map((u) => [u.code, u]));
const unitOf = (structure: string, code: string): SimUnit => (structure === 'pre2025' ? pre.get(code)! : units2025.get(code)!);

/** QĐ 353 flags read straight off the fixture: a poor district's commune, or a coastal commune/island. */
function allowsDa1Pre(code: string): boolean {
  const u = pre.get(code)!;
  if (u.coastal) return true;
  const district = u.level === 'district' ? u : pre.get(u.parentCode!)!;
  return district.poorDistrict;
}
const inPoorDistrictPre = (code: string) => {
  const u = pre.get(code)!;
  return (u.level === 'district' ? u : pre.get(u.parentCode!)!).poorDistrict;
};
const predecessors = new Map<string, string[]>();
for (const l of fixture.links) if (l.level !== 'province') (predecessors.get(l.toCode) ?? predecessors.set(l.toCode, []).get(l.toCode)!).push(l.fromCode);

describe('simulated projects', () => {
  it('puts DA1 only in poor districts and coastal/island communes, and their 2025 successors', () => {
    const da1 = activity.projects.filter((p) => p.programmeProject === 'DA1');
    expect(da1.length).toBeGreaterThan(20);
    for (const p of da1) {
      const allowed = p.structure === 'pre2025' ? allowsDa1Pre(p.unitCode) : (predecessors.get(p.unitCode) ?? []).some(allowsDa1Pre);
      expect(allowed, `${p.structure}/${p.unitCode} ${p.title}`).toBe(true);
    }
    // and most places that may have DA1 do
    const allowedPre = [...pre.values()].filter((u) => (u.level === 'commune' || u.code === '536') && allowsDa1Pre(u.code));
    const withDa1 = new Set(da1.filter((p) => p.structure === 'pre2025').map((p) => p.unitCode));
    expect(withDa1.size / allowedPre.length).toBeGreaterThan(0.7);
  });

  it('puts DA5 (housing) only in poor districts', () => {
    for (const p of activity.projects.filter((x) => x.programmeProject === 'DA5')) {
      const allowed = p.structure === 'pre2025' ? inPoorDistrictPre(p.unitCode) : (predecessors.get(p.unitCode) ?? []).some(inPoorDistrictPre);
      expect(allowed).toBe(true);
    }
  });

  it('uses the projects and sub-projects of QĐ 90 only, with every one of them present', () => {
    const valid = new Set(PROGRAMME_PROJECTS.flatMap((p) => (Object.keys(p.subProjects).length ? Object.keys(p.subProjects).map((s) => `${p.code}/${s}`) : [p.code])));
    const seen = new Set(activity.projects.map((p) => (p.subProject ? `${p.programmeProject}/${p.subProject}` : p.programmeProject)));
    expect([...seen].sort()).toEqual([...valid].sort());
  });

  it('keeps money, progress and dates consistent', () => {
    // the generator's baseline review: 2022 (pre-2025), 2025
    const review = new Map(demo.reviews.filter((r) => r.year === 2022 || r.year === 2025).map((r) => [`${r.structure}/${r.unitCode}`, r]));
    const problems: string[] = [];
    const check = (ok: boolean, what: string, p: (typeof activity.projects)[number]) => {
      if (!ok) problems.push(`${what}: ${JSON.stringify(p)}`);
    };
    for (const p of activity.projects) {
      const budget = p.budgetCentral + p.budgetLocal + p.budgetOther;
      check(budget > 0, 'budget', p);
      check(p.disbursed >= 0 && p.disbursed <= budget, 'disbursed ≤ budget', p);
      check(p.progressPct >= 0 && p.progressPct <= 100, 'progress', p);
      check(p.startDate <= p.endDate && p.endDate <= PROGRAMME_END, 'start ≤ end ≤ 2025-12-31', p);
      check(p.structure === 'pre2025' ? ['2022', '2023', '2024'].includes(p.startDate.slice(0, 4)) : p.startDate >= STRUCTURE_2025_FROM, 'start year', p);
      if (p.status === 'planned') check(p.startDate > ACTIVITY_AS_OF && p.disbursed === 0, 'planned', p);
      if (p.status === 'completed') check(p.endDate <= ACTIVITY_AS_OF && p.progressPct === 100, 'completed', p);
      if (p.status === 'in_progress') check(p.startDate <= ACTIVITY_AS_OF && p.endDate > ACTIVITY_AS_OF, 'in progress', p);
      if (p.households !== null && p.programmeProject !== 'DA1') {
        const r = review.get(`${p.structure}/${p.unitCode}`)!;
        check(p.households <= Math.max(1, r.poor! + r.near_poor!), 'households ≤ poor + near-poor', p);
      }
      // DA5: 40 million VND per new house, 20 per repair (QĐ 90)
      if (p.programmeProject === 'DA5') check(p.budgetCentral % 20 === 0, 'DA5 budget', p);
      check(p.source.includes('Dữ liệu mô phỏng (simulated)'), 'source', p);
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(new Set(activity.projects.map((p) => p.status))).toEqual(new Set(['planned', 'in_progress', 'completed', 'suspended']));
  });

  it('leaves many communes without a given project, more often the less poor ones', () => {
    const sites = demo.reviews.filter((r) => r.structure === 'pre2025' && r.year === 2022);
    const withDa2 = new Set(activity.projects.filter((p) => p.structure === 'pre2025' && p.programmeProject === 'DA2').map((p) => p.unitCode));
    expect(withDa2.size / sites.length).toBeLessThan(0.5);
    const mean = (rows: typeof sites) => rows.reduce((s, r) => s + r.poor! / r.households!, 0) / rows.length;
    expect(mean(sites.filter((r) => withDa2.has(r.unitCode)))).toBeGreaterThan(2 * mean(sites.filter((r) => !withDa2.has(r.unitCode))));
    // a few per commune at most
    const perUnit = new Map<string, number>();
    for (const p of activity.projects) perUnit.set(`${p.structure}/${p.unitCode}`, (perUnit.get(`${p.structure}/${p.unitCode}`) ?? 0) + 1);
    expect(Math.max(...perUnit.values())).toBeLessThanOrEqual(6);
    expect([...perUnit.values()].reduce((a, b) => a + b, 0) / perUnit.size).toBeLessThan(4);
  });
});

describe('simulated supervision teams', () => {
  it('gives every province of both structures a few teams, named and marked as simulated', () => {
    for (const [structure, units] of [['pre2025', fixture.pre2025], ['2025', fixture.units2025]] as const) {
      for (const province of units.filter((u) => u.level === 'province')) {
        const teams = activity.teams.filter((t) => t.structure === structure && t.provinceCode === province.code);
        expect(teams.length, `${structure}/${province.code}`).toBeGreaterThanOrEqual(3);
        expect(teams[0].name).toMatch(structure === 'pre2025' ? new RegExp(`^Đoàn giám sát số 1 – Sở LĐ-TB&XH .*${province.name}`) : new RegExp(`^Đoàn giám sát số 1 năm 2025 – Sở NN&MT .*${province.name}`));
      }
    }
    expect(new Set(activity.teams.map((t) => t.name)).size).toBe(activity.teams.length);
    expect(activity.teams.every((t) => t.name.endsWith(SIMULATED_TEAM_MARK))).toBe(true);
    const pre2025Teams = activity.teams.filter((t) => t.structure === 'pre2025').length;
    // standing teams: about half of seed 002's 1,056 provincial đoàn of 9 months (each goes out ~twice)
    expect(pre2025Teams).toBeLessThanOrEqual(REAL_PROVINCIAL_TEAMS_9M_2023 / 2 + 20);
  });

  it('gives each team 3-5 members, one leader', () => {
    const byTeam = new Map<string, string[]>();
    for (const m of activity.members) byTeam.set(m.teamKey, [...(byTeam.get(m.teamKey) ?? []), m.role]);
    expect(byTeam.size).toBe(activity.teams.length);
    for (const roles of byTeam.values()) {
      expect(roles.length).toBeGreaterThanOrEqual(3);
      expect(roles.length).toBeLessThanOrEqual(5);
      expect(roles.filter((r) => r === 'Trưởng đoàn')).toHaveLength(1);
    }
    expect(activity.members.every((m) => /^\p{Lu}\p{Ll}* .+ \p{Lu}/u.test(m.displayName))).toBe(true);
  });
});

describe('simulated supervision visits', () => {
  const teamOf = new Map(activity.teams.map((t) => [t.key, t]));

  it('visits only communes of the team’s own province and structure, in its period', () => {
    expect(activity.visits.length).toBeGreaterThan(1000);
    const problems: string[] = [];
    for (const v of activity.visits) {
      const team = teamOf.get(v.teamKey)!;
      const unit = unitOf(v.structure, v.unitCode);
      const inPeriod = v.structure === 'pre2025' ? v.actualDate >= '2023-01-01' && v.actualDate < STRUCTURE_2025_FROM : v.actualDate >= STRUCTURE_2025_FROM && v.actualDate <= '2025-10-31';
      const ok = v.structure === team.structure && unit.provinceCode === team.provinceCode && unit.level !== 'province' && inPeriod && v.status === 'done' && v.plannedDate <= v.actualDate;
      if (!ok) problems.push(JSON.stringify({ v, team }));
    }
    expect(problems.slice(0, 3)).toEqual([]);
  });

  it('follows the TT 10/2022 calendar: rounds before 1 June and 1 December, ad hoc otherwise, working days', () => {
    let adhoc = 0;
    const problems: string[] = [];
    for (const v of activity.visits) {
      const [year, kind] = v.round.split('-');
      let ok = isWorkingDay(v.actualDate) && Number(year) === Number(v.actualDate.slice(0, 4));
      if (kind === 'adhoc') {
        adhoc++;
        ok &&= v.findings.planning.startsWith('Giám sát đột xuất');
      } else if (kind === 'semiannual') {
        ok &&= inRoundWindow(v.actualDate) && v.actualDate >= `${year}-04-01` && v.actualDate < `${year}-06-01`;
      } else {
        ok &&= inRoundWindow(v.actualDate) && v.actualDate >= `${year}-09-15` && v.actualDate < `${year}-12-01`;
      }
      if (!ok) problems.push(`${v.round} ${v.actualDate}`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(adhoc).toBeGreaterThan(0);
    expect(adhoc / activity.visits.length).toBeLessThan(0.3);
    // both kinds of round in every year of the pre-2025 period, the 2025 structure's yearly round
    const rounds = new Set(activity.visits.map((v) => `${v.structure} ${v.round}`));
    for (const r of ['2023-semiannual', '2023-annual', '2024-semiannual', '2024-annual', '2025-semiannual']) expect(rounds.has(`pre2025 ${r}`)).toBe(true);
    expect(rounds.has('2025 2025-annual')).toBe(true);
  });

  it('stays under seed 002’s 1,056 provincial teams in 01-09/2023, and says so', () => {
    const outings = new Set(activity.visits.filter((v) => v.actualDate <= '2023-09-30').map((v) => `${v.teamKey}|${v.round}`));
    expect(outings.size).toBeLessThanOrEqual(REAL_PROVINCIAL_TEAMS_9M_2023);
    expect(activity.notes.join('\n')).toContain(`provincial team outings (đoàn) 01-09/2023: ${outings.size}`);
  });

  it('goes more often to poorer communes', () => {
    const visited = new Set(activity.visits.filter((v) => v.structure === 'pre2025').map((v) => v.unitCode));
    const sites = demo.reviews.filter((r) => r.structure === 'pre2025' && r.year === 2022);
    const count = new Map<string, number>();
    for (const v of activity.visits) if (v.structure === 'pre2025') count.set(v.unitCode, (count.get(v.unitCode) ?? 0) + 1);
    const sorted = [...sites].sort((a, b) => a.poor! / a.households! - b.poor! / b.households!);
    const visitsIn = (rows: typeof sites) => rows.reduce((s, r) => s + (count.get(r.unitCode) ?? 0), 0);
    const quarter = Math.floor(sorted.length / 4);
    expect(visitsIn(sorted.slice(-quarter))).toBeGreaterThan(2 * visitsIn(sorted.slice(0, quarter)));
    expect(visited.size).toBeLessThan(sites.length);
  });

  it('records findings per TT 10 topic and follow-ups with owner, due date and state', () => {
    const topics = JSON.stringify([...FINDING_TOPICS]);
    const problems: string[] = [];
    for (const v of activity.visits) {
      const ok =
        JSON.stringify(Object.keys(v.findings)) === topics &&
        FINDING_TOPICS.every((t) => v.findings[t].length > 10) &&
        v.followUps.length >= 1 &&
        v.followUps.every((f) => f.due > v.actualDate && /^\d{4}-\d{2}-\d{2}$/.test(f.due) && f.action.length > 5 && f.owner.length > 3 && (f.due <= ACTIVITY_AS_OF || !f.done));
      if (!ok) problems.push(JSON.stringify(v));
    }
    expect(problems.slice(0, 3)).toEqual([]);
    expect(activity.visits.some((v) => v.followUps.some((f) => f.done))).toBe(true);
    expect(activity.visits.some((v) => v.findings.disbursement.includes('triệu đồng'))).toBe(true);
  });

  it('has stable, unique, UUID-shaped ids', () => {
    const ids = activity.visits.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toEqual([]);
  });
});

describe('determinism and dates', () => {
  it('gives the same rows for the same seed and different ones for another', () => {
    const again: ActivityOutput = generateActivity(input);
    // JSON: a deep toEqual over ~20,000 rows is slow and says no more
    expect(JSON.stringify(again)).toBe(JSON.stringify(activity));
    const other = generateActivity({ ...input, seed: SEED + 1 });
    expect(other.visits[0].id).not.toBe(activity.visits[0].id);
    expect(other.projects.length).not.toBe(activity.projects.length);
  }, 30_000);

  it('does day arithmetic like the calendar', () => {
    const wrong: string[] = [];
    for (let d = dayOf('2020-01-01'); d < dayOf('2027-01-01'); d++) {
      const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
      if (isoOf(d) !== iso || dayOf(iso) !== d || isWorkingDay(iso) !== ![0, 6].includes(new Date(d * 86_400_000).getUTCDay())) wrong.push(iso);
    }
    expect(wrong).toEqual([]);
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(roundsBetween('2025-07-01', '2025-10-31').map((r) => `${r.key} ${r.from} ${r.to}`)).toEqual(['2025-annual 2025-09-15 2025-10-31']);
    expect(formatVi(1234567.25, 1)).toBe('1.234.567,3');
  });
});
