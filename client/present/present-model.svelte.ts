// The presentation page's state: the deck (its views, name, saved id), the slide shown, whether it
// is being presented, and how the deck was asked for in the link. Opening `#/trinh-chieu?…`:
//   v=…&v=…            a deck in the link (what "Sao chép liên kết" writes);
//   deck=saved:ID       a deck saved in this browser;
//   deck=country-regions | deck=TN | deck=42   a deck the app builds from the rest of the query;
//   anything else       one slide: the view in the query (an explore link's query works as is);
//   n=3                 open at slide 3;  present=1   open presenting.
import { regionDeck, countryRegionsDeck, deckQuery, parseDeckRequest, provinceDeck, viewsInQuery } from './decks.ts';
import { loadDeck } from './deck-store.ts';
import { indicatorList, regionList } from './sheet-data.ts';
import { parsePresentView, queryPart, type PresentView } from './view-query.ts';

export class PresentModel {
  views = $state<PresentView[]>([]);
  index = $state(0);
  name = $state('');
  savedId = $state<string | null>(null);
  presenting = $state(false);
  blank = $state(false);
  loading = $state(true);
  error = $state<string | null>(null);

  get current(): PresentView | null {
    return this.views[this.index] ?? null;
  }

  async open(hashQuery: string, defaultName: string): Promise<void> {
    const query = queryPart(hashQuery);
    const p = new URLSearchParams(query);
    this.presenting = p.get('present') === '1';
    this.loading = true;
    this.error = null;
    try {
      const base = parsePresentView(query);
      const listed = viewsInQuery(query);
      const request = parseDeckRequest(p.get('deck'));
      let views: PresentView[] = [base];
      let name = defaultName;
      if (listed.length > 0) views = listed;
      else if (request?.kind === 'saved') {
        const saved = loadDeck(request.id);
        if (saved) {
          views = saved.views;
          name = saved.name;
          this.savedId = request.id;
        }
      } else if (request?.kind === 'country-regions') views = countryRegionsDeck(base);
      else if (request?.kind === 'region') {
        const region = (await regionList()).find((r) => r.key === request.region);
        if (region) views = regionDeck(base, region);
      } else if (request?.kind === 'province') {
        const item = (await indicatorList(base.map.structure)).find((d) => d.key === (base.map.indicator ?? 'poor_rate'));
        views = provinceDeck(base, request.code, item?.years ?? []);
      }
      this.views = views;
      this.name = name;
      const n = Number(p.get('n'));
      this.index = Number.isInteger(n) && n >= 1 ? Math.min(n, views.length) - 1 : 0;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      this.views = [parsePresentView(query)];
    } finally {
      this.loading = false;
    }
  }

  go(index: number): void {
    this.index = Math.min(Math.max(index, 0), Math.max(this.views.length - 1, 0));
    this.blank = false;
  }

  update(patch: Partial<PresentView>): void {
    const current = this.current;
    if (!current) return;
    this.views[this.index] = { ...current, ...patch };
  }

  add(view: PresentView): void {
    this.views.splice(this.index + 1, 0, view);
    this.index += 1;
  }

  remove(): void {
    if (this.views.length <= 1) return;
    this.views.splice(this.index, 1);
    this.index = Math.min(this.index, this.views.length - 1);
  }

  move(by: -1 | 1): void {
    const to = this.index + by;
    if (to < 0 || to >= this.views.length) return;
    const [view] = this.views.splice(this.index, 1);
    this.views.splice(to, 0, view);
    this.index = to;
  }

  /** The deck as a link that opens it anywhere (another browser, the conference PC). */
  link(origin: string): string {
    return `${origin}/#/trinh-chieu?${deckQuery(this.views)}`;
  }
}
