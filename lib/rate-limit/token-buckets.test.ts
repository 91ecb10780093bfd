import { describe, expect, it } from "vitest";
import { createTokenBuckets } from "./token-buckets";

describe("token buckets", () => {
  it("allows a burst of perMinute, then refuses with the wait until the next request is earned", () => {
    const buckets = createTokenBuckets(3);
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) expect(buckets.take("a", t0).isAllowed).toBe(true);
    // 3 a minute: one every 20 s.
    expect(buckets.take("a", t0)).toEqual({ isAllowed: false, retryAfterSeconds: 20 });
    expect(buckets.take("a", t0 + 15_000)).toEqual({ isAllowed: false, retryAfterSeconds: 5 });
    expect(buckets.take("a", t0 + 20_000).isAllowed).toBe(true);
    expect(buckets.take("a", t0 + 20_000).isAllowed).toBe(false);
  });

  it("keeps each key's count apart", () => {
    const buckets = createTokenBuckets(1);
    expect(buckets.take("a", 0).isAllowed).toBe(true);
    expect(buckets.take("a", 0).isAllowed).toBe(false);
    expect(buckets.take("b", 0).isAllowed).toBe(true);
  });

  it("never refills beyond the burst", () => {
    const buckets = createTokenBuckets(2);
    expect(buckets.take("a", 0).isAllowed).toBe(true);
    const later = 3_600_000;
    expect(buckets.take("a", later).isAllowed).toBe(true);
    expect(buckets.take("a", later).isAllowed).toBe(true);
    expect(buckets.take("a", later).isAllowed).toBe(false);
  });

  it("forgets keys that are idle and full again", () => {
    const buckets = createTokenBuckets(60);
    for (let i = 0; i < 9_999; i++) buckets.take(`key-${i}`, 0);
    expect(buckets.size()).toBe(9_999);
    // The 10,000th take sweeps: a minute later every earlier key is full and goes.
    buckets.take("late", 60_000);
    expect(buckets.size()).toBe(1);
  });
});
