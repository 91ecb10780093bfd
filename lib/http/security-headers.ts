// Security headers for every answer (lib/server/http/admit-client.ts sets them on pages, API and the
// hot lane alike; proxy.ts adds the pages' CSP with its per-request nonce). Pure, so both can use it.

/** On every response. Referrer: URLs carry project and item ids, which other sites need not see. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
};

/** JSON and files never need to run, load or be framed by anything. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * A page's policy: scripts only with this response's nonce (Next puts it on its own scripts when it
 * finds it in the request's policy) and what they load ('strict-dynamic'). Styles allow inline
 * `style` attributes: the bars and span highlights are drawn with them, and a nonce cannot cover an
 * attribute. Development needs eval for React's error overlays.
 */
export function pageContentSecurityPolicy(nonce: string, isDev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable, and new for every page. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The Set-Cookie line with the Secure attribute, for answers that travel over HTTPS. */
export function withSecureAttribute(setCookie: string): string {
  return /;\s*secure\s*(?:;|$)/i.test(setCookie) ? setCookie : `${setCookie}; Secure`;
}
