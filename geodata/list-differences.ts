// Differences between two unit lists of the same structure. They are reported, never resolved:
// when two compilers disagree (12 communes in the 2025-03-01 lists), the report says which codes
// and names differ and leaves the judgement to people who can check the resolutions.
import { toneInsensitiveKey } from '../core/text.ts';
import type { UnitListChange, UnitListComparison, UnitListEntry } from './registry-types.ts';
import type { ListUnit, UnitList } from './units.ts';

const entry = (u: ListUnit): UnitListEntry => ({
  code: u.code,
  level: u.level,
  name: u.fullName,
  parentCode: u.parentCode,
});

const FIELDS = ['name', 'fullName', 'nameEn', 'type', 'parentCode'] as const;

export function compareUnitLists(
  used: UnitList,
  other: UnitList,
  label: { used: string; other: string },
): UnitListComparison {
  const onlyInUsed = used.units.filter((u) => !other.byCode.has(u.code)).map(entry);
  const onlyInOther = other.units.filter((u) => !used.byCode.has(u.code)).map(entry);
  const changes: UnitListChange[] = [];
  for (const u of used.units) {
    const o = other.byCode.get(u.code);
    if (!o) continue;
    for (const field of FIELDS) {
      const before = o[field];
      const after = u[field];
      // dvhcvn has no English names: absence is not a difference.
      if (field === 'nameEn' && (before === null || after === null)) continue;
      if (before === after) continue;
      const spellingOnly =
        before !== null &&
        after !== null &&
        field !== 'parentCode' &&
        toneInsensitiveKey(before) === toneInsensitiveKey(after);
      changes.push({ code: u.code, level: u.level, field, before, after, spellingOnly });
    }
  }
  return { used: label.used, other: label.other, onlyInUsed, onlyInOther, changes };
}

/**
 * dvhcvn has no English names; borrow them from the other 2025-03-01 list where the same code
 * names the same place (so a renamed commune does not get its predecessor's English name).
 */
export function borrowEnglishNames(target: UnitList, donor: UnitList): number {
  let borrowed = 0;
  for (const u of target.units) {
    const d = donor.byCode.get(u.code);
    if (u.nameEn === null && d?.nameEn && toneInsensitiveKey(d.fullName) === toneInsensitiveKey(u.fullName)) {
      u.nameEn = d.nameEn;
      borrowed++;
    }
  }
  return borrowed;
}
