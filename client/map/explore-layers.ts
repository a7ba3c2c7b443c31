// The explore view's map work: which level is on screen (the provinces, or the children of one
// province read from the 'detail' FlatGeobuf), colouring it by feature-state, and hover/click.
// Geometry is sent to MapLibre only when the level changes (a drill-down or back); a change of
// indicator, year or classification only sets feature-state (DESIGN.md data flow 3).
import type { FeatureCollection, Point } from 'geojson';
import type { MapMouseEvent } from 'maplibre-gl';
import type { BoundarySource, Level, LevelRef, Structure } from './boundary-source.ts';
import type { CountryMap } from './country-map.ts';
import { FIT_PADDING } from './country-map.ts';
import { COUNTRY_BBOX } from './geography.ts';
import { geometryBBox, toLngLatBounds } from './geo-utils.ts';
import { ARCHIPELAGO_IDS, boundaryLayerIds, boundaryLayers, FILL_STATE } from './layers.ts';
import { labelText } from './unit-labels.ts';
import type { LabelProperties } from './country-data.ts';

/** The units currently drawn and coloured. */
export interface ShownUnits {
  level: Level;
  /** The province drilled into; null for the national view. */
  parent: { code: string; name: string } | null;
  /** Full names by code, for the tooltip and the breadcrumb. */
  names: Map<string, string>;
}

export interface HoveredUnit {
  code: string;
  name: string;
  /** CSS px within the map container. */
  x: number;
  y: number;
}

export interface ExploreLayersOptions {
  onHover: (unit: HoveredUnit | null) => void;
  /** A province was clicked at the national view. */
  onProvinceClick: (code: string) => void;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export class ExploreLayers {
  private current: ShownUnits | null = null;
  /** Codes holding a fill state, per source: a repaint clears the ones no longer coloured. */
  private readonly painted = new Map<string, Set<string>>();
  private readonly childLevel: Level;

  constructor(
    private readonly countryMap: CountryMap,
    private readonly source: BoundarySource,
    private readonly structure: Structure,
    private readonly options: ExploreLayersOptions,
  ) {
    // 2025 has no districts; before 2025 communes have no polygons, so districts are the bottom.
    this.childLevel = structure === '2025' ? 'commune' : 'district';
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

  /** Draws the provinces (parentCode null) or the children of one province, and frames them. */
  async show(parentCode: string | null, signal?: AbortSignal): Promise<ShownUnits> {
    // The unit under the pointer belongs to the level being left.
    this.options.onHover(null);
    await this.countryMap.ready;
    signal?.throwIfAborted();
    const data = this.countryMap.data;
    if (!data) throw new Error('the national map is not loaded');
    const map = this.countryMap.map;
    const province = boundaryLayerIds('province');
    const child = boundaryLayerIds(this.childLevel);
    const provinceNames = new Map(data.provinces.features.map((f) => [String(f.properties?.code), String(f.properties?.name ?? '')]));

    const parentFeature = parentCode === null ? undefined : data.provinces.features.find((f) => String(f.properties?.code) === parentCode);
    if (parentCode === null || !parentFeature) {
      if (this.current?.parent) {
        this.clearFills(child.source);
        this.countryMap.upsertSource(child.source, EMPTY);
        this.countryMap.upsertSource(child.labelSource, EMPTY);
        map.setLayoutProperty(province.label, 'visibility', 'visible');
        map.fitBounds(toLngLatBounds(COUNTRY_BBOX), { padding: FIT_PADDING, duration: 0 });
      }
      this.current = { level: 'province', parent: null, names: provinceNames };
      return this.current;
    }

    // A bbox read of the province's extent, then only its own children: neighbours' units
    // overlapping the box are dropped by `parent`.
    const bbox = geometryBBox(parentFeature.geometry);
    const ref = { structure: this.structure, level: this.childLevel } as LevelRef;
    const [polygons, labelPoints] = await Promise.all([
      this.source.boundaries(ref, 'detail', bbox, signal),
      this.source.labelPoints(ref, bbox, signal),
    ]);
    signal?.throwIfAborted();
    const ownPolygons = polygons.filter((f) => f.properties.parent === parentCode);
    // Label files carry code and name only (geodata/layer-files.ts): match them to the polygons.
    const ownCodes = new Set(ownPolygons.map((f) => f.properties.code));
    const labels: FeatureCollection<Point, LabelProperties> = {
      type: 'FeatureCollection',
      features: labelPoints
        .filter((f) => ownCodes.has(f.properties.code))
        .map((f) => ({
          type: 'Feature',
          geometry: f.geometry,
          properties: { code: f.properties.code, name: f.properties.name, label: labelText(f.properties.name), priority: Number(f.properties.code) || 0 },
        })),
    };
    this.clearFills(province.source);
    this.clearFills(child.source);
    this.countryMap.upsertSource(child.source, { type: 'FeatureCollection', features: ownPolygons });
    this.countryMap.upsertSource(child.labelSource, labels);
    // Below the archipelago layers, which must stay on top at every level.
    for (const layer of boundaryLayers(this.childLevel)) {
      if (!map.getLayer(layer.id)) map.addLayer(layer, ARCHIPELAGO_IDS.fill);
    }
    map.setLayoutProperty(province.label, 'visibility', 'none');
    map.fitBounds(toLngLatBounds(bbox), { padding: FIT_PADDING, duration: 0 });
    this.current = {
      level: this.childLevel,
      parent: { code: parentCode, name: provinceNames.get(parentCode) ?? parentCode },
      names: new Map(ownPolygons.map((f) => [f.properties.code, f.properties.name])),
    };
    return this.current;
  }

  /** Colours the shown units; a unit missing from `fills` goes back to plain land. */
  paint(fills: ReadonlyMap<string, string> | null): void {
    if (!this.current) return;
    const sourceId = boundaryLayerIds(this.current.level).source;
    const map = this.countryMap.map;
    const before = this.painted.get(sourceId) ?? new Set<string>();
    const after = new Set<string>();
    for (const [code, colour] of fills ?? []) {
      map.setFeatureState({ source: sourceId, id: code }, { [FILL_STATE]: colour });
      after.add(code);
    }
    for (const code of before) if (!after.has(code)) map.removeFeatureState({ source: sourceId, id: code }, FILL_STATE);
    this.painted.set(sourceId, after);
  }

  private clearFills(sourceId: string): void {
    if (this.countryMap.map.getSource(sourceId)) this.countryMap.map.removeFeatureState({ source: sourceId });
    this.painted.delete(sourceId);
  }

  private unitAt(event: MapMouseEvent): { code: string; name: string } | null {
    if (!this.current) return null;
    const layer = boundaryLayerIds(this.current.level).fill;
    if (!this.countryMap.map.getLayer(layer)) return null;
    const [feature] = this.countryMap.map.queryRenderedFeatures(event.point, { layers: [layer] });
    if (!feature) return null;
    const code = String(feature.properties?.code);
    return { code, name: this.current.names.get(code) ?? String(feature.properties?.name ?? code) };
  }

  private readonly handleMove = (event: MapMouseEvent): void => {
    const unit = this.unitAt(event);
    this.countryMap.map.getCanvas().style.cursor = unit && this.current?.level === 'province' ? 'pointer' : '';
    this.options.onHover(unit ? { ...unit, x: event.point.x, y: event.point.y } : null);
  };

  private readonly handleOut = (): void => this.options.onHover(null);

  private readonly handleClick = (event: MapMouseEvent): void => {
    if (this.current?.level !== 'province') return;
    const unit = this.unitAt(event);
    if (unit) this.options.onProvinceClick(unit.code);
  };
}
