// The written form of an account scope, as the CLI takes it and the admin screens show it:
// "pre2025:42,2025:66", or "country" (toàn quốc) for the whole country.
//
// A bare "42" is refused on purpose: 2025 province codes reuse pre-2025 ones (66 is Đắk Lắk on
// both sides of 1 July 2025, but the 2025 one also holds old Phú Yên), so a code without its
// structure would silently mean two different areas.
import type { AccountScope, ProvinceScope, StructureId } from './scope.ts';

export const COUNTRY_WORDS = ['country', 'all', 'toan-quoc'] as const;

const ENTRY = /^(pre2025|2025):(\d{2})$/;

export type ParsedScope = { ok: true; scope: AccountScope } | { ok: false; error: string };

export function parseScopeList(text: string): ParsedScope {
  const trimmed = text.trim();
  if ((COUNTRY_WORDS as readonly string[]).includes(trimmed.toLowerCase())) return { ok: true, scope: null };
  const parts = trimmed.split(',').map((p) => p.trim()).filter((p) => p.length > 0);
  if (parts.length === 0) return { ok: false, error: 'phạm vi trống / empty scope: use e.g. pre2025:42,2025:66 or "country"' };

  const entries: ProvinceScope[] = [];
  for (const part of parts) {
    const match = ENTRY.exec(part);
    if (!match) {
      const hint = /^\d{2}$/.test(part) ? ` — write pre2025:${part} or 2025:${part}` : '';
      return { ok: false, error: `"${part}" không hợp lệ / is not STRUCTURE:CODE (pre2025:42, 2025:66)${hint}` };
    }
    const entry = { structure: match[1] as StructureId, code: match[2]! };
    if (!entries.some((e) => e.structure === entry.structure && e.code === entry.code)) entries.push(entry);
  }
  return { ok: true, scope: entries };
}

export function formatScopeList(scope: AccountScope): string {
  if (scope === null) return 'country';
  return scope.map((s) => `${s.structure}:${s.code}`).join(',');
}
