import { describe, expect, it } from "vitest";
import { formatBytes, formatPercent, formatValue, formatValueFor } from "./format-value";

describe("formatValue", () => {
  it("writes each kind of label value readably", () => {
    expect(formatValue("pos")).toBe("pos");
    expect(formatValue(4)).toBe("4");
    expect(formatValue(null)).toBe("—");
    expect(formatValue([])).toBe("(none)");
    expect(formatValue(["a", "b"])).toBe("a, b");
    expect(formatValue([{ start: 0, end: 5, label: "PER" }])).toBe("PER [0–5]");
  });

  it("writes shares and sizes", () => {
    expect(formatPercent(2 / 3)).toBe("66.7%");
    expect(formatPercent(0.5)).toBe("50%");
    expect(formatPercent(null)).toBe("—");
    expect(formatBytes(2_500_000)).toBe("2.5 MB");
  });
});

describe("formatValueFor", () => {
  it("shows option titles instead of keys", () => {
    const spec = {
      options: [
        { key: "neu", title: "Neutral" },
        { key: "PER", title: "Person" },
      ],
    };
    expect(formatValueFor(spec, "neu")).toBe("Neutral");
    expect(formatValueFor(spec, ["neu", "x"])).toBe("Neutral, x");
    expect(formatValueFor(spec, [{ start: 1, end: 3, label: "PER" }])).toBe("Person [1–3]");
    expect(formatValueFor({}, 4)).toBe("4");
  });
});
