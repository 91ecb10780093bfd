import { describe, expect, it } from "vitest";
import { queueIdleFromHeaders, queueIdleHeaders } from "./queue-idle-headers";

const now = Date.parse("2026-12-06T16:00:00.000Z");

describe("the headers of a claim that served nothing", () => {
  it("say done, and nothing about when to ask again", () => {
    expect(queueIdleHeaders({ state: "done", leasedItems: 0, leaseExpiresAt: null }, now)).toEqual({
      "concord-queue-state": "done",
    });
  });

  it("say how many items others lease and when the first lease ends, rounded up to whole seconds", () => {
    const idle = { state: "leased" as const, leasedItems: 3, leaseExpiresAt: "2026-12-06T16:01:30.200Z" };
    expect(queueIdleHeaders(idle, now)).toEqual({
      "concord-queue-state": "leased",
      "concord-leased-items": "3",
      "concord-lease-expires": "2026-12-06T16:01:30.200Z",
      "retry-after": "91",
    });
  });

  it("never ask to retry at once, even for a lease already past its expiry", () => {
    const idle = { state: "leased" as const, leasedItems: 1, leaseExpiresAt: "2026-12-06T15:59:00.000Z" };
    expect(queueIdleHeaders(idle, now)["retry-after"]).toBe("1");
  });

  it("read back what they say", () => {
    const idle = { state: "leased" as const, leasedItems: 2, leaseExpiresAt: "2026-12-06T16:10:00.000Z" };
    expect(queueIdleFromHeaders(new Headers(queueIdleHeaders(idle, now)))).toEqual(idle);
  });

  it("read a 204 without them, or with nonsense, as done", () => {
    const done = { state: "done", leasedItems: 0, leaseExpiresAt: null };
    expect(queueIdleFromHeaders(new Headers())).toEqual(done);
    expect(queueIdleFromHeaders(new Headers({ "concord-queue-state": "later" }))).toEqual(done);
  });
});
