import fc from "fast-check";
import { describe, it } from "vitest";
import { krippendorffAlpha } from "./krippendorff";
import { masiAlpha } from "./multi-label";

const close = (a: number | null, b: number | null): boolean =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9;

describe("masiAlpha properties", () => {
  const setsArb = fc.array(
    fc.array(fc.option(fc.subarray(["a", "b", "c", "d"]), { nil: null, freq: 4 }), {
      minLength: 3,
      maxLength: 3,
    }),
    { minLength: 1, maxLength: 10 },
  );

  it("is at most 1", () => {
    fc.assert(fc.property(setsArb, (m) => (masiAlpha(m) ?? 0) <= 1 + 1e-12));
  });

  it("equals nominal alpha when every answer is a single label", () => {
    const singles = fc.array(
      fc.array(fc.option(fc.constantFrom("a", "b", "c"), { nil: null, freq: 4 }), {
        minLength: 3,
        maxLength: 3,
      }),
      { minLength: 1, maxLength: 10 },
    );
    fc.assert(
      fc.property(singles, (m) =>
        close(
          masiAlpha(m.map((row) => row.map((v) => (v === null ? null : [v])))),
          krippendorffAlpha(m, "nominal"),
        ),
      ),
    );
  });
});
