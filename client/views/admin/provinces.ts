// Province names for account scopes. A scope is stored as {structure, code} (server/README.md
// "Accounts, roles and scope"); admins read and pick it by name. Both structures are needed: a
// scope may name pre-2025 provinces (Hà Tĩnh 42) as well as 2025 ones, and codes repeat across
// the two (66 is Đắk Lắk on both sides), so a name always carries its structure.
import { t } from '../../lib/i18n/i18n.svelte.ts';
import { trpc } from '../../lib/trpc.ts';
import type { Account, ProvinceRef, StructureId } from './admin-api.ts';

export interface ProvinceOption extends ProvinceRef {
  name: string;
}

export const STRUCTURES: readonly StructureId[] = ['2025', 'pre2025'];

const collator = new Intl.Collator('vi');
// The province list is national and changes only with a new registry: one request per structure
// per page load is enough.
const cache = new Map<StructureId, Promise<ProvinceOption[]>>();

/** The provinces of a structure, by name in Vietnamese order (how officials look for them). */
export function provincesOf(structure: StructureId): Promise<ProvinceOption[]> {
  let list = cache.get(structure);
  if (!list) {
    list = trpc.units.children
      .query({ structure })
      .then((units) => units.map((u) => ({ structure, code: u.code, name: u.name })).sort((a, b) => collator.compare(a.name, b.name)));
    // A failed load must not stick: the next view can try again.
    list.catch(() => cache.delete(structure));
    cache.set(structure, list);
  }
  return list;
}

export const provinceKey = (p: ProvinceRef): string => `${p.structure}:${p.code}`;

/** "Hà Tĩnh (trước 01/7/2025)"; the raw key when the registry does not know the code. */
export function provinceLabel(p: ProvinceRef, names: Map<string, string>): string {
  const name = names.get(provinceKey(p));
  if (name === undefined) return provinceKey(p);
  return t(p.structure === '2025' ? 'accounts.scope.label2025' : 'accounts.scope.labelPre2025', { name });
}

/** Toàn quốc, or the provinces joined. An empty list is a stored scope the server could not read. */
export function scopeLabel(scope: Account['scope'], names: Map<string, string>): string {
  if (scope === null) return t('accounts.scope.country');
  if (scope.length === 0) return t('accounts.scope.unreadable');
  return scope.map((p) => provinceLabel(p, names)).join('; ');
}
