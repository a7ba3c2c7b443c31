// Unit lists (names, codes, hierarchy; no geometry), read into one shape whatever the compiler:
// thanglequoc's JSON (units-*.json), daohoangson's dvhcvn JSON, and the 2021 SQL dump.
// Names are kept as the source writes them (tone placement included); only stray spaces
// ("Xã  Mỹ Lộc", "Xã Ngư Thủy ") are collapsed, and counted for the report.
import type { Level, RegistryUnit } from './registry-types.ts';
import { asArray, asObject, asOptionalString, asString, InputError } from './input-error.ts';
import { readJsonInput, readTextInput } from './read-sources.ts';
import { parseSqlInserts } from './sql-values.ts';

/** A unit as a list gives it: the registry's naming and hierarchy fields, no geometry yet. */
export type ListUnit = Pick<RegistryUnit, 'structure' | 'code' | 'level' | 'name' | 'fullName' | 'nameEn' | 'type' | 'parentCode' | 'provinceCode'>;

export interface UnitList {
  file: string;
  units: ListUnit[];
  byCode: Map<string, ListUnit>;
  /** Codes whose names had stray spaces collapsed. */
  spacingFixed: string[];
  /** Codes whose declared type disagrees with the type word their name starts with. */
  typeDisagrees: string[];
}

function makeList(file: string, units: ListUnit[], spacingFixed: string[], typeDisagrees: string[] = []): UnitList {
  return { file, units, byCode: new Map(units.map((u) => [u.code, u])), spacingFixed, typeDisagrees };
}

const cleanSpaces = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Type words as written before names; longest first so "Thành phố" wins over nothing shorter. */
const TYPE_WORDS = ['Thành phố', 'Thị trấn', 'Đặc khu', 'Thị xã', 'Phường', 'Huyện', 'Quận', 'Tỉnh', 'Xã'];

const capitalise = (text: string): string => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

/** "Phường Ba Đình" + "Ba Đình" → "Phường"; the 2026 list writes one "xã Bắc Sơn", typed "Xã". */
function typeFromNames(fullName: string, name: string): string {
  if (fullName.endsWith(' ' + name)) return capitalise(fullName.slice(0, -name.length - 1));
  const lower = fullName.toLocaleLowerCase('vi');
  const word = TYPE_WORDS.find((w) => lower.startsWith(w.toLocaleLowerCase('vi') + ' '));
  return word ?? '';
}

/** Reads a name field, collapsing stray spaces and noting the unit's code in `fixed` when it did. */
function nameReader(file: string, fixed: string[]) {
  return (value: unknown, code: string, path: string): string => {
    const raw = asString(value, file, path);
    const clean = cleanSpaces(raw);
    if (clean !== raw) fixed.push(code);
    return clean;
  };
}

/** thanglequoc's new-structure list: provinces with Wards (no districts). */
export function loadNewStructureList(file: string): UnitList {
  const root = asArray(readJsonInput(file), file, '');
  const units: ListUnit[] = [];
  const fixed: string[] = [];
  const text = nameReader(file, fixed);
  root.forEach((p, i) => {
    const province = asObject(p, file, `[${i}]`);
    const code = asString(province.Code, file, `[${i}].Code`);
    const name = text(province.Name, code, `[${i}].Name`);
    const fullName = text(province.FullName, code, `[${i}].FullName`);
    units.push({
      structure: '2025',
      code,
      level: 'province',
      name,
      fullName,
      nameEn: asOptionalString(province.NameEn, file, `[${i}].NameEn`),
      type: typeFromNames(fullName, name),
      parentCode: null,
      provinceCode: code,
    });
    asArray(province.Wards, file, `[${i}].Wards`).forEach((w, j) => {
      const at = `[${i}].Wards[${j}]`;
      const ward = asObject(w, file, at);
      const wardCode = asString(ward.Code, file, `${at}.Code`);
      const wardName = text(ward.Name, wardCode, `${at}.Name`);
      const wardFull = text(ward.FullName, wardCode, `${at}.FullName`);
      units.push({
        structure: '2025',
        code: wardCode,
        level: 'commune',
        name: wardName,
        fullName: wardFull,
        nameEn: asOptionalString(ward.NameEn, file, `${at}.NameEn`),
        type: typeFromNames(wardFull, wardName),
        parentCode: code,
        provinceCode: code,
      });
    });
  });
  return makeList(file, units, fixed);
}

