import "server-only";
import type { z } from "zod";
import type { TFieldError } from "@/lib/server/errors";

export function zodErrors(error: z.ZodError): TFieldError[] {
  return error.issues.map((issue) => {
    const base = issue.path.map(String).join(".");
    // zod reports unknown keys on the parent object: name each unknown field itself.
    if (issue.code === "unrecognized_keys") {
      return {
        path: issue.keys.map((k) => (base ? `${base}.${k}` : k)).join(", "),
        message: "unknown field",
      };
    }
    return { path: base || "(root)", message: issue.message };
  });
}
