import "server-only";
import * as endpoints from "@/lib/endpoints/queue";
import { queuePolicy } from "@/lib/policies/queue";
import { queueIdleHeaders } from "@/lib/queue/queue-idle-headers";
import { defineRoute } from "@/lib/server/api/define-route";
import { claimNextItem } from "./claim-next-item";
import { getAssignment } from "./get-assignment";
import { getQueueProgress } from "./get-queue-progress";
import { listRecentSubmissions } from "./list-recent-submissions";
import { reviseAnnotations } from "./revise-annotations";
import { skipAssignment } from "./skip-assignment";
import { submitAssignment } from "./submit-assignment";

// The queue's SQL functions check who may claim, submit and skip in the same round trip as the
// work (prisma/functions/queue-access.sql): this is the hot path.
export const claimNextItemRoute = defineRoute(endpoints.claimNextItem, {
  access: queuePolicy.claim,
  hot: true,
  handler: async ({ caller, params }) => {
    const { served, idle } = await claimNextItem(caller.id, params.id);
    // Nothing to serve is 204, and its headers say why.
    return served ?? new Response(null, { status: 204, headers: queueIdleHeaders(idle, Date.now()) });
  },
});

export const submitAssignmentRoute = defineRoute(endpoints.submitAssignment, {
  access: queuePolicy.submit,
  hot: true,
  handler: async ({ caller, params, query, body }) =>
    submitAssignment(caller, params.id, body, { claimNext: query.next === "1" }),
});

export const skipAssignmentRoute = defineRoute(endpoints.skipAssignment, {
  access: queuePolicy.skip,
  hot: true,
  handler: async ({ caller, params, query }) =>
    skipAssignment(caller, params.id, { claimNext: query.next === "1" }),
});

export const getAssignmentRoute = defineRoute(endpoints.getAssignment, {
  access: queuePolicy.readAssignment,
  handler: async ({ caller, params }) => getAssignment(caller.id, params.id),
});

export const reviseAnnotationsRoute = defineRoute(endpoints.reviseAnnotations, {
  access: queuePolicy.revise,
  handler: async ({ caller, params, body }) => reviseAnnotations(caller, params.id, body),
});

export const getQueueProgressRoute = defineRoute(endpoints.getQueueProgress, {
  access: queuePolicy.readProgress,
  handler: async ({ caller, params }) => getQueueProgress(caller.id, params.id),
});

export const listRecentSubmissionsRoute = defineRoute(endpoints.listRecentSubmissions, {
  access: queuePolicy.listMine,
  handler: async ({ caller, params, query }) => ({
    assignments: await listRecentSubmissions(caller.id, params.id, query.limit),
  }),
});
