// Facts from ../shared/reference that the registry itself does not carry: the socio-economic
// region of each pre-2025 province and the QĐ 353/QĐ-TTg targeting lists (huyện nghèo, xã đặc
// biệt khó khăn vùng bãi ngang, ven biển và hải đảo). All of them are keyed to pre-2025 codes.
import fs from 'node:fs';
import path from 'node:path';
import { referenceDir } from '../../../geodata/settings.ts';
import { parseCsv } from './csv.ts';

export interface ReferenceFlag {
  /** Pre-2025 GSO code of the flagged unit. */
  code: string;
  /** The name as the list writes it, to cross-check the registry's name. */
  listedName: string;
  /** Provenance shown with the flag: the CSV's own source column (and status note). */
  source: string;
}

export interface ReferenceFacts {
  /** pre-2025 province code → vùng kinh tế - xã hội. */
  regionByProvince: Map<string, string>;
  poorDistricts: ReferenceFlag[];
  coastalExtremelyDifficult: ReferenceFlag[];
  /** List rows that name no code (e.g. a truncated excerpt): reported, never guessed. */
  unverifiedRows: string[];
}

const FILES = {
  regions: 'provinces_gso_codes_regions.csv',
  poorDistricts: 'poor_districts_2021_2025_QD353.csv',
  coastal: 'coastal_island_extremely_difficult_communes_QD353_partial.csv',
};

export function readReferenceFacts(dir: string = referenceDir()): ReferenceFacts {
  const read = (file: string) => parseCsv(fs.readFileSync(path.join(dir, file), 'utf8'));
  const unverifiedRows: string[] = [];

  const regionByProvince = new Map<string, string>();
  for (const row of read(FILES.regions)) {
    if (row.gso_code && row.socioeconomic_region) regionByProvince.set(row.gso_code, row.socioeconomic_region);
  }

  const poorDistricts: ReferenceFlag[] = [];
  for (const row of read(FILES.poorDistricts)) {
    if (!row.district_gso_code) {
      unverifiedRows.push(`${FILES.poorDistricts}: "${row.district}, ${row.province}" has no district code`);
      continue;
    }
    poorDistricts.push({
      code: row.district_gso_code,
      listedName: row.district_name_with_type_gso || row.district,
      source: row.source,
    });
  }

  const coastalExtremelyDifficult: ReferenceFlag[] = [];
  for (const row of read(FILES.coastal)) {
    // Island districts (huyện đảo: Cồn Cỏ, Lý Sơn) are on the commune list as a whole district.
    const isDistrict = row.unit.startsWith('huyện');
    const code = isDistrict ? row.district_gso_code : row.commune_gso_code;
    if (!code) {
      unverifiedRows.push(`${FILES.coastal}: item ${row.order_in_list} "${row.unit} ${row.name}" has no code`);
      continue;
    }
    coastalExtremelyDifficult.push({
      code,
      listedName: `${isDistrict ? 'huyện' : row.unit} ${row.name}`,
      source: row.status_note ? `${row.source} | ${row.status_note}` : row.source,
    });
  }

  return { regionByProvince, poorDistricts, coastalExtremelyDifficult, unverifiedRows };
}

/** A stable fingerprint of the reference inputs, so an unchanged seed can be skipped. */
export function referenceFingerprintInputs(dir: string = referenceDir()): string[] {
  return Object.values(FILES).map((file) => fs.readFileSync(path.join(dir, file), 'utf8'));
}
