// Pure lookup + interpolation, separate from the reactive locale so it can be used (and tested)
// outside components.
import { formatNumber } from '../format.ts';
import { MESSAGES, type Locale, type MessageKey } from './messages.ts';

export type MessageParams = Record<string, string | number>;

/** "{count} tỉnh" + {count: 1234} → "1.234 tỉnh" (vi). Unknown placeholders stay visible. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = MESSAGES[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, locale) : value;
  });
}
