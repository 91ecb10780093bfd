import { describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/client/api-error";
import {
  isRetryable,
  retryDelayMs,
  SUBMIT_RETRIES,
  unavailableMessage,
  withRetries,
} from "./request-outcome";

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

describe("withRetries", () => {
  it("sends again while the server is unavailable, and stops at the first answer", async () => {
    vi.useFakeTimers();
    try {
      let calls = 0;
      const waits: number[] = [];
      const done = withRetries(
        async () => {
          calls++;
          if (calls < 3) throw new ApiError(problem(503));
          return "saved";
        },
        (delay) => waits.push(delay),
      );
      await vi.runAllTimersAsync();
      await expect(done).resolves.toBe("saved");
      expect(calls).toBe(3);
      expect(waits).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("throws a refusal at once, and a lasting outage after SUBMIT_RETRIES waits", async () => {
    vi.useFakeTimers();
    try {
      let calls = 0;
      const refused = withRetries(
        async () => {
          calls++;
          throw new ApiError(problem(422));
        },
        () => undefined,
      );
      await expect(refused).rejects.toBeInstanceOf(ApiError);
      expect(calls).toBe(1);

      calls = 0;
      const down = withRetries(
        async () => {
          calls++;
          throw new ApiError(problem(503));
        },
        () => undefined,
      );
      const settled = down.catch((error: unknown) => error);
      await vi.runAllTimersAsync();
      expect(await settled).toBeInstanceOf(ApiError);
      expect(calls).toBe(SUBMIT_RETRIES + 1);
    } finally {
      vi.useRealTimers();
    }
  });
});
