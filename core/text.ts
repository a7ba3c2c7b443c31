// Vietnamese text normalisation for matching (search, imports). Names are always *shown* as the
// source writes them; these keys are only for comparing.
//
// Two names are the same place when they differ only in
// - Unicode form (NFC "ò" U+00F2 vs NFD "o" + U+0300),
// - tone-mark placement (old "Hoà", "Thuỷ" vs new "Hòa", "Thủy": the mark sits on another vowel),
// - diacritics altogether (a user typing "hoa dong" on a phone without a Vietnamese keyboard),
// - case and spacing.
// Stripping every combining mark after NFD covers the first three at once; đ/Đ is a separate
// letter (U+0111/U+0110), not a base letter plus a mark, so it needs its own rule.

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Folded key: lower case, no diacritics, đ→d, single spaces. "Xã Hoà  Đồng" → "xa hoa dong". */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Tone marks (dấu thanh) vs vowel-quality marks (dấu mũ, móc, trăng). Only the tone's position
// varies between the old and new orthography, so a key that keeps vowel quality and the tone
// but drops its position tells "Hòa"="Hoà" apart from "Hóa" and "Hoa".
const TONE_MARKS: Record<string, string> = {
  '\u0300': 'f', // huyền
  '\u0301': 's', // sắc
  '\u0303': 'x', // ngã
  '\u0309': 'r', // hỏi
  '\u0323': 'j', // nặng
};

/**
 * Key that equals for the same written word in either tone placement or Unicode form, and
 * differs when the letters or the tone differ: "Hoà"/"Hòa" → "hoaf", "Hóa" → "hoas".
 */
export function toneInsensitiveKey(text: string): string {
  const words = text.normalize('NFD').toLowerCase().split(/[^\p{L}\p{N}\u0300-\u036f]+/u);
  return words
    .filter((w) => w.length > 0)
    .map((word) => {
      let tone = '';
      let letters = '';
      for (const ch of word) {
        const t = TONE_MARKS[ch];
        if (t) tone = t;
        else letters += ch;
      }
      return letters.normalize('NFC') + tone;
    })
    .join(' ');
}

/** Administrative prefixes written before a unit's name; a search for "Tây Hòa" finds "Huyện Tây Hòa". */
const UNIT_TYPE_PREFIXES = [
  'thanh pho truc thuoc trung uong',
  'thanh pho',
  'tinh',
  'thu do',
  'quan',
  'huyen',
  'thi xa',
  'thi tran',
  'phuong',
  'xa',
  'dac khu',
];

/** The folded name without its type word: "Huyện Tây Hòa" → "tay hoa". */
export function foldedBareName(text: string): string {
  const folded = foldVietnamese(text);
  for (const prefix of UNIT_TYPE_PREFIXES) {
    if (folded.startsWith(prefix + ' ')) return folded.slice(prefix.length + 1);
  }
  return folded;
}
