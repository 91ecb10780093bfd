import type { z } from "zod";
import { callApi, callApiWithHeaders } from "@/lib/client/api";
import * as endpoints from "@/lib/endpoints/queue";
import { queueIdleFromHeaders } from "@/lib/queue/queue-idle-headers";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import { LABEL_KINDS } from "@/lib/label-definitions/label-limits";
import type {
  ZAssignmentDetail,
  ZRecentSubmission,
  ZQueueProgress,
  TQueueIdle,
  TServedAssignment,
} from "@/lib/schemas/queue";

/*
 * The annotator's side of the queue API. Answers are parsed with the shared zod schemas where they
 * enter the browser, so a drifting server shape fails loudly here rather than deep inside a control.
 */

export type TServedDefinition = {
  key: string;
  version: number;
  title: string;
  required: boolean;
  guidelines: string;
  /** The normalized definition of the version the item was served with. */
  spec: TLabelDefinitionSpec;
};

export type TQueueItem = {
  id: string;
  externalId: string | null;
  data: Record<string, unknown>;
  predictions: Record<string, unknown> | null;
};

/** One leased (or, when going back, submitted) item with the definition versions to label it with. */
export type TQueueAssignment = {
  assignmentId: string;
  expiresAt: string;
  /** The pairwise side order drawn for this assignment (see lib/label-definitions/pairwise-sides.ts). */
  sidesFlipped: boolean;
  item: TQueueItem;
  definitions: TServedDefinition[];
};

export type TQueueProgress = z.infer<typeof ZQueueProgress>;
export type TRecentSubmission = z.infer<typeof ZRecentSubmission>;
export type TAssignmentDetail = TQueueAssignment & {
  status: z.infer<typeof ZAssignmentDetail>["status"];
  submittedAt: string | null;
  values: Record<string, unknown> | null;
};

export type TSubmitBody = { values: Record<string, unknown>; timeSpentMs?: number };

const KINDS: readonly string[] = LABEL_KINDS;

function toQueueAssignment(served: TServedAssignment): TQueueAssignment {
  return {
    assignmentId: served.assignmentId,
    expiresAt: served.expiresAt,
    sidesFlipped: served.sidesFlipped,
    item: served.item,
    definitions: served.definitions
      // A kind this client does not know (a newer server) cannot be shown; the server's 422 names it.
      .filter((d) => KINDS.includes(String(d.spec.kind)))
      .map((d) => ({
        key: d.key,
        version: d.version,
        title: d.title,
        required: d.required,
        guidelines: d.guidelines,
        // The server stores and serves only normalized specs (lib/label-definitions/definition-spec).
        spec: d.spec as unknown as TLabelDefinitionSpec,
      })),
  };
}

/** An item to label, or why there is none (`idle`). */
export type TClaimed = { assignment: TQueueAssignment; idle: null } | { assignment: null; idle: TQueueIdle };

const DONE: TQueueIdle = { state: "done", leasedItems: 0, leaseExpiresAt: null };

/** The next item of a submit or skip: undefined when the server did not claim one. */
function toClaimed({
  next,
  queue,
}: {
  next?: TServedAssignment | null;
  queue?: TQueueIdle;
}): TClaimed | undefined {
  if (next === undefined) return undefined;
  return next
    ? { assignment: toQueueAssignment(next), idle: null }
    : { assignment: null, idle: queue ?? DONE };
}

/** Leases the caller's next item (or returns the one they already hold), or says why there is none. */
export async function claimNextItem(projectId: string): Promise<TClaimed> {
  const { answer, headers } = await callApiWithHeaders(endpoints.claimNextItem, {
    params: { id: projectId },
  });
  if (answer === undefined) return { assignment: null, idle: queueIdleFromHeaders(headers) };
  return { assignment: toQueueAssignment(answer), idle: null };
}

/** Submits the values and, in the same request, leases the next item. */
export async function submitAndClaimNext(
  assignmentId: string,
  body: TSubmitBody,
): Promise<{ next: TClaimed | undefined }> {
  const answer = await callApi(endpoints.submitAssignment, {
    params: { id: assignmentId },
    query: { next: "1" },
    body,
  });
  return { next: toClaimed(answer) };
}

/** Gives the item back (never served to this annotator again) and leases the next one. */
export async function skipAndClaimNext(assignmentId: string): Promise<{ next: TClaimed | undefined }> {
  const answer = await callApi(endpoints.skipAssignment, {
    params: { id: assignmentId },
    query: { next: "1" },
  });
  return { next: toClaimed(answer) };
}

export async function fetchQueueProgress(projectId: string): Promise<TQueueProgress> {
  return callApi(endpoints.getQueueProgress, { params: { id: projectId } });
}

export async function fetchRecentSubmissions(projectId: string, limit: number): Promise<TRecentSubmission[]> {
  const answer = await callApi(endpoints.listRecentSubmissions, {
    params: { id: projectId },
    query: { limit },
  });
  return answer.assignments;
}

/** One of the caller's own assignments with its current values. */
export async function fetchAssignment(assignmentId: string): Promise<TAssignmentDetail> {
  const detail = await callApi(endpoints.getAssignment, { params: { id: assignmentId } });
  return {
    ...toQueueAssignment(detail),
    status: detail.status,
    submittedAt: detail.submittedAt,
    values: detail.values,
  };
}

/** Changes one's own submitted annotation; the server keeps the earlier one as history. */
export async function reviseAnnotations(assignmentId: string, body: TSubmitBody): Promise<void> {
  await callApi(endpoints.reviseAnnotations, { params: { id: assignmentId }, body });
}
