import type { TQueueIdle } from "@/lib/schemas/queue";
import { countNoun } from "@/lib/text/count-noun";

/*
 * The "all caught up" screen keeps asking for work: every 30 s, at once when the tab comes back,
 * and when the first lease of an item others hold ends (the slot may come to this annotator).
 * Pure, so the timing and the wording are tested without a clock or a browser.
 */

export const RECHECK_MS = 30_000;

/** Waiting a moment past a lease's end lets the claim that reclaims it find it expired. */
const AFTER_LEASE_MS = 1_000;

/** How long after `now` to ask again, given what the last check (at `checkedAt`) said. */
export function nextCheckDelay(idle: TQueueIdle, checkedAt: number, now: number): number {
  const regular = checkedAt + RECHECK_MS;
  const leaseEnds = idle.leaseExpiresAt ? Date.parse(idle.leaseExpiresAt) + AFTER_LEASE_MS : Infinity;
  return Math.max(0, Math.min(regular, leaseEnds) - now);
}

/** What the screen says about the queue, besides "no items for you". */
export function caughtUpText(
  idle: TQueueIdle,
  formatTime: (iso: string) => string,
): { situation: string | null; checking: string } {
  const every = `every ${RECHECK_MS / 1000} s`;
  if (idle.state === "done") {
    return {
      situation: null,
      checking: `Checking for new items ${every} and when you come back to this tab.`,
    };
  }
  const n = idle.leasedItems;
  const at = idle.leaseExpiresAt ? formatTime(idle.leaseExpiresAt) : null;
  if (n === 1) {
    return {
      situation:
        "1 item is being labeled by someone else right now. If it is given back or its lease runs out, it comes to you.",
      checking: `Checking again when that lease ends${at ? ` (at ${at})` : ""}, and ${every} meanwhile.`,
    };
  }
  return {
    situation: `${countNoun(n, "item is", "items are")} being labeled by others right now. If one is given back or its lease runs out, it comes to you.`,
    checking: `Checking again when their leases end${at ? ` (the first at ${at})` : ""}, and ${every} meanwhile.`,
  };
}
