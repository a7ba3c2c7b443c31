// report.md: the build report for the people who review it: checks first, then what was
// approximated and why, list differences, sizes and timings.
import type { Report } from './report.ts';
import type { UnitListComparison } from './registry-types.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** Old communes merged into one 2025 commune would share its point; they are spread around it. */
function spreadSentence(f: Report['oldCommunePoints']): string {
  const spacing = f.nearestMetres
    ? `; nearest neighbour ${f.nearestMetres.min} m at least, ${f.nearestMetres.median} m median`
    : '';
  const close = f.within100m.length
    ? ` Within 100 m of another, as the part of their successor they must stay in is that small: ${f.within100m.join(' ')}.`
    : '';
  return `Of these, ${f.spread} would share a point with others of their 2025 commune and are spread around it (symbolic positions, not locations${spacing}): ${f.distinct} distinct points, ${f.sharing} sharing one.${close}`;
}

function comparisonLines(c: UnitListComparison): string[] {
  const lines = [`Used: \`${c.used}\`; compared with \`${c.other}\`.`, ''];
  const entry = (e: { code: string; level: string; name: string; parentCode: string | null }) =>
    `- ${e.level} ${e.code} ${e.name} (parent ${e.parentCode ?? '–'})`;
  lines.push(`Only in the used list: ${c.onlyInUsed.length}`, ...c.onlyInUsed.map(entry), '');
  lines.push(`Only in the other list: ${c.onlyInOther.length}`, ...c.onlyInOther.map(entry), '');
  const spelling = c.changes.filter((x) => x.spellingOnly);
  const real = c.changes.filter((x) => !x.spellingOnly);
  lines.push(`Written differently (tone placement, case or spacing only): ${spelling.length} fields.`, '');
  lines.push(`Other differences: ${real.length}`);
  for (const x of real)
    lines.push(`- ${x.level} ${x.code} ${x.field}: "${x.before ?? ''}" (other) → "${x.after ?? ''}" (used)`);
  return lines;
}

