"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useEffectEvent, useReducer, useRef } from "react";
import { flushSync } from "react-dom";
import { ApiError } from "@/lib/client/api-error";
import type { TLabelValue } from "@/lib/label-definitions/value-schema";
import {
  draftErrors,
  errorsByDefinition,
  hasAnswers,
  submissionValues,
  valuesFromStored,
} from "./draft-values";
import type { TAssignmentDetail, TClaimed, TRecentSubmission } from "./queue-api";
import {
  claimNextItem,
  fetchAssignment,
  fetchRecentSubmissions,
  reviseAnnotations,
  skipAndClaimNext,
  submitAndClaimNext,
} from "./queue-api";
import { RECENT_LIMIT, queueKeys } from "./queue-hooks";
import {
  GONE_MESSAGE,
  LEASE_LOST_MESSAGE,
  STILL_UNAVAILABLE_MESSAGE,
  afterPaint,
  isRetryable,
  messageOf,
  statusOf,
  unavailableMessage,
  withRetries,
} from "./request-outcome";
import { recordSubmission } from "./record-submission";
import type { TDraft } from "./draft";
import { isChanged, timeSpentMs } from "./draft";
import type { TNotice, TServeReason } from "./session-state";
import { sessionReducer } from "./session-reducer";
import { initialSessionState } from "./session-state";
import { countNoun } from "@/lib/text/count-noun";

/**
 * The annotator's session in one project: the leased item and the answers on it, going back to
 * one's own recent items, and every request the workspace makes. Submit and skip claim the next
 * item in the same request (`?next=1`), so moving on costs one round trip.
 */
