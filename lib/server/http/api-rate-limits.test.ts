import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { markClientAdmitted } from "@/lib/server/auth/client-address";
import { createApiRateLimits } from "./api-rate-limits";

const request = (socketAddress: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: socketAddress },
    headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
  }) as unknown as IncomingMessage;

const limits = () =>
  createApiRateLimits({ CONCORD_RATE_LIMIT_PER_TOKEN: "0", CONCORD_RATE_LIMIT_PER_ADDRESS: "1" });

describe("the per-address API limit", () => {
  it("ignores X-Forwarded-For where no client admission vouches for it", () => {
    const check = limits();
    expect(check(request("10.0.0.1", "203.0.113.1"), "/api/v1/projects").isAllowed).toBe(true);
    // Another forwarded address from the same socket is still the same client.
    expect(check(request("10.0.0.1", "203.0.113.2"), "/api/v1/projects")).toMatchObject({
      isAllowed: false,
      scope: "address",
    });
  });

  it("counts the address the admission resolved, so clients behind a trusted proxy are apart", () => {
    markClientAdmitted();
    const check = limits();
    expect(check(request("10.0.0.1", "203.0.113.1"), "/api/v1/projects").isAllowed).toBe(true);
    expect(check(request("10.0.0.1", "203.0.113.2"), "/api/v1/projects").isAllowed).toBe(true);
    expect(check(request("10.0.0.1", "203.0.113.1"), "/api/v1/projects")).toMatchObject({
      isAllowed: false,
      scope: "address",
    });
  });
});
