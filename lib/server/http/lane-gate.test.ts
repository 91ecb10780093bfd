import { describe, expect, it } from "vitest";
import { createLaneGate } from "./lane-gate";

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe("a lane's gate", () => {
  it("lets `limit` at work at once and the rest in arrival order, one per finished request", async () => {
    const gate = createLaneGate(2);
    const started: number[] = [];
    const holds = Array.from({ length: 5 }, deferred);
    const runs = holds.map((hold, n) =>
      gate.run(async () => {
        started.push(n);
        await hold.promise;
        return n;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(gate.waiting).toBe(3);
    holds[1].resolve();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    expect(gate.active).toBe(2);
    holds[0].resolve();
    holds[2].resolve();
    await Promise.all([runs[0], runs[2]]);
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([0, 1, 2, 3, 4]);
    holds[3].resolve();
    holds[4].resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(gate.active).toBe(0);
    expect(gate.waiting).toBe(0);
  });

  it("frees the slot of a request that failed", async () => {
    const gate = createLaneGate(1);
    await expect(gate.run(() => Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect(await gate.run(async () => "next")).toBe("next");
    expect(gate.active).toBe(0);
  });
});
