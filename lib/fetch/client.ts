import { setTimeout as sleep } from "node:timers/promises";
import robotsParser from "robots-parser";
import { AtlasError } from "../errors";
import { MAX_PAGE_BYTES } from "../ingest/process";

/*
 * The polite HTTP client behind `kb fetch` and `kb watch`. Every request of a run goes through one PoliteClient:
 * - robots.txt of each origin is read once (through the same client) and obeyed for the agent token we send;
 *   a 4xx robots.txt allows everything, an unreachable one (5xx, network) disallows everything (RFC 9309 §2.3.1);
 *   its Crawl-delay, when longer than our interval, is used for that host;
 * - one request at a time per host, at most `ratePerSecond` per second;
 * - 429, 5xx and network errors are retried with exponential backoff, waiting as long as Retry-After says
 *   (refused when it asks for longer than `maxRetryAfterMs`);
 * - redirects are followed by hand (each hop is checked against robots.txt and rate-limited) up to `maxRedirects`,
 *   and a chain that comes back to a URL it visited is a loop;
 * - the time budget of the run bounds every wait.
 */

export const PRODUCT = "DeltaAtlas";
export const PRODUCT_VERSION = "0.1";

export interface ClientOptions {
  /** Contact URL named in the User-Agent (CRAWLER_CONTACT). */
  contact?: string;
  /** Requests per second to one host (default 1). */
  ratePerSecond?: number;
  /** Attempts after the first one for 429, 5xx and network errors (default 3). */
  retries?: number;
  /** First backoff, doubled at each retry (default 2 s). */
  backoffMs?: number;
  /** Longest Retry-After obeyed; a longer one gives up on the URL (default 120 s). */
  maxRetryAfterMs?: number;
  /** Longest Crawl-delay obeyed (default 60 s). */
  maxCrawlDelayMs?: number;
  /** Redirects followed per URL (default 5). */
  maxRedirects?: number;
  /** Deadline of one request, headers and body (default 30 s). */
  requestTimeoutMs?: number;
  /** Largest body accepted (default 20 MiB, the ingest's own limit). */
  maxBytes?: number;
  /** Absolute time (ms since epoch) after which no request starts and no wait runs past. */
  deadline?: number;
  /** For tests: the fetch to use (default the global undici fetch). */
  fetchImpl?: typeof fetch;
}

export function userAgent(contact: string | undefined): string {
  return `${PRODUCT}/${PRODUCT_VERSION} (+${contact ?? "contact not configured: set CRAWLER_CONTACT"}; Yangtze River Delta policy knowledge base)`;
}

export interface Fetched {
  /** The URL asked for. */
  url: string;
  /** Where the last redirect led (== url without redirects). */
  finalUrl: string;
  status: number;
  headers: Headers;
  /** Empty for a 304. */
  body: Uint8Array;
  redirects: string[];
}

export interface RequestOptions {
  /** Content types accepted (lowercase media types); anything else is refused as `unsupported`. */
  accept: (mediaType: string) => boolean;
  /** What is accepted, for the refusal message. */
  acceptLabel: string;
  /** Conditional request validators from the stored copy. */
  etag?: string | null;
  lastModified?: string | null;
  /** Skip robots.txt (only for robots.txt itself). */
  skipRobots?: boolean;
}

const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);

export const isHtmlType = (t: string) => t === "text/html" || t === "application/xhtml+xml";
export const isXmlType = (t: string) => /^(text|application)\/([\w.+-]+\+)?xml$/.test(t) || t === "application/x-gzip" || t === "application/gzip" || t === "text/plain";

/** The media type of a Content-Type header, lowercased ("" when absent). */
export function mediaType(header: string | null): string {
  return (header ?? "").split(";")[0]!.trim().toLowerCase();
}

/** charset=… of a Content-Type header. */
export function headerCharset(header: string | null): string | null {
  const m = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(header ?? "");
  return m?.[1] ?? null;
}

/** Retry-After in ms: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

/** Strips the fragment: the same page under two anchors is one URL. */
export function canonicalUrl(raw: string, base?: string): string {
  const u = new URL(raw, base);
  u.hash = "";
  return u.href;
}

interface Robots {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}

export class PoliteClient {
  readonly userAgent: string;
  private readonly o: Required<Omit<ClientOptions, "contact" | "deadline" | "fetchImpl">> & { deadline: number };
  private readonly fetchImpl: typeof fetch;
  private readonly robots = new Map<string, Promise<Robots>>();
  /** Per host: when the next request may start, and the chain of requests waiting for it. */
  private readonly hosts = new Map<string, { next: number; queue: Promise<void>; intervalMs: number }>();
  /** Requests actually sent (robots.txt included), for the summary. */
  requests = 0;
  /** Pages asked for and pages reached (after redirects) in this run: one client is one run, none is fetched twice. */
  readonly asked = new Set<string>();
  readonly reached = new Set<string>();

