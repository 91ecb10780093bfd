import { describe, expect, it } from "vitest";
import { ratingHotkeys } from "./rating-keys";

describe("ratingHotkeys", () => {
  it("uses the values themselves for scales within 0..9", () => {
    expect(ratingHotkeys(1, 5)).toEqual(["1", "2", "3", "4", "5"]);
    expect(ratingHotkeys(0, 9)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
  });

  it("numbers other short scales by position, the tenth value getting 0", () => {
    expect(ratingHotkeys(1, 10)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"]);
    expect(ratingHotkeys(-2, 2)).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("gives no keys to scales with more than ten values", () => {
    expect(ratingHotkeys(0, 10)).toEqual(new Array(11).fill(null));
  });
});
