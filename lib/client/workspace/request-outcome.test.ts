import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/client/api-error";
import { isRetryable, retryDelayMs, SUBMIT_RETRIES, unavailableMessage } from "./request-outcome";

const problem = (status: number) => ({ status, title: "t", detail: "d" });

describe("retrying a request the server could not take", () => {
  it("retries what may succeed unchanged later, and nothing else", () => {
    expect(isRetryable(new ApiError(problem(503)))).toBe(true);
    expect(isRetryable(new ApiError(problem(429)))).toBe(true);
    expect(isRetryable(new TypeError("Failed to fetch"))).toBe(true);
    for (const status of [400, 401, 403, 404, 409, 422, 500])
      expect(isRetryable(new ApiError(problem(status)))).toBe(false);
  });

  it("doubles the wait from 1 s up to 30 s, spread by at most a fifth", () => {
    const none = () => 0;
    const waits = Array.from({ length: SUBMIT_RETRIES }, (_, i) => retryDelayMs(i, new TypeError(), none));
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    // About two minutes in all before the workspace gives up.
    expect(waits.reduce((a, b) => a + b, 0)).toBe(121_000);
    expect(retryDelayMs(0, new TypeError(), () => 0.999)).toBeLessThanOrEqual(1200);
  });

  it("never comes back sooner than the server's Retry-After", () => {
    expect(retryDelayMs(0, new ApiError(problem(503), 5), () => 0)).toBe(5000);
    expect(retryDelayMs(5, new ApiError(problem(503), 5), () => 0)).toBe(30_000);
  });

  it("tells the annotator their answer is kept", () => {
    expect(unavailableMessage(4200)).toBe(
      "The server is unavailable; your answer is kept. Trying again in 5 s.",
    );
  });
});
