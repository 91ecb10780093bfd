import type { TDraft } from "./draft";
import { newDraft, pause, resume } from "./draft";
import type { TQueueAssignment } from "./queue-api";
import {
  IDLE_DONE,
  visibleDraft,
  type TQueue,
  type TServeReason,
  type TSessionAction,
  type TSessionState,
} from "./session-state";

// The workspace's transitions (session-state.ts holds what they work on): pure, so every one can be
// tested without a clock or a server.

function itemName(assignment: TQueueAssignment): string {
  return assignment.item.externalId ?? `#${assignment.item.id}`;
}

function announce(state: TSessionState, text: string): TSessionState["announcement"] {
  return { text, seq: state.announcement.seq + 1 };
}

function requestFocus(
  state: TSessionState,
  key: string | null,
  isNewItem = false,
): TSessionState["focusRequest"] {
  return key === null ? state.focusRequest : { key, seq: (state.focusRequest?.seq ?? 0) + 1, isNewItem };
}

function servedMessage(reason: TServeReason, assignment: TQueueAssignment | null): string {
  const next = assignment ? `Item ${itemName(assignment)} is ready.` : "No more items for you right now.";
  switch (reason) {
    case "submitted":
      return `Saved. ${next}`;
    case "skipped":
      return `Skipped. ${next}`;
    default:
      return next;
  }
}

/** Applies `update` to the draft on screen (the one gone back to, or the queue's). */
function updateVisible(state: TSessionState, update: (draft: TDraft) => TDraft): TSessionState {
  if (state.review) return { ...state, review: { ...state.review, draft: update(state.review.draft) } };
  if (state.queue.status === "ready")
    return { ...state, queue: { ...state.queue, draft: update(state.queue.draft) } };
  return state;
}

function firstKeyOf(draft: TDraft, keys: Record<string, string>): string | null {
  return draft.assignment.definitions.find((d) => d.key in keys)?.key ?? null;
}

