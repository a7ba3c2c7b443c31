// Names of the files made of a visit plan: "lich-trinh-giam-sat-quy-iv-2026-doan-1.pdf" for old
// clients (filename=) beside "Lịch trình - Giám sát quý IV-2026 - Đoàn 1.pdf" (filename*=, RFC
// 8187), the way server/exports/filename.ts names the table files.
import { foldVietnamese } from '../../core/text.ts';
import type { DownloadName } from '../exports/filename.ts';

export type PlanFileKind = 'itinerary' | 'routes';

const WORDS: Record<PlanFileKind, { ascii: string; vi: string }> = {
  itinerary: { ascii: 'lich-trinh', vi: 'Lịch trình' },
  routes: { ascii: 'tuyen-duong', vi: 'Tuyến đường' },
};

/** "Giám sát quý IV/2026" → "giam-sat-quy-iv-2026", at most 60 characters; never empty. */
export function slug(name: string): string {
  const folded = foldVietnamese(name).replace(/ /g, '-').slice(0, 60).replace(/-+$/, '');
  return folded === '' ? 'x' : folded;
}

/** A name as a file name: no path separators, no characters Windows refuses, no controls. */
function fileSafe(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[\\/:|]+/g, '-')
    .replace(/[*?"<>\p{Cc}]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
}

export function planFileName(kind: PlanFileKind, extension: string, planName: string, teamName: string | null): DownloadName {
  const ascii = [WORDS[kind].ascii, slug(planName), ...(teamName === null ? [] : [slug(teamName)])].join('-');
  const utf8 = [WORDS[kind].vi, fileSafe(planName), ...(teamName === null ? [] : [fileSafe(teamName)])].join(' - ');
  return { ascii: `${ascii}.${extension}`, utf8: `${utf8}.${extension}` };
}
