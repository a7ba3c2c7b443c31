// Sign-in rate limit, in memory (one server process; a restart forgets, which is acceptable for
// slowing down password guessing). Failures are counted in a sliding window:
// - per username: 5 failures in 15 minutes lock that username for the rest of the window;
// - per client address: 20 failures, because a whole provincial office often shares one NAT
//   address, and five typos there must not lock out its colleagues.
// While locked, even the right password is refused (otherwise guessing would simply go on), and
// the answer says when to try again. A successful sign-in clears the username's failures.

export interface ThrottleLimits {
  windowMs: number;
  perUsername: number;
  perAddress: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = { windowMs: 15 * 60_000, perUsername: 5, perAddress: 20 };

/** Entries are dropped when their window has passed; the map cannot grow without bound. */
const MAX_KEYS = 50_000;

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: () => Date,
    private readonly limits: ThrottleLimits = DEFAULT_LIMITS,
  ) {}

  /** Milliseconds until the next attempt may be made, or 0 when allowed now. */
  retryAfterMs(username: string, address: string): number {
    return Math.max(this.wait(`u:${username}`, this.limits.perUsername), this.wait(`a:${address}`, this.limits.perAddress));
  }

  recordFailure(username: string, address: string): void {
    const now = this.clock().getTime();
    if (this.failures.size >= MAX_KEYS) this.prune(now);
    for (const key of [`u:${username}`, `a:${address}`]) this.failures.set(key, [...this.recent(key, now), now]);
  }

  recordSuccess(username: string): void {
    this.failures.delete(`u:${username}`);
  }

  private wait(key: string, limit: number): number {
    const now = this.clock().getTime();
    const recent = this.recent(key, now);
    if (recent.length < limit) return 0;
    // locked until the oldest failure that keeps the count at the limit leaves the window
    return recent[recent.length - limit]! + this.limits.windowMs - now;
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.limits.windowMs);
  }

  private prune(now: number): void {
    for (const key of this.failures.keys()) {
      if (this.recent(key, now).length === 0) this.failures.delete(key);
    }
  }
}
