import { expect, it } from "vitest";

it("fails on purpose (unit)", () => {
  expect(1).toBe(2);
});
