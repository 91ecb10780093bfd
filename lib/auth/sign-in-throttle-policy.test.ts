import { describe, expect, it } from "vitest";
import { THROTTLE, slowdownMs, throttleKeys } from "./sign-in-throttle-policy";

describe("throttleKeys", () => {
  it("keys an account per address, the address alone, and the account alone", () => {
    expect(throttleKeys(" Ada@Example.COM ", "198.51.100.4")).toEqual({
      accountAtAddress: "account-at:198.51.100.4|ada@example.com",
      address: "address:198.51.100.4",
      account: "account:ada@example.com",
    });
  });

  it("gives the same account different keys from different addresses", () => {
    const a = throttleKeys("ada@example.com", "198.51.100.4");
    const b = throttleKeys("ada@example.com", "2001:db8::1");
    expect(a.accountAtAddress).not.toBe(b.accountAtAddress);
    expect(a.account).toBe(b.account);
  });

  it("keeps no address key when the address is unknown", () => {
    expect(throttleKeys("ada@example.com", null)).toEqual({
      accountAtAddress: "account-at:unknown|ada@example.com",
      address: null,
      account: "account:ada@example.com",
    });
  });
});

describe("slowdownMs", () => {
  it("does not slow an account with few failures", () => {
    for (let n = 0; n < THROTTLE.slowAccountAfter; n++) expect(slowdownMs(n)).toBe(0);
  });

  it("grows by a step per failure past the threshold, up to a cap", () => {
    const first = THROTTLE.slowAccountAfter;
    expect(slowdownMs(first)).toBe(THROTTLE.slowdownStepMs);
    expect(slowdownMs(first + 1)).toBe(2 * THROTTLE.slowdownStepMs);
    expect(slowdownMs(first + 1000)).toBe(THROTTLE.maxSlowdownMs);
    for (let n = 0; n < 200; n++) expect(slowdownMs(n + 1)).toBeGreaterThanOrEqual(slowdownMs(n));
  });
});
