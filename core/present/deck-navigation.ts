// What a key does while a deck is presented. Presentation clickers (Logitech, Kensington…) send
// PageDown / PageUp for next / previous, F5 and Escape alternately from their "start" button and
// "." or "b" from their "blank screen" button; keyboards add the arrows, space and Home / End.

export type DeckAction =
  | { kind: 'go'; index: number }
  | { kind: 'blank' }
  | { kind: 'exit' }
  | { kind: 'fullscreen' };

const NEXT = new Set(['PageDown', 'ArrowRight', 'ArrowDown', ' ', 'Enter', 'n', 'N']);
const PREVIOUS = new Set(['PageUp', 'ArrowLeft', 'ArrowUp', 'Backspace', 'p', 'P']);

/**
 * The action for a key at slide `index` of `count`, or null when the key means nothing here.
 * Stops at both ends (no wrap): a clicker pressed once too often must not jump back to slide 1
 * in front of the hall.
 */
export function deckKey(key: string, index: number, count: number): DeckAction | null {
  if (count <= 0) return key === 'Escape' ? { kind: 'exit' } : null;
  const last = count - 1;
  const at = Math.min(Math.max(index, 0), last);
  if (NEXT.has(key)) return { kind: 'go', index: Math.min(at + 1, last) };
  if (PREVIOUS.has(key)) return { kind: 'go', index: Math.max(at - 1, 0) };
  if (key === 'Home') return { kind: 'go', index: 0 };
  if (key === 'End') return { kind: 'go', index: last };
  if (key === 'b' || key === 'B' || key === '.') return { kind: 'blank' };
  if (key === 'Escape') return { kind: 'exit' };
  if (key === 'f' || key === 'F' || key === 'F5') return { kind: 'fullscreen' };
  return null;
}
