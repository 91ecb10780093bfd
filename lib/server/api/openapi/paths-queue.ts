import "server-only";
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  ZAssignmentDetail,
  ZMyAssignment,
  ZMyProgress,
  ZNextQuery,
  ZQueueIdle,
  ZServedAssignment,
  ZSubmitEnvelope,
  ZSubmitResult,
} from "@/lib/schemas/queue";
import { ZProblem } from "@/lib/schemas/common";
import { op } from "./op";

const project = z.object({ id: z.uuid().meta({ description: "Project id" }) });
const assignment = z.object({ id: z.string().meta({ description: "Assignment id" }) });

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

export const queuePaths: ZodOpenApiPathsObject = {
  "/projects/{id}/queue/next": {
    post: op({
      summary:
        "Lease my next item (annotator): my live lease if I hold one, else the first open item I was never served; 204 when none needs me now, counting items locked for a moment",
      tag: "queue",
      path: project,
      ok: [200, ZServedAssignment],
      also: {
        204: {
          description: "Nothing to serve now; the headers say whether anything is left and when to ask again",
          headers: idleHeaders,
        },
        503: {
          description:
            "Items need you, but their rows stayed locked longer than a claim waits (rare): ask again after Retry-After",
          headers: z.object({ "Retry-After": z.string().regex(/^\d+$/) }),
          content: { "application/problem+json": { schema: ZProblem } },
        },
      },
    }),
  },
  "/assignments/{id}/submit": {
    post: op({
      summary:
        "Submit values for every definition (checked against the versions served); repeating is safe. ?next=1 also leases the next item",
      tag: "queue",
      path: assignment,
      query: ZNextQuery,
      body: ZSubmitEnvelope,
      ok: [201, ZSubmitResult],
    }),
  },
  "/assignments/{id}/skip": {
    post: op({
      summary: "Give the item back; it is never served to me again. ?next=1 also leases the next item",
      tag: "queue",
      path: assignment,
      query: ZNextQuery,
      ok: [
        200,
        z.object({
          ok: z.literal(true),
          next: ZServedAssignment.nullable().optional(),
          queue: ZQueueIdle.optional().meta({ description: "With `next: null`: why nothing was served" }),
        }),
      ],
    }),
  },
  "/assignments/{id}": {
    get: op({
      summary: "One of my assignments with my current values",
      tag: "queue",
      path: assignment,
      ok: [200, ZAssignmentDetail],
    }),
  },
  "/assignments/{id}/annotations": {
    put: op({
      summary: "Change my submitted annotation: a new revision, the old one kept as history",
      tag: "queue",
      path: assignment,
      body: ZSubmitEnvelope,
      ok: [200, z.object({ revision: z.number().int(), changed: z.array(z.string()) })],
    }),
  },
  "/projects/{id}/my/progress": {
    get: op({
      summary: "My counts in the project, and the items still open",
      tag: "queue",
      path: project,
      ok: [200, ZMyProgress],
    }),
  },
  "/projects/{id}/my/assignments": {
    get: op({
      summary: "My most recent submissions, newest first",
      tag: "queue",
      path: project,
      query: z.object({ limit: z.number().int().min(1).max(100).optional() }),
      ok: [200, z.object({ assignments: z.array(ZMyAssignment) })],
    }),
  },
};
