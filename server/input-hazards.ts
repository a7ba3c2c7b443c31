// Checks every procedure's raw input before zod sees it, for what no schema should have to think
// about: NUL characters and lone UTF-16 surrogates (PostgreSQL refuses both in text, which would
// surface as a 500), and inputs nested absurdly deep or holding absurdly many values. Run by the
// gate in trpc.ts, so it covers every procedure, present and future.

const MAX_DEPTH = 32;
const MAX_VALUES = 20_000;
// A NUL, or a surrogate half without its partner.
const BAD_CHARACTER = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A bilingual reason the input is refused, or null. */
export function inputHazard(input: unknown): string | null {
  let values = 0;
  const stack: { value: unknown; depth: number }[] = [{ value: input, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (++values > MAX_VALUES) return `dữ liệu vào quá lớn / input holds more than ${MAX_VALUES} values`;
    if (typeof value === 'string') {
      if (BAD_CHARACTER.test(value)) return 'ký tự không hợp lệ (NUL hoặc UTF-16 lẻ) / invalid character (NUL or lone surrogate)';
    } else if (value !== null && typeof value === 'object') {
      if (depth >= MAX_DEPTH) return `dữ liệu vào lồng quá sâu / input nested deeper than ${MAX_DEPTH} levels`;
      for (const [key, child] of Object.entries(value)) {
        stack.push({ value: key, depth: depth + 1 }, { value: child, depth: depth + 1 });
      }
    }
  }
  return null;
}
