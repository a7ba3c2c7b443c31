// The old → new crosswalk (dvhcvn/20250701): splits.json (old commune → new communes) and
// merges.json (new commune → old communes, each `full` or `partial`). merges.json carries the
// kind, so links come from it; splits.json is the cross-check. Two new codes in the crosswalk
// differ from the unit list (Ba Chẽ 06970 vs 06978, Ia Mơ 23737 vs 23938): such codes are
// resolved to the unit list's code by matching the name within the province, and reported.
import { toneInsensitiveKey } from '../core/text.ts';
import { asArray, asObject, asString, fail } from './input-error.ts';
import { readJsonInput } from './read-sources.ts';
import type { CodeResolution, RegistryDistrictLink, RegistryLink } from './registry-types.ts';
import type { UnitList } from './units.ts';

export type LinkKind = 'full' | 'partial';
export interface LinkEnd {
  code: string;
  kind: LinkKind;
}

export interface CrosswalkCoverage {
  oldCommunes: number;
  oldCommunesLinked: number;
  newCommunes: number;
  newCommunesLinked: number;
  oldProvincesLinked: number;
  newProvincesLinked: number;
  oldCommunesWithoutLink: string[];
  newCommunesWithoutLink: string[];
  /** Old communes going to more than one new commune. */
  oldCommunesSplit: number;
}

export interface Crosswalk {
  links: RegistryLink[];
  districtLinks: RegistryDistrictLink[];
  resolutions: CodeResolution[];
  /** old commune → new communes. */
  successors: Map<string, LinkEnd[]>;
  /** new commune → old communes. */
  predecessors: Map<string, LinkEnd[]>;
  coverage: CrosswalkCoverage;
  /** Disagreements found while reading (splits vs merges, unknown codes). */
  issues: string[];
}

function kindOf(value: unknown, file: string, path: string): LinkKind {
  if (value === 'full' || value === 'partial') return value;
  return fail(file, `${path}.type`, '"full" or "partial"');
}

