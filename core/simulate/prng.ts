// Deterministic randomness for the demo generator. Every random number is keyed by the seed and
// by labels (unit code, purpose, year) rather than drawn from one running stream, so adding a
// commune or a new random effect does not reshuffle every other commune's numbers, and the
// order units arrive in (database order) cannot change the output.

/** 32-bit hash of the parts (FNV-1a over the text, then a murmur3-style avalanche). */
export function hash32(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = String(part);
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    // a separator, so ('ab', 'c') and ('a', 'bc') differ
    h ^= 0xff;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function mix(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A small fast generator (sfc32: 128-bit state, passes the usual statistical batteries). */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private spare: number | null = null;

  constructor(seed: number, ...labels: readonly (string | number)[]) {
    // one hash of the labels, spread over the state by splitmix-style steps; the warm-up rounds
    // then decorrelate streams whose hashes differ in few bits
    const h = hash32(seed, ...labels);
    this.a = mix(h + 0x9e3779b9);
    this.b = mix(h + 0x3c6ef372);
    this.c = mix(h + 0xdaa66d2b);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Standard normal (Box-Muller; the pair's second value is kept for the next call). */
  normal(): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return z;
    }
    const u = 1 - this.next(); // (0, 1]: log(0) never happens
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }
}

/** One standard normal keyed by the labels: the same labels always give the same number. */
export function keyedNormal(seed: number, ...labels: readonly (string | number)[]): number {
  return new Rng(seed, ...labels).normal();
}

/** One uniform [0, 1) keyed by the labels. */
export function keyedUniform(seed: number, ...labels: readonly (string | number)[]): number {
  return new Rng(seed, ...labels).next();
}

/**
 * Keyed normals shared by many callers with the same labels (all communes of a district ask for
 * the district's effect): computed once per key.
 */
export function memoNormal(seed: number, ...prefix: readonly (string | number)[]): (key: string) => number {
  const cache = new Map<string, number>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = keyedNormal(seed, ...prefix, key)));
    return value;
  };
}
