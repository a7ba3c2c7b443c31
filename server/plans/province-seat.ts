// Where a province's teams usually start: the provincial seat (tỉnh lỵ), where the Sở and the
// Ủy ban are. No table we have names the seat, so it is estimated from two conventions:
//   - GSO's list of districts puts the provincial city or town first: the pre-2025 province's
//     district with the lowest code is its seat (Hà Tĩnh 42 → 436 Thành phố Hà Tĩnh; Phú Yên
//     54 → 555 Thành phố Tuy Hòa; Hà Nội 01 → 001 Quận Ba Đình). Known exception: Bà Rịa-Vũng
//     Tàu lists Vũng Tàu before the seat Bà Rịa (12 km apart).
//   - A 2025 province took the code of the old province whose seat it kept (2025 Lào Cai is 15,
//     Yên Bái's old code, seat Yên Bái; 2025 Đắk Lắk 66 keeps Buôn Ma Thuột): its seat is the
//     seat of the pre-2025 province with its code.
// The province's label point (the middle of its shape, often far from any town) is the fallback.
// Planners set a team's real base on the Đội giám sát tab; this is only the default.
import type { Kysely, Transaction } from 'kysely';
import type { Database, StructureId } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface ProvinceSeat {
  /** The pre-2025 district taken as the seat, or null when only the province's point is known. */
  district: { code: string; name: string } | null;
  lon: number;
  lat: number;
}

export async function provinceSeat(db: Db, structure: StructureId, provinceCode: string): Promise<ProvinceSeat | null> {
  // pre-2025 code = the 2025 code (see above)
  const district = await db
    .selectFrom('unit')
    .select(['code', 'full_name', 'label_lon', 'label_lat'])
    .where('structure', '=', 'pre2025')
    .where('level', '=', 'district')
    .where('province_code', '=', provinceCode)
    .where('label_lon', 'is not', null)
    .orderBy('code')
    .executeTakeFirst();
  if (district) return { district: { code: district.code, name: district.full_name }, lon: Number(district.label_lon), lat: Number(district.label_lat) };
  const province = await db
    .selectFrom('unit')
    .select(['label_lon', 'label_lat', 'centroid_lon', 'centroid_lat'])
    .where('structure', '=', structure)
    .where('level', '=', 'province')
    .where('code', '=', provinceCode)
    .executeTakeFirst();
  if (!province) return null;
  return { district: null, lon: Number(province.label_lon ?? province.centroid_lon ?? 0), lat: Number(province.label_lat ?? province.centroid_lat ?? 0) };
}
