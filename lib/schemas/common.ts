import { z } from "zod";

export const ZId = z.uuid({ message: "must be an id" });

const MAX_BIGINT = 9223372036854775807n;
/** A bigint row id as the URL carries it: digits that fit PostgreSQL's bigint (2^63 - 1 at most). */
export const ZBigintId = (message = "must be an id") =>
  z
    .string()
    .regex(/^\d{1,19}$/, message)
    // zod runs every check even after the regex failed: only digits may reach BigInt().
    .refine((v) => /^\d{1,19}$/.test(v) && BigInt(v) <= MAX_BIGINT, message);
export const ZEmail = z
  .string()
  .trim()
  .max(320, "must be at most 320 characters")
  .pipe(z.email({ message: "must be an email address" }))
  .transform((e) => e.toLowerCase());
export const ZPassword = z
  .string()
  .min(10, "must be at least 10 characters")
  .max(200, "must be at most 200 characters");
export const ZName = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");
export const ZProjectRole = z.enum(["lead", "annotator", "engineer"]);

export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });
