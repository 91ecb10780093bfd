/**
 * One entry of `dataFields`: `name` copies the field `name`; `name=source.path` stores under
 * `name` the value at a dot-separated path of the record (`meta.source`). A bare entry with dots
 * is the field of that literal name when the record has one, else the nested path.
 * Free of Node imports: the import page's preview applies the same rule in the browser.
 */
export type TDataFieldPick = { name: string; path: string[]; literal: string | null };

export function parseDataField(entry: string): TDataFieldPick {
  const eq = entry.indexOf("=");
  if (eq === -1) return { name: entry, path: entry.split("."), literal: entry };
  const name = entry.slice(0, eq).trim();
  const source = entry.slice(eq + 1).trim();
  return { name, path: source.split("."), literal: source.includes(".") ? null : source };
}

export function pickValue(raw: Record<string, unknown>, pick: TDataFieldPick): unknown {
  if (pick.literal !== null && Object.hasOwn(raw, pick.literal)) return raw[pick.literal];
  let at: unknown = raw;
  for (const segment of pick.path) {
    if (typeof at !== "object" || at === null || Array.isArray(at) || !Object.hasOwn(at, segment)) {
      return undefined;
    }
    at = (at as Record<string, unknown>)[segment];
  }
  return at;
}
