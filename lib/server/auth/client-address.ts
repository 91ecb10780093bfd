import "server-only";

type THeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

/**
 * The client's address for throttling. Next.js's server sets x-forwarded-for from the socket; behind
 * a reverse proxy the proxy must set it (docs/deployment.md). The first entry is the client.
 */
export function clientAddress(headers: THeaderSource): string | null {
  if (!headers) return null;
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const first = value?.split(",")[0]?.trim();
  return first ? first.slice(0, 64) : null;
}
