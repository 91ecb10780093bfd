import { describe, expect, it } from "vitest";
import { countNoun } from "./count-noun";

describe("countNoun", () => {
  it("says one in the singular and every other count in the plural, digits grouped", () => {
    expect(countNoun(1, "annotator")).toBe("1 annotator");
    expect(countNoun(0, "annotator")).toBe("0 annotators");
    expect(countNoun(2, "item")).toBe("2 items");
    expect(countNoun(12345, "label")).toBe("12,345 labels");
    expect(countNoun(1, "eval set", "eval sets")).toBe("1 eval set");
    expect(countNoun(3, "analysis", "analyses")).toBe("3 analyses");
  });
});
