import { describe, expect, it } from "vitest";
import type { TFocusKind, TKeyInput } from "./queue-keys";
import { ANCHOR_ATTRIBUTE, focusKindOf, queueCommand } from "./queue-keys";

function press(key: string, extra: Partial<TKeyInput> = {}): TKeyInput {
  return {
    key,
    code: "",
    shiftKey: false,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    repeat: false,
    isComposing: false,
    defaultPrevented: false,
    ...extra,
  };
}

const onAnchor = { focus: "anchor" as TFocusKind, isReviewing: false };
const command = (
  key: string,
  extra: Partial<TKeyInput> = {},
  focus: TFocusKind = "anchor",
  isReviewing = false,
) => queueCommand(press(key, extra), { focus, isReviewing });

describe("queueCommand", () => {
  it("maps the item keys", () => {
    expect(command("Enter")).toEqual({ type: "commit" });
    expect(command("]")).toEqual({ type: "skip" });
    expect(command("[")).toEqual({ type: "back" });
    expect(command("?", { shiftKey: true })).toEqual({ type: "help" });
    expect(command("Escape")).toBeNull();
  });

  it("never takes an option key ([0-9a-z]) or a rating step key", () => {
    for (const key of [..."0123456789abcdefghijklmnopqrstuvwxyz", "-", "+", "="]) {
      expect(command(key)).toBeNull();
      expect(command(key.toUpperCase(), { shiftKey: true })).toBeNull();
    }
  });

  it("moves between definitions with the arrows, and with Tab from a definition", () => {
    expect(command("ArrowDown")).toEqual({ type: "move", step: 1, via: "arrow" });
    expect(command("ArrowUp", {}, "toggle")).toEqual({ type: "move", step: -1, via: "arrow" });
    expect(command("Tab")).toEqual({ type: "move", step: 1, via: "tab" });
    expect(command("Tab", { shiftKey: true }, "page")).toEqual({ type: "move", step: -1, via: "tab" });
  });

  it("leaves Tab alone inside a control's buttons, and the arrows in a scrolling text", () => {
    expect(command("Tab", {}, "toggle")).toBeNull();
    expect(command("Tab", {}, "button")).toBeNull();
    expect(command("ArrowDown", {}, "scroller")).toBeNull();
  });

  it("lets a focused button or link keep its Enter, but not an option (Space presses it)", () => {
    expect(command("Enter", {}, "button")).toBeNull();
    expect(command("Enter", {}, "toggle")).toEqual({ type: "commit" });
    expect(command("Enter", {}, "scroller")).toEqual({ type: "commit" });
  });

  it("types into text boxes: only Ctrl/Cmd+Enter, Tab (from a free-text answer) and Esc act", () => {
    for (const focus of ["text-entry", "text-anchor"] as const) {
      for (const key of ["Enter", "[", "]", "?", "ArrowDown", "a"])
        expect(command(key, {}, focus)).toBeNull();
      expect(command("Escape", {}, focus)).toEqual({ type: "leave-text" });
      expect(command("Enter", { ctrlKey: true }, focus)).toEqual({ type: "commit" });
      expect(command("Enter", { metaKey: true }, focus)).toEqual({ type: "commit" });
    }
    expect(command("Tab", {}, "text-anchor")).toEqual({ type: "move", step: 1, via: "tab" });
    expect(command("Tab", {}, "text-entry")).toBeNull();
  });

  it("offers Alt+S, Alt+B and Alt+G by physical key, for layouts where [ and ] need AltGr", () => {
    expect(command("ß", { altKey: true, code: "KeyS" })).toEqual({ type: "skip" });
    expect(command("∫", { altKey: true, code: "KeyB" }, "text-entry")).toEqual({ type: "back" });
    expect(command("©", { altKey: true, code: "KeyG" })).toEqual({ type: "toggle-guidelines" });
    // AltGr arrives as Ctrl+Alt: it types a character and is never a command.
    expect(command("]", { altKey: true, ctrlKey: true, code: "Digit9" })).toBeNull();
    expect(command("s", { ctrlKey: true, code: "KeyS" })).toBeNull();
  });

  it("while going back: ] is newer, Esc returns, and there is nothing to skip", () => {
    expect(command("]", {}, "anchor", true)).toEqual({ type: "forward" });
    expect(command("Escape", {}, "anchor", true)).toEqual({ type: "return" });
    expect(command("s", { altKey: true, code: "KeyS" }, "anchor", true)).toBeNull();
    expect(command("Enter", {}, "anchor", true)).toEqual({ type: "commit" });
  });

  it("ignores held keys (except the arrows), IME composition, consumed events and dialogs", () => {
    expect(command("Enter", { repeat: true })).toBeNull();
    expect(command("]", { repeat: true })).toBeNull();
    expect(command("ArrowDown", { repeat: true })).toEqual({ type: "move", step: 1, via: "arrow" });
    expect(command("Enter", { isComposing: true })).toBeNull();
    expect(command("Enter", { defaultPrevented: true })).toBeNull();
    expect(queueCommand(press("?"), { ...onAnchor, focus: "dialog" })).toBeNull();
  });
});

type TFake = {
  tagName: string;
  attributes?: Record<string, string>;
  inside?: string[];
  isContentEditable?: boolean;
};

function element({ tagName, attributes = {}, inside = [], isContentEditable = false }: TFake) {
  return {
    tagName,
    isContentEditable,
    getAttribute: (name: string) => attributes[name] ?? null,
    closest: (selector: string) => (inside.some((s) => selector.includes(s)) ? {} : null),
  };
}

describe("focusKindOf", () => {
  it("classifies what has focus", () => {
    expect(focusKindOf(null)).toBe("page");
    expect(focusKindOf(element({ tagName: "BODY" }))).toBe("page");
    expect(focusKindOf(element({ tagName: "DIV", attributes: { [ANCHOR_ATTRIBUTE]: "" } }))).toBe("anchor");
    expect(focusKindOf(element({ tagName: "TEXTAREA", attributes: { [ANCHOR_ATTRIBUTE]: "" } }))).toBe(
      "text-anchor",
    );
    expect(focusKindOf(element({ tagName: "INPUT" }))).toBe("text-entry");
    expect(focusKindOf(element({ tagName: "DIV", isContentEditable: true }))).toBe("text-entry");
    expect(focusKindOf(element({ tagName: "BUTTON", attributes: { "aria-pressed": "false" } }))).toBe(
      "toggle",
    );
    expect(focusKindOf(element({ tagName: "BUTTON" }))).toBe("button");
    expect(focusKindOf(element({ tagName: "A" }))).toBe("button");
    expect(focusKindOf(element({ tagName: "DIV", attributes: { tabindex: "0" } }))).toBe("scroller");
    expect(focusKindOf(element({ tagName: "BUTTON", inside: ["dialog"] }))).toBe("dialog");
  });
});