  constructor(opts: ClientOptions = {}) {
    this.userAgent = userAgent(opts.contact);
    this.fetchImpl = opts.fetchImpl ?? fetch;
    this.o = {
      ratePerSecond: opts.ratePerSecond ?? 1,
      retries: opts.retries ?? 3,
      backoffMs: opts.backoffMs ?? 2000,
      maxRetryAfterMs: opts.maxRetryAfterMs ?? 120_000,
      maxCrawlDelayMs: opts.maxCrawlDelayMs ?? 60_000,
      maxRedirects: opts.maxRedirects ?? 5,
      requestTimeoutMs: opts.requestTimeoutMs ?? 30_000,
      maxBytes: opts.maxBytes ?? MAX_PAGE_BYTES,
      deadline: opts.deadline ?? Number.POSITIVE_INFINITY,
    };
  }

  /** Time left in the run's budget. */
  private remaining(): number {
    return this.o.deadline - Date.now();
  }

  private async wait(ms: number, what: string): Promise<void> {
    if (ms <= 0) return;
    if (ms > this.remaining()) throw new AtlasError("budget", `${what}: waiting ${(ms / 1000).toFixed(1)} s would pass the run's time budget`);
    await sleep(ms);
  }

  /** Runs `fn` when the host's turn comes: one request at a time per host, spaced by its interval. */
  private async slot<T>(host: string, fn: () => Promise<T>): Promise<T> {
    let h = this.hosts.get(host);
    if (!h) {
      h = { next: 0, queue: Promise.resolve(), intervalMs: 1000 / this.o.ratePerSecond };
      this.hosts.set(host, h);
    }
    const state = h;
    const turn = state.queue.then(async () => {
      await this.wait(state.next - Date.now(), host);
      try {
        return await fn();
      } finally {
        state.next = Date.now() + state.intervalMs;
      }
    });
    state.queue = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  private robotsFor(url: URL): Promise<Robots> {
    const origin = url.origin;
    let r = this.robots.get(origin);
    if (!r) {
      r = this.loadRobots(origin);
      this.robots.set(origin, r);
    }
    return r;
  }

  private async loadRobots(origin: string): Promise<Robots> {
    const robotsUrl = `${origin}/robots.txt`;
    let text = "";
    try {
      const res = await this.get(robotsUrl, { accept: () => true, acceptLabel: "any", skipRobots: true });
      if (res.status >= 200 && res.status < 300) text = new TextDecoder().decode(res.body);
    } catch (error) {
      if (error instanceof AtlasError && error.code === "budget") {
        this.robots.delete(origin);
        throw error;
      }
      // 4xx: no rules, everything allowed. Unreachable or failing: nothing allowed (RFC 9309 §2.3.1.4).
      if (!(error instanceof AtlasError && error.code === "http-status" && /HTTP 4\d\d\b/.test(error.message))) {
        text = "User-agent: *\nDisallow: /";
      }
    }
    const robots = robotsParser(robotsUrl, text) as Robots;
    const delay = robots.getCrawlDelay(PRODUCT);
    const host = new URL(origin).host;
    if (delay && delay > 0) {
      const h = this.hosts.get(host);
      const intervalMs = Math.min(delay * 1000, this.o.maxCrawlDelayMs);
      if (h) h.intervalMs = Math.max(h.intervalMs, intervalMs);
      else this.hosts.set(host, { next: 0, queue: Promise.resolve(), intervalMs: Math.max(intervalMs, 1000 / this.o.ratePerSecond) });
    }
    return robots;
  }

  /** Whether robots.txt lets us fetch this URL. */
  async allowed(url: string): Promise<boolean> {
    const robots = await this.robotsFor(new URL(url));
    return robots.isAllowed(url, PRODUCT) !== false;
  }

  /**
   * GET one URL politely. Throws AtlasError: `robots`, `http-status` (4xx, or 5xx after the retries), `redirects`,
   * `network`, `timeout`, `unsupported` (content type), `too-large`, `budget`.
   */
  async get(url: string, req: RequestOptions): Promise<Fetched> {
    const redirects: string[] = [];
    const visited = new Set<string>();
    let current = canonicalUrl(url);
    for (;;) {
      visited.add(current);
      const target = new URL(current);
      if (!/^https?:$/.test(target.protocol)) throw new AtlasError("unsupported", `${current}: only http and https URLs are fetched`);
      if (!req.skipRobots && !(await this.allowed(current))) {
        throw new AtlasError("robots", `${current}: robots.txt of ${target.host} disallows it for ${PRODUCT}`);
      }
      const res = await this.withRetries(current, req);
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        const location = res.headers.get("location");
        if (!location) throw new AtlasError("http-status", `${current}: HTTP ${res.status} without a Location header`);
        const next = canonicalUrl(location, current);
        if (visited.has(next)) throw new AtlasError("redirects", `${url}: redirect loop (${[...redirects, next].join(" → ")})`);
        redirects.push(next);
        if (redirects.length > this.o.maxRedirects) throw new AtlasError("redirects", `${url}: more than ${this.o.maxRedirects} redirects`);
        current = next;
        continue;
      }
      return { ...res, url: canonicalUrl(url), finalUrl: current, redirects };
    }
  }