export function useQueueSession(projectId: string) {
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(sessionReducer, initialSessionState);
  // Guards against a second request from a key pressed before the first one's state has rendered.
  const inFlight = useRef(false);

  async function run(task: () => Promise<void>) {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      await task();
    } finally {
      inFlight.current = false;
    }
  }

  async function claim(reason: TServeReason, notice?: TNotice) {
    try {
      const { assignment, idle } = await claimNextItem(projectId);
      dispatch({ type: "served", assignment, idle: idle ?? undefined, reason, now: Date.now(), notice });
    } catch (error) {
      if (reason === "poll") dispatch({ type: "poll-failed" });
      else dispatch({ type: "claim-failed", message: messageOf(error) });
    }
  }

  /**
   * Serves `next` from a submit or skip; a server that claimed nothing gets a separate claim.
   * Rendered synchronously: the next item is on screen in the task that received it, not a task later.
   */
  async function serveNext(next: TClaimed | undefined, reason: TServeReason) {
    if (next === undefined) await claim(reason);
    else
      flushSync(() =>
        dispatch({
          type: "served",
          assignment: next.assignment,
          idle: next.idle ?? undefined,
          reason,
          now: Date.now(),
        }),
      );
  }

  /** The current item's lease is gone (expired and taken, or the item removed): move on. */
  async function moveOnAfterLoss(error: unknown) {
    const status = statusOf(error);
    dispatch({ type: "claim-started" });
    await claim("lease-lost", { tone: "warning", text: status === 409 ? LEASE_LOST_MESSAGE : GONE_MESSAGE });
  }

  function failWith(error: unknown, draft: TDraft) {
    if (statusOf(error) === 422 && error instanceof ApiError) {
      const keys = draft.assignment.definitions.map((d) => d.key);
      const { byKey, other } = errorsByDefinition(error.problem.errors, keys);
      const message =
        other.length > 0 ? other.join(" ") : "Some answers were not accepted. See the messages below them.";
      dispatch({ type: "request-failed", message, errors: byKey });
      return;
    }
    dispatch({ type: "request-failed", message: messageOf(error) });
  }

  /** Validates in the browser first: an invalid draft never leaves it, and the first bad answer gets focus. */
  function checkDraft(draft: TDraft): boolean {
    const errors = draftErrors(draft.assignment.definitions, draft.assignment.item, draft.values);
    if (Object.keys(errors).length === 0) return true;
    dispatch({ type: "invalid", errors });
    return false;
  }

  function submit() {
    if (state.queue.status !== "ready" || state.review || state.pending) return;
    const draft = state.queue.draft;
    if (!checkDraft(draft)) return;
    const values = submissionValues(draft.assignment.definitions, draft.values);
    // An expired lease is still submitted: the server accepts it when the slot is still free.
    void run(async () => {
      dispatch({ type: "request-started", pending: "submit" });
      const body = { values, timeSpentMs: timeSpentMs(draft, Date.now()) };
      try {
        // Server down or busy: the same answer is sent again later; nothing on screen is lost.
        const { next } = await withRetries(
          () => submitAndClaimNext(draft.assignment.assignmentId, body),
          (delay) => dispatch({ type: "request-retrying", message: unavailableMessage(delay) }),
        );
        await serveNext(next, "submitted");
        // Bookkeeping waits until the next item is painted: it must not delay it.
        afterPaint(() => recordSubmission(queryClient, projectId, draft, values));
      } catch (error) {
        const status = statusOf(error);
        if (status === 409 || status === 404) await moveOnAfterLoss(error);
        else if (isRetryable(error)) dispatch({ type: "request-failed", message: STILL_UNAVAILABLE_MESSAGE });
        else failWith(error, draft);
      }
    });
  }

  function skip({ isConfirmed = false }: { isConfirmed?: boolean } = {}) {
    if (state.queue.status !== "ready" || state.review || state.pending) return;
    const draft = state.queue.draft;
    if (!isConfirmed && !state.isSkipArmed && hasAnswers(draft.assignment.definitions, draft.values)) {
      dispatch({ type: "skip-armed" });
      return;
    }
    void run(async () => {
      dispatch({ type: "request-started", pending: "skip" });
      try {
        const { next } = await skipAndClaimNext(draft.assignment.assignmentId);
        await serveNext(next, "skipped");
      } catch (error) {
        const status = statusOf(error);
        if (status === 409 || status === 404) await moveOnAfterLoss(error);
        else failWith(error, draft);
      }
    });
  }

  /** Opens the `index`-th most recent submission (0: the newest) with its stored answers. */
  function openReview(index: number) {
    if (state.pending || index < 0) return;
    void run(async () => {
      dispatch({ type: "request-started", pending: "open-review" });
      try {
        const recent = await queryClient.fetchQuery({
          queryKey: queueKeys.recent(projectId),
          queryFn: () => fetchRecentSubmissions(projectId, RECENT_LIMIT),
          staleTime: 10_000,
        });
        const entry: TRecentSubmission | undefined = recent[index];
        if (!entry) {
          dispatch({
            type: "request-ended",
            message:
              index === 0
                ? "Nothing to go back to yet: you have not submitted an item in this project."
                : `You can go back ${countNoun(recent.length, "item")} at most.`,
          });
          return;
        }
        const detail = await queryClient.fetchQuery({
          queryKey: queueKeys.assignment(entry.assignmentId),
          queryFn: () => fetchAssignment(entry.assignmentId),
          staleTime: 60_000,
        });
        dispatch({
          type: "review-opened",
          assignment: detail,
          values: valuesFromStored(detail.definitions, detail.values),
          index,
          submittedAt: detail.submittedAt,
          now: Date.now(),
        });
      } catch (error) {
        dispatch({ type: "request-failed", message: messageOf(error) });
      }
    });
  }

  function returnToCurrent(message = "Back to your current item.") {
    if (!state.review || state.pending) return;
    dispatch({ type: "review-closed", now: Date.now(), message });
  }

  function saveReview() {
    const review = state.review;
    if (!review || state.pending) return;
    const draft = review.draft;
    if (!isChanged(draft)) {
      returnToCurrent("No changes. Back to your current item.");
      return;
    }
    if (!checkDraft(draft)) return;
    const values = submissionValues(draft.assignment.definitions, draft.values);
    void run(async () => {
      dispatch({ type: "request-started", pending: "revise" });
      try {
        await reviseAnnotations(draft.assignment.assignmentId, {
          values,
          timeSpentMs: timeSpentMs(draft, Date.now()),
        });
        const key = queueKeys.assignment(draft.assignment.assignmentId);
        queryClient.setQueryData<TAssignmentDetail>(key, (old) => (old ? { ...old, values } : old));
        dispatch({
          type: "review-closed",
          now: Date.now(),
          message: "Changes saved. Back to your current item.",
        });
      } catch (error) {
        failWith(error, draft);
      }
    });
  }

  const startSession = useEffectEvent(() => {
    void run(() => claim("initial"));
  });
  useEffect(() => startSession(), [projectId]);

  // Stable, so memoized controls re-render only when their own value changes.
  const setValue = useCallback(
    (key: string, value: TLabelValue | null) => dispatch({ type: "value-changed", key, value }),
    [],
  );
  const activate = useCallback((key: string) => dispatch({ type: "activated", key }), []);

  return {
    state,
    setValue,
    activate,
    move: (step: 1 | -1) => dispatch({ type: "moved", step }),
    /** Enter: submit the current item, or save the changes to an earlier one. */
    commit: () => (state.review ? saveReview() : submit()),
    skip,
    disarmSkip: () => dispatch({ type: "skip-disarmed" }),
    /** One item further back than what is on screen. */
    goBack: () => openReview(state.review ? state.review.index + 1 : 0),
    /** One item forward: a newer submission, or the current item. */
    goForward: () =>
      state.review && state.review.index > 0 ? openReview(state.review.index - 1) : returnToCurrent(),
    openReview,
    returnToCurrent: () => returnToCurrent(),
    recheck: () => {
      if (state.pending) return;
      void run(async () => {
        dispatch({ type: "claim-started" });
        await claim("recheck");
      });
    },
    /**
     * The caught-up screen asking again on its own: quiet unless it brings an item, and never while
     * something else is in flight or an earlier item is open.
     */
    poll: () => {
      if (state.pending || state.review || state.queue.status !== "done") return;
      void run(async () => {
        dispatch({ type: "claim-started" });
        await claim("poll");
        void queryClient.invalidateQueries({ queryKey: queueKeys.progress(projectId) });
      });
    },
    dismissNotice: () => dispatch({ type: "notice-dismissed" }),
  };
}

export type TQueueSession = ReturnType<typeof useQueueSession>;
