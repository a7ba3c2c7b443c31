// The year slider's logic without the DOM: which index the map year is, and where "play" goes.

/** Milliseconds per year while playing: long enough for a room to read the legend. */
export const PLAY_STEP_MS = 1500;

/** The slider position of `year`; the latest when it is null or not among `years` (the map's default). */
export function yearIndex(years: readonly number[], year: number | null): number {
  const i = year === null ? -1 : years.indexOf(year);
  return i >= 0 ? i : years.length - 1;
}

/** Where play starts: the current year, or the first when already at the last. */
export function playStart(index: number, count: number): number {
  return index >= count - 1 ? 0 : index;
}

/** The next year's index while playing, or null: play stops at the last year. */
export function nextPlayIndex(index: number, count: number): number | null {
  return index + 1 < count ? index + 1 : null;
}

/** A tick's position along the track, 0-100 %. */
export function tickPercent(index: number, count: number): number {
  return count < 2 ? 50 : (index / (count - 1)) * 100;
}

/**
 * Whether year label `index` is written. Past `max` labels they crowd a phone, so every other one
 * is kept, plus the last, dropping the one just before the last so two never touch.
 */
export function labelShown(index: number, count: number, max = 8): boolean {
  const last = count - 1;
  return count <= max || index === last || (index % 2 === 0 && last - index >= 2);
}
