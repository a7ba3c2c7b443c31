// Download names: an ASCII one for old clients (filename=) and the Vietnamese one for the rest
// (filename*=UTF-8'', RFC 6266 / RFC 8187), e.g. `povmap-poor_rate-2025-tinh.csv` beside
// `povmap-Tỷ lệ hộ nghèo-2025-cấp tỉnh.csv`.
import { indicatorByKey } from '../../core/poverty/indicators.ts';
import { foldVietnamese } from '../../core/text.ts';
import type { ExportInput } from './export-input.ts';

const LEVEL_WORDS = { province: 'tỉnh', district: 'huyện', commune: 'xã' } as const;
const TABLE_WORDS = { values: 'giá trị', review: 'kết quả rà soát', targets: 'mục tiêu', projects: 'dự án', visits: 'giám sát', priority: 'danh sách ưu tiên' } as const;

export interface DownloadName {
  ascii: string;
  utf8: string;
}

export function downloadName(input: ExportInput, extension: string): DownloadName {
  const vi: string[] = ['povmap'];
  const en: string[] = ['povmap'];
  if (input.table === 'priority') {
    vi.push(TABLE_WORDS.priority, String(input.setId));
    en.push('priority-set', String(input.setId));
    return { ascii: `${en.join('-')}.${extension}`, utf8: `${vi.join('-')}.${extension}` };
  }
  if (input.table === 'values') {
    vi.push(indicatorByKey(input.indicator)?.nameVi ?? input.indicator, String(input.year), LEVEL_WORDS[input.level]);
    en.push(input.indicator, String(input.year), foldVietnamese(LEVEL_WORDS[input.level]));
  } else {
    vi.push(TABLE_WORDS[input.table]);
    en.push(input.table);
    if ('year' in input && input.year !== undefined) {
      vi.push(String(input.year));
      en.push(String(input.year));
    }
  }
  // the same year names different units on either side of the 1 July 2025 reform
  if (input.structure === 'pre2025') {
    vi.push('trước 2025');
    en.push('pre2025');
  }
  if (input.parentCode !== undefined) {
    vi.push(input.parentCode);
    en.push(input.parentCode);
  }
  const ascii = en.join('-').replace(/[^A-Za-z0-9_.-]+/g, '-');
  return { ascii: `${ascii}.${extension}`, utf8: `${vi.join('-')}.${extension}` };
}

export function contentDisposition(name: DownloadName): string {
  return `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeRfc8187(name.utf8)}`;
}

/** encodeURIComponent leaves ' ( ) * ! unescaped; RFC 8187's attr-char does not allow them. */
function encodeRfc8187(text: string): string {
  return encodeURIComponent(text.normalize('NFC')).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
