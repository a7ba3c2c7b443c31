// The explore view's map work: drawing a scene (explore-scenes.ts), colouring its units by
// feature-state, hover, click (drill into a unit with something below it, select one without),
// the selected unit's outline and flying to a unit. Geometry is sent to MapLibre only when the
// place changes (drill-down, back, search); a change of indicator, year or classification only
// sets feature-state (DESIGN.md data flow 3).
import type { FeatureCollection, Point } from 'geojson';
import type { FilterSpecification, MapMouseEvent } from 'maplibre-gl';
import type { BoundarySource, Level, Structure } from './boundary-source.ts';
import type { CountryMap } from './country-map.ts';
import { FIT_PADDING } from './country-map.ts';
import { geometryBBox, toLngLatBounds } from './geo-utils.ts';
import { ARCHIPELAGO_IDS, boundaryLayerIds, boundaryLayers, FILL_STATE } from './layers.ts';
import { CONTEXT_IDS, contextLayers, OLD_COMMUNE_IDS, oldCommuneLayers, PROVINCE_OVER_ID, provinceOverLayer, UPLOADED_COMMUNE_IDS, uploadedCommuneLayers } from './symbol-layers.ts';
import { loadScene, type Scene, type SceneRequest } from './explore-scenes.ts';
import type { UnitDirectory } from './unit-directory.ts';
import { childLevel, levelBelow } from '../lib/map-state.ts';

export interface HoveredUnit {
  code: string;
  name: string;
  /** CSS px within the map container. */
  x: number;
  y: number;
}

export interface ExploreLayersOptions {
  onHover: (unit: HoveredUnit | null) => void;
  /** A unit with units below it was clicked. */
  onDrill: (code: string) => void;
  /** A unit at the bottom (a commune) was clicked. */
  onSelect: (code: string) => void;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const SELECTED_LINE = 'selected-outline';
const SELECTED_CIRCLE = 'selected-circle';
const SELECTED_COLOUR = '#111111';
/** National views of 3,321 communes: their names only once zoomed to a region. */
const NATIONAL_LABEL_MINZOOM = 7.5;
/** Zoom a search result is shown at: a commune fills a good part of a phone screen. */
const FOCUS_ZOOM = { province: 7, district: 9, commune: 11 } as const;

export class ExploreLayers {
  private scene: Scene | null = null;
  /** Codes holding a fill state, per source: a repaint clears the ones no longer coloured. */
  private readonly painted = new Map<string, Set<string>>();
  private readonly lowerLevel: Level;

  constructor(
    private readonly countryMap: CountryMap,
    private readonly source: BoundarySource,
    private readonly directory: UnitDirectory,
    private readonly structure: Structure,
    private readonly options: ExploreLayersOptions,
  ) {
    this.lowerLevel = childLevel(structure) as Level;
    const map = countryMap.map;
    map.on('mousemove', this.handleMove);
    map.on('mouseout', this.handleOut);
    map.on('click', this.handleClick);
  }

  destroy(): void {
    const map = this.countryMap.map;
    map.off('mousemove', this.handleMove);
    map.off('mouseout', this.handleOut);
    map.off('click', this.handleClick);
  }

  /** Fetches and draws a place, and frames it. */
  async show(request: SceneRequest, signal?: AbortSignal): Promise<Scene> {
    // The unit under the pointer belongs to the place being left.
    this.options.onHover(null);
    // Not `ready` (first frame drawn): colouring before it makes the first frame the choropleth.
    await Promise.race([this.countryMap.dataReady, this.countryMap.ready]);
    signal?.throwIfAborted();
    const country = this.countryMap.data;
    if (!country) throw new Error('the national map is not loaded');
    const scene = await loadScene(request, country, this.source, this.directory, signal);
    signal?.throwIfAborted();
    this.draw(scene);
    this.scene = scene;
    return scene;
  }

