// HTTP Range header (RFC 9110 §14) for one byte range, which is all FlatGeobuf's reader asks for.
//
// - no header, or one we cannot parse, or several ranges → serve the whole file (200): the RFC
//   lets a server ignore Range, and a 200 is always correct where a wrong 206 would corrupt data;
// - a range that starts at or past the end → 416 with `Content-Range: bytes */size`;
// - an end past the file is clipped; `bytes=-N` is the last N bytes.

export type ByteRange =
  | { kind: 'whole' }
  | { kind: 'partial'; start: number; end: number /* inclusive */ }
  | { kind: 'unsatisfiable' };

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

export function parseByteRange(header: string | undefined, size: number): ByteRange {
  if (header === undefined) return { kind: 'whole' };
  const match = SINGLE_RANGE.exec(header.trim());
  if (!match) return { kind: 'whole' };
  const [, first, last] = match;
  if (first === '' && last === '') return { kind: 'whole' };

  if (first === '') {
    // suffix range: the last N bytes
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - length), end: size - 1 };
  }

  const start = Number(first);
  const end = last === '' ? size - 1 : Number(last);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return { kind: 'whole' };
  if (start >= size) return { kind: 'unsatisfiable' };
  if (end < start) return { kind: 'whole' }; // syntactically invalid per RFC 9110: ignore
  return { kind: 'partial', start, end: Math.min(end, size - 1) };
}