export function loadCrosswalk(splitsFile: string, mergesFile: string, oldList: UnitList, newList: UnitList): Crosswalk {
  const issues: string[] = [];
  const resolutions: CodeResolution[] = [];
  const resolved = new Map<string, string>();

  /** The unit list's code for a crosswalk code of a new commune in province `province`. */
  const resolveNew = (code: string, name: string, province: string): string | null => {
    if (newList.byCode.has(code)) return code;
    const known = resolved.get(code);
    if (known) return known;
    const key = toneInsensitiveKey(name);
    const match = newList.units.filter(
      (u) => u.level === 'commune' && u.provinceCode === province && toneInsensitiveKey(u.fullName) === key,
    );
    if (match.length !== 1) {
      issues.push(
        `new code ${code} "${name}" (province ${province}) is not in ${newList.file} and no unique name match`,
      );
      return null;
    }
    resolved.set(code, match[0].code);
    resolutions.push({ crosswalkCode: code, unitListCode: match[0].code, name, provinceCode: province });
    return match[0].code;
  };

  const links: RegistryLink[] = [];
  const districtLinks: RegistryDistrictLink[] = [];
  const successors = new Map<string, LinkEnd[]>();
  const predecessors = new Map<string, LinkEnd[]>();
  const pairs = new Set<string>();
  const add = (map: Map<string, LinkEnd[]>, key: string, end: LinkEnd) => {
    const list = map.get(key) ?? [];
    list.push(end);
    map.set(key, list);
  };

  const merges = asObject(readJsonInput(mergesFile), mergesFile, '');
  asArray(merges.data, mergesFile, 'data').forEach((p, i) => {
    const at = `data[${i}]`;
    const province = asObject(p, mergesFile, at);
    const newProvince = asString(province.level1_id, mergesFile, `${at}.level1_id`);
    if (!newList.byCode.has(newProvince)) issues.push(`merges: new province ${newProvince} not in ${newList.file}`);
    asArray(province.merges, mergesFile, `${at}.merges`).forEach((m, j) => {
      const merge = asObject(m, mergesFile, `${at}.merges[${j}]`);
      const oldCode = asString(merge.old_id, mergesFile, `${at}.merges[${j}].old_id`);
      if (oldList.byCode.get(oldCode)?.level !== 'province')
        issues.push(`merges: old province ${oldCode} not in ${oldList.file}`);
      const kind = kindOf(merge.type, mergesFile, `${at}.merges[${j}]`);
      links.push({
        fromStructure: 'pre2025',
        fromCode: oldCode,
        toStructure: '2025',
        toCode: newProvince,
        level: 'province',
        kind,
      });
      pairs.add(`P${oldCode}>${newProvince}`);
    });
    asArray(province.level2s, mergesFile, `${at}.level2s`).forEach((c, j) => {
      const cAt = `${at}.level2s[${j}]`;
      const commune = asObject(c, mergesFile, cAt);
      const rawCode = asString(commune.level2_id, mergesFile, `${cAt}.level2_id`);
      const newCode = resolveNew(rawCode, asString(commune.name, mergesFile, `${cAt}.name`), newProvince);
      if (!newCode) return;
      asArray(commune.merges, mergesFile, `${cAt}.merges`).forEach((m, k) => {
        const merge = asObject(m, mergesFile, `${cAt}.merges[${k}]`);
        const oldCode = asString(merge.old_id, mergesFile, `${cAt}.merges[${k}].old_id`);
        const kind = kindOf(merge.type, mergesFile, `${cAt}.merges[${k}]`);
        const old = oldList.byCode.get(oldCode);
        if (old?.level === 'district') {
          // Island districts without communes (Hoàng Sa 498, Côn Đảo 755, …) → special zones.
          districtLinks.push({
            fromStructure: 'pre2025',
            fromCode: oldCode,
            toStructure: '2025',
            toCode: newCode,
            level: 'district',
            kind,
          });
          return;
        }
        if (old?.level !== 'commune') {
          issues.push(`merges: old commune ${oldCode} (→ ${newCode}) not in ${oldList.file}`);
          return;
        }
        links.push({
          fromStructure: 'pre2025',
          fromCode: oldCode,
          toStructure: '2025',
          toCode: newCode,
          level: 'commune',
          kind,
        });
        pairs.add(`${oldCode}>${newCode}`);
        add(successors, oldCode, { code: newCode, kind });
        add(predecessors, newCode, { code: oldCode, kind });
      });
    });
  });

  // splits.json must say the same thing from the other side.
  const splits = asObject(readJsonInput(splitsFile), splitsFile, '');
  let oldCommunesSplit = 0;
  asArray(splits.data, splitsFile, 'data').forEach((p, i) => {
    const at = `data[${i}]`;
    const province = asObject(p, splitsFile, at);
    const oldProvince = asString(province.level1_id, splitsFile, `${at}.level1_id`);
    asArray(province.splits, splitsFile, `${at}.splits`).forEach((s, j) => {
      const to = asString(
        asObject(s, splitsFile, `${at}.splits[${j}]`).new_id,
        splitsFile,
        `${at}.splits[${j}].new_id`,
      );
      if (!pairs.has(`P${oldProvince}>${to}`))
        issues.push(`splits: province ${oldProvince} → ${to} missing from merges`);
    });
    asArray(province.level3s, splitsFile, `${at}.level3s`).forEach((c, j) => {
      const cAt = `${at}.level3s[${j}]`;
      const commune = asObject(c, splitsFile, cAt);
      const oldCode = asString(commune.level3_id, splitsFile, `${cAt}.level3_id`);
      const targets = asArray(commune.splits, splitsFile, `${cAt}.splits`);
      if (targets.length > 1) oldCommunesSplit++;
      targets.forEach((s, k) => {
        const split = asObject(s, splitsFile, `${cAt}.splits[${k}]`);
        const raw = asString(split.new_id, splitsFile, `${cAt}.splits[${k}].new_id`);
        const to = resolved.get(raw) ?? raw;
        if (!pairs.has(`${oldCode}>${to}`)) issues.push(`splits: ${oldCode} → ${raw} missing from merges`);
      });
    });
  });

  const oldCommunes = oldList.units.filter((u) => u.level === 'commune');
  const newCommunes = newList.units.filter((u) => u.level === 'commune');
  const oldWithout = oldCommunes.filter((u) => !successors.has(u.code)).map((u) => u.code);
  const newWithout = newCommunes.filter((u) => !predecessors.has(u.code)).map((u) => u.code);
  const provinceLinks = links.filter((l) => l.level === 'province');
  const coverage: CrosswalkCoverage = {
    oldCommunes: oldCommunes.length,
    oldCommunesLinked: oldCommunes.length - oldWithout.length,
    newCommunes: newCommunes.length,
    newCommunesLinked: newCommunes.length - newWithout.length,
    oldProvincesLinked: new Set(provinceLinks.map((l) => l.fromCode)).size,
    newProvincesLinked: new Set(provinceLinks.map((l) => l.toCode)).size,
    oldCommunesWithoutLink: oldWithout,
    newCommunesWithoutLink: newWithout,
    oldCommunesSplit,
  };
  return { links, districtLinks, resolutions, successors, predecessors, coverage, issues };
}
