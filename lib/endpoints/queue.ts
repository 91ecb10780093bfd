import { z } from "zod";
import { ZProjectParams } from "@/lib/schemas/params";
import {
  ZAssignmentDetail,
  ZAssignmentParams,
  ZRecentSubmission,
  ZQueueProgress,
  ZNextQuery,
  ZQueueIdle,
  ZServedAssignment,
  ZSubmitEnvelope,
  ZSubmitResult,
} from "@/lib/schemas/queue";
import { defineEndpoint } from "./define-endpoint";

// What a claim that serves nothing says (lib/queue/queue-idle-headers.ts writes them).
const idleHeaders = z.object({
  "Concord-Queue-State": z.enum(["done", "leased"]).meta({
    description:
      "`done`: no item of the project needs you now. `leased`: items need you, but every free slot is leased by others right now",
  }),
  "Concord-Leased-Items": z
    .string()
    .regex(/^\d+$/)
    .optional()
    .meta({ description: "With `leased`: how many items need you but are leased by others" }),
  "Concord-Lease-Expires": z
    .string()
    .optional()
    .meta({ description: "With `leased`: when the first of those leases ends (ISO 8601 UTC)" }),
  "Retry-After": z
    .string()
    .regex(/^\d+$/)
    .optional()
    .meta({ description: "With `leased`: seconds until then; ask again no sooner" }),
});

const submitExample = { values: { sentiment: "pos" }, timeSpentMs: 5400 };

export const claimNextItem = defineEndpoint({
  method: "POST",
  path: "/projects/{id}/queue/next",
  tag: "queue",
  summary:
    "Lease my next item: my live lease if I hold one, else the first open item I was never served; 204 when none needs me now, counting items locked for a moment",
  params: ZProjectParams,
  responses: { 200: ZServedAssignment, 204: null },
  responseHeaders: { 204: idleHeaders, 503: z.object({ "Retry-After": z.string().regex(/^\d+$/) }) },
  errors: {
    503: "Items need you, but their rows stayed locked longer than a claim waits (rare): ask again after Retry-After",
  },
});

export const submitAssignment = defineEndpoint({
  method: "POST",
  path: "/assignments/{id}/submit",
  tag: "queue",
  summary:
    "Submit values for every definition (checked against the versions served); repeating is safe. ?next=1 also leases the next item",
  params: ZAssignmentParams,
  query: ZNextQuery,
  body: ZSubmitEnvelope,
  responses: { 201: ZSubmitResult },
  errors: {
    409: "The lease ended and the item went to someone else",
    422: "A value does not fit its definition",
  },
  examples: { body: submitExample, query: { next: "1" } },
});

export const skipAssignment = defineEndpoint({
  method: "POST",
  path: "/assignments/{id}/skip",
  tag: "queue",
  summary: "Give the item back; it is never served to me again. ?next=1 also leases the next item",
  params: ZAssignmentParams,
  query: ZNextQuery,
  responses: {
    200: z.object({
      ok: z.literal(true),
      next: ZServedAssignment.nullable().optional(),
      queue: ZQueueIdle.optional().meta({ description: "With `next: null`: why nothing was served" }),
    }),
  },
  errors: { 409: "The item was submitted; it cannot be skipped" },
  examples: { query: { next: "1" } },
});

export const getAssignment = defineEndpoint({
  method: "GET",
  path: "/assignments/{id}",
  tag: "queue",
  summary: "One of my assignments with my current values",
  params: ZAssignmentParams,
  responses: { 200: ZAssignmentDetail },
});

export const reviseAnnotations = defineEndpoint({
  method: "PUT",
  path: "/assignments/{id}/annotations",
  tag: "queue",
  summary: "Change my submitted annotation: a new revision, the old one kept as history",
  params: ZAssignmentParams,
  body: ZSubmitEnvelope,
  responses: { 200: z.object({ revision: z.number().int(), changed: z.array(z.string()) }) },
  errors: { 409: "Not submitted, or the window for changes has closed", 422: "A value does not fit" },
  examples: { body: submitExample },
});

export const getQueueProgress = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/my/progress",
  tag: "queue",
  summary: "My counts in the project, and the items still open",
  params: ZProjectParams,
  responses: { 200: ZQueueProgress },
});

export const listRecentSubmissions = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/my/assignments",
  tag: "queue",
  summary: "My most recent submissions, newest first",
  params: ZProjectParams,
  query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }).strict(),
  responses: { 200: z.object({ assignments: z.array(ZRecentSubmission) }) },
  examples: { query: { limit: "20" } },
});
