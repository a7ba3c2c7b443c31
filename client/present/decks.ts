// Decks: the slides a presentation walks through, each a PresentView. The app builds three kinds
// from a base view (its indicator, year and classes): the country and its six regions, a region
// and each of its provinces, and one province over the years. A saved or shared deck is a list
// of view queries in the link (`v=` repeated) or in the browser (deck-store.ts). Pure.
import { REGIONS, type RegionKey } from '../../core/poverty/regions.ts';
import { parsePresentView, serializePresentView, isRegionKey, queryPart, type PresentView } from './view-query.ts';

export interface RegionMembers {
  key: RegionKey;
  /** Pre-2025 province codes, ascending. */
  provinces: string[];
}

export type DeckRequest =
  | { kind: 'country-regions' }
  | { kind: 'region'; region: RegionKey }
  | { kind: 'province'; code: string }
  | { kind: 'saved'; id: string };

/** `deck=` of the link or `--deck` of the CLI; null when it names nothing. */
export function parseDeckRequest(value: string | null): DeckRequest | null {
  if (!value) return null;
  if (value === 'country-regions') return { kind: 'country-regions' };
  if (isRegionKey(value)) return { kind: 'region', region: value };
  if (/^\d{2}$/.test(value)) return { kind: 'province', code: value };
  const saved = /^saved:([A-Za-z0-9_-]{1,40})$/.exec(value);
  return saved ? { kind: 'saved', id: saved[1] } : null;
}

/** A clean copy of the base: no place, no comparison, no typed titles. */
function blank(base: PresentView): PresentView {
  return { ...base, map: { ...base.map, unit: null, selected: null }, region: null, title: '', subtitle: '', compare: null };
}

/** The country, then each of the six socio-economic regions (pre-2025 provinces). */
export function countryRegionsDeck(base: PresentView): PresentView[] {
  const start = blank(base);
  const map = { ...start.map, structure: 'pre2025' as const, level: 'province' as const };
  return [{ ...start, map }, ...REGIONS.map((r) => ({ ...start, map, region: r.key }))];
}

/** A region, then each of its provinces (drilled: their districts). */
export function regionDeck(base: PresentView, region: RegionMembers): PresentView[] {
  const start = blank(base);
  const map = { ...start.map, structure: 'pre2025' as const, level: 'province' as const };
  return [
    { ...start, map, region: region.key },
    ...region.provinces.map((code) => ({ ...start, map: { ...map, unit: code, level: 'district' as const } })),
  ];
}

/** One province, one slide per year (its progress over the programme's years). */
export function provinceDeck(base: PresentView, code: string, years: readonly number[]): PresentView[] {
  const start = blank(base);
  const level = start.map.structure === '2025' ? ('commune' as const) : ('district' as const);
  const list = years.length > 0 ? years : [null];
  return list.map((year) => ({ ...start, map: { ...start.map, unit: code, level, year } }));
}

/** The `v=` list of a deck link. */
export function deckQuery(views: readonly PresentView[]): string {
  const p = new URLSearchParams();
  for (const view of views) p.append('v', serializePresentView(view));
  return p.toString();
}

/** Views listed in a link (`v=` repeated), [] when there are none. */
export function viewsInQuery(query: string): PresentView[] {
  return new URLSearchParams(queryPart(query)).getAll('v').map((v) => parsePresentView(v));
}
