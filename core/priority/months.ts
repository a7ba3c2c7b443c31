// Whole months between two calendar dates ("YYYY-MM-DD"), as a supervision calendar counts
// them: 15/01 → 14/02 is 0 months, 15/01 → 15/02 is 1. Never visited is Infinity.
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, months);
}

export function monthsSinceVisit(lastVisit: string | null, asOf: string): number {
  return lastVisit === null ? Number.POSITIVE_INFINITY : monthsBetween(lastVisit, asOf);
}
