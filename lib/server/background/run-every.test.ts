import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runEvery, stopRunning } from "./run-every";

const error = vi.fn();
vi.mock("@/lib/server/log/logger", () => ({ getLogger: () => ({ error }) }));

describe("runEvery", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubEnv("DATABASE_URL", "postgresql://test");
    error.mockClear();
  });
  afterEach(() => {
    stopRunning("task");
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it("runs one pass at a time: a slow pass skips ticks instead of piling up", async () => {
    let running = 0;
    let most = 0;
    let passes = 0;
    const release: (() => void)[] = [];
    runEvery("task", 100, async () => {
      passes += 1;
      running += 1;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => release.push(resolve));
      running -= 1;
    });
    await vi.advanceTimersByTimeAsync(550); // five ticks while the first pass hangs
    expect(passes).toBe(1);
    release.shift()!();
    await vi.advanceTimersByTimeAsync(100);
    expect(passes).toBe(2);
    expect(most).toBe(1);
    release.shift()!();
  });

  it("logs a failed pass by name and runs the next tick; a second start is ignored", async () => {
    let passes = 0;
    const pass = async () => {
      passes += 1;
      if (passes === 1) throw new Error("database away");
    };
    runEvery("task", 100, pass);
    runEvery("task", 100, pass);
    await vi.advanceTimersByTimeAsync(250);
    expect(passes).toBe(2);
    expect(error).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith({ task: "task", message: "database away" }, "background task failed");
  });

  it("does nothing without a database", async () => {
    vi.stubEnv("DATABASE_URL", "");
    let passes = 0;
    runEvery("task", 100, async () => {
      passes += 1;
    });
    await vi.advanceTimersByTimeAsync(500);
    expect(passes).toBe(0);
  });
});
