// Data-source credits, as the geodata README asks ("keep the attributions in the app's
// 'Nguồn dữ liệu / Data sources' panel and in exported maps"). Kept as data, not markup, so the
// on-screen control and the future PNG/PDF export print the same list.
import type { MessageKey } from '../lib/i18n/messages.ts';

export interface DataCredit {
  /** What the source gives us (translated). */
  topic: MessageKey;
  /** Who produced the data: proper names, never translated. */
  origin: string[];
  /** The compilation we read it from, with its licence. */
  compilation: string;
  licence: string;
}

export const DATA_CREDITS: readonly DataCredit[] = [
  {
    topic: 'attribution.boundaries2025',
    origin: ['NXB Tài nguyên - Môi trường và Bản đồ'],
    compilation: 'thanglequoc/vietnamese-provinces-database',
    licence: 'MIT',
  },
  {
    topic: 'attribution.boundariesPre2025',
    origin: ['gis.chinhphu.vn'],
    compilation: 'daohoangson/dvhcvn',
    licence: 'GPL-3.0',
  },
  {
    topic: 'attribution.crosswalk',
    origin: [],
    compilation: 'dvhcvn/20250701',
    licence: 'MIT',
  },
];

/** "NXB Tài nguyên - Môi trường và Bản đồ · thanglequoc/vietnamese-provinces-database (MIT)" */
export function creditText(credit: DataCredit): string {
  return [...credit.origin, `${credit.compilation} (${credit.licence})`].join(' · ');
}
