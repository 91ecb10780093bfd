import { describe, expect, it } from "vitest";
import type { THotkeyEventLike } from "./use-hotkeys";
import { hotkeyFromEvent } from "./use-hotkeys";

function press(key: string, extra: Partial<THotkeyEventLike> = {}): THotkeyEventLike {
  return {
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    repeat: false,
    isComposing: false,
    defaultPrevented: false,
    target: { tagName: "BODY", isContentEditable: false, closest: () => null } as unknown as EventTarget,
    ...extra,
  };
}

function target(props: Record<string, unknown>): EventTarget {
  return { closest: () => null, ...props } as unknown as EventTarget;
}

describe("hotkeyFromEvent", () => {
  it("returns plain keys, lowercasing single characters", () => {
    expect(hotkeyFromEvent(press("1"))).toBe("1");
    expect(hotkeyFromEvent(press("A"))).toBe("a");
    expect(hotkeyFromEvent(press("Escape"))).toBe("Escape");
  });

  it("ignores chords with ctrl, meta or alt", () => {
    expect(hotkeyFromEvent(press("c", { ctrlKey: true }))).toBeNull();
    expect(hotkeyFromEvent(press("c", { metaKey: true }))).toBeNull();
    expect(hotkeyFromEvent(press("c", { altKey: true }))).toBeNull();
  });

  it("ignores typing in form fields and contenteditable", () => {
    expect(hotkeyFromEvent(press("a", { target: target({ tagName: "INPUT" }) }))).toBeNull();
    expect(hotkeyFromEvent(press("a", { target: target({ tagName: "textarea" }) }))).toBeNull();
    expect(hotkeyFromEvent(press("a", { target: target({ tagName: "SELECT" }) }))).toBeNull();
    expect(
      hotkeyFromEvent(press("a", { target: target({ tagName: "DIV", isContentEditable: true }) })),
    ).toBeNull();
  });

  it("ignores events inside a region that opted out", () => {
    const inOptOut = target({ tagName: "BUTTON", closest: () => ({}) });
    expect(hotkeyFromEvent(press("a", { target: inOptOut }))).toBeNull();
  });

  it("ignores auto-repeat, IME composition and consumed events", () => {
    expect(hotkeyFromEvent(press("a", { repeat: true }))).toBeNull();
    expect(hotkeyFromEvent(press("a", { isComposing: true }))).toBeNull();
    expect(hotkeyFromEvent(press("a", { defaultPrevented: true }))).toBeNull();
  });

  it("accepts keys pressed on buttons and other non-typing elements", () => {
    expect(hotkeyFromEvent(press("2", { target: target({ tagName: "BUTTON" }) }))).toBe("2");
  });
});
