// Saved decks, in the browser's localStorage. Why not the server: a deck is a presenter's working
// set (a few view links), and the whole deck also travels as a link (`#/trinh-chieu?v=…&v=…`,
// "Sao chép liên kết"), which opens on the conference PC or in another browser without any
// account-side storage, migration or scope rules. The link is the way to share; this store is
// the presenter's own shelf.
import { parsePresentView, serializePresentView, type PresentView } from './view-query.ts';

export interface SavedDeck {
  id: string;
  name: string;
  /** ISO time of the last save. */
  savedAt: string;
  /** View queries, in order. */
  views: string[];
}

const KEY = 'povmap.present.decks';
/** Views per deck and decks kept: a deck is a talk, not an archive. */
const MAX_VIEWS = 60;
const MAX_DECKS = 50;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // blocked storage (private mode, sandboxed frame)
  }
}

export function listDecks(store: Storage | null = storage()): SavedDeck[] {
  try {
    const parsed: unknown = JSON.parse(store?.getItem(KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (d): d is SavedDeck =>
        typeof d?.id === 'string' && typeof d?.name === 'string' && typeof d?.savedAt === 'string' && Array.isArray(d?.views) && d.views.every((v: unknown) => typeof v === 'string'),
    );
  } catch {
    return [];
  }
}

export function loadDeck(id: string, store: Storage | null = storage()): { name: string; views: PresentView[] } | null {
  const deck = listDecks(store).find((d) => d.id === id);
  return deck ? { name: deck.name, views: deck.views.map((v) => parsePresentView(v)) } : null;
}

/** Saves (a new id when `id` is null) and returns the saved deck; most recent first. */
export function saveDeck(
  deck: { id: string | null; name: string; views: readonly PresentView[] },
  now: Date = new Date(),
  store: Storage | null = storage(),
): SavedDeck {
  const saved: SavedDeck = {
    id: deck.id ?? newId(now),
    name: deck.name.trim().slice(0, 120) || '—',
    savedAt: now.toISOString(),
    views: deck.views.slice(0, MAX_VIEWS).map((v) => serializePresentView(v)),
  };
  const others = listDecks(store).filter((d) => d.id !== saved.id);
  store?.setItem(KEY, JSON.stringify([saved, ...others].slice(0, MAX_DECKS)));
  return saved;
}

export function deleteDeck(id: string, store: Storage | null = storage()): void {
  store?.setItem(KEY, JSON.stringify(listDecks(store).filter((d) => d.id !== id)));
}

function newId(now: Date): string {
  return `${now.getTime().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
}
