// The title and subtitle a slide gets when the person typed none: the indicator and its year(s),
// then the place and which administrative structure it is drawn in. Pure (the caller passes the
// translator), so the CLI's maps and the screen's read the same.
import type { MessageKey } from '../lib/i18n/messages.ts';
import type { MessageParams } from '../lib/i18n/translate.ts';
import type { PresentView } from './view-query.ts';

export type Translator = (key: MessageKey, params?: MessageParams) => string;

export interface ResolvedPanel {
  indicatorName: string;
  year: number | null;
}

const yearText = (year: number | null) => (year === null ? '' : String(year));

export function autoTitle(view: PresentView, panels: readonly ResolvedPanel[], t: Translator): string {
  const [first, second] = panels;
  if (!first) return '';
  const compare = view.compare;
  if (compare?.kind === 'year' && second) {
    return t('present.titleText.year', { indicator: first.indicatorName, first: yearText(first.year), second: yearText(second.year) });
  }
  if (compare?.kind === 'indicator' && second) {
    return t('present.titleText.indicator', { first: first.indicatorName, second: second.indicatorName, year: yearText(first.year) });
  }
  if (compare?.kind === 'multiples') {
    return t('present.titleText.multiples', { indicator: first.indicatorName, years: panels.map((p) => yearText(p.year)).join(', ') });
  }
  return t('present.titleText.single', { indicator: first.indicatorName, year: yearText(first.year) });
}

/** "Vùng Tây Nguyên · đơn vị hành chính trước 01/07/2025"; `placeName` is the province as written. */
export function autoSubtitle(view: PresentView, place: { regionName: string | null; placeName: string | null }, t: Translator): string {
  const where = place.regionName
    ? t('present.placeText.region', { name: place.regionName })
    : (place.placeName ?? t('present.placeText.country'));
  const structure = t(view.map.structure === '2025' ? 'present.placeText.2025' : 'present.placeText.pre2025');
  return `${where} · ${structure}`;
}
