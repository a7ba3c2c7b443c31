// The seed's printed summary: rows per table, then for every year and every node with a real
// (or derived) total — nation, regions, provinces — what the simulated communes sum to against
// it, with the resulting rates. R = real figure, d = derived (see core/simulate/real-targets.ts).
import { NATIONAL_CODE, REGIONS, regionCode } from '../../core/poverty/regions.ts';
import type { TotalCheck } from '../../core/simulate/generate.ts';
import type { DemoSeedReport } from './seed-demo.ts';

const REGION_NAMES = new Map<string, string>([[NATIONAL_CODE, 'Toàn quốc'], ...REGIONS.map((r) => [regionCode(r.key), r.nameVi] as [string, string])]);
const fmt = (n: number) => n.toLocaleString('en-US');
const pct = (n: number, d: number) => (d > 0 ? ((100 * n) / d).toFixed(2) : '—');

export function formatDemoReport(report: DemoSeedReport): string {
  if (report.skipped || !report.output || !report.written) return `demo data (seed ${report.seed}) already in place`;
  const { output, written } = report;
  const lines: string[] = [];
  lines.push(`demo data, seed ${report.seed}: generated in ${(report.ms.generate / 1000).toFixed(2)} s, written in ${(report.ms.write / 1000).toFixed(2)} s`);
  for (const table of Object.keys(written.inserted) as (keyof typeof written.inserted)[]) {
    const skipped = written.skipped[table] > 0 ? `, ${written.skipped[table]} skipped (a user row holds the key)` : '';
    lines.push(`  ${table.padEnd(20)} ${String(written.inserted[table]).padStart(6)} rows (replaced ${written.deleted[table]})${skipped}`);
  }
  const simulated = output.targets.filter((t) => t.simulated).length;
  lines.push(`  targets: ${output.targets.length - simulated} real, ${simulated} simulated`);
  lines.push(...activityLines(report));

  lines.push('', 'simulated sums vs totals (R real, d derived); ✓ = equal');
  const groups = new Map<string, TotalCheck[]>();
  for (const c of output.checks) {
    const key = `${c.structure} ${c.year} ${c.node}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const ordered = [...groups].sort(([a], [b]) => a.localeCompare(b));
  let allEqual = true;
  for (const [key, checks] of ordered) {
    const [structure, year, node] = key.split(' ');
    const by = new Map(checks.map((c) => [c.variable, c]));
    const h = by.get('households');
    const cell = (v: 'households' | 'poor' | 'nearPoor', label: string) => {
      const c = by.get(v);
      if (!c) return '';
      if (c.simulated !== c.target) allEqual = false;
      const rate = v !== 'households' && h ? ` (${pct(c.simulated, h.simulated)} %)` : '';
      return `${label} ${fmt(c.simulated)}${c.simulated === c.target ? '✓' : `≠${fmt(c.target)}`}${c.provenance === 'real' ? 'R' : 'd'}${rate}`;
    };
    const name = REGION_NAMES.get(node) ?? `${node} ${report.provinceNames.get(`${structure}/${node}`) ?? ''}`;
    lines.push(`  ${structure.padEnd(7)} ${year} ${name.padEnd(38)} ${[cell('households', 'hộ'), cell('poor', 'nghèo'), cell('nearPoor', 'cận nghèo')].filter(Boolean).join('  ')}`);
  }
  lines.push(allEqual ? '  every total met exactly' : '  SOME TOTALS NOT MET');

  lines.push('', 'national rates (households = sum of regions):');
  const byYear = new Map<number, { h: number; p: number; n: number }>();
  for (const r of output.reviews) {
    if (r.structure !== 'pre2025') continue;
    const s = byYear.get(r.year) ?? { h: 0, p: 0, n: 0 };
    s.h += r.households ?? 0;
    s.p += r.poor ?? 0;
    s.n += r.near_poor ?? 0;
    byYear.set(r.year, s);
  }
  for (const [year, s] of [...byYear].sort(([a], [b]) => a - b)) {
    const printed = output.observations.filter((o) => o.unitCode === NATIONAL_CODE && o.year === year && o.indicator.endsWith('rate'));
    const asPrinted = printed.map((o) => `${o.indicator} ${o.value}`).join(', ');
    lines.push(`  ${year}: ${fmt(s.h)} hộ, nghèo ${pct(s.p, s.h)} %, cận nghèo ${pct(s.n, s.h)} %, cộng ${pct(s.p + s.n, s.h)} %${asPrinted ? ` — printed: ${asPrinted}` : ''}`);
  }
  if (output.notes.length + report.coordinationNotes.length + output.excluded.length > 0) {
    lines.push('', 'notes:', ...[...output.notes, ...report.coordinationNotes, ...output.excluded].map((n) => `  - ${n}`));
  }
  return lines.join('\n');
}

/** Projects (per programme project and structure), teams, members, visits; the checks against seed 002. */
function activityLines(report: DemoSeedReport): string[] {
  const counts = report.written?.activity;
  const activity = report.activity;
  if (!counts || !activity) return [];
  const lines = [`  simulated activity generated in ${(report.ms.activity / 1000).toFixed(2)} s:`];
  for (const table of ['project', 'team', 'team_member', 'visit'] as const) {
    const kept = table === 'team' && counts.skipped.team > 0 ? `, ${counts.skipped.team} kept with their ids` : '';
    const held = table === 'visit' && counts.skipped.visit > 0 ? `, ${counts.skipped.visit} skipped (an imported visit holds the id)` : '';
    lines.push(`  ${table.padEnd(20)} ${String(counts.inserted[table]).padStart(6)} rows (replaced ${counts.deleted[table]})${kept}${held}`);
  }
  const byProject = new Map<string, { pre2025: number; '2025': number }>();
  for (const p of activity.projects) {
    const key = p.subProject ? `${p.programmeProject}/${p.subProject}` : p.programmeProject;
    const c = byProject.get(key) ?? { pre2025: 0, '2025': 0 };
    c[p.structure]++;
    byProject.set(key, c);
  }
  lines.push(`  projects (pre2025 + 2025): ${[...byProject].sort(([a], [b]) => a.localeCompare(b)).map(([k, c]) => `${k} ${c.pre2025}+${c['2025']}`).join(', ')}`);
  lines.push(...activity.notes.map((n) => `  ${n}`));
  lines.push(...counts.linkedAccounts.map((a) => `  team member: ${a}`));
  return lines;
}

/** What the demo seed tells the person at the terminal (its CLI and npm start's set-up). */
export function logDemoSeed(report: DemoSeedReport, where: string, quiet: boolean): void {
  if (report.skipped) {
    console.error(`povmap: demo: seed ${report.seed} already in ${where} (--force to redo)`);
    for (const a of report.linkedAccounts) console.error(`povmap: demo: team member ${a}`);
    return;
  }
  if (!quiet) console.error(formatDemoReport(report));
  const a = report.activity;
  const activity = a ? `, ${a.projects.length} projects, ${a.teams.length} teams, ${a.visits.length} visits` : '';
  console.error(`povmap: demo: ${report.output!.reviews.length} simulated review rows${activity} into ${where} in ${(report.ms.total / 1000).toFixed(2)} s`);
}
