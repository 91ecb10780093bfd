// Text PostgreSQL cannot store as sent: NUL (refused by text and jsonb alike) and lone UTF-16
// surrogates (refused in jsonb, silently turned into U+FFFD in text). Both are refused where input
// enters, naming the field, so nothing reaches the database and nothing is changed on the way.

/** Deepest nesting a JSON body may have: far beyond any Concord input, far below a stack overflow. */
export const MAX_JSON_DEPTH = 64;

/** Why `text` cannot be stored, or null when it can. */
export function unsafeTextReason(text: string): string | null {
  if (text.includes("\u0000")) return "must not contain the NUL character (\\u0000)";
  if (!text.isWellFormed()) return "must not contain a lone UTF-16 surrogate such as \\ud800";
  return null;
}

/** The first string or key in a parsed JSON value that cannot be stored, with its dot-joined path. */
export function findUnsafeText(value: unknown, prefix = ""): { path: string; message: string } | null {
  const stack: [unknown, string][] = [[value, prefix]];
  const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
  while (stack.length) {
    const [node, path] = stack.pop()!;
    if (typeof node === "string") {
      const message = unsafeTextReason(node);
      if (message) return { path: path || "(body)", message };
    } else if (Array.isArray(node)) {
      node.forEach((child, i) => stack.push([child, join(path, i)]));
    } else if (node && typeof node === "object") {
      for (const [key, child] of Object.entries(node)) {
        const message = unsafeTextReason(key);
        if (message) return { path: join(path, JSON.stringify(key)), message: `key ${message}` };
        stack.push([child, join(path, key)]);
      }
    }
  }
  return null;
}

/**
 * Whether JSON text nests deeper than `max` arrays and objects, read without parsing (so a hostile
 * body cannot exhaust the stack of whatever walks it later).
 */
export function jsonDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}
