/**
 * A per-client fixed-window request counter for the JSON/CSV API (used by proxy.ts): `limit` requests per `windowMs`
 * per client key; past it the caller answers 429 with Retry-After. Memory is bounded: expired windows are swept, and
 * at most `maxClients` keys are tracked (the oldest window is dropped first).
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxClients = 10_000,
  ) {}

  /** Count one request of `key` at `now`: allowed, or the whole seconds until its window resets. */
  hit(key: string, now = Date.now()): { ok: true; remaining: number } | { ok: false; retryAfterS: number } {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (!w && this.windows.size >= this.maxClients) this.sweep(now);
      w = { start: now, count: 0 };
      this.windows.delete(key);
      this.windows.set(key, w);
    }
    if (w.count >= this.limit) return { ok: false, retryAfterS: Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000)) };
    w.count++;
    return { ok: true, remaining: this.limit - w.count };
  }

  private sweep(now: number) {
    for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
    // Still full: drop the oldest windows (Map order is insertion order).
    for (const k of this.windows.keys()) {
      if (this.windows.size < this.maxClients) break;
      this.windows.delete(k);
    }
  }
}

/**
 * The client a request counts against: the first address of X-Forwarded-For (Next's server sets it to the socket's
 * address when the request has none). Behind a reverse proxy, that proxy must overwrite the header; served directly,
 * a client could name itself, which is why the app listens on 127.0.0.1 unless HOST says otherwise.
 */
export function clientKey(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