export function reportMarkdown(r: Report): string {
  const out: string[] = [];
  out.push(
    `# geodata build report`,
    '',
    `${r.generatedAt} — ${r.ok ? '**all hard checks passed**' : '**HARD CHECKS FAILED**'} — ${r.seconds.toFixed(1)} s`,
    '',
  );
  out.push('## Checks', '', '| | check | hard | result |', '|---|---|---|---|');
  for (const c of r.checks)
    out.push(`| ${c.ok ? '✓' : c.hard ? '✗' : '!'} | ${c.id} | ${c.hard ? 'yes' : 'no'} | ${c.summary} |`);
  for (const c of r.checks.filter((x) => !x.ok && x.details))
    out.push('', `### ${c.id}`, '', ...c.details!.map((d) => `- ${d}`));
  out.push(
    '',
    '## Counts',
    '',
    '| structure/level | units |',
    '|---|---|',
    ...Object.entries(r.counts).map(([k, n]) => `| ${k} | ${n} |`),
  );
  out.push('', '## Files', '', '| file | features | vertices | size |', '|---|---|---|---|');
  for (const f of r.files) out.push(`| ${f.path} | ${f.features} | ${f.vertices} | ${kb(f.bytes)} |`);
  out.push('', '## Units without their own source polygon', '');
  out.push(
    `Old communes (pre2025, ${Object.values(r.oldCommunePlacement).reduce((a, b) => a + b, 0)}): no openly licensed polygons exist; each is a point placed through the crosswalk — ${Object.entries(
      r.oldCommunePlacement,
    )
      .map(([k, n]) => `${k}: ${n}`)
      .join(', ')}. ${spreadSentence(r.oldCommunePoints)}`,
    '',
  );
  // Units sharing one reason (all provinces of a structure) are one line; the rest one row each.
  const groups = new Map<string, typeof r.notFromSource>();
  for (const u of r.notFromSource) {
    const k = `${u.structure}|${u.level}|${u.geometry}|${u.geometryNote ?? ''}`;
    groups.set(k, [...(groups.get(k) ?? []), u]);
  }
  const rows: typeof r.notFromSource = [];
  for (const [k, list] of groups) {
    if (list.length < 5) rows.push(...list);
    else
      out.push(
        `- ${list[0].structure} ${list[0].level}, ${list.length} units (${list.map((u) => u.code).join(' ')}): ${list[0].geometry} — ${k.split('|')[3]}`,
      );
  }
  out.push('', '| structure | level | code | name | geometry | why |', '|---|---|---|---|---|---|');
  for (const u of rows)
    out.push(`| ${u.structure} | ${u.level} | ${u.code} | ${u.fullName} | ${u.geometry} | ${u.geometryNote ?? ''} |`);
  out.push('', '## Holes in the 2021 district polygons, filled from 2025 communes', '');
  for (const g of r.gapFills) {
    out.push(
      `- province ${g.provinceCode}: ${g.gapKm2.toFixed(1)} km² missing; filled ${g.filled.map((f) => `${f.district} ${f.km2.toFixed(1)} km²`).join(', ') || 'nothing'}; left ${g.unfilledKm2.toFixed(1)} km² (coastline/border differences between sources, closed by the dissolve where narrow)`,
    );
  }
  out.push('', '## 2021 polygons older than the lists, corrected along 2025 commune lines', '');
  for (const c of r.carved) out.push(`- polygon ${c.polygon}: ${c.km2.toFixed(1)} km² from ${c.from} to ${c.to}`);
  if (r.rebuildProblems.length) out.push('', '### Rebuild problems', '', ...r.rebuildProblems.map((p) => `- ${p}`));
  const cw = r.crosswalk;
  out.push(
    '',
    '## Crosswalk',
    '',
    `- old communes linked ${cw.coverage.oldCommunesLinked}/${cw.coverage.oldCommunes} (${cw.coverage.oldCommunesSplit} split between several new communes); new communes linked ${cw.coverage.newCommunesLinked}/${cw.coverage.newCommunes}`,
  );
  for (const x of cw.resolutions)
    out.push(
      `- crosswalk code ${x.crosswalkCode} "${x.name}" (province ${x.provinceCode}) is ${x.unitListCode} in the unit list: resolved by name within the province`,
    );
  for (const l of cw.districtLinks)
    out.push(`- island district ${l.fromCode} → 2025 ${l.toCode} (${l.kind}), in registry.districtLinks`);
  for (const i of cw.issues) out.push(`- ${i}`);
  out.push(
    '',
    '## List differences',
    '',
    '### pre2025 (2025-03-01)',
    '',
    ...comparisonLines(r.listDifferences.pre2025),
  );
  out.push('', '### 2025', '', ...comparisonLines(r.listDifferences.structure2025));
  out.push('', '### Names as read', '');
  for (const n of r.listNotes) {
    out.push(
      `- \`${n.file}\`: stray spaces collapsed in ${n.spacingFixed.length} names${n.spacingFixed.length ? ` (${n.spacingFixed.join(' ')})` : ''}; declared type differs from the name's type word (the name's word is used) for ${n.typeDisagrees.length}${n.typeDisagrees.length ? ` (${n.typeDisagrees.join(' ')})` : ''}`,
    );
  }
  out.push(
    '',
    '## Clean-up after simplification',
    '',
    '| layer | rings fixed | rings dropped | parts dropped | kept at full precision |',
    '|---|---|---|---|---|',
  );
  for (const [k, s] of Object.entries(r.cleaning))
    out.push(`| ${k} | ${s.ringsFixed} | ${s.ringsDropped} | ${s.partsDropped} | ${s.keptFullPrecision} |`);
  out.push('', '## Timings', '', ...r.timings.map((t) => `- ${t.step}: ${t.seconds.toFixed(1)} s`), '');
  return out.join('\n');
}
