/**
 * The circuit breaker in front of one engine. Closed: queries go to the engine. A query that fails
 * (unreachable, past its deadline, failing on its side) opens it, and later queries go straight to the
 * SQLite fallback without waiting on the engine. While it is open, a query that arrives when a probe is
 * due starts a health probe in the background (at growing intervals: 1 s, 2 s, 4 s … 15 s); only a
 * probe that succeeds closes it again. `hold` keeps it open until some work is done (an index rebuild).
 */
export class Breaker {
  private failures = 0;
  private open = false;
  private nextProbeAt = 0;
  private probing = false;
  private held: Promise<unknown> | null = null;

  constructor(
    /** True when the engine is healthy again (and may be trusted). */
    public probe: () => Promise<boolean>,
    private readonly minMs = 1000,
    private readonly maxMs = 15_000,
  ) {}

  get isOpen(): boolean {
    return this.open || this.held !== null;
  }

  /** May a query go to the engine? When not, starts a probe if one is due. */
  allow(): boolean {
    if (this.held) return false;
    if (!this.open) return true;
    this.maybeProbe();
    return false;
  }

  /** A query failed on the engine's side: keep later queries off it. */
  fail(): void {
    // Queries that were already under way when it opened do not count again (10 at once are one failure).
    if (this.open) return;
    this.failures += 1;
    this.open = true;
    this.nextProbeAt = Date.now() + this.backoff();
  }

  /** A query was answered: the engine is fine. */
  succeed(): void {
    this.failures = 0;
    this.open = false;
  }

  /** Keep queries off the engine until `work` settles (then probe as usual). */
  hold(work: Promise<unknown>): void {
    const held = work.then(
      () => undefined,
      () => undefined,
    );
    this.held = held;
    this.open = true;
    this.nextProbeAt = 0;
    void held.then(() => {
      if (this.held === held) this.held = null;
    });
  }

  private backoff(): number {
    return Math.min(this.maxMs, this.minMs * 2 ** Math.min(10, Math.max(0, this.failures - 1)));
  }

  private maybeProbe(): void {
    if (this.probing || Date.now() < this.nextProbeAt) return;
    this.probing = true;
    void this.probe()
      .catch(() => false)
      .then((ok) => {
        this.probing = false;
        // Closed again, but the failure count stays until a query succeeds, so a flapping engine backs off.
        if (ok) this.open = false;
        else {
          this.failures += 1;
          this.nextProbeAt = Date.now() + this.backoff();
        }
      });
  }
}
