import type { z } from "zod";

/** One entry of the problem+json `errors` array: `path` is dot-joined ("values.ents.0.end"). */
export type TFieldError = { path: string; message: string };

type TIssue = z.core.$ZodIssue;

function joinPath(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join(".");
}

/**
 * Flattens zod issues into `{path, message}` entries for RFC 9457 problem responses.
 * An `unrecognized_keys` issue becomes one entry per unknown key, with the key in the path,
 * so every error names its field. `prefix` is prepended to every path (e.g. ["values"]).
 */
export function toFieldErrors(
  error: z.ZodError | readonly TIssue[],
  prefix: readonly PropertyKey[] = [],
): TFieldError[] {
  const issues: readonly TIssue[] = Array.isArray(error) ? error : (error as z.ZodError).issues;
  const out: TFieldError[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        out.push({ path: joinPath([...path, key]), message: `unknown field "${key}"` });
      }
    } else {
      out.push({ path: joinPath(path), message: issue.message });
    }
  }
  return out;
}
