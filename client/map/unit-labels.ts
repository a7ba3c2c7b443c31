// Label text for units on the map. The feature keeps the full name ("Tỉnh Đắk Lắk") for
// tooltips, search and tests; the map shows the short form printed on Vietnamese maps, because
// 34 repetitions of "Tỉnh" crowd the national view.

/**
 * NFC, because MapLibre renders local glyphs one code point at a time: a decomposed name (NFD,
 * "a" + U+0306 + U+0301) would draw its marks as separate glyphs beside the letter.
 * NFC changes the bytes, never the letters, so the name still reads as the source wrote it.
 */
export function labelText(name: string): string {
  return name.normalize('NFC').trim();
}

/** "Tỉnh Đắk Lắk" → "Đắk Lắk", "Thành phố Hồ Chí Minh" → "TP. Hồ Chí Minh". */
export function provinceLabel(fullName: string): string {
  const name = labelText(fullName);
  if (name.startsWith('Tỉnh ')) return name.slice('Tỉnh '.length);
  if (name.startsWith('Thành phố ')) return `TP. ${name.slice('Thành phố '.length)}`;
  return name;
}

const HA_NOI = '01';

/**
 * Collision priority of a province label (lower wins). Hà Nội first, then the other centrally
 * governed cities (thành phố trực thuộc trung ương), then the rest in code order, which runs
 * north to south and is stable from one render to the next.
 */
export function labelPriority(code: string, fullName: string): number {
  if (code === HA_NOI) return 0;
  const numeric = Number.parseInt(code, 10);
  const order = Number.isFinite(numeric) ? numeric : 999;
  return labelText(fullName).startsWith('Thành phố ') ? 100 + order : 1000 + order;
}
