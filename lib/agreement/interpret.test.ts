import { describe, expect, it } from "vitest";
import { interpretAlpha } from "./interpret";

describe("interpretAlpha", () => {
  it("applies Krippendorff's thresholds", () => {
    expect(interpretAlpha(1)).toBe("reliable");
    expect(interpretAlpha(0.8)).toBe("reliable");
    expect(interpretAlpha(0.7999)).toBe("tentative");
    expect(interpretAlpha(0.667)).toBe("tentative");
    expect(interpretAlpha(0.6669)).toBe("unreliable");
    expect(interpretAlpha(-0.3)).toBe("unreliable");
  });

  it("reads a missing value as undefined", () => {
    expect(interpretAlpha(null)).toBe("undefined");
    expect(interpretAlpha(Number.NaN)).toBe("undefined");
  });
});
