import type { z } from "zod";

/**
 * The options of a refinement whose failure is a broken rule (422: well-formed input that a rule
 * refuses, such as a minimum outside [-1, 1]) rather than malformed input (400).
 */
export const asRule = (message: string, path?: string[]) => ({
  message,
  path,
  params: { unprocessable: true },
});

/** Whether every issue of a failed parse is a broken rule, so the answer is 422. */
export function breaksRulesOnly(error: z.ZodError): boolean {
  return error.issues.every(
    (issue) =>
      issue.code === "custom" && (issue.params as { unprocessable?: boolean } | undefined)?.unprocessable,
  );
}
