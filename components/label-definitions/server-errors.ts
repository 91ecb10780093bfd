/** Field errors from a rejected save, by dot-joined path, plus the problem's overall message. */
export type TServerErrors = { fields: Record<string, string>; message: string };

type TProblemLike = { problem?: { errors?: unknown } };

/**
 * Reads an API error (an ApiError from lib/client/api-error, or anything carrying a problem+json
 * `problem.errors` array of `{path, message}`) into field errors; other errors keep just their message.
 */
export function toServerErrors(error: unknown): TServerErrors {
  const message = error instanceof Error && error.message ? error.message : "Saving failed. Try again.";
  const fields: Record<string, string> = {};
  const list = (error as TProblemLike | null)?.problem?.errors;
  if (Array.isArray(list)) {
    for (const entry of list) {
      if (typeof entry?.path === "string" && typeof entry?.message === "string")
        fields[entry.path] ??= entry.message;
    }
  }
  return { fields, message };
}

/** Paths the form shows next to a field; errors at any other path are listed above the submit button. */
const PLACED_PATH =
  /^(key|kind|title|required|guidelines|options|options\.\d+\.(key|title|hotkey|description)|min|max|labels\.-?\d+|textField|textFields(\.[01])?|allowTie|shuffleSides|maxLength)$/;

export function unplacedErrors(fields: Record<string, string>): { path: string; message: string }[] {
  return Object.entries(fields)
    .filter(([path]) => !PLACED_PATH.test(path))
    .map(([path, message]) => ({ path, message }));
}
