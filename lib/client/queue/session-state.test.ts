import { describe, expect, it } from "vitest";
import type { TSessionAction, TSessionState } from "./session-state";
import { isChanged, timeSpentMs } from "./draft";
import { sessionReducer } from "./session-reducer";
import { initialSessionState, visibleDraft } from "./session-state";
import { testAssignment } from "@/lib/testing/test-assignment";

function run(...actions: TSessionAction[]): TSessionState {
  return actions.reduce(sessionReducer, initialSessionState);
}

const first = testAssignment("1");
const second = testAssignment("2");
const served = (assignment = first, now = 1000): TSessionAction => ({
  type: "served",
  assignment,
  reason: "initial",
  now,
});

function draftOf(state: TSessionState) {
  const draft = visibleDraft(state);
  if (!draft) throw new Error("no draft on screen");
  return draft;
}

describe("serving items", () => {
  it("shows a served item with its first definition active and focused, scrolled to the top", () => {
    const state = run(served());
    expect(state.queue.status).toBe("ready");
    expect(state.pending).toBeNull();
    expect(draftOf(state).activeKey).toBe("sentiment");
    expect(state.focusRequest).toMatchObject({ key: "sentiment", isNewItem: true });
    expect(state.announcement.text).toBe("Item item-1 is ready.");
  });

  it("keeps the answers when the same lease comes back (a re-check after a reload)", () => {
    const state = run(served(), { type: "value-changed", key: "stars", value: 4 }, served(first, 5000));
    expect(draftOf(state).values.stars).toBe(4);
    expect(draftOf(state).shownAt).toBe(1000);
  });

  it("starts a fresh draft for the next item and says the last one was saved", () => {
    const state = run(
      served(),
      { type: "value-changed", key: "stars", value: 4 },
      { type: "request-started", pending: "submit" },
      { type: "served", assignment: second, reason: "submitted", now: 9000 },
    );
    expect(draftOf(state).assignment.assignmentId).toBe("2");
    expect(draftOf(state).values.stars).toBeNull();
    expect(draftOf(state).shownAt).toBe(9000);
    expect(state.pending).toBeNull();
    expect(state.announcement.text).toBe("Saved. Item item-2 is ready.");
  });

  it("is done when nothing is left, and shows the lease-lost notice it was given", () => {
    const notice = { tone: "warning" as const, text: "reassigned" };
    const state = run(served(), {
      type: "served",
      assignment: null,
      reason: "lease-lost",
      now: 2000,
      notice,
    });
    expect(state.queue.status).toBe("done");
    expect(state.notice).toEqual(notice);
    expect(state.announcement.text).toBe("No more items for you right now.");
  });

  it("keeps what the server said about why nothing was served, and when", () => {
    const idle = { state: "leased" as const, leasedItems: 3, leaseExpiresAt: "2026-12-06T16:42:00.000Z" };
    const state = run({ type: "served", assignment: null, idle, reason: "initial", now: 7000 });
    expect(state.queue).toEqual({ status: "done", idle, checkedAt: 7000 });
    const plain = run({ type: "served", assignment: null, reason: "initial", now: 7000 });
    expect(plain.queue).toMatchObject({ idle: { state: "done", leasedItems: 0 } });
  });

  it("polls quietly while caught up, and announces an item a poll brings", () => {
    const caughtUp = run({ type: "served", assignment: null, reason: "skipped", now: 1000 });
    const idle = { state: "leased" as const, leasedItems: 1, leaseExpiresAt: "2026-12-06T16:42:00.000Z" };
    const polled = run(
      { type: "served", assignment: null, reason: "skipped", now: 1000 },
      { type: "claim-started" },
      { type: "served", assignment: null, idle, reason: "poll", now: 31_000 },
    );
    expect(polled.queue).toEqual({ status: "done", idle, checkedAt: 31_000 });
    expect(polled.pending).toBeNull();
    expect(polled.announcement).toEqual(caughtUp.announcement);
    const failed = sessionReducer({ ...polled, pending: "claim" }, { type: "poll-failed" });
    expect(failed.queue).toEqual(polled.queue);
    expect(failed.pending).toBeNull();
    const found = sessionReducer(polled, { type: "served", assignment: second, reason: "poll", now: 61_000 });
    expect(draftOf(found).assignment.assignmentId).toBe("2");
    expect(found.announcement.text).toBe("Item item-2 is ready.");
  });

  it("announces a repeated message again (seq changes)", () => {
    const a = run(served(), { type: "request-ended", message: "Nothing to go back to yet." });
    const b = sessionReducer(a, { type: "request-ended", message: "Nothing to go back to yet." });
    expect(b.announcement.seq).toBe(a.announcement.seq + 1);
  });

  it("fails the page only when no item is on screen", () => {
    expect(run({ type: "claim-failed", message: "offline" }).queue).toEqual({
      status: "failed",
      message: "offline",
    });
    const withItem = run(served(), { type: "claim-failed", message: "offline" });
    expect(withItem.queue.status).toBe("ready");
    expect(withItem.notice).toEqual({ tone: "error", text: "offline" });
  });
});

describe("the active definition", () => {
  it("moves with the arrow keys and stops at both ends", () => {
    let state = run(served(), { type: "moved", step: -1 });
    expect(draftOf(state).activeKey).toBe("sentiment");
    for (let i = 0; i < 10; i++) state = sessionReducer(state, { type: "moved", step: 1 });
    expect(draftOf(state).activeKey).toBe("note");
    expect(state.focusRequest).toMatchObject({ key: "note", isNewItem: false });
  });

  it("follows a click or focus, ignoring unknown keys", () => {
    const state = run(served(), { type: "activated", key: "stars" }, { type: "activated", key: "nope" });
    expect(draftOf(state).activeKey).toBe("stars");
  });
});

