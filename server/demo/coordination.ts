// The real province layer of Báo cáo 150/BC-LĐTBXH (27/10/2023), Phụ lục I and II: whether each
// province signed its coordination programme with the Fatherland Front and whether it reported
// (reference/ctph_status_2023_BC150.csv). Kept as published, including its oddities, which the
// seed reports: Lai Châu is marked "not reported" yet a report number is listed; Quảng Bình lists
// two documents and two dates; Đồng Tháp's programme dates from 2019.
import { foldVietnamese } from '../../core/text.ts';
import { realSource } from '../../core/simulate/sources.ts';
import type { Insertable } from 'kysely';
import type { CoordinationStatusTable } from '../db/schema.ts';

export const BC150_FILE = 'ctph_status_2023_BC150.csv';
/** BC 150 reports on the first nine months of 2023. */
export const BC150_YEAR = 2023;

export interface CoordinationResult {
  rows: Insertable<CoordinationStatusTable>[];
  notes: string[];
}

/** "Thành phố Hồ Chí Minh", "TP Hồ Chí Minh", "Hồ Chí Minh" → "ho chi minh". */
function provinceKey(name: string): string {
  return foldVietnamese(name).replace(/^(thanh pho|tp|tinh)\s+/, '');
}

const flag = (text: string): 0 | 1 | null => (text.trim() === 'yes' ? 1 : text.trim() === 'no' ? 0 : null);

/** "28/9/2023" → "2023-09-28"; every date in the text, in order. */
export function isoDates(text: string): string[] {
  return [...text.matchAll(/(\d{1,2})\/(\d{1,2})\/(\d{4})/g)].map(([, d, m, y]) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
}

function documentWithDates(document: string, dateText: string): string | null {
  const doc = document.trim();
  if (!doc) return null;
  return isoDates(dateText).length > 1 ? `${doc} (ngày: ${dateText.trim().split(/\s+/).join('; ')})` : doc;
}

export function coordinationRows(records: readonly Record<string, string>[], provinces: readonly Record<string, string>[]): CoordinationResult {
  const codeByName = new Map(provinces.map((p) => [provinceKey(p.name), p.gso_code]));
  const rows: Insertable<CoordinationStatusTable>[] = [];
  const notes: string[] = [];
  for (const r of records) {
    const code = codeByName.get(provinceKey(r.province));
    if (!code) {
      notes.push(`${BC150_FILE}: "${r.province}" is not a province of the regions table; row skipped`);
      continue;
    }
    const signedDates = isoDates(r.ctph_date);
    const reportDates = isoDates(r.report_date);
    if (signedDates.length > 1) notes.push(`${BC150_FILE}: ${r.province} lists ${signedDates.length} programme documents; the earliest date is kept, all in the document text`);
    if (r.report_sent === 'no' && r.report_document) notes.push(`${BC150_FILE}: ${r.province} is marked "not reported" but lists report ${r.report_document}; kept as published`);
    rows.push({
      structure: 'pre2025',
      province_code: code,
      year: BC150_YEAR,
      signed: flag(r.ctph_issued),
      signed_document: documentWithDates(r.ctph_document, r.ctph_date),
      signed_date: signedDates.sort()[0] ?? null,
      reported: flag(r.report_sent),
      report_document: documentWithDates(r.report_document, r.report_date),
      report_date: reportDates.sort()[0] ?? null,
      source: realSource(BC150_FILE, r.source),
    });
  }
  return { rows, notes };
}
