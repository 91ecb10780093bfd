import { describe, expect, it } from "vitest";
import { assignHotkeys } from "./hotkeys";

describe("assignHotkeys", () => {
  it("assigns 1..9 in option order", () => {
    expect(assignHotkeys([{}, {}, {}])).toEqual(["1", "2", "3"]);
  });

  it("continues with letters after 9, then 0, then null", () => {
    const keys = assignHotkeys(Array.from({ length: 38 }, () => ({})));
    expect(keys.slice(0, 9)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(keys.slice(9, 12)).toEqual(["a", "b", "c"]);
    expect(keys[34]).toBe("z");
    expect(keys[35]).toBe("0");
    expect(keys.slice(36)).toEqual([null, null]);
  });

  it("keeps explicit hotkeys and skips them when assigning", () => {
    expect(assignHotkeys([{}, { hotkey: "1" }, {}, { hotkey: "x" }])).toEqual(["2", "1", "3", "x"]);
  });

  it("leaves explicit null alone", () => {
    expect(assignHotkeys([{ hotkey: null }, {}])).toEqual([null, "1"]);
  });

  it("is deterministic and yields unique hotkeys", () => {
    const input = [{}, { hotkey: "3" }, {}, { hotkey: "a" }, {}, {}, {}, {}, {}, {}, {}, {}];
    const first = assignHotkeys(input);
    expect(assignHotkeys(input)).toEqual(first);
    const used = first.filter((k) => k !== null);
    expect(new Set(used).size).toBe(used.length);
    expect(first).toEqual(["1", "3", "2", "a", "4", "5", "6", "7", "8", "9", "b", "c"]);
  });
});