describe("invalid drafts", () => {
  it("activates and focuses the first invalid definition and says which ones to check", () => {
    const before = run(served());
    const state = sessionReducer(before, {
      type: "invalid",
      errors: { better: "Choose A, B or Tie.", topics: "Choose the options that apply." },
    });
    expect(draftOf(state).activeKey).toBe("topics");
    expect(state.focusRequest).toMatchObject({ key: "topics", isNewItem: false });
    expect(state.announcement.text).toBe("Not saved yet. Check topics, better.");
  });

  it("clears a definition's error as soon as it is answered", () => {
    const state = run(
      served(),
      { type: "invalid", errors: { stars: "Choose a value from 1 to 5.", better: "Choose A, B or Tie." } },
      { type: "value-changed", key: "stars", value: 2 },
    );
    expect(draftOf(state).errors).toEqual({ better: "Choose A, B or Tie." });
  });

  it("shows a 422's errors under their definitions and keeps the answers", () => {
    const state = run(
      served(),
      { type: "value-changed", key: "stars", value: 4 },
      { type: "request-started", pending: "submit" },
      { type: "request-failed", message: "Some answers were not accepted.", errors: { stars: "too high" } },
    );
    expect(state.pending).toBeNull();
    expect(draftOf(state).errors).toEqual({ stars: "too high" });
    expect(draftOf(state).values.stars).toBe(4);
    expect(state.notice?.tone).toBe("error");
  });
});

describe("a submit the server cannot take yet", () => {
  it("stays pending with the answers on screen, and says the answer is kept", () => {
    const message = "The server is unavailable; your answer is kept. Trying again in 2 s.";
    const state = run(
      served(),
      { type: "value-changed", key: "stars", value: 4 },
      { type: "request-started", pending: "submit" },
      { type: "request-retrying", message },
    );
    expect(state.pending).toBe("submit");
    expect(state.isWaitingToRetry).toBe(true);
    expect(draftOf(state).values.stars).toBe(4);
    expect(state.notice).toEqual({ tone: "warning", text: message });
    expect(state.announcement.text).toBe(message);
    // Once it goes through, the next item comes without the warning.
    const after = sessionReducer(state, {
      type: "served",
      assignment: second,
      reason: "submitted",
      now: 9000,
    });
    expect(after.notice).toBeNull();
    expect(after.pending).toBeNull();
    expect(after.isWaitingToRetry).toBe(false);
  });
});

describe("skipping", () => {
  it("arms on the first press and disarms on any change", () => {
    const armed = run(served(), { type: "skip-armed" });
    expect(armed.isSkipArmed).toBe(true);
    expect(armed.announcement.text).toMatch(/Press \] again/);
    expect(sessionReducer(armed, { type: "value-changed", key: "stars", value: 1 }).isSkipArmed).toBe(false);
  });
});

describe("going back to an earlier item", () => {
  const opened = (now = 5000): TSessionAction => ({
    type: "review-opened",
    assignment: second,
    values: { ...testAssignment("2").definitions.reduce((v, d) => ({ ...v, [d.key]: null }), {}), stars: 2 },
    index: 0,
    submittedAt: "2030-01-01T00:00:00.000Z",
    now,
  });

  it("shows the earlier item and pauses the current item's clock", () => {
    const state = run(served(first, 1000), opened(5000));
    expect(draftOf(state).assignment.assignmentId).toBe("2");
    expect(draftOf(state).values.stars).toBe(2);
    expect(state.queue.status === "ready" && state.queue.draft.shownAt).toBeNull();
    expect(state.queue.status === "ready" && state.queue.draft.spentMs).toBe(4000);
  });

  it("edits the earlier item, not the current one, and knows whether it changed", () => {
    let state = run(served(), { type: "value-changed", key: "stars", value: 5 }, opened());
    expect(isChanged(draftOf(state))).toBe(false);
    state = sessionReducer(state, { type: "value-changed", key: "stars", value: 3 });
    expect(isChanged(draftOf(state))).toBe(true);
    expect(state.queue.status === "ready" && state.queue.draft.values.stars).toBe(5);
  });

  it("returns to the current item with its answers, and its clock running again", () => {
    const state = run(served(first, 1000), { type: "value-changed", key: "stars", value: 5 }, opened(5000), {
      type: "review-closed",
      now: 65_000,
      message: "Changes saved.",
    });
    const draft = draftOf(state);
    expect(state.review).toBeNull();
    expect(draft.assignment.assignmentId).toBe("1");
    expect(draft.values.stars).toBe(5);
    // 4 s before going back, 1 s after; the minute spent on the earlier item does not count.
    expect(timeSpentMs(draft, 66_000)).toBe(5000);
    expect(state.announcement.text).toBe("Changes saved.");
  });

  it("does not steal focus when the queue serves while an earlier item is open", () => {
    const state = run(served(), opened());
    const next = sessionReducer(state, { type: "served", assignment: second, reason: "recheck", now: 9000 });
    expect(next.focusRequest).toEqual(state.focusRequest);
    expect(draftOf(next).assignment.assignmentId).toBe("2");
  });
});

describe("timeSpentMs", () => {
  it("counts from when the item was shown", () => {
    expect(timeSpentMs(draftOf(run(served(first, 1000))), 3500)).toBe(2500);
  });
});