export function sessionReducer(state: TSessionState, action: TSessionAction): TSessionState {
  switch (action.type) {
    case "claim-started":
      return { ...state, pending: "claim", isSkipArmed: false, isWaitingToRetry: false };

    case "served": {
      const { assignment, now } = action;
      const idle = action.idle ?? IDLE_DONE;
      if (assignment === null && action.reason === "poll" && state.queue.status === "done") {
        return { ...state, queue: { status: "done", idle, checkedAt: now }, pending: null };
      }
      const current = state.queue.status === "ready" ? state.queue.draft : null;
      // The same lease again (a reload, a re-check): keep the answers given so far.
      const isSame = assignment !== null && current?.assignment.assignmentId === assignment.assignmentId;
      const queue: TQueue =
        assignment === null
          ? { status: "done", idle, checkedAt: now }
          : {
              status: "ready",
              draft: isSame && current ? { ...current, assignment } : newDraft(assignment, now),
            };
      const firstKey = assignment?.definitions[0]?.key ?? null;
      return {
        ...state,
        queue,
        pending: null,
        isWaitingToRetry: false,
        isSkipArmed: false,
        notice: action.notice === undefined ? (isSame ? state.notice : null) : action.notice,
        announcement: announce(state, servedMessage(action.reason, assignment)),
        focusRequest: isSame || state.review ? state.focusRequest : requestFocus(state, firstKey, true),
      };
    }

    case "poll-failed":
      return { ...state, pending: null };

    case "claim-failed":
      return {
        ...state,
        pending: null,
        queue: state.queue.status === "ready" ? state.queue : { status: "failed", message: action.message },
        notice: state.queue.status === "ready" ? { tone: "error", text: action.message } : state.notice,
        announcement: announce(state, action.message),
      };

    case "value-changed":
      return {
        ...updateVisible(state, (draft) => {
          const errors = { ...draft.errors };
          delete errors[action.key];
          return { ...draft, values: { ...draft.values, [action.key]: action.value }, errors };
        }),
        isSkipArmed: false,
      };

    case "activated": {
      const draft = visibleDraft(state);
      const isKnown = draft?.assignment.definitions.some((d) => d.key === action.key) ?? false;
      // Focus moving inside the active definition fires this often: keep the state (no re-render).
      if (!draft || !isKnown || draft.activeKey === action.key) return state;
      return updateVisible(state, (d) => ({ ...d, activeKey: action.key }));
    }

    case "moved": {
      const draft = visibleDraft(state);
      if (!draft) return state;
      const keys = draft.assignment.definitions.map((d) => d.key);
      const from = draft.activeKey === null ? -1 : keys.indexOf(draft.activeKey);
      const to = Math.min(Math.max(from + action.step, 0), keys.length - 1);
      const key = keys[to] ?? null;
      return {
        ...updateVisible(state, (d) => ({ ...d, activeKey: key })),
        focusRequest: requestFocus(state, key),
      };
    }

    case "invalid": {
      const draft = visibleDraft(state);
      if (!draft) return state;
      const first = firstKeyOf(draft, action.errors);
      const titles = draft.assignment.definitions.filter((d) => d.key in action.errors).map((d) => d.title);
      return {
        ...updateVisible(state, (d) => ({ ...d, errors: action.errors, activeKey: first ?? d.activeKey })),
        pending: null,
        announcement: announce(state, `Not saved yet. Check ${titles.join(", ")}.`),
        focusRequest: requestFocus(state, first),
      };
    }

    case "request-started":
      return { ...state, pending: action.pending, isSkipArmed: false, notice: null, isWaitingToRetry: false };

    case "request-failed": {
      const errors = action.errors ?? {};
      const hasFieldErrors = Object.keys(errors).length > 0;
      const draft = visibleDraft(state);
      const first = draft && hasFieldErrors ? firstKeyOf(draft, errors) : null;
      const next = hasFieldErrors
        ? updateVisible(state, (d) => ({ ...d, errors, activeKey: first ?? d.activeKey }))
        : state;
      return {
        ...next,
        pending: null,
        isWaitingToRetry: false,
        notice: { tone: "error", text: action.message },
        announcement: announce(state, action.message),
        focusRequest: first === null ? state.focusRequest : requestFocus(state, first),
      };
    }

    case "request-retrying":
      return {
        ...state,
        isWaitingToRetry: true,
        notice: { tone: "warning", text: action.message },
        announcement: announce(state, action.message),
      };

    case "skip-armed":
      return {
        ...state,
        isSkipArmed: true,
        announcement: announce(state, "Press ] again to skip this item and discard your answers."),
      };

    case "skip-disarmed":
      return state.isSkipArmed ? { ...state, isSkipArmed: false } : state;

    case "review-opened": {
      const queue =
        state.queue.status === "ready"
          ? { ...state.queue, draft: pause(state.queue.draft, action.now) }
          : state.queue;
      const draft = newDraft(action.assignment, action.now, action.values);
      return {
        ...state,
        queue,
        review: { draft, index: action.index, submittedAt: action.submittedAt },
        pending: null,
        isSkipArmed: false,
        notice: null,
        announcement: announce(state, `Showing your answer for item ${itemName(action.assignment)}.`),
        focusRequest: requestFocus(state, draft.activeKey, true),
      };
    }

    case "review-closed": {
      const queue =
        state.queue.status === "ready"
          ? { ...state.queue, draft: resume(state.queue.draft, action.now) }
          : state.queue;
      const activeKey = queue.status === "ready" ? queue.draft.activeKey : null;
      return {
        ...state,
        queue,
        review: null,
        pending: null,
        announcement: announce(state, action.message),
        focusRequest: requestFocus(state, activeKey, true),
      };
    }

    case "request-ended":
      return { ...state, pending: null, announcement: announce(state, action.message) };

    case "notice-dismissed":
      return { ...state, notice: null };
  }
}
