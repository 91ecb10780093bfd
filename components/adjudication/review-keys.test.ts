import { describe, expect, it } from "vitest";
import { reviewCommand } from "./review-keys";

const press = (key: string, extra: Record<string, unknown> = {}) =>
  reviewCommand({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    repeat: false,
    isComposing: false,
    defaultPrevented: false,
    target: { tagName: "BODY" } as unknown as EventTarget,
    ...extra,
  });

describe("reviewCommand", () => {
  it("maps the page's shortcuts", () => {
    expect(press("a")).toEqual({ type: "accept-majority" });
    expect(press("A")).toEqual({ type: "accept-majority" });
    expect(press("1")).toEqual({ type: "pick", index: 0 });
    expect(press("9")).toEqual({ type: "pick", index: 8 });
    expect(press("0")).toBeNull();
    expect(press("n")).toEqual({ type: "next" });
    expect(press("j")).toEqual({ type: "next" });
    expect(press("ArrowDown")).toEqual({ type: "move", step: 1 });
    expect(press("Enter", { ctrlKey: true })).toEqual({ type: "save" });
    expect(press("Enter", { metaKey: true })).toEqual({ type: "save" });
    expect(press("Enter")).toBeNull();
  });

  it("ignores single keys typed in a field, but saves from one with Ctrl+Enter", () => {
    for (const tagName of ["INPUT", "TEXTAREA", "SELECT"]) {
      const target = { tagName } as unknown as EventTarget;
      expect(press("a", { target })).toBeNull();
      expect(press("1", { target })).toBeNull();
      expect(press("n", { target })).toBeNull();
      expect(press("Enter", { target, ctrlKey: true })).toEqual({ type: "save" });
    }
    expect(press("a", { target: { isContentEditable: true } as unknown as EventTarget })).toBeNull();
    expect(press("a", { ctrlKey: true })).toBeNull();
    expect(press("a", { defaultPrevented: true })).toBeNull();
    expect(press("Enter", { ctrlKey: true, repeat: true })).toBeNull();
  });
});