  private draw(scene: Scene): void {
    const map = this.countryMap.map;
    const province = boundaryLayerIds('province');
    const lower = boundaryLayerIds(this.lowerLevel);
    for (const id of [province.source, lower.source, OLD_COMMUNE_IDS.source, UPLOADED_COMMUNE_IDS.source]) this.clearFills(id);
    this.countryMap.upsertSource(lower.source, scene.polygons?.features ?? EMPTY);
    this.countryMap.upsertSource(lower.labelSource, scene.polygons?.labels ?? EMPTY);
    this.countryMap.upsertSource(CONTEXT_IDS.source, scene.context ?? EMPTY);
    this.countryMap.upsertSource(OLD_COMMUNE_IDS.source, scene.symbols ?? EMPTY);
    this.countryMap.upsertSource(UPLOADED_COMMUNE_IDS.source, scene.uploaded ?? EMPTY);
    // Below the archipelago layers, which must stay on top at every level; in this order.
    // uploaded polygons above the district fills and under the dashed 2025 lines and the symbols
    const layers = [...boundaryLayers(this.lowerLevel), ...uploadedCommuneLayers(), ...contextLayers(), provinceOverLayer(province.source), ...oldCommuneLayers()];
    for (const layer of layers) if (!map.getLayer(layer.id)) map.addLayer(layer, ARCHIPELAGO_IDS.fill);
    map.setLayerZoomRange(lower.label, scene.unit === null ? NATIONAL_LABEL_MINZOOM : 0, 24);
    map.setLayoutProperty(province.label, 'visibility', scene.unit === null ? 'visible' : 'none');
    map.setLayoutProperty(PROVINCE_OVER_ID, 'visibility', scene.level === 'province' ? 'none' : 'visible');
    this.highlight(null);
    map.fitBounds(toLngLatBounds(scene.frame), { padding: FIT_PADDING, duration: 0 });
  }

  /** The sources whose features the choropleth colours, and which codes each holds. */
  private colouredSources(scene: Scene): { id: string; codes: Set<string> | null }[] {
    if (!scene.symbols) return [{ id: boundaryLayerIds(scene.level as Level).source, codes: null }];
    // a district view splits its old communes between symbols and uploaded polygons
    const uploaded = new Set((scene.uploaded?.features ?? []).map((f) => String(f.properties?.code)));
    return [
      { id: OLD_COMMUNE_IDS.source, codes: new Set(scene.symbols.features.map((f) => f.properties.code)) },
      { id: UPLOADED_COMMUNE_IDS.source, codes: uploaded },
    ];
  }

  private colouredSource(scene: Scene): string {
    return this.colouredSources(scene)[0]!.id;
  }

  /** Colours the shown units; a unit missing from `fills` goes back to plain land. */
  paint(fills: ReadonlyMap<string, string> | null): void {
    if (!this.scene) return;
    const map = this.countryMap.map;
    for (const { id: sourceId, codes } of this.colouredSources(this.scene)) {
      const before = this.painted.get(sourceId) ?? new Set<string>();
      const after = new Set<string>();
      for (const [code, colour] of fills ?? []) {
        if (codes && !codes.has(code)) continue;
        map.setFeatureState({ source: sourceId, id: code }, { [FILL_STATE]: colour });
        after.add(code);
      }
      for (const code of before) if (!after.has(code)) map.removeFeatureState({ source: sourceId, id: code }, FILL_STATE);
      this.painted.set(sourceId, after);
    }
  }

