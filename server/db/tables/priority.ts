// Saved priority rankings (migration 0005).
import type { Generated } from 'kysely';
import type { StructureId, UnitLevel } from './registry.ts';

/** A saved ranking of units for priority (danh sách ưu tiên). */
export interface PrioritySetTable {
  id: Generated<number>;
  name: string;
  structure: StructureId;
  level: UnitLevel;
  year: number | null;
  /** JSON: scoring method and weights, so the ranking can be reproduced. */
  method: string;
  note: string | null;
  created_by: number | null;
  created_at: string;
  /** Sent to visit planning (migration 0009): when and by whom; null = not sent. */
  sent_to_planning_at: string | null;
  sent_to_planning_by: number | null;
}

export interface PrioritySetMemberTable {
  set_id: number;
  unit_code: string;
  rank: number;
  score: number | null;
  /** JSON: reasons shown next to the unit ("tỷ lệ nghèo 31%", "huyện nghèo"). */
  reasons: string | null;
}
