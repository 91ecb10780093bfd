import { describe, expect, it } from "vitest";
import { formatInterval, formatLabelValue, formatPValue, formatPercent, formatValue } from "./format";

describe("agreement formatting", () => {
  it("shows two decimals, no negative zero, and a dash for nothing", () => {
    expect(formatValue(0.7412)).toBe("0.74");
    expect(formatValue(-0.001)).toBe("0.00");
    expect(formatValue(null)).toBe("—");
    expect(formatInterval([0.7051, 0.7749])).toBe("0.71–0.77");
    expect(formatInterval(null)).toBe("—");
    expect(formatInterval([-0.031, -0.02])).toBe("-0.03 to -0.02");
    expect(formatPercent(0.724)).toBe("72%");
    expect(formatPValue(0.0004)).toBe("p < 0.001");
    expect(formatPValue(0.0123)).toBe("p = 0.012");
  });
});

describe("formatLabelValue", () => {
  const titles = new Map([
    ["helpful", "Helpful"],
    ["harmless", "Harmless"],
  ]);

  it("reads a rubric's scores as criterion title: value, in the definition's order", () => {
    // Canonical JSON orders keys alphabetically: harmless before helpful.
    expect(formatLabelValue('{"harmless":2,"helpful":4}', titles)).toBe("Helpful: 4 · Harmless: 2");
    expect(formatLabelValue('{"harmless":2,"helpful":4}')).toBe("harmless: 2 · helpful: 4");
    expect(formatLabelValue('{"clarity":3,"helpful":5}', titles)).toBe("Helpful: 5 · clarity: 3");
  });

  it("leaves every other value as stored", () => {
    expect(formatLabelValue("positive")).toBe("positive");
    expect(formatLabelValue('["a","b"]')).toBe('["a","b"]');
    expect(formatLabelValue("[1,2,2,3]")).toBe("[1,2,2,3]");
    expect(formatLabelValue('[{"start":0,"end":5,"label":"PER"}]')).toBe(
      '[{"start":0,"end":5,"label":"PER"}]',
    );
    expect(formatLabelValue("{}")).toBe("{}");
    expect(formatLabelValue('{"note":"x"}')).toBe('{"note":"x"}');
    expect(formatLabelValue("(none)")).toBe("(none)");
  });
});
