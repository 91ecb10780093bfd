import { describe, expect, it } from "vitest";
import { RECHECK_MS, caughtUpText, nextCheckDelay } from "./caught-up";

const done = { state: "done" as const, leasedItems: 0, leaseExpiresAt: null };
const at = (iso: string) => Date.parse(iso);

describe("the caught-up screen's next check", () => {
  it("comes 30 s after the last one when nothing is leased", () => {
    expect(RECHECK_MS).toBe(30_000);
    expect(nextCheckDelay(done, 1_000, 1_000)).toBe(30_000);
    expect(nextCheckDelay(done, 1_000, 21_000)).toBe(10_000);
    expect(nextCheckDelay(done, 1_000, 99_000)).toBe(0);
  });

  it("comes a second after the first lease ends, when that is sooner", () => {
    const leased = { state: "leased" as const, leasedItems: 2, leaseExpiresAt: "2026-12-06T16:00:10.000Z" };
    const checked = at("2026-12-06T16:00:00.000Z");
    expect(nextCheckDelay(leased, checked, checked)).toBe(11_000);
    const later = { ...leased, leaseExpiresAt: "2026-12-06T16:05:00.000Z" };
    expect(nextCheckDelay(later, checked, checked)).toBe(30_000);
    const past = { ...leased, leaseExpiresAt: "2026-12-06T15:59:00.000Z" };
    expect(nextCheckDelay(past, checked, checked)).toBe(0);
  });
});

describe("what the caught-up screen says", () => {
  const time = (iso: string) => iso.slice(11, 16);

  it("says it keeps checking when nothing is left", () => {
    expect(caughtUpText(done, time)).toEqual({
      situation: null,
      checking: "Checking for new items every 30 s and when you come back to this tab.",
    });
  });

  it("says how many items others are labeling and when the first lease ends", () => {
    const text = caughtUpText(
      { state: "leased", leasedItems: 3, leaseExpiresAt: "2026-12-06T16:42:00.000Z" },
      time,
    );
    expect(text.situation).toBe(
      "3 items are being labeled by others right now. If one is given back or its lease runs out, it comes to you.",
    );
    expect(text.checking).toBe(
      "Checking again when their leases end (the first at 16:42), and every 30 s meanwhile.",
    );
    const one = caughtUpText(
      { state: "leased", leasedItems: 1, leaseExpiresAt: "2026-12-06T16:50:00.000Z" },
      time,
    );
    expect(one).toEqual({
      situation:
        "1 item is being labeled by someone else right now. If it is given back or its lease runs out, it comes to you.",
      checking: "Checking again when that lease ends (at 16:50), and every 30 s meanwhile.",
    });
  });
});
