import { describe, expect, it } from "vitest";
import { isShownFlipped, positionOf, sideAt } from "./pairwise-sides";

describe("pairwise sides", () => {
  it("shows A left unless the definition shuffles and the assignment drew a flip", () => {
    expect(isShownFlipped({}, true)).toBe(false);
    expect(isShownFlipped({ shuffleSides: true }, false)).toBe(false);
    expect(isShownFlipped({ shuffleSides: true }, true)).toBe(true);
  });

  it("maps a position to the data's side and back", () => {
    expect(sideAt("left", false)).toBe("A");
    expect(sideAt("right", false)).toBe("B");
    expect(sideAt("left", true)).toBe("B");
    expect(sideAt("right", true)).toBe("A");
    for (const flipped of [false, true]) {
      for (const position of ["left", "right"] as const) {
        expect(positionOf(sideAt(position, flipped), flipped)).toBe(position);
      }
    }
    expect(positionOf("tie", true)).toBeNull();
  });
});
