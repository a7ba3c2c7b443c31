// The "Địa bàn" choice of a slide as one select value: the country in either structure, a
// region, or a province of either structure; and the view that value makes. Pure.
import type { RegionKey } from '../../core/poverty/regions.ts';
import { childLevel, type Structure } from '../lib/map-state.ts';
import { isRegionKey, type PresentView } from './view-query.ts';

export function placeValue(view: PresentView): string {
  if (view.region) return `r:${view.region}`;
  const unit = view.map.unit;
  if (unit && unit.length === 2) return `${view.map.structure}:${unit}`;
  return `country:${view.map.structure}`;
}

export function withPlace(view: PresentView, value: string): PresentView {
  const [kind, code] = value.split(':');
  const structureChange = (structure: Structure) => (structure === view.map.structure ? {} : { year: null });
  if (kind === 'r' && isRegionKey(code)) {
    return { ...view, region: code as RegionKey, map: { ...view.map, ...structureChange('pre2025'), structure: 'pre2025', unit: null, level: 'province', selected: null } };
  }
  if (kind === 'country' && (code === '2025' || code === 'pre2025')) {
    return { ...view, region: null, map: { ...view.map, ...structureChange(code), structure: code, unit: null, level: 'province', selected: null } };
  }
  if ((kind === '2025' || kind === 'pre2025') && /^\d{2}$/.test(code ?? '')) {
    const structure = kind as Structure;
    return { ...view, region: null, map: { ...view.map, ...structureChange(structure), structure, unit: code, level: childLevel(structure), selected: null } };
  }
  return view;
}
