import "server-only";

type THeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

// Set by the client admission of lib/cli/serve/serve.ts (lib/server/http/admit-client.ts), which
// overwrites X-Forwarded-For on every request with the one address it resolved from the socket and
// the trusted proxies. Without it (`next dev`, a bare `next start`) the header is whatever the
// client sent.
const ADMITTED = Symbol.for("concord.clientAdmission");

export function markClientAdmitted(): void {
  (globalThis as Record<symbol, unknown>)[ADMITTED] = true;
}

/** The client's address for throttling, or null when no client admission vouches for it. */
export function clientAddress(headers: THeaderSource): string | null {
  if (!headers || (globalThis as Record<symbol, unknown>)[ADMITTED] !== true) return null;
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const first = value?.split(",")[0]?.trim();
  return first ? first.slice(0, 64) : null;
}
