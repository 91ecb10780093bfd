import { z } from "zod";
import { ZBigintId } from "@/lib/schemas/common";

export const ZServedDefinition = z
  .object({
    key: z.string(),
    version: z.number().int(),
    kind: z.string(),
    title: z.string(),
    required: z.boolean(),
    guidelines: z.string(),
    spec: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "ServedDefinition" });

export const ZServedAssignment = z
  .object({
    assignmentId: z.string(),
    expiresAt: z.string(),
    /**
     * The pairwise side order drawn for this assignment: true shows the data's `b` on the left.
     * Only definitions with `shuffleSides` apply it; values are always in the data's terms.
     */
    sidesFlipped: z.boolean(),
    item: z.object({
      id: z.string(),
      externalId: z.string().nullable(),
      data: z.record(z.string(), z.unknown()),
      predictions: z.record(z.string(), z.unknown()).nullable(),
    }),
    definitions: z.array(ZServedDefinition),
  })
  .meta({ id: "ServedAssignment" });
export type TServedAssignment = z.infer<typeof ZServedAssignment>;

export const ZAssignmentParams = z.object({ id: ZBigintId() });

/** The envelope of a submit; the values themselves are checked against the versions served. */
export const ZSubmitEnvelope = z
  .object({
    values: z.record(z.string(), z.unknown()),
    timeSpentMs: z.number().int().min(0).max(86_400_000).optional(),
  })
  .strict()
  .meta({ id: "SubmitInput" });
export type TSubmitEnvelope = z.infer<typeof ZSubmitEnvelope>;

export const ZNextQuery = z.object({ next: z.enum(["0", "1"]).optional() }).strict();

/**
 * Why a claim served nothing. `done`: no item of the project needs this annotator now. `leased`:
 * `leasedItems` items need them but every free slot is leased by others; a slot may free when a lease
 * ends, the earliest at `leaseExpiresAt`.
 */
export const ZQueueIdle = z
  .object({
    state: z.enum(["done", "leased"]),
    leasedItems: z.number().int().min(0),
    leaseExpiresAt: z.string().nullable(),
  })
  .meta({ id: "QueueIdle" });
export type TQueueIdle = z.infer<typeof ZQueueIdle>;

export const ZSubmitResult = z
  .object({
    annotationId: z.string(),
    annotationIds: z.record(z.string(), z.string()),
    next: ZServedAssignment.nullable().optional(),
    /** With `next: null`: why nothing was served. */
    queue: ZQueueIdle.optional(),
  })
  .meta({ id: "SubmitResult" });
export type TSubmitResult = z.infer<typeof ZSubmitResult>;

export const ZQueueProgress = z
  .object({ doneToday: z.number().int(), doneTotal: z.number().int(), remaining: z.number().int() })
  .meta({ id: "QueueProgress" });

export const ZRecentSubmission = z
  .object({
    assignmentId: z.string(),
    itemId: z.string(),
    externalId: z.string().nullable(),
    submittedAt: z.string(),
    preview: z.string(),
  })
  .meta({ id: "RecentSubmission" });

export const ZAssignmentDetail = ZServedAssignment.extend({
  status: z.enum(["leased", "submitted", "skipped", "expired"]),
  submittedAt: z.string().nullable(),
  values: z.record(z.string(), z.unknown()).nullable(),
}).meta({ id: "AssignmentDetail" });
export type TAssignmentDetail = z.infer<typeof ZAssignmentDetail>;