/** thanglequoc's old-structure list: provinces → District → Ward (null for island districts). */
export function loadOldStructureList(file: string): UnitList {
  const root = asArray(readJsonInput(file), file, '');
  const units: ListUnit[] = [];
  const fixed: string[] = [];
  const text = nameReader(file, fixed);
  const push = (
    o: Record<string, unknown>,
    at: string,
    level: Level,
    parent: string | null,
    province: string | null,
  ) => {
    const code = asString(o.Code, file, `${at}.Code`);
    const name = text(o.Name, code, `${at}.Name`);
    const fullName = text(o.FullName, code, `${at}.FullName`);
    units.push({
      structure: 'pre2025',
      code,
      level,
      name,
      fullName,
      nameEn: asOptionalString(o.NameEn, file, `${at}.NameEn`),
      type: typeFromNames(fullName, name),
      parentCode: parent,
      provinceCode: province ?? code,
    });
    return code;
  };
  root.forEach((p, i) => {
    const province = asObject(p, file, `[${i}]`);
    const provinceCode = push(province, `[${i}]`, 'province', null, null);
    asArray(province.District, file, `[${i}].District`).forEach((d, j) => {
      const district = asObject(d, file, `[${i}].District[${j}]`);
      const districtCode = push(district, `[${i}].District[${j}]`, 'district', provinceCode, provinceCode);
      const wards = district.Ward === null ? [] : asArray(district.Ward, file, `[${i}].District[${j}].Ward`);
      wards.forEach((w, k) => {
        const at = `[${i}].District[${j}].Ward[${k}]`;
        push(asObject(w, file, at), at, 'commune', districtCode, provinceCode);
      });
    });
  });
  return makeList(file, units, fixed);
}

/**
 * dvhcvn writes full names and a type; the short name is the full name after the type word.
 * The type word is matched without regard to case ("Thành Phố Bắc Kạn", "Thị Trấn Mường Chà");
 * where the name's word and the type disagree ("Phường 5" typed "Xã"), the name wins, since it
 * is what people read, and the code is recorded for the report.
 */
function splitDvhcvnName(fullName: string, type: string): { name: string; type: string; disagrees: boolean } {
  // Provinces typed "Thành phố Trung ương" are written "Thành phố Hà Nội".
  const declared = type === 'Thành phố Trung ương' ? 'Thành phố' : type;
  const lower = fullName.toLocaleLowerCase('vi');
  const starts = (word: string) => lower.startsWith(word.toLocaleLowerCase('vi') + ' ');
  if (starts(declared)) return { name: fullName.slice(declared.length + 1), type: declared, disagrees: false };
  const written = TYPE_WORDS.find(starts);
  if (written) return { name: fullName.slice(written.length + 1), type: written, disagrees: true };
  return { name: fullName, type: declared, disagrees: true };
}

/** daohoangson's dvhcvn.json: data[] → level2s → level3s; the crosswalk uses these codes. */
export function loadDvhcvnList(file: string): UnitList {
  const root = asObject(readJsonInput(file), file, '');
  const units: ListUnit[] = [];
  const fixed: string[] = [];
  const disagreeing: string[] = [];
  const push = (
    o: Record<string, unknown>,
    at: string,
    idKey: string,
    level: Level,
    parent: string | null,
    province: string | null,
  ) => {
    const code = asString(o[idKey], file, `${at}.${idKey}`);
    const raw = asString(o.name, file, `${at}.name`);
    const fullName = cleanSpaces(raw);
    if (fullName !== raw) fixed.push(code);
    const { name, type, disagrees } = splitDvhcvnName(fullName, cleanSpaces(asString(o.type, file, `${at}.type`)));
    if (disagrees) disagreeing.push(code);
    units.push({
      structure: 'pre2025',
      code,
      level,
      name,
      fullName,
      nameEn: null,
      type,
      parentCode: parent,
      provinceCode: province ?? code,
    });
    return code;
  };
  asArray(root.data, file, 'data').forEach((p, i) => {
    const province = asObject(p, file, `data[${i}]`);
    const provinceCode = push(province, `data[${i}]`, 'level1_id', 'province', null, null);
    asArray(province.level2s, file, `data[${i}].level2s`).forEach((d, j) => {
      const at = `data[${i}].level2s[${j}]`;
      const district = asObject(d, file, at);
      const districtCode = push(district, at, 'level2_id', 'district', provinceCode, provinceCode);
      asArray(district.level3s, file, `${at}.level3s`).forEach((c, k) => {
        const cAt = `${at}.level3s[${k}]`;
        push(asObject(c, file, cAt), cAt, 'level3_id', 'commune', districtCode, provinceCode);
      });
    });
  });
  return makeList(file, units, fixed, disagreeing);
}

export interface Units2021 {
  /** 2021 commune code → 2021 district code. */
  communeDistrict: Map<string, string>;
  districtName: Map<string, string>;
}

/** units-2021-11-01.sql: which communes each district held at the start of the programme. */
export function load2021Units(file: string): Units2021 {
  const tables = parseSqlInserts(readTextInput(file), file);
  const wards = tables.get('wards');
  const districts = tables.get('districts');
  if (!wards?.length || !districts?.length) {
    throw new InputError(file, 'expected INSERT INTO wards and districts statements');
  }
  const communeDistrict = new Map<string, string>();
  for (const w of wards) communeDistrict.set(String(w.code), String(w.district_code));
  const districtName = new Map<string, string>();
  for (const d of districts) districtName.set(String(d.code), String(d.full_name));
  return { communeDistrict, districtName };
}