  private async withRetries(url: string, req: RequestOptions) {
    const host = new URL(url).host;
    for (let attempt = 0; ; attempt++) {
      let retryAfter: number | null = null;
      let failure: AtlasError;
      try {
        const res = await this.slot(host, () => this.once(url, req));
        if (!RETRY_STATUS.has(res.status)) {
          if (res.status >= 400) throw new AtlasError("http-status", `${url}: HTTP ${res.status}`);
          return res;
        }
        retryAfter = retryAfterMs(res.headers.get("retry-after"));
        failure = new AtlasError("http-status", `${url}: HTTP ${res.status} after ${attempt + 1} attempt(s)`);
      } catch (error) {
        if (!(error instanceof AtlasError) || !["network", "timeout"].includes(error.code)) throw error;
        failure = error;
      }
      if (attempt >= this.o.retries) throw failure;
      if (retryAfter !== null && retryAfter > this.o.maxRetryAfterMs) {
        throw new AtlasError("http-status", `${failure.message}; Retry-After asks for ${Math.round(retryAfter / 1000)} s, over the ${this.o.maxRetryAfterMs / 1000} s we wait`);
      }
      const backoff = this.o.backoffMs * 2 ** attempt * (0.75 + Math.random() * 0.5);
      await this.wait(Math.max(retryAfter ?? 0, backoff), url);
    }
  }

  /**
   * One request, no retries, no redirects followed; the body read only for a final 2xx page. The validators go with
   * every hop: the stored copy is what the chain led to, so a 304 anywhere on it means that copy is still current.
   */
  private async once(url: string, req: RequestOptions): Promise<{ status: number; headers: Headers; body: Uint8Array }> {
    if (this.remaining() <= 0) throw new AtlasError("budget", `${url}: the run's time budget is spent`);
    const headers: Record<string, string> = {
      "user-agent": this.userAgent,
      accept: req.acceptLabel === "any" ? "*/*" : "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
      "accept-language": "zh-CN,zh;q=0.9,en;q=0.5",
    };
    if (req.etag) headers["if-none-match"] = req.etag;
    if (req.lastModified) headers["if-modified-since"] = req.lastModified;
    const controller = new AbortController();
    const timeoutMs = Math.min(this.o.requestTimeoutMs, Math.max(1, this.remaining()));
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    this.requests++;
    try {
      let res: Response;
      try {
        res = await this.fetchImpl(url, { headers, redirect: "manual", signal: controller.signal });
      } catch (error) {
        throw this.networkError(url, error, controller.signal.aborted, timeoutMs);
      }
      if (res.status < 200 || res.status >= 300) {
        await res.body?.cancel().catch(() => {});
        return { status: res.status, headers: res.headers, body: new Uint8Array() };
      }
      const type = mediaType(res.headers.get("content-type"));
      if (!req.accept(type)) {
        await res.body?.cancel().catch(() => {});
        throw new AtlasError("unsupported", `${url}: Content-Type ${type || "(none)"} is not ${req.acceptLabel}`);
      }
      const declared = Number(res.headers.get("content-length"));
      if (Number.isFinite(declared) && declared > this.o.maxBytes) {
        await res.body?.cancel().catch(() => {});
        throw this.tooLarge(url, declared);
      }
      let body: Uint8Array;
      try {
        body = await this.readCapped(url, res);
      } catch (error) {
        if (error instanceof AtlasError) throw error;
        throw this.networkError(url, error, controller.signal.aborted, timeoutMs);
      }
      return { status: res.status, headers: res.headers, body };
    } finally {
      clearTimeout(timer);
    }
  }

  private tooLarge(url: string, bytes: number): AtlasError {
    return new AtlasError("too-large", `${url}: ${(bytes / 1048576).toFixed(1)} MB, over the ${(this.o.maxBytes / 1048576).toFixed(1)} MB limit for one page`);
  }

  private networkError(url: string, error: unknown, aborted: boolean, timeoutMs: number): AtlasError {
    if (aborted) return new AtlasError("timeout", `${url}: no complete answer within ${(timeoutMs / 1000).toFixed(1)} s`, { cause: error });
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return new AtlasError("network", `${url}: ${cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))}`, { cause: error });
  }

  /** The body, stopping (and refusing the page) as soon as it passes maxBytes. */
  private async readCapped(url: string, res: Response): Promise<Uint8Array> {
    if (!res.body) return new Uint8Array();
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > this.o.maxBytes) {
        await reader.cancel().catch(() => {});
        throw this.tooLarge(url, size);
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks);
  }
}
