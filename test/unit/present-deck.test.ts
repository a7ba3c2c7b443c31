import { describe, expect, it } from 'vitest';
import { deckKey } from '../../core/present/deck-navigation.ts';
import { countryRegionsDeck, deckQuery, parseDeckRequest, provinceDeck, regionDeck, viewsInQuery } from '../../client/present/decks.ts';
import { panelsOf, parsePresentView, queryPart, serializePresentView } from '../../client/present/view-query.ts';

describe('clicker and keyboard', () => {
  it('PageDown / PageUp and the arrows move one slide, stopping at both ends', () => {
    expect(deckKey('PageDown', 0, 7)).toEqual({ kind: 'go', index: 1 });
    expect(deckKey('ArrowRight', 6, 7)).toEqual({ kind: 'go', index: 6 });
    expect(deckKey('PageUp', 0, 7)).toEqual({ kind: 'go', index: 0 });
    expect(deckKey('ArrowLeft', 3, 7)).toEqual({ kind: 'go', index: 2 });
    expect(deckKey(' ', 2, 7)).toEqual({ kind: 'go', index: 3 });
  });

  it('Home, End, blank screen, full screen and leaving', () => {
    expect(deckKey('Home', 5, 7)).toEqual({ kind: 'go', index: 0 });
    expect(deckKey('End', 0, 7)).toEqual({ kind: 'go', index: 6 });
    expect(deckKey('b', 2, 7)).toEqual({ kind: 'blank' });
    expect(deckKey('.', 2, 7)).toEqual({ kind: 'blank' });
    expect(deckKey('F5', 2, 7)).toEqual({ kind: 'fullscreen' });
    expect(deckKey('Escape', 2, 7)).toEqual({ kind: 'exit' });
    expect(deckKey('x', 2, 7)).toBeNull();
    expect(deckKey('PageDown', 0, 0)).toBeNull();
  });
});

describe('views and decks in the link', () => {
  it('reads an explore link as a slide and writes it back with title, region and comparison', () => {
    expect(queryPart('http://host:8080/#/?s=2025&i=poor_rate')).toBe('s=2025&i=poor_rate');
    expect(queryPart('?s=2025')).toBe('s=2025');
    expect(queryPart('http://host:8080/#/')).toBe('');
    const view = parsePresentView('s=2025&lv=province&i=poor_rate&y=2024&r=TN&t=Tây Nguyên 2024&cy=2022');
    // a region is a group of pre-2025 provinces
    expect(view.map.structure).toBe('pre2025');
    expect(view.region).toBe('TN');
    expect(view.title).toBe('Tây Nguyên 2024');
    expect(view.compare).toEqual({ kind: 'year', year: 2022 });
    expect(parsePresentView(serializePresentView(view))).toEqual(view);
    expect(panelsOf(view)).toEqual([{ indicator: 'poor_rate', year: 2024 }, { indicator: 'poor_rate', year: 2022 }]);
    expect(panelsOf(parsePresentView('i=poor_rate&sm'))).toEqual([2022, 2023, 2024].map((year) => ({ indicator: 'poor_rate', year })));
  });

  it('builds the country-and-regions deck: the country, then the six regions', () => {
    const deck = countryRegionsDeck(parsePresentView('s=2025&i=near_poor_rate&y=2023&t=x'));
    expect(deck).toHaveLength(7);
    expect(deck[0].region).toBeNull();
    expect(deck.slice(1).map((v) => v.region)).toEqual(['TDMNPB', 'DBSH', 'BTB_DHMT', 'TN', 'DNB', 'DBSCL']);
    expect(deck.every((v) => v.map.structure === 'pre2025' && v.map.indicator === 'near_poor_rate' && v.map.year === 2023 && v.title === '')).toBe(true);
  });

  it('builds a region deck (region, then its provinces) and a province deck (one slide a year)', () => {
    const base = parsePresentView('i=poor_rate');
    const region = regionDeck(base, { key: 'TN', provinces: ['62', '64', '66', '67', '68'] });
    expect(region.map((v) => v.region ?? v.map.unit)).toEqual(['TN', '62', '64', '66', '67', '68']);
    expect(region[1].map.level).toBe('district');
    const province = provinceDeck(parsePresentView('s=2025&i=poor_rate'), '66', [2022, 2023, 2024, 2025]);
    expect(province.map((v) => [v.map.unit, v.map.level, v.map.year])).toEqual([2022, 2023, 2024, 2025].map((y) => ['66', 'commune', y]));
  });

  it('carries a deck in the link and names decks by key', () => {
    const deck = countryRegionsDeck(parsePresentView('i=poor_rate&y=2024')).slice(0, 3);
    expect(viewsInQuery(deckQuery(deck))).toEqual(deck);
    expect(parseDeckRequest('country-regions')).toEqual({ kind: 'country-regions' });
    expect(parseDeckRequest('DBSCL')).toEqual({ kind: 'region', region: 'DBSCL' });
    expect(parseDeckRequest('42')).toEqual({ kind: 'province', code: '42' });
    expect(parseDeckRequest('saved:abc123')).toEqual({ kind: 'saved', id: 'abc123' });
    expect(parseDeckRequest('XYZ')).toBeNull();
  });
});
