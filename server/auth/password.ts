// Password hashing with scrypt (memory-hard, in node:crypto: no native add-on to build).
//
// Cost: N=2^15, r=8, p=3 — one of OWASP's equivalent scrypt settings (32 MiB per hash). The
// higher-memory ones (N=2^17: 128 MiB) would let a burst of sign-ins exhaust a small server.
// About 0.4 s per hash on the 2-core reference machine. Parameters are stored in each hash, so
// they can be raised later without invalidating existing passwords.
//
// Stored form: scrypt$N$r$p$<salt base64>$<key base64>
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export const PASSWORD_MIN_LENGTH = 10;
/** Long passphrases are fine; megabyte "passwords" only cost us CPU. */
export const PASSWORD_MAX_LENGTH = 200;

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 3 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  // maxmem must exceed 128·N·r (Node's default cap is exactly 32 MiB, which N=2^15, r=8 reaches)
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** Refuses what the rules forbid; returns a bilingual reason, or null when acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `mật khẩu cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự / password needs at least ${PASSWORD_MIN_LENGTH} characters`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return `mật khẩu dài quá ${PASSWORD_MAX_LENGTH} ký tự / password longer than ${PASSWORD_MAX_LENGTH} characters`;
  }
  if (password.trim() !== password) return 'mật khẩu không được bắt đầu/kết thúc bằng dấu cách / no leading or trailing spaces';
  return null;
}

/** `cost` is lowered only by tests, to keep fixture accounts cheap. */
export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0)) return false;
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  const actual = await derive(password, salt, { N, r, p });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends the same time as a real check, for unknown usernames: a quick "no such user" answer
 * would tell an attacker which usernames exist.
 */
export async function verifyAgainstNobody(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-password-of-anyone');
  await verifyPassword(password, await dummyHash);
  return false;
}
