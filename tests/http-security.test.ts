import { describe, expect, it } from "vitest";
import { clientKey, RateLimiter } from "@/lib/http/rate-limit";
import { contentSecurityPolicy } from "@/lib/http/security-headers";

describe("RateLimiter", () => {
  it("allows `limit` requests per window per client, then tells how long to wait", () => {
    const rl = new RateLimiter(3, 60_000);
    const t = 1_000_000;
    expect([1, 2, 3].map(() => rl.hit("a", t).ok)).toEqual([true, true, true]);
    expect(rl.hit("a", t + 1_000)).toEqual({ ok: false, retryAfterS: 59 });
    // Another client has its own window.
    expect(rl.hit("b", t + 1_000).ok).toBe(true);
    // A new window starts when the old one is over.
    expect(rl.hit("a", t + 60_000)).toEqual({ ok: true, remaining: 2 });
  });

  it("tracks at most maxClients clients (the oldest windows go first)", () => {
    const rl = new RateLimiter(1, 60_000, 100);
    for (let i = 0; i < 1_000; i++) rl.hit(`c${i}`, 0);
    expect((rl as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(100);
    // The latest client is still limited.
    expect(rl.hit("c999", 1).ok).toBe(false);
  });

  it("names the client by the first X-Forwarded-For address", () => {
    expect(clientKey(new Headers({ "x-forwarded-for": "10.0.0.1, 127.0.0.1" }))).toBe("10.0.0.1");
    expect(clientKey(new Headers())).toBe("unknown");
  });
});

describe("contentSecurityPolicy", () => {
  it("lets pages run only scripts with this response's nonce, and nothing run elsewhere", () => {
    const csp = contentSecurityPolicy("abc123");
    const script = /script-src ([^;]*)/.exec(csp)![1]!;
    expect(script).toContain("'nonce-abc123'");
    expect(script).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    for (const d of ["object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "frame-src 'none'"]) expect(csp).toContain(d);
    expect(contentSecurityPolicy("x", true)).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy(null)).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  });
});
