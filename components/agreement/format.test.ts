import { describe, expect, it } from "vitest";
import { formatInterval, formatPValue, formatPercent, formatValue } from "./format";

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
