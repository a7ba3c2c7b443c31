// Drawing one view onto a sheet's panel maps: the place of each panel (ExploreLayers' scenes), the
// values of each panel's indicator and year, one shared classification, the fills, the camera
// that fits the place (a region: its provinces) into the panel at the sheet's proportions, and
// whether the archipelagos need the inset. Returns what the furniture (legend, source line,
// scale bar, inset) prints. No Svelte here; PresentSheet.svelte calls it and shows the result.
import { standardForYear } from '../../core/poverty/standard.ts';
import { containsBox, fitCamera, visibleBox, type Camera } from '../../core/present/camera.ts';
import type { PanelLayout } from '../../core/present/sheet-layout.ts';
import { COUNTRY_BBOX } from '../map/geography.ts';
import type { Scene } from '../map/explore-scenes.ts';
import { PanelMap } from './present-map.ts';
import { fetchValues, indicatorList, regionList, resolveYear, type IndicatorItem, type IndicatorValues, type RegionItem } from './sheet-data.ts';
import { sharedChoropleth, type SharedChoropleth } from './shared-classes.ts';
import { panelsOf, type PresentView } from './view-query.ts';

export interface RenderedPanel {
  indicator: IndicatorItem;
  year: number;
  values: IndicatorValues;
  scene: Scene;
  camera: Camera;
  /** The main view does not show both archipelagos whole: the sheet draws the inset. */
  inset: boolean;
}

export interface RenderedSheet {
  panels: RenderedPanel[];
  shared: SharedChoropleth;
  region: RegionItem | null;
  /** The province (or district) drilled into, as written; null for the country or a region. */
  placeName: string | null;
  simulated: boolean;
  /** The panels span the 2016-2020 and the 2022-2025 poverty standards. */
  mixedStandards: boolean;
}

export async function renderSheet(view: PresentView, maps: readonly PanelMap[], layouts: readonly PanelLayout[], signal?: AbortSignal): Promise<RenderedSheet> {
  const { structure, level, unit } = view.map;
  const [catalogue, regions] = await Promise.all([indicatorList(structure), view.region ? regionList() : Promise.resolve(null)]);
  signal?.throwIfAborted();
  const specs = panelsOf(view).slice(0, maps.length);
  const panels = specs.map((spec) => {
    const indicator = catalogue.find((d) => d.key === spec.indicator);
    if (!indicator) throw new Error(`indicator ${spec.indicator}`);
    if (!indicator.levels.includes(level)) throw new Error(`${indicator.key}: ${level}`);
    const year = resolveYear(indicator, spec.year);
    if (year === null) throw new Error(`${indicator.key}: no year`);
    return { indicator, year };
  });
  const region = view.region ? (regions?.find((r) => r.key === view.region) ?? null) : null;
  const [scenes, values] = await Promise.all([
    Promise.all(maps.map((m) => m.show({ structure, level, unit }, signal))),
    Promise.all(panels.map((p) => fetchValues({ structure, level, unit, indicator: p.indicator.key, year: p.year }, signal))),
  ]);
  signal?.throwIfAborted();

  const members = region ? new Set(region.provinces) : null;
  const shown = scenes.map((scene) => (members ? PanelMap.unitsIn(scene, members) : [...scene.names.keys()]));
  const first = panels[0].indicator;
  const shared = sharedChoropleth(
    values.map((v, i) => ({ codes: v.codes, values: v.values, shown: shown[i] })),
    {
      method: view.map.method,
      classes: view.map.classes,
      palette: view.map.palette,
      breaks: view.map.breaks,
      // red stays "worse", as on the desk map
      reverse: first.direction === 'higher-better',
    },
  );

  const rendered = maps.map((map, i): RenderedPanel => {
    map.paint(shared.panels[i].fills);
    const layout = layouts[i];
    const size = { width: layout.map.width, height: layout.map.height };
    const box = (members && map.provincesBox(members)) || (unit ? scenes[i].frame : COUNTRY_BBOX);
    const camera = fitCamera(box, size, layout.framePadding, unit || members ? 0.07 : 0.02);
    map.frame(camera);
    const seen = visibleBox(camera, size);
    const islands = map.archipelagoBoxes();
    return { indicator: panels[i].indicator, year: panels[i].year, values: values[i], scene: scenes[i], camera, inset: islands.some((b) => !containsBox(seen, b)) };
  });
  await Promise.all(maps.map((m) => m.idle()));
  signal?.throwIfAborted();

  const standards = new Set(rendered.map((p) => standardForYear(p.year)));
  return {
    panels: rendered,
    shared,
    region,
    placeName: unit ? (scenes[0].trail.at(-1)?.name ?? null) : null,
    simulated: values.some((v) => v.simulated),
    mixedStandards: standards.size > 1 && rendered.some((p) => p.indicator.kind !== 'category'),
  };
}