  /** Outlines the selected unit (null: none). */
  highlight(code: string | null): void {
    const map = this.countryMap.map;
    for (const id of [SELECTED_LINE, SELECTED_CIRCLE]) if (map.getLayer(id)) map.removeLayer(id);
    if (!this.scene || code === null) return;
    const filter: FilterSpecification = ['==', ['get', 'code'], code];
    const before = map.getLayer(OLD_COMMUNE_IDS.label) ? OLD_COMMUNE_IDS.label : ARCHIPELAGO_IDS.fill;
    if (this.scene.symbols && this.scene.uploaded?.features.some((f) => f.properties?.code === code)) {
      map.addLayer({ id: SELECTED_LINE, type: 'line', source: UPLOADED_COMMUNE_IDS.source, filter, paint: { 'line-width': 3, 'line-color': SELECTED_COLOUR } }, before);
    } else if (this.scene.symbols) {
      map.addLayer(
        { id: SELECTED_CIRCLE, type: 'circle', source: OLD_COMMUNE_IDS.source, filter, paint: { 'circle-radius': 13, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-width': 3, 'circle-stroke-color': SELECTED_COLOUR } },
        before,
      );
    } else {
      map.addLayer({ id: SELECTED_LINE, type: 'line', source: this.colouredSource(this.scene), filter, paint: { 'line-width': 3, 'line-color': SELECTED_COLOUR } }, before);
    }
  }

  /** Flies to a shown unit's label point (a search result). */
  focus(code: string): void {
    const scene = this.scene;
    if (!scene) return;
    const points = (scene.symbols ?? scene.polygons?.labels)?.features as FeatureCollection<Point>['features'] | undefined;
    const point = points?.find((f) => f.properties?.code === code);
    // an old commune with an uploaded polygon has no symbol: fly to the middle of its polygon
    const uploaded = point ? undefined : scene.uploaded?.features.find((f) => f.properties?.code === code);
    if (!point && !uploaded) return;
    const box = uploaded ? geometryBBox(uploaded.geometry) : null;
    const [lon, lat] = box ? [(box.west + box.east) / 2, (box.south + box.north) / 2] : point!.geometry.coordinates;
    const zoom = Math.max(this.countryMap.map.getZoom(), FOCUS_ZOOM[scene.level]);
    this.countryMap.map.flyTo({ center: [lon, lat], zoom, duration: 900, essential: false });
  }

  private clearFills(sourceId: string): void {
    if (this.countryMap.map.getSource(sourceId)) this.countryMap.map.removeFeatureState({ source: sourceId });
    this.painted.delete(sourceId);
  }

  /** The coloured unit under the pointer, or in a district view the neighbouring district. */
  private unitAt(event: MapMouseEvent): { code: string; name: string; drill: boolean } | null {
    const scene = this.scene;
    if (!scene) return null;
    const map = this.countryMap.map;
    // symbols first (drawn on top), then the uploaded polygons they may sit on
    const hits = (scene.symbols ? [OLD_COMMUNE_IDS.circle, UPLOADED_COMMUNE_IDS.fill] : [boundaryLayerIds(scene.level as Level).fill]).filter((id) => map.getLayer(id));
    if (hits.length > 0) {
      const [feature] = map.queryRenderedFeatures(event.point, { layers: hits });
      if (feature) {
        const code = String(feature.properties?.code);
        const drill = levelBelow(this.structure, scene.level) !== null;
        return { code, name: scene.names.get(code) ?? String(feature.properties?.name ?? code), drill };
      }
    }
    if (scene.symbols) {
      const fill = boundaryLayerIds('district').fill;
      const [feature] = map.getLayer(fill) ? map.queryRenderedFeatures(event.point, { layers: [fill] }) : [];
      const code = feature ? String(feature.properties?.code) : null;
      if (code && code !== scene.unit) return { code, name: String(feature!.properties?.name ?? code), drill: true };
    }
    return null;
  }

  private readonly handleMove = (event: MapMouseEvent): void => {
    const unit = this.unitAt(event);
    this.countryMap.map.getCanvas().style.cursor = unit ? 'pointer' : '';
    this.options.onHover(unit ? { code: unit.code, name: unit.name, x: event.point.x, y: event.point.y } : null);
  };

  private readonly handleOut = (): void => this.options.onHover(null);

  private readonly handleClick = (event: MapMouseEvent): void => {
    const unit = this.unitAt(event);
    if (!unit) return;
    if (unit.drill) this.options.onDrill(unit.code);
    else this.options.onSelect(unit.code);
  };
}
