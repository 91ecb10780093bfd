/**
 * Where to send someone after sign-in: `target` as a path on `origin` when it resolves to that
 * origin, else `fallback`. Resolved with the URL parser the browser itself uses, so the tricks a
 * string check misses (`/\evil.example`, a tab in `/\t/evil.example`, `https:evil.example`) land
 * on another origin here too, and are refused.
 */
export function sameOriginPath(target: string | null | undefined, origin: string, fallback = "/"): string {
  if (!target) return fallback;
  let url: URL;
  let base: URL;
  try {
    base = new URL(origin);
    url = new URL(target, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin) return fallback;
  // `/.//evil.example` resolves to the path `//evil.example`, which would be read as a host again
  // the moment it is used as a link: one leading slash only.
  return url.pathname.replace(/^\/+/, "/") + url.search + url.hash;
}
