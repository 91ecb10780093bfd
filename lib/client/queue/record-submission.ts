import type { QueryClient } from "@tanstack/react-query";
import type { TLabelValue } from "@/lib/label-definitions/value-schema";
import type { TDraft } from "./draft";
import type { TAssignmentDetail, TQueueProgress } from "./queue-api";
import { queueKeys } from "./queue-hooks";

/**
 * The query cache after a submit: going back to the item just submitted needs no request (its detail
 * is seeded from what was sent), and the progress counters move at once, then refresh.
 */
export function recordSubmission(
  queryClient: QueryClient,
  projectId: string,
  draft: TDraft,
  values: Record<string, TLabelValue | null>,
): void {
  const detail: TAssignmentDetail = {
    ...draft.assignment,
    status: "submitted",
    submittedAt: new Date().toISOString(),
    values,
  };
  queryClient.setQueryData(queueKeys.assignment(draft.assignment.assignmentId), detail);
  queryClient.setQueryData<TQueueProgress>(queueKeys.progress(projectId), (p) =>
    p ? { ...p, doneToday: p.doneToday + 1, doneTotal: p.doneTotal + 1 } : p,
  );
  void queryClient.invalidateQueries({ queryKey: queueKeys.progress(projectId) });
  void queryClient.invalidateQueries({ queryKey: queueKeys.recent(projectId) });
}
