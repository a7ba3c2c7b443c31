// `npm run export` arguments, checked before anything starts. Pure.
import { isSheetSize, type SheetSizeKey } from '../../core/present/sheet-format.ts';

export interface ExportArgs {
  /** The query of the presentation page: a view, or `deck=…` with the base view. */
  query: string;
  format: 'png' | 'pdf';
  size: SheetSizeKey;
  deck: boolean;
  out: string;
  as?: string;
  lang: 'vi' | 'en';
}

export const USAGE = `npm run export -- --view 'APP URL OR ITS QUERY' --format png|pdf [--size 1920x1080|3840x2160|a4|a3] --out FILE
npm run export -- --deck country-regions|REGION|PROVINCE_CODE [--view '…'] --format pdf [--size a4|a3|…] --out FILE
  --as USERNAME   export as this account (default: the built-in ${'`povmap-export`'} viewer account)
  --lang vi|en    language of the map's words (default vi)`;

export class ArgsError extends Error {}

/** The query part of an app URL or of a bare query string (view-query.ts does the same in the client). */
export function viewQuery(input: string): string {
  const text = input.trim();
  const hash = text.indexOf('#');
  const inHash = hash >= 0 ? text.slice(hash + 1) : text;
  const at = inHash.indexOf('?');
  if (at >= 0) return inHash.slice(at + 1);
  return hash >= 0 || /^[a-z]+:\/\//i.test(text) ? '' : inHash.replace(/^\?/, '');
}

export function parseExportArgs(values: { view?: string; deck?: string; format?: string; size?: string; out?: string; as?: string; lang?: string }): ExportArgs {
  if (!values.out) throw new ArgsError('--out FILE is required');
  if (values.view === undefined && values.deck === undefined) throw new ArgsError('--view or --deck is required');
  const format = values.format ?? (values.deck ? 'pdf' : 'png');
  if (format !== 'png' && format !== 'pdf') throw new ArgsError(`--format must be png or pdf, not "${format}"`);
  const size = values.size ?? (format === 'pdf' ? 'a4' : '1920x1080');
  if (!isSheetSize(size)) throw new ArgsError(`--size must be 1920x1080, 3840x2160, a4 or a3, not "${size}"`);
  if (values.deck !== undefined && format !== 'pdf') throw new ArgsError('a deck is exported as a PDF (--format pdf)');
  if (values.deck !== undefined && !/^(country-regions|[A-Z_]{2,8}|\d{2})$/.test(values.deck)) {
    throw new ArgsError(`--deck must be country-regions, a region key (TDMNPB, DBSH, BTB_DHMT, TN, DNB, DBSCL) or a province code, not "${values.deck}"`);
  }
  const lang = values.lang ?? 'vi';
  if (lang !== 'vi' && lang !== 'en') throw new ArgsError('--lang must be vi or en');
  const base = values.view === undefined ? '' : viewQuery(values.view);
  const params = new URLSearchParams(base);
  params.delete('deck');
  params.delete('present');
  params.delete('n');
  if (values.deck !== undefined) params.set('deck', values.deck);
  return { query: params.toString(), format, size, deck: values.deck !== undefined, out: values.out, as: values.as, lang };
}
