// The current UI language as Svelte state: components calling t() re-render when it changes.
// Remembered in localStorage so a presenter who switched to English keeps it on reload.
import { LOCALES, type Locale, type MessageKey } from './messages.ts';
import { translate, type MessageParams } from './translate.ts';

const STORAGE_KEY = 'povmap.locale';

function initialLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  } catch {
    // Storage can be blocked (private mode, sandboxed frame): Vietnamese is the default anyway.
  }
  return 'vi';
}

const state = $state<{ locale: Locale }>({ locale: initialLocale() });

export function getLocale(): Locale {
  return state.locale;
}

export function setLocale(locale: Locale): void {
  state.locale = locale;
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // see initialLocale
  }
}

/** Translate in the current locale; reactive when called from a template or $derived/$effect. */
export function t(key: MessageKey, params?: MessageParams): string {
  return translate(state.locale, key, params);
}
