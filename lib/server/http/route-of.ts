/**
 * A path with its ids replaced by `:id`, so log lines group by route: numbers, UUIDs and the long
 * random ids Concord hands out.
 */
export function routeOf(pathname: string): string {
  return pathname
    .split("/")
    .map((segment) =>
      /^\d+$/.test(segment) ||
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment) ||
      (segment.length >= 20 && /^[\w-]+$/.test(segment) && /\d/.test(segment))
        ? ":id"
        : segment,
    )
    .join("/");
}
