import type { TLabelValue } from "@/lib/label-definitions/value-schema";
import type { TQueueIdle } from "@/lib/schemas/queue";
import type { TDraft } from "./draft";
import type { TDraftValues } from "./draft-values";
import type { TQueueAssignment } from "./queue-api";

/*
 * The annotator workspace's state, as a pure reducer: which item is on screen, the answers so far,
 * which definition owns the hotkeys, what is in flight, and what to tell the annotator. Times come
 * in with the actions (`now`), so every transition can be tested without a clock or a server.
 */

/** Going back to one of one's own submitted items; `index` counts back from the newest (0). */
export type TReview = { draft: TDraft; index: number; submittedAt: string | null };

export type TQueue =
  | { status: "loading" }
  | { status: "ready"; draft: TDraft }
  /** Nothing to label now: `idle` says whether anything is left; `checkedAt` when the server said so. */
  | { status: "done"; idle: TQueueIdle; checkedAt: number }
  | { status: "failed"; message: string };

export type TPending = "claim" | "submit" | "skip" | "open-review" | "revise";

export type TNotice = { tone: "info" | "warning" | "error"; text: string };

export type TSessionState = {
  queue: TQueue;
  review: TReview | null;
  pending: TPending | null;
  /** A message that stays until dismissed or replaced (lease lost, a failed request). */
  notice: TNotice | null;
  /** The first skip key press on an answered item only arms the skip; a second one skips. */
  isSkipArmed: boolean;
  /** What the live region says; `seq` changes so a repeated text is announced again. */
  announcement: { text: string; seq: number };
  /** A submit the server could not take waits to be sent again: the answers are shown undimmed. */
  isWaitingToRetry: boolean;
  /**
   * A definition to move keyboard focus to; `seq` changes on every request. `isNewItem`: other
   * content came on screen, so the page goes back to its top rather than scrolling to the definition.
   */
  focusRequest: { key: string; seq: number; isNewItem: boolean } | null;
};

/**
 * Why an item is being served: decides what is announced. `poll`: the caught-up screen asking again
 * on its own, which stays quiet unless it brings an item.
 */
export type TServeReason = "initial" | "submitted" | "skipped" | "lease-lost" | "recheck" | "poll";

export type TSessionAction =
  | { type: "claim-started" }
  | {
      type: "served";
      assignment: TQueueAssignment | null;
      /** With no assignment: why (absent: nothing left). */
      idle?: TQueueIdle;
      reason: TServeReason;
      now: number;
      notice?: TNotice | null;
    }
  | { type: "claim-failed"; message: string }
  /** A poll that failed: the caught-up screen stays, and the next poll tries again. */
  | { type: "poll-failed" }
  | { type: "value-changed"; key: string; value: TLabelValue | null }
  | { type: "activated"; key: string }
  | { type: "moved"; step: 1 | -1 }
  | { type: "invalid"; errors: Record<string, string> }
  | { type: "request-started"; pending: Exclude<TPending, "claim"> }
  | { type: "request-failed"; message: string; errors?: Record<string, string> }
  /** The server could not take the request yet; it is sent again, the answers stay as they are. */
  | { type: "request-retrying"; message: string }
  | { type: "skip-armed" }
  | { type: "skip-disarmed" }
  | {
      type: "review-opened";
      assignment: TQueueAssignment;
      values: TDraftValues;
      index: number;
      submittedAt: string | null;
      now: number;
    }
  | { type: "review-closed"; now: number; message: string }
  /** A request ended with nothing to change but something to say (e.g. "no earlier items"). */
  | { type: "request-ended"; message: string }
  | { type: "notice-dismissed" };

export const IDLE_DONE: TQueueIdle = { state: "done", leasedItems: 0, leaseExpiresAt: null };

export const initialSessionState: TSessionState = {
  queue: { status: "loading" },
  review: null,
  pending: "claim",
  notice: null,
  isSkipArmed: false,
  announcement: { text: "", seq: 0 },
  isWaitingToRetry: false,
  focusRequest: null,
};

/** The draft on screen: the one gone back to, else the current queue item's. */
export function visibleDraft(state: TSessionState): TDraft | null {
  if (state.review) return state.review.draft;
  return state.queue.status === "ready" ? state.queue.draft : null;
}
