// The national map: one MapLibre map, its base style, and the boundary data of one structure.
// Framework-free so the Svelte component stays a thin shell (STYLE.md habit 4); it reports its
// state through onStatus and exposes `ready` for tests.
import maplibregl, { type GeoJSONSource, type Map as MapLibreMap, type PaddingOptions } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { BoundarySource, Structure } from './boundary-source.ts';
import { archipelagoLabels, loadCountryData, type CountryData } from './country-data.ts';
import { COUNTRY_BBOX, type Archipelago } from './geography.ts';
import { toLngLatBounds } from './geo-utils.ts';
import { ARCHIPELAGO_IDS, archipelagoLayers, boundaryLayerIds, boundaryLayers } from './layers.ts';
import { baseStyle } from './style.ts';
import { ResetViewControl } from './controls.ts';
import { translate } from '../lib/i18n/translate.ts';
import type { Locale, MessageKey } from '../lib/i18n/messages.ts';

export type MapStatus =
  | { kind: 'loading' }
  | { kind: 'ready'; provinceCount: number; missingArchipelagos: Archipelago['id'][] }
  | { kind: 'error'; message: string };

export interface CountryMapOptions {
  container: HTMLElement;
  source: BoundarySource;
  structure: Structure;
  locale: Locale;
  /**
   * Keep the canvas contents after each frame so they can be read back (tests, later PNG export).
   * Off by default: it costs a buffer copy per frame, which phones on the visit view feel.
   */
  preserveDrawingBuffer?: boolean;
  onStatus: (status: MapStatus) => void;
}

/**
 * Room kept around the country when fitting it, in CSS pixels: the caption sits top left and
 * would otherwise hide the northern border; the controls sit top right.
 */
export const FIT_PADDING: PaddingOptions = { top: 56, right: 56, bottom: 16, left: 16 };

export class CountryMap {
  readonly map: MapLibreMap;
  private readonly styleLoaded: Promise<void>;
  private readonly resetView: ResetViewControl;
  private locale: Locale;
  private loadAbort?: AbortController;
  private currentLoad: Promise<void> = Promise.resolve();
  private currentData: Promise<void> = Promise.resolve();
  private dataDrawn: () => void = () => {};
  private destroyed = false;
  private shown?: CountryData;

