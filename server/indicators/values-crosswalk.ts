// Pre-2025 review counts carried onto 2025 units through the crosswalk (unit_link), for the
// years before the reform that have no 2025 review rows. Two queries: the links into the
// answered 2025 communes with their old units' review rows (one pass through the indexes), and
// every link of the few old units split between several 2025 communes (their split depends on
// all their successors, answered or not). The apportioning is core/poverty/crosswalk.ts
// (aggregateOverCrosswalk); a 2025 province is the sum of its communes' carried counts
// (sumCounts), never an average of rates.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { sumCounts } from '../../core/poverty/aggregate.ts';
import { emptyCounts, type CountKey, type ReviewCounts } from '../../core/poverty/counts.ts';
import { aggregateOverCrosswalk, type CrosswalkLink } from '../../core/poverty/crosswalk.ts';
import type { Database } from '../db/schema.ts';

/** One year's counts per answered unit, from any source. */
export interface YearCounts {
  counts: Map<string, ReviewCounts>;
  /** Codes whose counts rest on an assumed split of an old unit or lack a predecessor's row. */
  inexact: Set<string>;
  /** Any simulated (demo) row contributed. */
  simulated: boolean;
  sources: (string | null)[];
}

export interface CrosswalkQuery {
  /** The 2025 level answered. */
  level: 'province' | 'commune';
  years: readonly number[];
  /** Count columns to read; the others stay null. */
  columns: readonly CountKey[];
  /** The caller's scope as a condition on the answered unit `g` (ANSWERED_UNIT_COLUMNS). */
  scope: RawBuilder<SqlBool>;
  /** Only units below this 2025 province. */
  parentCode?: string | null;
  /** Only this 2025 unit. */
  code?: string | null;
}

const NO_COUNTS: ReviewCounts = Object.freeze(emptyCounts());

interface LinkRow {
  from_code: string;
  to_code: string;
  kind: 'full' | 'partial';
  share: number | string | null;
  to_province: string;
}

interface AnsweredRow extends LinkRow {
  year: number | string | null;
  simulated: number | string | null;
  source: string | null;
  [count: string]: unknown;
}

