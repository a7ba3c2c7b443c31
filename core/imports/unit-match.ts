// Finding the unit a spreadsheet row is about: by code (GSO codes; Excel drops leading zeros, so
// "1234" may be commune 01234), or by name within a named parent, with the same normalisation
// as units.search (foldVietnamese: any tone placement, NFC/NFD, no diacritics; type words like
// "Xã"/"Huyện" optional). A name that several units share is answered 'ambiguous' with its
// candidates, for the user to choose; never picked for them.
import { foldedBareName, toneInsensitiveKey } from '../text.ts';
import type { StructureId } from './types.ts';

export interface IndexedUnit {
  structure: StructureId;
  code: string;
  level: 'province' | 'district' | 'commune';
  name: string;
  fullName: string;
  provinceCode: string;
  /** Has units below it (a review row must be a leaf: parents are sums of their communes). */
  hasChildren: boolean;
  /** Ancestors' full names, nearest first ("Huyện Tây Hòa", "Tỉnh Phú Yên"). */
  ancestors: string[];
}

export interface Candidate {
  code: string;
  fullName: string;
  /** "Huyện Tây Hòa, Tỉnh Phú Yên". */
  path: string;
}

export type UnitMatch =
  | { kind: 'match'; unit: IndexedUnit }
  | { kind: 'unknown' }
  | { kind: 'wrong-structure'; unit: IndexedUnit }
  | { kind: 'ambiguous'; candidates: Candidate[] };

export interface UnitQuery {
  code: string | null;
  name: string | null;
  parentName: string | null;
}

export class UnitIndex {
  private readonly byCode = new Map<string, IndexedUnit>();
  private readonly byName = new Map<string, IndexedUnit[]>();

  constructor(units: Iterable<IndexedUnit>) {
    for (const unit of units) {
      this.byCode.set(`${unit.structure}|${unit.code}`, unit);
      const key = `${unit.structure}|${foldedBareName(unit.name)}`;
      const list = this.byName.get(key);
      if (list) list.push(unit);
      else this.byName.set(key, [unit]);
    }
  }

  get(structure: StructureId, code: string): IndexedUnit | undefined {
    return this.byCode.get(`${structure}|${code}`);
  }

  match(query: UnitQuery, structure: StructureId): UnitMatch {
    const other: StructureId = structure === '2025' ? 'pre2025' : '2025';
    if (query.code !== null && query.code.trim() !== '') {
      const found = this.byCodeLenient(structure, query.code.trim());
      if (found) return { kind: 'match', unit: found };
      const elsewhere = this.byCodeLenient(other, query.code.trim());
      return elsewhere ? { kind: 'wrong-structure', unit: elsewhere } : { kind: 'unknown' };
    }
    if (query.name === null || query.name.trim() === '') return { kind: 'unknown' };
    const here = this.byNameWithin(structure, query.name, query.parentName);
    if (here.length === 1) return { kind: 'match', unit: here[0]! };
    if (here.length > 1) return { kind: 'ambiguous', candidates: here.map(candidateOf) };
    const there = this.byNameWithin(other, query.name, query.parentName);
    return there.length > 0 ? { kind: 'wrong-structure', unit: there[0]! } : { kind: 'unknown' };
  }

  private byCodeLenient(structure: StructureId, code: string): IndexedUnit | undefined {
    const exact = this.get(structure, code);
    if (exact || !/^\d+$/.test(code)) return exact;
    // A code cell formatted as a number lost its leading zeros: try the GSO lengths it could have.
    const found = [2, 3, 5].filter((n) => n > code.length).map((n) => this.get(structure, code.padStart(n, '0'))).filter((u) => u !== undefined);
    return found.length === 1 ? found[0] : undefined;
  }

  private byNameWithin(structure: StructureId, name: string, parentName: string | null): IndexedUnit[] {
    let found = this.byName.get(`${structure}|${foldedBareName(name)}`) ?? [];
    if (parentName !== null && parentName.trim() !== '') {
      const parent = foldedBareName(parentName);
      found = found.filter((u) => u.ancestors.some((a) => foldedBareName(a) === parent));
    }
    if (found.length > 1) {
      // the type word written ("Xã Hòa Đồng" vs "Phường Hòa Đồng") and exact tones narrow it
      const full = toneInsensitiveKey(name);
      const byFull = found.filter((u) => toneInsensitiveKey(u.fullName) === full);
      if (byFull.length > 0) return byFull;
      const byTone = found.filter((u) => toneInsensitiveKey(u.name) === full);
      if (byTone.length > 0) return byTone;
    }
    return found;
  }
}

export const candidateOf = (unit: IndexedUnit): Candidate => ({ code: unit.code, fullName: unit.fullName, path: unit.ancestors.join(', ') });
