// What the prioritise map shows for the current settings: which place (explore-scenes request)
// and the value each drawn unit is coloured by. 2025 communes and pre-2025 communes of one
// district are drawn themselves; pre-2025 communes have no polygons, so a wider pre-2025 view
// colours each district by its neediest commune's score, and a click on it narrows to it.
import type { SceneRequest } from '../../map/explore-scenes.ts';
import type { PrioritySettings, RankedRow } from './prioritise.svelte.ts';

export function priorityScene(settings: Pick<PrioritySettings, 'structure' | 'provinces' | 'districts'>): SceneRequest {
  const province = settings.provinces.length === 1 ? settings.provinces[0]! : null;
  if (settings.structure === '2025') return { structure: '2025', level: 'commune', unit: province };
  if (settings.districts.length === 1) return { structure: 'pre2025', level: 'commune', unit: settings.districts[0]! };
  return { structure: 'pre2025', level: 'district', unit: province };
}

/** Codes and scores of the drawn level: communes as ranked, or districts by their highest score. */
export function mapScores(rows: readonly RankedRow[], level: SceneRequest['level']): { codes: string[]; values: (number | null)[] } {
  if (level === 'commune') return { codes: rows.map((r) => r.code), values: rows.map((r) => r.score) };
  const best = new Map<string, number | null>();
  for (const row of rows) {
    if (row.districtCode === null) continue;
    const current = best.get(row.districtCode);
    if (current === undefined || (row.score !== null && (current === null || row.score > current))) best.set(row.districtCode, row.score);
  }
  return { codes: [...best.keys()], values: [...best.values()] };
}
