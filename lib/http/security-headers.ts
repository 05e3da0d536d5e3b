/**
 * The security headers of every response (set by proxy.ts). Pages get a nonce-based Content-Security-Policy: scripts
 * run only with this response's nonce (Next.js puts it on its own scripts when it renders the page, which is why every
 * page is rendered per request), 'strict-dynamic' lets those load the app's chunks, and nothing else runs: no inline
 * script, no handler attribute, no javascript: URL, no plugin, no frame. Styles allow 'unsafe-inline' because React
 * renders `style` attributes (timeline bars, error pages) that a nonce cannot cover; styles cannot run code.
 * Everything else (API JSON/CSV, static files) gets a policy that allows nothing.
 */
export function contentSecurityPolicy(nonce: string | null, dev = false): string {
  if (nonce === null) return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The headers that do not depend on the request. */
export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  // Source links lead to other sites: they learn nothing of what was searched here.
  "Referrer-Policy": "no-referrer",
  // frame-ancestors 'none' for browsers that predate it.
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};
