import { z } from "zod";
import { MAX_FIELD_NAME_LENGTH } from "@/lib/label-definitions/label-limits";
import { ZEmail, ZName, ZProjectRole } from "./common";
import { unsafeTextReason } from "./safe-text";

/** At most this many hidden fields: a project hides a handful (gold, source), not a schema. */
export const MAX_HIDDEN_FIELDS = 100;

/** Data fields never served to annotators; each a field name, no repeats. */
export const ZHiddenFields = z
  .array(
    z
      .string("must be a field name")
      .trim()
      .min(1, "must not be empty")
      .max(MAX_FIELD_NAME_LENGTH, `must be at most ${MAX_FIELD_NAME_LENGTH} characters`)
      // PostgreSQL text cannot hold some characters (NUL): refused here, never a 500 there.
      .refine((field) => unsafeTextReason(field) === null, "must not contain NUL or a lone surrogate"),
  )
  .max(MAX_HIDDEN_FIELDS, `at most ${MAX_HIDDEN_FIELDS} fields`)
  .superRefine((fields, ctx) => {
    const seen = new Set<string>();
    fields.forEach((field, index) => {
      if (seen.has(field))
        ctx.addIssue({ code: "custom", path: [index], message: `"${field}" is listed twice` });
      seen.add(field);
    });
  });

export const ZCreateProjectInput = z
  .object({
    name: ZName,
    description: z.string().max(5000, "must be at most 5000 characters").optional(),
    instructions: z.string().max(50_000, "must be at most 50000 characters").optional(),
    overlap: z
      .number()
      .int("must be an integer")
      .min(1, "must be at least 1")
      .max(20, "must be at most 20")
      .optional(),
    leaseSeconds: z
      .number()
      .int("must be an integer")
      .min(30, "must be at least 30")
      .max(86_400, "must be at most 86400")
      .optional(),
    conversationField: z
      .string("must be the name of a data field, or null")
      .min(1, "must not be empty")
      .max(200, "must be at most 200 characters")
      .nullable()
      .optional()
      .meta({
        description: "The data field holding a conversation [{role, content}], shown as a chat transcript",
      }),
  })
  .strict()
  .meta({ id: "CreateProjectInput" });
export type TCreateProjectInput = z.infer<typeof ZCreateProjectInput>;

export const ZProject = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    instructions: z.string(),
    overlap: z.number().int(),
    leaseSeconds: z.number().int(),
    conversationField: z.string().nullable(),
    archivedAt: z.string().nullable(),
    createdAt: z.string(),
    myRole: z.enum(["admin", "lead", "annotator", "engineer"]).optional(),
    /** Only for those who may edit the project: annotators are not told which fields exist. */
    hiddenFields: z.array(z.string()).optional(),
  })
  .meta({ id: "Project" });
export type TProject = z.infer<typeof ZProject>;

export const ZAddMemberInput = z
  .object({ email: ZEmail, role: ZProjectRole })
  .strict()
  .meta({ id: "AddMemberInput" });
export type TAddMemberInput = z.infer<typeof ZAddMemberInput>;

export const ZMember = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    role: ZProjectRole,
    createdAt: z.string(),
  })
  .meta({ id: "Member" });
export type TMember = z.infer<typeof ZMember>;

export const ZUpdateProjectInput = ZCreateProjectInput.partial()
  .extend({ archived: z.boolean().optional(), hiddenFields: ZHiddenFields.optional() })
  .strict()
  .meta({ id: "UpdateProjectInput" });
export type TUpdateProjectInput = z.infer<typeof ZUpdateProjectInput>;

export const ZProjectOverview = z
  .object({
    items: z.number().int(),
    done: z.number().int().meta({ description: "Items with all the annotators they need" }),
    inProgress: z.number().int().meta({ description: "Items started (annotated or leased) but not done" }),
    batches: z.number().int(),
    definitions: z.number().int(),
    members: z.record(z.string(), z.number().int()),
  })
  .meta({ id: "ProjectOverview" });
export type TProjectOverview = z.infer<typeof ZProjectOverview>;
