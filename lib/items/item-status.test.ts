import { describe, expect, it } from "vitest";
import { itemStatus } from "./item-status";

const base = { doneCount: 0, leaseCount: 0, targetCount: 3, isAdjudicated: false };
const never = () => {
  throw new Error("final labels are not needed before all annotations are in");
};

describe("itemStatus", () => {
  it("follows the counters, and reads the final labels only for complete items", () => {
    expect(itemStatus(base, never)).toBe("open");
    expect(itemStatus({ ...base, leaseCount: 1 }, never)).toBe("in_progress");
    expect(itemStatus({ ...base, doneCount: 2 }, never)).toBe("in_progress");
    expect(itemStatus({ ...base, doneCount: 3 }, () => false)).toBe("done");
    expect(itemStatus({ ...base, doneCount: 3 }, () => true)).toBe("resolved");
    expect(itemStatus({ ...base, doneCount: 1, isAdjudicated: true }, never)).toBe("adjudicated");
  });
});
