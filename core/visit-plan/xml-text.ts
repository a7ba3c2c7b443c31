// The two things the GPX and KML writers need to get right by hand: text that is always valid
// XML, and coordinates in plain decimal notation.
//
// Why by hand: no well-kept npm writer keeps what a route file needs here (stop order, a route
// per team and day, team styles); the GeoJSON→GPX/KML converters are unmaintained and flatten
// everything to unordered features. The files are small and their schemas simple, so string
// templates with this one tested escape are the plain choice.

// XML 1.0 §2.2 allows tab, LF, CR and everything from U+0020 except the surrogate block and
// U+FFFE/U+FFFF. A lone surrogate or a control character pasted into a name would make the whole
// file unreadable, so they go; everything else (every Vietnamese letter) is kept as written.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for an element or a quoted attribute: & < > " ' escaped, characters XML forbids dropped. */
export function xmlText(text: string): string {
  return text.normalize('NFC').replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Degrees with 6 decimals (~0.1 m), trailing zeros dropped, never in exponent form. */
export function degrees(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`coordinate is not a number: ${value}`);
  const fixed = value.toFixed(6).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}
