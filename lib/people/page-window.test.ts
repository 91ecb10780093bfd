import { describe, expect, it } from "vitest";
import { pageWindow } from "./page-window";

describe("pageWindow", () => {
  it("turns a page number into an offset, clamped to the pages there are", () => {
    expect(pageWindow(undefined, 239)).toEqual({ page: 1, pages: 5, offset: 0, limit: 50 });
    expect(pageWindow("5", 239)).toEqual({ page: 5, pages: 5, offset: 200, limit: 50 });
    expect(pageWindow("9", 239).page).toBe(5);
    expect(pageWindow("0", 239).page).toBe(1);
    expect(pageWindow("x", 239).page).toBe(1);
    expect(pageWindow(["2", "3"], 239).page).toBe(2);
    expect(pageWindow("3", 0)).toEqual({ page: 1, pages: 1, offset: 0, limit: 50 });
  });
});