export async function crosswalkCounts(db: Kysely<Database>, q: CrosswalkQuery): Promise<Map<number, YearCounts>> {
  const result = new Map<number, YearCounts>();
  if (q.years.length === 0) return result;

  // links into the answered 2025 communes (themselves, or summed into their province g), from old
  // communes and the few island districts without communes, each with its old unit's rows
  let answered = db
    .selectFrom('unit as c')
    .innerJoin('unit as g', (j) => j.on('g.structure', '=', '2025').on('g.code', '=', q.level === 'commune' ? sql.ref<string>('c.code') : sql.ref<string>('c.province_code')))
    .innerJoin('unit_link as l', (j) => j.on('l.to_structure', '=', '2025').onRef('l.to_code', '=', 'c.code').on('l.from_structure', '=', 'pre2025'))
    .leftJoin('poverty_review as r', (j) => j.on('r.structure', '=', 'pre2025').onRef('r.unit_code', '=', 'l.from_code').on('r.year', 'in', [...q.years]))
    .where('c.structure', '=', '2025')
    .where('c.level', '=', 'commune')
    .where('g.level', '=', q.level)
    .where('l.level', 'in', ['commune', 'district'])
    .where(q.scope)
    .select(['l.from_code', 'l.to_code', 'l.kind', 'l.share', 'c.province_code as to_province', 'r.year', 'r.simulated', 'r.source'])
    .select(q.columns.map((k) => sql.ref(`r.${k}`).as(k)));
  if (q.parentCode) answered = answered.where('g.province_code', '=', q.parentCode);
  if (q.code) answered = answered.where('g.code', '=', q.code);

  const [rows, splitLinks] = await Promise.all([
    answered.execute() as unknown as Promise<AnsweredRow[]>,
    // ~1,000 links of ~460 old communes: cheaper whole than filtered
    db
      .selectFrom('unit_link as l')
      .innerJoin('unit as t', (j) => j.on('t.structure', '=', '2025').onRef('t.code', '=', 'l.to_code'))
      .where('l.from_structure', '=', 'pre2025')
      .where('l.to_structure', '=', '2025')
      .where('l.level', 'in', ['commune', 'district'])
      .where('l.from_code', 'in', (eb) =>
        eb
          .selectFrom('unit_link as s')
          .select('s.from_code')
          .where('s.from_structure', '=', 'pre2025')
          .where('s.to_structure', '=', '2025')
          .where('s.level', 'in', ['commune', 'district'])
          .groupBy('s.from_code')
          .having((h) => h.fn.countAll(), '>', 1),
      )
      .select(['l.from_code', 'l.to_code', 'l.kind', 'l.share', 't.province_code as to_province'])
      .execute() as Promise<LinkRow[]>,
  ]);

  // every link once: a split old unit's from splitLinks, any other's (its only one) from rows,
  // which repeat it once per year
  const split = new Set(splitLinks.map((l) => l.from_code));
  const seen = new Set<string>();
  const links: LinkRow[] = [...splitLinks];
  for (const row of rows) {
    if (split.has(row.from_code) || seen.has(row.from_code)) continue;
    seen.add(row.from_code);
    links.push(row);
  }
  const crosswalk: CrosswalkLink[] = links.map((l) => ({ fromCode: l.from_code, toCode: l.to_code, kind: l.kind, share: l.share === null ? null : Number(l.share) }));
  const provinceOf = new Map(links.map((l) => [l.to_code, l.to_province]));
  const answeredCommunes = new Set(rows.map((l) => l.to_code));
  const insideOneProvince = q.level === 'province' ? exactWithinProvince(links) : new Set<string>();

  for (const year of q.years) {
    // an old unit split between two answered communes comes twice: once is enough
    const oldRows = new Map<string, ReviewCounts>();
    const sources = new Set<string | null>();
    let simulated = false;
    for (const row of rows) {
      if (row.year === null || Number(row.year) !== year || oldRows.has(row.from_code)) continue;
      sources.add(row.source);
      if (Number(row.simulated) === 1) simulated = true;
      // one object shape for every row keeps sumCounts' 18-column loop fast
      const counts = { ...NO_COUNTS };
      for (const k of q.columns) counts[k] = row[k] === null || row[k] === undefined ? null : Number(row[k]);
      oldRows.set(row.from_code, counts);
    }
    if (oldRows.size === 0) continue;
    const carried = aggregateOverCrosswalk(oldRows, crosswalk);
    const out: YearCounts = {
      counts: new Map(),
      inexact: new Set(),
      simulated,
      sources: [...sources],
    };
    if (q.level === 'commune') {
      for (const code of answeredCommunes) {
        const c = carried.get(code);
        // no predecessor with a row (Hoàng Sa): no data, like a 2025 commune without a review row
        if (!c || c.counts.units === 0) continue;
        out.counts.set(code, c.counts);
        if (!c.exact) out.inexact.add(code);
      }
    } else {
      const byProvince = new Map<string, ReviewCounts[]>();
      for (const code of answeredCommunes) {
        const c = carried.get(code);
        const province = provinceOf.get(code);
        if (!c || c.counts.units === 0 || province === undefined) continue;
        let list = byProvince.get(province);
        if (!list) byProvince.set(province, (list = []));
        list.push(c.counts);
        // a split that stays inside the province moves the whole old unit into it: still exact
        if (c.missingFrom.length > 0 || c.partialFrom.some((from) => !insideOneProvince.has(from))) out.inexact.add(province);
      }
      for (const [province, list] of byProvince) {
        const { units: _units, ...counts } = sumCounts(list);
        out.counts.set(province, counts);
      }
    }
    result.set(year, out);
  }
  return result;
}

/**
 * Old units whose every successor lies in one 2025 province, and which are not a lone 'partial'
 * link (a part that went nowhere recorded): their whole counts land in that province.
 */
function exactWithinProvince(links: readonly LinkRow[]): Set<string> {
  const byOld = new Map<string, LinkRow[]>();
  for (const l of links) {
    let list = byOld.get(l.from_code);
    if (!list) byOld.set(l.from_code, (list = []));
    list.push(l);
  }
  const exact = new Set<string>();
  for (const [from, list] of byOld) {
    const oneProvince = list.every((l) => l.to_province === list[0]!.to_province);
    if (oneProvince && !(list.length === 1 && list[0]!.kind === 'partial')) exact.add(from);
  }
  return exact;
}
