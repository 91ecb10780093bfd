import { describe, expect, it } from "vitest";
import { readingFor } from "./reading";

describe("readingFor", () => {
  it("reads alpha with Krippendorff's thresholds", () => {
    expect(readingFor("alpha_nominal", 0.85, [0.82, 0.88], 100).reading).toBe("reliable");
    expect(readingFor("alpha_ordinal", 0.7, [0.68, 0.72], 100).reading).toBe("tentative");
    expect(readingFor("alpha_masi", 0.4, [0.3, 0.5], 100).reading).toBe("unreliable");
  });

  it("warns when the interval crosses a threshold", () => {
    const r = readingFor("alpha_nominal", 0.81, [0.75, 0.86], 40);
    expect(r.reading).toBe("reliable");
    expect(r.text).toContain("0.75 to 0.86");
    expect(r.text).toContain("crosses a threshold");
    expect(readingFor("alpha_nominal", 0.9, [0.85, 0.95], 40).text).not.toContain("crosses");
  });

  it("does not apply the thresholds to raw agreement", () => {
    const r = readingFor("span_f1_overlap", 0.72, [0.7, 0.74], 30);
    expect(r.reading).toBe("not_applicable");
    expect(r.text).toContain("72%");
  });

  it("explains why a value is missing", () => {
    expect(readingFor("alpha_nominal", null, null, 0)).toMatchObject({ reading: "undefined" });
    expect(readingFor("alpha_nominal", null, null, 0).text).toContain("Not enough data");
    expect(readingFor("alpha_nominal", null, null, 12).text).toContain("no variation");
  });
});
