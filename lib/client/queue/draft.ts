import type { TDraftValues } from "./draft-values";
import { clampTimeSpent, initialValues, sameValues } from "./draft-values";
import type { TQueueAssignment } from "./queue-api";

/*
 * One item's answers in the workspace, and the clock of the time spent on it (which stops while the
 * annotator looks at an earlier item).
 */

/** Answers on one item. */
export type TDraft = {
  assignment: TQueueAssignment;
  values: TDraftValues;
  /** The stored answers when going back to a submitted item (null for a new item). */
  savedValues: TDraftValues | null;
  /** The definition that owns the hotkeys. */
  activeKey: string | null;
  /** Why a definition's answer cannot be submitted, by key. */
  errors: Record<string, string>;
  /** Time spent in earlier stretches, and when the current stretch began (null: paused). */
  spentMs: number;
  shownAt: number | null;
};

export function newDraft(
  assignment: TQueueAssignment,
  now: number,
  values: TDraftValues | null = null,
): TDraft {
  return {
    assignment,
    values: values ?? initialValues(assignment.definitions),
    savedValues: values,
    activeKey: assignment.definitions[0]?.key ?? null,
    errors: {},
    spentMs: 0,
    shownAt: now,
  };
}

/** Time spent on a draft up to `now`, as the server accepts it. */
export function timeSpentMs(draft: TDraft, now: number): number {
  return clampTimeSpent(draft.spentMs + (draft.shownAt === null ? 0 : now - draft.shownAt));
}

/** True when a draft differs from what is stored (always true for a new item with answers). */
export function isChanged(draft: TDraft): boolean {
  return (
    draft.savedValues === null || !sameValues(draft.assignment.definitions, draft.values, draft.savedValues)
  );
}

/** Stops the clock (going to another item). */
export function pause(draft: TDraft, now: number): TDraft {
  if (draft.shownAt === null) return draft;
  return { ...draft, spentMs: draft.spentMs + Math.max(now - draft.shownAt, 0), shownAt: null };
}

/** Restarts the clock (coming back). */
export function resume(draft: TDraft, now: number): TDraft {
  return draft.shownAt === null ? { ...draft, shownAt: now } : draft;
}
