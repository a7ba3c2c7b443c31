// Map controls beyond MapLibre's own. The reset button matters on a projector: after zooming
// into a province the presenter needs one click back to the whole country, islands included.
import type { IControl, Map as MapLibreMap, PaddingOptions } from 'maplibre-gl';
import { COUNTRY_BBOX } from './geography.ts';
import { toLngLatBounds } from './geo-utils.ts';
import './controls.css';

export class ResetViewControl implements IControl {
  private container?: HTMLDivElement;
  private button?: HTMLButtonElement;

  constructor(
    private title: string,
    private readonly padding: PaddingOptions,
  ) {}

  onAdd(map: MapLibreMap): HTMLElement {
    const container = document.createElement('div');
    container.className = 'maplibregl-ctrl maplibregl-ctrl-group';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'povmap-reset-view';
    button.dataset.testid = 'map-reset-view';
    button.addEventListener('click', () => map.fitBounds(toLngLatBounds(COUNTRY_BBOX), { padding: this.padding }));
    container.append(button);
    this.container = container;
    this.button = button;
    this.setTitle(this.title);
    return container;
  }

  onRemove(): void {
    this.container?.remove();
  }

  setTitle(title: string): void {
    this.title = title;
    if (!this.button) return;
    this.button.textContent = title;
    this.button.title = title;
  }
}
