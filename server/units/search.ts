// units.search: find units by name however it was typed. Matching happens on keys computed at
// seed time (core/text.ts), so the SQL is plain LIKE/= on both SQLite and PostgreSQL:
// - search_key / search_key_full: folded (no diacritics, đ→d, lower case): "hoa dong" finds
//   "Hòa Đồng", "Hoà Đồng", NFC or NFD alike;
// - search_tone_key: tones kept but not their position, to rank "Hòa Đồng" typed exactly above
//   "Hóa Đông" that merely folds the same.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { foldVietnamese, toneInsensitiveKey } from '../../core/text.ts';
import type { Database, StructureId, UnitLevel } from '../db/schema.ts';
import { SUMMARY_COLUMNS, toSummary, withPaths, type UnitWithPath } from './unit-view.ts';

export interface SearchInput {
  q: string;
  structure?: StructureId;
  level?: UnitLevel;
  limit: number;
}

/** `within`: the caller's scope as a condition on unit columns (ctx.scope.condition). */
export async function searchUnits(db: Kysely<Database>, input: SearchInput, within: Expression<SqlBool>): Promise<UnitWithPath[]> {
  const folded = foldVietnamese(input.q);
  if (folded === '') return [];
  const tone = toneInsensitiveKey(input.q);
  const q = escapeLike(folded);

  // Ranking, best first: exact name (or exact full name "xa hoa dong") > name starts with the
  // query > a word of the name starts with it > contains it; then tones typed exactly; then
  // higher levels (a province before its namesake district and commune); then the current
  // structure; then shorter, alphabetical, by code.
  const matchRank = sql<number>`case
    when search_key = ${folded} or search_key_full = ${folded} then 0
    when search_key like ${q + '%'} escape '\\' or search_key_full like ${q + '%'} escape '\\' then 1
    when (' ' || search_key) like ${'% ' + q + '%'} escape '\\' then 2
    else 3 end`;
  const toneRank = sql<number>`case
    when (' ' || search_tone_key || ' ') like ${'% ' + escapeLike(tone) + ' %'} escape '\\' then 0
    else 1 end`;
  const levelRank = sql<number>`case level when 'province' then 0 when 'district' then 1 else 2 end`;

  let query = db
    .selectFrom('unit')
    .select([...SUMMARY_COLUMNS])
    .select([matchRank.as('match_rank'), toneRank.as('tone_rank'), levelRank.as('level_rank')])
    .where((eb) =>
      eb.or([
        eb('search_key_full', 'like', sql<string>`${'%' + q + '%'} escape '\\'`),
        eb('search_key', 'like', sql<string>`${'%' + q + '%'} escape '\\'`),
      ]),
    );
  // In the query, so `limit` counts only units the caller may see.
  query = query.where(within);
  if (input.structure) query = query.where('structure', '=', input.structure);
  if (input.level) query = query.where('level', '=', input.level);

  const rows = await query
    .orderBy('match_rank')
    .orderBy('tone_rank')
    .orderBy('level_rank')
    .orderBy('structure')
    .orderBy(sql`length(search_key)`)
    .orderBy('search_key')
    .orderBy('code')
    .limit(input.limit)
    .execute();
  return withPaths(db, rows.map(toSummary));
}

/** Folded keys hold only letters, digits and spaces, but a LIKE pattern must never trust input. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => '\\' + ch);
}
