// One map panel of a sheet: the explore map's own drawing (CountryMap + ExploreLayers, so a
// presented map is coloured exactly as the desk map), without controls or interaction, with
// larger labels, drawn at the sheet's pixel ratio and kept readable for export
// (preserveDrawingBuffer). Framework-free; PresentSheet.svelte owns one per panel.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MultiPolygon, Polygon } from 'geojson';
import type { BoundarySource, Level } from '../map/boundary-source.ts';
import { CountryMap } from '../map/country-map.ts';
import { ExploreLayers } from '../map/explore-layers.ts';
import type { Scene, SceneRequest } from '../map/explore-scenes.ts';
import { geometryBBox } from '../map/geo-utils.ts';
import { ARCHIPELAGO_IDS, boundaryLayerIds } from '../map/layers.ts';
import { OLD_COMMUNE_IDS } from '../map/symbol-layers.ts';
import { ARCHIPELAGO_OUTLINE } from '../map/palette.ts';
import { trpcDirectory } from '../views/explore/trpc-directory.ts';
import type { Locale } from '../lib/i18n/messages.ts';
import type { Structure } from '../lib/map-state.ts';
import { unionBox, type Box, type Camera } from '../../core/present/camera.ts';
import { scaleTextSize } from './label-size.ts';

const ISLAND_DOTS = 'present-island-dots';
/** Labels a third larger than on the desk map. */
const LABEL_FACTOR = 1.3;
const LABEL_LAYERS = [
  boundaryLayerIds('province').label,
  boundaryLayerIds('district').label,
  boundaryLayerIds('commune').label,
  ARCHIPELAGO_IDS.label,
  OLD_COMMUNE_IDS.label,
];

export class PanelMap {
  readonly countryMap: CountryMap;
  private readonly layers: ExploreLayers;
  private readonly enlarged = new Set<string>();

  constructor(container: HTMLElement, source: BoundarySource, structure: Structure, locale: Locale, pixelRatio: number) {
    this.countryMap = new CountryMap({ container, source, structure, locale, preserveDrawingBuffer: true, onStatus: () => {} });
    const map = this.map;
    map.setPixelRatio(pixelRatio);
    // a slide is shown, not handled: nothing may move it under the presenter's clicker
    for (const handler of [map.scrollZoom, map.boxZoom, map.dragPan, map.keyboard, map.doubleClickZoom, map.touchZoomRotate]) handler.disable();
    const ignore = () => {};
    this.layers = new ExploreLayers(this.countryMap, source, trpcDirectory, structure, { onHover: ignore, onDrill: ignore, onSelect: ignore });
  }

  get map(): MapLibreMap {
    return this.countryMap.map;
  }

  async show(request: SceneRequest, signal?: AbortSignal): Promise<Scene> {
    const scene = await this.layers.show(request, signal);
    this.enlargeLabels();
    return scene;
  }

  paint(fills: ReadonlyMap<string, string>): void {
    this.layers.paint(fills);
  }

  frame(camera: Camera): void {
    this.map.jumpTo({ center: camera.center, zoom: camera.zoom });
  }

  /** Resolves once everything asked so far is drawn. */
  idle(): Promise<void> {
    const map = this.map;
    return new Promise((resolve) => {
      map.once('idle', () => resolve());
      map.triggerRepaint();
    });
  }

  /** Extent of provinces (a region's) from the national map's own polygons. */
  provincesBox(codes: ReadonlySet<string>): Box | null {
    const features = this.countryMap.data?.provinces.features.filter((f) => codes.has(String(f.properties?.code))) ?? [];
    if (features.length === 0) return null;
    return unionBox(features.map((f) => geometryBBox(f.geometry as Polygon | MultiPolygon)));
  }

  /** Extents of Hoàng Sa and Trường Sa as drawn (empty when the data lacks them). */
  archipelagoBoxes(): Box[] {
    return (this.countryMap.data?.archipelagos.features ?? []).map((f) => geometryBBox(f.geometry));
  }

  /** Units of a national scene whose province is in `provinces` (a region). */
  static unitsIn(scene: Scene, provinces: ReadonlySet<string>): string[] {
    if (scene.level === 'province') return [...scene.names.keys()].filter((code) => provinces.has(code));
    return (scene.polygons?.features.features ?? [])
      .filter((f) => provinces.has(String(f.properties?.parent)))
      .map((f) => String(f.properties?.code));
  }

  setLocale(locale: Locale): void {
    this.countryMap.setLocale(locale);
  }

  destroy(): void {
    this.layers.destroy();
    this.countryMap.destroy();
  }

  private enlargeLabels(): void {
    const map = this.map;
    // Islands a few hundred metres across are specks at a national zoom: on a slide they are
    // filled and outlined thick enough to be seen from the back of the hall.
    // Some sources hold a single island per group (pre-2025: one islet each, 2 km across), which
    // MapLibre does not draw below a pixel: each island's vertices get a dot of their own.
    const islands = this.countryMap.data?.archipelagos;
    if (islands && !map.getSource(ISLAND_DOTS) && map.getLayer(ARCHIPELAGO_IDS.outline)) {
      const points = islands.features.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(1).flat(1));
      map.addSource(ISLAND_DOTS, { type: 'geojson', data: { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: points } } });
      map.addLayer({ id: ISLAND_DOTS, type: 'circle', source: ISLAND_DOTS, paint: { 'circle-radius': 2.2, 'circle-color': ARCHIPELAGO_OUTLINE } }, ARCHIPELAGO_IDS.label);
    }
    for (const id of LABEL_LAYERS) {
      if (this.enlarged.has(id) || !map.getLayer(id)) continue;
      map.setLayoutProperty(id, 'text-size', scaleTextSize(map.getLayoutProperty(id, 'text-size'), LABEL_FACTOR));
      this.enlarged.add(id);
    }
  }
}

export type { Level };
