import { NextResponse, type NextRequest } from "next/server";
import { config as atlas } from "@/lib/config";
import { AtlasError, errorResponse } from "@/lib/errors";
import { clientKey, RateLimiter } from "@/lib/http/rate-limit";
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from "@/lib/http/security-headers";

/*
 * Every response passes here: security headers on all of them (lib/http/security-headers.ts), a fresh CSP nonce for
 * each page, and the per-client rate limit of the API (API_RATE_LIMIT per API_RATE_WINDOW_S, 429 with Retry-After).
 */
const limiter = atlas.API_RATE_LIMIT > 0 ? new RateLimiter(atlas.API_RATE_LIMIT, atlas.API_RATE_WINDOW_S * 1000) : null;
const dev = process.env.NODE_ENV === "development";

function withHeaders(res: Response, csp: string): Response {
  for (const [k, v] of Object.entries(STATIC_SECURITY_HEADERS)) res.headers.set(k, v);
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

/** A path Next.js cannot decode (broken or overlong percent-encoding) would fail inside its router with a 500. */
function badPathEncoding(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

function badRequest(isApi: boolean): Response {
  const error = new AtlasError("bad-request", "网址中的百分号编码不正确");
  if (isApi) return errorResponse(error);
  const html = `<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><title>${error.userMessage}</title><p>${error.userMessage}。<a href="/">返回检索</a></p></html>`;
  return new Response(html, { status: 400, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const isApi = pathname === "/api" || pathname.startsWith("/api/");
  if (badPathEncoding(pathname)) return withHeaders(badRequest(isApi), contentSecurityPolicy(null));
  const isPage = !isApi && !pathname.startsWith("/_next/static/") && !/\.(svg|ico|png|txt|xml|js|css|map|woff2?)$/.test(pathname);
  if (isApi && limiter) {
    const verdict = limiter.hit(clientKey(request.headers));
    if (!verdict.ok) {
      const res = errorResponse(new AtlasError("rate-limited", `每个客户端每 ${atlas.API_RATE_WINDOW_S} 秒最多 ${atlas.API_RATE_LIMIT} 次请求，请 ${verdict.retryAfterS} 秒后再试`));
      res.headers.set("Retry-After", String(verdict.retryAfterS));
      return withHeaders(res, contentSecurityPolicy(null));
    }
  }
  if (!isPage) return withHeaders(NextResponse.next(), contentSecurityPolicy(null));
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, dev);
  // Next.js reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp);
}
