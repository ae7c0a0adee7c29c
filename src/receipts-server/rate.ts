/**
 * Requests per minute per client: a token bucket per address that holds
 * `perMinute` tokens and refills continuously, so a client may burst up to the
 * limit and then keeps to the rate. Buckets that have filled up again are
 * forgotten, which bounds the memory to the clients active in the last minute.
 */
export interface RateLimiter {
  /** Take one request for `client`: 0 when allowed, else the seconds until it would be (for Retry-After). */
  take(client: string, now?: number): number;
  /** Clients currently tracked. */
  size(): number;
}

export function rateLimiter(perMinute: number): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  let sweptAt = 0;
  const refill = (b: { tokens: number; at: number }, now: number) => {
    b.tokens = Math.min(perMinute, b.tokens + ((now - b.at) * perMinute) / 60_000);
    b.at = now;
  };
  return {
    take(client, now = Date.now()) {
      if (now - sweptAt > 60_000) {
        sweptAt = now;
        for (const [key, b] of buckets) {
          refill(b, now);
          if (b.tokens >= perMinute) buckets.delete(key);
        }
      }
      let b = buckets.get(client);
      if (!b) buckets.set(client, (b = { tokens: perMinute, at: now }));
      refill(b, now);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      // (a nanosecond's slack so that float rounding never adds a whole second)
      return Math.max(1, Math.ceil(((1 - b.tokens) * 60) / perMinute - 1e-9));
    },
    size: () => buckets.size,
  };
}