  constructor(private readonly options: CountryMapOptions) {
    this.locale = options.locale;
    // Ask for the boundaries before creating the map: setting up WebGL keeps the main thread busy
    // for a while (seconds under software rendering), and the requests can be in flight meanwhile.
    const firstAbort = new AbortController();
    const firstData = loadCountryData(options.source, options.structure, firstAbort.signal);
    // If creating the map throws below (no WebGL), nobody awaits firstData: keep its failure quiet.
    firstData.catch(() => {});
    const t = (key: MessageKey) => translate(options.locale, key);
    this.map = new maplibregl.Map({
      container: options.container,
      style: baseStyle(),
      bounds: toLngLatBounds(COUNTRY_BBOX),
      fitBoundsOptions: { padding: FIT_PADDING },
      // Our own control lists the data sources (map/attribution.ts); there is no tile provider.
      attributionControl: false,
      renderWorldCopies: false,
      // Rotation and pitch add nothing to a choropleth and a tilted national map misleads.
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      minZoom: 3,
      maxZoom: 14,
      locale: {
        'NavigationControl.ZoomIn': t('map.control.zoomIn'),
        'NavigationControl.ZoomOut': t('map.control.zoomOut'),
        'NavigationControl.ResetBearing': t('map.control.resetBearing'),
        'FullscreenControl.Enter': t('map.control.fullscreenEnter'),
        'FullscreenControl.Exit': t('map.control.fullscreenExit'),
      },
      canvasContextAttributes: { preserveDrawingBuffer: options.preserveDrawingBuffer ?? false },
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.resetView = new ResetViewControl(t('map.resetView'), FIT_PADDING);
    this.map.addControl(this.resetView, 'top-right');
    this.map.addControl(new maplibregl.FullscreenControl(), 'top-right');
    this.styleLoaded = new Promise((resolve) => this.map.once('load', () => resolve()));
    this.startLoad(firstAbort, firstData);
  }

  /** What the last load drew (province polygons and labels); undefined before the first. */
  get data(): CountryData | undefined {
    return this.shown;
  }

  /** Resolves when the current load has drawn the map; rejects with its error. */
  get ready(): Promise<void> {
    return this.currentLoad;
  }

  /**
   * Resolves as soon as the boundaries are handed to MapLibre, before the first frame is drawn:
   * a view that colours them then gets a coloured first frame instead of waiting for a plain one
   * (under software rendering one full frame of the country takes seconds).
   */
  get dataReady(): Promise<void> {
    return this.currentData;
  }

  /** Fetches the boundaries again (after an error) and redraws; geometry is replaced, not added. */
  reload(): Promise<void> {
    this.loadAbort?.abort();
    const abort = new AbortController();
    return this.startLoad(abort, loadCountryData(this.options.source, this.options.structure, abort.signal));
  }

  setLocale(locale: Locale): void {
    if (locale === this.locale) return;
    this.locale = locale;
    this.resetView.setTitle(translate(locale, 'map.resetView'));
    const labels = this.map.getSource<GeoJSONSource>(ARCHIPELAGO_IDS.labelSource);
    labels?.setData(archipelagoLabels(this.options.structure, locale));
  }

  destroy(): void {
    this.destroyed = true;
    this.loadAbort?.abort();
    this.map.remove();
  }

  private startLoad(abort: AbortController, data: Promise<CountryData>): Promise<void> {
    this.loadAbort = abort;
    this.options.onStatus({ kind: 'loading' });
    this.currentData = new Promise((resolve) => (this.dataDrawn = resolve));
    this.currentLoad = this.load(data, abort.signal);
    // Status reporting is the UI's channel; keep the promise's rejection for `ready` callers only.
    this.currentLoad.catch(() => {});
    return this.currentLoad;
  }

  private async load(pendingData: Promise<CountryData>, signal: AbortSignal): Promise<void> {
    try {
      const [data] = await Promise.all([pendingData, this.styleLoaded]);
      signal.throwIfAborted();
      const idle = new Promise<void>((resolve) => this.map.once('idle', () => resolve()));
      this.show(data);
      this.dataDrawn();
      await idle;
      signal.throwIfAborted();
      const provinceCount = new Set(data.provinces.features.map((f) => f.properties?.code)).size;
      if (data.missingArchipelagos.length > 0) {
        console.error(`Archipelago units missing from the boundary data: ${data.missingArchipelagos.join(', ')}`);
      }
      this.options.onStatus({ kind: 'ready', provinceCount, missingArchipelagos: data.missingArchipelagos });
    } catch (error) {
      if (signal.aborted || this.destroyed) throw error;
      const message = error instanceof Error ? error.message : String(error);
      console.error('Loading the national map failed:', error);
      this.options.onStatus({ kind: 'error', message });
      throw error;
    }
  }

  private show(data: CountryData): void {
    this.shown = data;
    const province = boundaryLayerIds('province');
    this.upsertSource(province.source, data.provinces);
    this.upsertSource(province.labelSource, data.provinceLabels);
    this.upsertSource(ARCHIPELAGO_IDS.source, data.archipelagos);
    this.upsertSource(ARCHIPELAGO_IDS.labelSource, archipelagoLabels(data.structure, this.locale));
    for (const layer of [...boundaryLayers('province'), ...archipelagoLayers()]) {
      if (!this.map.getLayer(layer.id)) this.map.addLayer(layer);
    }
  }

  /**
   * Geometry goes to MapLibre once; `promoteId: 'code'` makes the GSO code the feature id, so views
   * colour units with feature-state instead of re-sending polygons.
   */
  upsertSource(id: string, data: FeatureCollection): void {
    const existing = this.map.getSource<GeoJSONSource>(id);
    if (existing) existing.setData(data);
    else this.map.addSource(id, { type: 'geojson', data, promoteId: 'code' });
  }
}
