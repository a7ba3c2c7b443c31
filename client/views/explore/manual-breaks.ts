// The manual-breaks editor's logic without the DOM: prefilled texts and per-field validation.
import { parseNumber } from '../../lib/parse-number.ts';

export type BreakError =
  | { kind: 'empty' | 'invalid' | 'ambiguous' }
  | { kind: 'notAboveMin' | 'notBelowMax' | 'notAbovePrevious'; bound: number };

export type BreakCheck = { ok: true; inner: number[] } | { ok: false; errors: (BreakError | null)[] };

/**
 * The k-1 inner edges to prefill. `suggested` holds k+1 edges when it matches `classes`; when it
 * does not (classes just changed, the new classification not in yet) equal steps between the data
 * min and max stand in, so the form never shows a wrong number of fields.
 */
export function initialInner(classes: number, suggested: readonly number[]): number[] {
  if (suggested.length === classes + 1) return suggested.slice(1, -1);
  if (suggested.length < 2) return Array.from({ length: classes - 1 }, () => Number.NaN);
  const [min, max] = [suggested[0], suggested[suggested.length - 1]];
  return Array.from({ length: classes - 1 }, (_, i) => min + ((i + 1) * (max - min)) / classes);
}

/**
 * Prefill text: Vietnamese decimal comma and no thousands dots, because "1.234" would read back
 * as ambiguous (lib/parse-number.ts) and a prefilled field must always parse.
 */
export function breakText(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '';
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: decimals, useGrouping: false }).format(value);
}

/** Each field must parse, lie strictly inside (min, max) and be above the field before it. */
export function checkBreaks(texts: readonly string[], min: number, max: number): BreakCheck {
  const errors: (BreakError | null)[] = [];
  const inner: number[] = [];
  let previous: number | null = null;
  for (const text of texts) {
    const parsed = parseNumber(text);
    let error: BreakError | null = null;
    if (!parsed.ok) error = { kind: parsed.reason };
    else if (parsed.value <= min) error = { kind: 'notAboveMin', bound: min };
    else if (parsed.value >= max) error = { kind: 'notBelowMax', bound: max };
    else if (previous !== null && parsed.value <= previous) error = { kind: 'notAbovePrevious', bound: previous };
    errors.push(error);
    if (parsed.ok) {
      inner.push(parsed.value);
      // Compare the next field with this one even if it is out of range: one error per mistake.
      previous = parsed.value;
    }
  }
  return errors.every((e) => e === null) ? { ok: true, inner } : { ok: false, errors };
}
